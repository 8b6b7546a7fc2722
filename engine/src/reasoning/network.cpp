#include "dipcal/reasoning/network.h"

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/range/iterator_range.hpp>

#include <algorithm>
#include <deque>
#include <limits>
#include <stdexcept>
#include <utility>

namespace dipcal {

namespace {

using std::chrono::seconds;

struct DistanceEdge {
  std::int64_t weight = 0;  // t(target) − t(source) ≤ weight
  std::uint32_t constraint = 0;
  bool upper = true;
};

using DistanceGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, DistanceEdge, boost::no_property,
                                                         std::uint32_t, std::uint32_t>;
using EdgeDesc = boost::graph_traits<DistanceGraph>::edge_descriptor;

constexpr std::int64_t kInfinity = std::numeric_limits<std::int64_t>::max() / 4;
constexpr std::uint32_t kUnseen = std::numeric_limits<std::uint32_t>::max();

// The distance graph in one direction (reverse = false) or with every edge turned round.
DistanceGraph build_graph(const TemporalNetwork& net, bool reverse) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;
  std::vector<DistanceEdge> props;
  ends.reserve(net.constraints().size() * 2);
  props.reserve(net.constraints().size() * 2);
  auto add = [&](std::uint32_t u, std::uint32_t v, DistanceEdge e) {
    ends.emplace_back(reverse ? v : u, reverse ? u : v);
    props.push_back(e);
  };
  for (std::uint32_t i = 0; i < net.constraints().size(); ++i) {
    const auto& c = net.constraints()[i];
    if (c.hi) add(c.from, c.to, {c.hi->count(), i, true});
    if (c.lo) add(c.to, c.from, {-c.lo->count(), i, false});
  }
  return DistanceGraph{boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), props.begin(),
                       static_cast<std::uint32_t>(net.point_count())};
}

struct ShortestPaths {
  std::vector<std::int64_t> distance;
  std::optional<std::vector<EdgeDesc>> negative_cycle;  // edges in cycle order
};

// Queue-based Bellman–Ford (Bellman–Ford–Moore). Boost's bellman_ford_shortest_paths runs |V| full
// passes over every edge before it can report a negative cycle, which at 200k points and a million
// edges is hours; here a vertex is revisited only when its distance drops, and a path of |V| edges
// proves a cycle at once. `sources` start at distance 0 (all points, to test consistency of the
// whole network, or the reference point alone, for windows).
ShortestPaths shortest_paths(const DistanceGraph& g, const std::vector<std::uint32_t>& sources) {
  const auto n = static_cast<std::uint32_t>(boost::num_vertices(g));
  ShortestPaths result;
  result.distance.assign(n, kInfinity);
  std::vector<std::uint32_t> length(n, 0);
  std::vector<EdgeDesc> pred(n);
  std::vector<bool> has_pred(n, false), queued(n, false);
  std::deque<std::uint32_t> queue;
  for (auto s : sources) {
    result.distance[s] = 0;
    queue.push_back(s);
    queued[s] = true;
  }
  while (!queue.empty()) {
    auto u = queue.front();
    queue.pop_front();
    queued[u] = false;
    for (auto e : boost::make_iterator_range(boost::out_edges(u, g))) {
      auto v = boost::target(e, g);
      auto candidate = result.distance[u] + g[e].weight;
      if (candidate >= result.distance[v]) continue;
      result.distance[v] = candidate;
      pred[v] = e;
      has_pred[v] = true;
      length[v] = length[u] + 1;
      if (length[v] >= n) {
        // v's path has n edges, so it repeats a vertex: the predecessor links from v lead into a
        // cycle, which is negative. (If they run out at a source first, the links were renewed
        // meanwhile; carry on, the cycle shows again.)
        std::vector<std::uint32_t> seen_at(n, kUnseen);
        std::uint32_t x = v;
        std::uint32_t step = 0;
        while (has_pred[x] && seen_at[x] == kUnseen) {
          seen_at[x] = step++;
          x = boost::source(pred[x], g);
        }
        if (has_pred[x]) {
          std::vector<EdgeDesc> cycle;
          auto y = x;
          do {
            cycle.push_back(pred[y]);
            y = boost::source(pred[y], g);
          } while (y != x);
          std::reverse(cycle.begin(), cycle.end());
          result.negative_cycle = std::move(cycle);
          return result;
        }
        length[v] = 0;
      }
      if (!queued[v]) {
        // Small-label-first: a vertex whose distance is now below the queue's front goes first.
        if (!queue.empty() && candidate < result.distance[queue.front()]) queue.push_front(v);
        else queue.push_back(v);
        queued[v] = true;
      }
    }
  }
  return result;
}

}  // namespace

TemporalNetwork::TemporalNetwork(std::size_t events) : events_{events} {}

std::uint32_t TemporalNetwork::add_source(ConstraintSource source) {
  sources_.push_back(std::move(source));
  return static_cast<std::uint32_t>(sources_.size() - 1);
}

void TemporalNetwork::add(const Constraint& c) {
  if (c.from >= point_count() || c.to >= point_count() || c.source >= sources_.size())
    throw std::out_of_range{"TemporalNetwork::add: point or source out of range"};
  constraints_.push_back(c);
}

void TemporalNetwork::pin(std::uint32_t point, Instant at, std::uint32_t source) { bound(point, at, at, source); }

void TemporalNetwork::bound(std::uint32_t point, std::optional<Instant> earliest, std::optional<Instant> latest, std::uint32_t source) {
  Constraint c{reference(), point, {}, {}, source};
  if (earliest) c.lo = seconds{earliest->unix_seconds()};
  if (latest) c.hi = seconds{latest->unix_seconds()};
  if (c.lo || c.hi) add(c);
}

NetworkSolution TemporalNetwork::solve() const {
  NetworkSolution solution;
  auto forward = build_graph(*this, false);
  // Consistency: every point a source at distance 0 finds a negative cycle wherever it lies, also
  // among events no date reaches.
  std::vector<std::uint32_t> all(point_count());
  for (std::uint32_t i = 0; i < all.size(); ++i) all[i] = i;
  auto check = shortest_paths(forward, all);
  if (check.negative_cycle) {
    Conflict conflict;
    std::int64_t total = 0;
    for (auto e : *check.negative_cycle) {
      const auto& edge = forward[e];
      conflict.cycle.push_back({boost::source(e, forward), boost::target(e, forward), seconds{edge.weight},
                                constraints_[edge.constraint].source, edge.upper});
      total += edge.weight;
    }
    conflict.excess = seconds{-total};
    solution.consistent = false;
    solution.conflict = std::move(conflict);
    return solution;
  }
  // latest(p) = d(ref → p); earliest(p) = −d(p → ref), a shortest path from ref on the reversed graph.
  auto latest = shortest_paths(forward, {reference()});
  auto earliest = shortest_paths(build_graph(*this, true), {reference()});
  solution.points.resize(point_count());
  for (std::size_t p = 0; p < point_count(); ++p) {
    if (latest.distance[p] < kInfinity) solution.points[p].latest = Instant::from_unix(latest.distance[p]);
    if (earliest.distance[p] < kInfinity) solution.points[p].earliest = Instant::from_unix(-earliest.distance[p]);
  }
  return solution;
}

}  // namespace dipcal

#include "dipcal/reasoning/graph.h"

#include "dipcal/model/relations.h"
#include "dipcal/model/timeline.h"
#include "dipcal/text/time_words.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/graph/hawick_circuits.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <boost/range/iterator_range.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <iterator>
#include <set>
#include <sstream>

namespace dipcal {

namespace {

struct EdgeProps {
  std::size_t link = 0;  // index into Impl::links
};

// vecS vertices: vertex descriptor == event index. Bidirectional, so prerequisites are a walk on
// in-edges.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property, EdgeProps>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

// Collects the cycles Hawick and James's algorithm finds, up to a limit.
struct CycleCollector {
  std::vector<std::vector<Vertex>>* found;
  std::size_t limit;
  struct Enough {};
  template <class Path, class G>
  void cycle(const Path& p, const G&) const {
    found->emplace_back(p.begin(), p.end());
    if (found->size() >= limit) throw Enough{};
  }
};

std::string dot_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string mermaid_id(std::string_view id) {
  std::string out{id};
  std::replace(out.begin(), out.end(), '-', '_');  // slugs have no '_', so this stays one-to-one
  if (out == "end") out = "end_";                  // "end" closes a Mermaid subgraph
  return out;
}

std::string mermaid_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '"') out += "#quot;";
    else if (c == '<') out += "#lt;";
    else if (c == '>') out += "#gt;";
    else out += c;
  }
  return out;
}

}  // namespace

std::string_view DependencyLink::word() const {
  const auto& s = semantics(type);
  return owner == prerequisite ? s.forward : s.inverse;
}

std::string DependencyLink::stated(const Timeline& timeline) const {
  auto other = owner == prerequisite ? dependent : prerequisite;
  return fmt::format("{} {} {}", timeline.at(owner).id, to_string(type), timeline.at(other).id);
}

struct DependencyGraph::Impl {
  const Timeline* timeline;
  std::vector<DependencyLink> links;
  Graph graph;
  std::vector<std::size_t> chrono_rank;  // position of each event in chronological order

  template <class G>
  std::vector<std::size_t> reachable(const G& g, std::size_t from) const {
    std::vector<bool> seen(boost::num_vertices(g), false);
    std::deque<Vertex> queue{from};
    seen[from] = true;
    std::vector<std::size_t> out;
    while (!queue.empty()) {
      auto u = queue.front();
      queue.pop_front();
      for (auto v : boost::make_iterator_range(boost::adjacent_vertices(u, g))) {
        if (seen[v]) continue;
        seen[v] = true;
        out.push_back(v);
        queue.push_back(v);
      }
    }
    sort_chronologically(out);
    return out;
  }

  void sort_chronologically(std::vector<std::size_t>& events) const {
    std::sort(events.begin(), events.end(), [&](std::size_t a, std::size_t b) { return chrono_rank[a] < chrono_rank[b]; });
  }

  // The link for each step u → v of a vertex cycle: the first relation in the fixtures that makes it.
  std::size_t link_between(Vertex u, Vertex v) const {
    std::size_t best = links.size();
    for (auto e : boost::make_iterator_range(boost::out_edges(u, graph)))
      if (boost::target(e, graph) == v) best = std::min(best, graph[e].link);
    return best;
  }
};

DependencyGraph::DependencyGraph(const Timeline& timeline) : DependencyGraph{timeline, chronological_order(timeline)} {}

DependencyGraph::DependencyGraph(const Timeline& timeline, const std::vector<std::size_t>& order) : impl_{std::make_unique<Impl>()} {
  auto& m = *impl_;
  m.timeline = &timeline;
  m.graph = Graph{timeline.size()};
  m.chrono_rank.assign(timeline.size(), 0);
  for (std::size_t i = 0; i < order.size(); ++i) m.chrono_rank[order[i]] = i;
  for (std::size_t a = 0; a < timeline.size(); ++a) {
    const auto& relations = timeline.at(a).relations;
    for (std::size_t k = 0; k < relations.size(); ++k) {
      const auto& rel = relations[k];
      auto b = timeline.target_of(a, k);
      if (b == Timeline::npos) continue;  // the loader reports unknown targets
      auto direction = semantics(rel.type).direction;
      if (direction == DependencyDirection::none) continue;
      DependencyLink link;
      link.prerequisite = direction == DependencyDirection::a_to_b ? a : b;
      link.dependent = direction == DependencyDirection::a_to_b ? b : a;
      link.owner = a;
      link.type = rel.type;
      link.gap = rel.gap;
      link.where = rel.where;
      boost::add_edge(link.prerequisite, link.dependent, EdgeProps{m.links.size()}, m.graph);
      m.links.push_back(std::move(link));
    }
  }
}

DependencyGraph::~DependencyGraph() = default;
DependencyGraph::DependencyGraph(DependencyGraph&&) noexcept = default;
DependencyGraph& DependencyGraph::operator=(DependencyGraph&&) noexcept = default;

const Timeline& DependencyGraph::timeline() const { return *impl_->timeline; }
const std::vector<DependencyLink>& DependencyGraph::links() const { return impl_->links; }

std::vector<std::size_t> DependencyGraph::links_into(std::size_t event) const {
  std::vector<std::size_t> out;
  for (auto e : boost::make_iterator_range(boost::in_edges(event, impl_->graph))) out.push_back(impl_->graph[e].link);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::size_t> DependencyGraph::links_out_of(std::size_t event) const {
  std::vector<std::size_t> out;
  for (auto e : boost::make_iterator_range(boost::out_edges(event, impl_->graph))) out.push_back(impl_->graph[e].link);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::size_t> DependencyGraph::prerequisites(std::size_t event) const {
  auto all = impl_->reachable(boost::make_reverse_graph(impl_->graph), event);
  all.erase(std::remove(all.begin(), all.end(), event), all.end());  // on a cycle the event reaches itself
  return all;
}

std::vector<std::size_t> DependencyGraph::dependents(std::size_t event) const {
  auto all = impl_->reachable(impl_->graph, event);
  all.erase(std::remove(all.begin(), all.end(), event), all.end());
  return all;
}

bool DependencyGraph::has_cycle() const {
  const auto& g = impl_->graph;
  for (const auto& link : impl_->links)
    if (link.prerequisite == link.dependent) return true;
  if (boost::num_vertices(g) == 0) return false;
  std::vector<std::size_t> component(boost::num_vertices(g));
  auto count = boost::strong_components(g, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g)));
  return count < boost::num_vertices(g);
}

std::vector<DependencyCycle> DependencyGraph::cycles(std::size_t limit) const {
  std::vector<DependencyCycle> out;
  if (limit == 0 || !has_cycle()) return out;  // the common case costs one pass of Tarjan's algorithm
  std::vector<std::vector<Vertex>> found;
  try {
    // The "unique" variant reports a cycle once even when parallel edges (two relations between the
    // same events) would make it twice.
    boost::hawick_unique_circuits(impl_->graph, CycleCollector{&found, limit});
  } catch (const CycleCollector::Enough&) {
  }
  for (const auto& vertices : found) {
    DependencyCycle cycle;
    for (std::size_t i = 0; i < vertices.size(); ++i)
      cycle.links.push_back(impl_->link_between(vertices[i], vertices[(i + 1) % vertices.size()]));
    out.push_back(std::move(cycle));
  }
  return out;
}

std::string DependencyGraph::cycle_path(const DependencyCycle& cycle) const {
  std::string text;
  for (auto l : cycle.links) text += timeline().at(impl_->links[l].prerequisite).id + " → ";
  if (!cycle.links.empty()) text += timeline().at(impl_->links[cycle.links.front()].prerequisite).id;
  return text;
}

std::optional<std::vector<std::vector<std::size_t>>> DependencyGraph::levels() const {
  if (has_cycle()) return std::nullopt;
  const auto& g = impl_->graph;
  std::vector<Vertex> reverse_order;
  boost::topological_sort(g, std::back_inserter(reverse_order));  // dependents first
  std::vector<std::size_t> level(boost::num_vertices(g), 0);
  std::size_t deepest = 0;
  for (auto it = reverse_order.rbegin(); it != reverse_order.rend(); ++it) {
    for (auto e : boost::make_iterator_range(boost::out_edges(*it, g))) {
      auto v = boost::target(e, g);
      level[v] = std::max(level[v], level[*it] + 1);
    }
    deepest = std::max(deepest, level[*it]);
  }
  std::vector<std::vector<std::size_t>> out(boost::num_vertices(g) == 0 ? 0 : deepest + 1);
  for (std::size_t v = 0; v < level.size(); ++v) out[level[v]].push_back(v);
  for (auto& l : out) impl_->sort_chronologically(l);
  return out;
}

std::vector<DependencyChain> DependencyGraph::chains(std::size_t from, std::size_t to, std::size_t limit) const {
  const auto& g = impl_->graph;
  std::vector<DependencyChain> out;
  if (from == to || limit == 0) return out;
  // Only events that can still reach `to` are worth entering.
  std::vector<bool> useful(boost::num_vertices(g), false);
  useful[to] = true;
  for (auto v : impl_->reachable(boost::make_reverse_graph(g), to)) useful[v] = true;
  if (!useful[from]) return out;
  std::vector<bool> on_path(boost::num_vertices(g), false);
  std::vector<std::size_t> path;
  // Depth-first over simple paths; an explicit stack of out-edge positions keeps deep chains off the
  // call stack.
  struct Frame {
    Vertex vertex;
    boost::graph_traits<Graph>::out_edge_iterator next, end;
  };
  std::vector<Frame> stack;
  auto push = [&](Vertex v) {
    auto [b, e] = boost::out_edges(v, g);
    stack.push_back({v, b, e});
    on_path[v] = true;
  };
  push(from);
  while (!stack.empty() && out.size() < limit) {
    auto& top = stack.back();
    if (top.next == top.end) {
      on_path[top.vertex] = false;
      stack.pop_back();
      if (!path.empty()) path.pop_back();
      continue;
    }
    auto e = *top.next++;
    auto v = boost::target(e, g);
    if (!useful[v] || on_path[v]) continue;
    if (v == to) {
      DependencyChain chain;
      chain.links = path;
      chain.links.push_back(g[e].link);
      for (auto l : chain.links) chain.min_total_gap += impl_->links[l].gap.min.value_or(std::chrono::seconds{0});
      out.push_back(std::move(chain));
      continue;
    }
    path.push_back(g[e].link);
    push(v);
  }
  std::stable_sort(out.begin(), out.end(), [](const DependencyChain& a, const DependencyChain& b) { return a.links.size() < b.links.size(); });
  return out;
}

std::string DependencyGraph::dot() const {
  const auto& tl = timeline();
  const auto& links = impl_->links;
  std::ostringstream out;
  auto vertex_id = boost::make_function_property_map<Vertex, std::string>([&tl](Vertex v) { return tl.at(v).id; });
  auto vertex_writer = [&tl](std::ostream& os, Vertex v) {
    const auto& e = tl.at(v);
    os << " [label=\"" << dot_escape(e.title) << "\\n" << dot_escape(text::event_dates_text(e)) << "\"]";
  };
  auto edge_writer = [&](std::ostream& os, const boost::graph_traits<Graph>::edge_descriptor& e) {
    os << "[label=\"" << dot_escape(links[impl_->graph[e].link].word()) << "\"]";
  };
  auto graph_writer = [](std::ostream& os) { os << "rankdir=LR;\nnode [shape=box];\n"; };
  boost::write_graphviz(out, impl_->graph, vertex_writer, edge_writer, graph_writer, vertex_id);
  return out.str();
}

std::string DependencyGraph::mermaid() const {
  const auto& tl = timeline();
  std::string out = "flowchart LR\n";
  for (std::size_t v = 0; v < tl.size(); ++v) {
    const auto& e = tl.at(v);
    out += fmt::format("  {}[\"{}<br/>{}\"]\n", mermaid_id(e.id), mermaid_text(e.title), mermaid_text(text::event_dates_text(e)));
  }
  for (const auto& l : impl_->links)
    out += fmt::format("  {} -->|{}| {}\n", mermaid_id(tl.at(l.prerequisite).id), mermaid_text(l.word()), mermaid_id(tl.at(l.dependent).id));
  return out;
}

Diagnostics DependencyGraph::cycle_diagnostics(std::size_t limit) const {
  Diagnostics out;
  const auto& tl = timeline();
  auto all = cycles(limit + 1);
  bool more = all.size() > limit;
  if (more) all.resize(limit);
  for (const auto& c : all) {
    const auto& first = impl_->links[c.links.front()];
    auto& d = out.error(first.where, fmt::format("dependency cycle: {}", cycle_path(c)), "relations that order events one way only",
                        "drop or turn round one of these relations");
    for (auto l : c.links) {
      const auto& link = impl_->links[l];
      d.notes.push_back(fmt::format("{}:{}:{}: {} → {}: {}", link.where.file, link.where.line, link.where.col,
                                    tl.at(link.prerequisite).id, tl.at(link.dependent).id, link.stated(tl)));
    }
  }
  if (more) out.warning(Position{}, fmt::format("more than {} dependency cycles; the first {} are shown", limit, limit));
  return out;
}

Diagnostics check_dependencies(const Timeline& timeline) {
  auto out = check_relations(timeline);
  out.append(DependencyGraph{timeline}.cycle_diagnostics());
  out.sort();
  return out;
}

}  // namespace dipcal

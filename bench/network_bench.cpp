// Benchmark: consistency and windows of the temporal network at 100k events and ~300k relations
// (issue 4's scale), beside Boost's bellman_ford_shortest_paths on the same constraints, in the same run.
//
//   build/bench/dipcal_network_bench --benchmark_counters_tabular=true
//
// The calendar comes from the synthetic generator (generate.h, seed 7, 3 relations an event), loaded
// once before timing; the timed part is what `dipcal windows` and `check` add on top of loading.
#include "dipcal/fixture/generate.h"
#include "dipcal/fixture/load.h"
#include "dipcal/reasoning/network.h"

#include <benchmark/benchmark.h>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/bellman_ford_shortest_paths.hpp>

#include <limits>
#include <map>
#include <memory>

namespace {

const dipcal::Timeline& calendar(std::size_t events) {
  static std::map<std::size_t, std::unique_ptr<dipcal::LoadResult>> cache;
  auto& slot = cache[events];
  if (!slot) {
    slot = std::make_unique<dipcal::LoadResult>();
    dipcal::GenerateOptions options;
    options.events = events;
    options.seed = 7;
    options.relations_per_event = 3;
    dipcal::generate_calendar(options, [&](const std::string& name, const std::string& text) {
      dipcal::load_fixture_text(text, name, *slot);
    });
    if (slot->diagnostics.has_errors()) throw std::runtime_error{"generated calendar does not load"};
  }
  return slot->timeline;
}

std::size_t relation_count(const dipcal::Timeline& t) {
  std::size_t n = 0;
  for (const auto& e : t.events()) n += e.relations.size();
  return n;
}

void network_windows(benchmark::State& state) {
  const auto& timeline = calendar(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto windows = dipcal::solve_windows(timeline);
    if (windows.conflict) state.SkipWithError("inconsistent");
    benchmark::DoNotOptimize(windows);
  }
  state.counters["events"] = static_cast<double>(timeline.size());
  state.counters["relations"] = static_cast<double>(relation_count(timeline));
}

// Compiling alone: dates, windows and relations into bounds, with each bound's source.
void network_compile(benchmark::State& state) {
  const auto& timeline = calendar(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(dipcal::compile_network(timeline));
}

// The peer: Boost's Bellman–Ford from the reference point over the same distance graph (one
// direction only, so half the work of the windows), building its graph inside the timing too.
void boost_bellman_ford(benchmark::State& state) {
  const auto& timeline = calendar(static_cast<std::size_t>(state.range(0)));
  auto net = dipcal::compile_network(timeline);
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                      boost::property<boost::edge_weight_t, std::int64_t>>;
  for (auto _ : state) {
    Graph g{net.point_count()};
    for (const auto& c : net.constraints()) {
      if (c.hi) boost::add_edge(c.from, c.to, c.hi->count(), g);
      if (c.lo) boost::add_edge(c.to, c.from, -c.lo->count(), g);
    }
    std::vector<std::int64_t> distance(net.point_count(), std::numeric_limits<std::int64_t>::max() / 4);
    distance[net.reference()] = 0;
    bool ok = boost::bellman_ford_shortest_paths(
        g, static_cast<int>(net.point_count()),
        boost::weight_map(boost::get(boost::edge_weight, g)).distance_map(distance.data()).root_vertex(net.reference()));
    if (!ok) state.SkipWithError("negative cycle");
    benchmark::DoNotOptimize(distance);
  }
}

}  // namespace

BENCHMARK(network_windows)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(network_compile)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(boost_bellman_ford)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_MAIN();

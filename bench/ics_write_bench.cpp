// Benchmark: the ICS writing stage alone (issue 6: at least 100 MB/s), beside the memory-bandwidth
// floor of appending as many bytes to a std::string, in the same run.
//
//   build/bench/dipcal_ics_write_bench --benchmark_filter=/100000$
//
// The calendar is the one `bench/run` exports (`dipcal generate --seed 1`), generated and loaded in
// memory before timing. The timed part is ics::write_calendar over every event in chronological
// order, with the calendar properties `dipcal export ics` gives it, on one thread a core as the export
// runs it and on one thread; bytes_per_second counts its output against wall time.
#include "dipcal/fixture/generate.h"
#include "dipcal/ics/writer.h"
#include "dipcal/fixture/load.h"

#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>

namespace {

struct Export {
  dipcal::LoadResult loaded;
  std::vector<std::size_t> chronological;
  dipcal::ics::CalendarProperties properties;
  std::size_t output_bytes = 0;
};

const Export& calendar(std::size_t events) {
  static std::map<std::size_t, std::unique_ptr<Export>> cache;
  auto& slot = cache[events];
  if (!slot) {
    slot = std::make_unique<Export>();
    dipcal::GenerateOptions options;
    options.events = events;
    options.seed = 1;
    dipcal::generate_calendar(options, [&](const std::string& name, const std::string& text) {
      dipcal::load_fixture_text(text, name, slot->loaded);
    });
    if (slot->loaded.diagnostics.has_errors()) throw std::runtime_error{"generated calendar does not load"};
    const auto& timeline = slot->loaded.timeline;
    slot->chronological = dipcal::chronological_order(timeline);
    std::set<std::string> calendars;
    for (const auto& e : timeline.events()) calendars.insert(e.calendar);
    slot->properties = dipcal::ics::properties_for(calendars);  // as `dipcal export ics` names it
    slot->output_bytes = dipcal::ics::write_calendar(timeline, slot->chronological, slot->properties).text.size();
  }
  return *slot;
}

// `threads`: 0 as `dipcal export ics` writes (one thread a core), 1 for a single thread.
void write(benchmark::State& state, unsigned threads) {
  const auto& c = calendar(static_cast<std::size_t>(state.range(0)));
  std::size_t events_written = 0;
  for (auto _ : state) {
    auto result = dipcal::ics::write_calendar(c.loaded.timeline, c.chronological, c.properties, threads);
    events_written = result.events_written;
    benchmark::DoNotOptimize(result.text.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * c.output_bytes));
  state.counters["events_written"] = static_cast<double>(events_written);
  state.counters["output_bytes"] = static_cast<double>(c.output_bytes);
}

void ics_write(benchmark::State& state) { write(state, 0); }
void ics_write_one_thread(benchmark::State& state) { write(state, 1); }

// The floor: the same number of bytes as the calendar above, appended as 75-byte lines (a full
// content line with its CRLF, RFC 5545 section 3.1) to a string that grows as the writer's does.
void string_append_floor(benchmark::State& state) {
  const auto bytes = calendar(static_cast<std::size_t>(state.range(0))).output_bytes;
  const std::string line = std::string(73, 'x') + "\r\n";
  for (auto _ : state) {
    std::string out;
    while (out.size() < bytes) out.append(line);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}

}  // namespace

// Wall time throughout: the writer's threads are not the benchmark's, whose CPU clock is its own thread's.
BENCHMARK(ics_write)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(ics_write_one_thread)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(string_append_floor)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_MAIN();

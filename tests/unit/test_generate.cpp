// The synthetic calendar generator: reproducible, valid, consistent, and split into files as asked.
#include "dipcal/fixture/generate.h"
#include "dipcal/fixture/load.h"
#include "dipcal/reasoning/network.h"

#include <doctest/doctest.h>

#include <map>
#include <string>

namespace {

std::map<std::string, std::string> generate(std::size_t events, std::uint64_t seed, std::size_t per_file = 10'000, std::size_t* relations = nullptr) {
  dipcal::GenerateOptions options;
  options.events = events;
  options.seed = seed;
  options.events_per_file = per_file;
  std::map<std::string, std::string> files;
  auto n = dipcal::generate_calendar(options, [&](const std::string& name, const std::string& text) { files[name] = text; });
  if (relations) *relations = n;
  return files;
}

}  // namespace

TEST_CASE("the same seed gives the same bytes, another seed another calendar") {
  CHECK(generate(500, 42) == generate(500, 42));
  CHECK(generate(500, 42) != generate(500, 43));
}

TEST_CASE("events are split into files of the size asked") {
  auto files = generate(2500, 1, 1000);
  REQUIRE(files.size() == 3);
  CHECK(files.count("generated-0001.yaml") == 1);
  CHECK(files.count("generated-0003.yaml") == 1);
}

TEST_CASE("a generated calendar loads without a problem and its network has a solution") {
  std::size_t relations = 0;
  auto files = generate(3000, 7, 1000, &relations);
  dipcal::LoadResult result;
  for (const auto& [name, text] : files) dipcal::load_fixture_text(text, name, result);
  for (const auto& d : result.diagnostics.all()) INFO(dipcal::format_diagnostic(d));
  REQUIRE_FALSE(result.diagnostics.has_errors());
  CHECK(result.timeline.size() == 3000);
  std::size_t loaded = 0, undated = 0, all_day = 0;
  for (const auto& e : result.timeline.events()) {
    loaded += e.relations.size();
    undated += e.dated() ? 0 : 1;
    all_day += e.all_day() ? 1 : 0;
  }
  CHECK(loaded == relations);  // every relation written is read back
  CHECK(relations > 3000);     // 1.5 an event on average, by default
  CHECK(undated > 0);          // the calendar has windows and undated events …
  CHECK(all_day > undated);    // … and all-day events besides
  CHECK_FALSE(dipcal::solve_windows(result.timeline).conflict.has_value());
}

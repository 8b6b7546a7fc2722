// The on-disk cache of loaded timelines (dipcal/cache/cache.h). What a user relies on: a cached load gives
// exactly what a parse gives, any change to the fixtures is seen, and a damaged entry is never read.
// "Exactly" is judged through the outputs that carry every field of every event: the iCalendar
// export (ics/writer.h) and the diagnostics as printed; the solved network against solve_windows.
#include "dipcal/cache/cache.h"
#include "dipcal/fixture/generate.h"
#include "dipcal/ics/writer.h"

#include <doctest/doctest.h>

#include "support/temp_folder.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <random>
#include <string>

using namespace dipcal;
namespace fs = std::filesystem;

namespace {

struct CacheDir : testing::TempFolder {
  CacheDir() : TempFolder{"dipcal-cache-test-"} { fs::create_directories(path / "fixtures"); }

  [[nodiscard]] fs::path fixtures() const { return path / "fixtures"; }
  [[nodiscard]] fs::path cache() const { return path / "cache"; }
  [[nodiscard]] std::size_t entries() const {
    std::size_t n = 0;
    if (fs::exists(cache()))
      for (const auto& e : fs::directory_iterator{cache()}) n += e.path().extension() == ".entry";
    return n;
  }
};

void write(const fs::path& file, const std::string& text) {
  std::ofstream out{file, std::ios::binary};
  out << text;
}

// The seed fixture (sources, notes, actors, geo, aliases, windows, every relation kind it uses) and a
// generated calendar (all-day, timed, multi-day, EDTF windows, undated events, gaps).
void fill(const fs::path& folder) {
  fs::copy_file(DIPCAL_SEED_FIXTURE, folder / "seed.yaml");
  GenerateOptions options;
  options.events = 600;
  options.events_per_file = 250;
  options.seed = 11;
  generate_calendar(options, [&](const std::string& name, const std::string& text) { write(folder / name, text); });
}

CompiledTimeline compiled_of(const LoadResult& load, std::optional<TimelineWindows> windows) {
  CompiledTimeline compiled;
  compiled.load = load;
  compiled.windows = std::move(windows);
  return compiled;
}

std::string bounds(const PointBounds& b) {
  return (b.earliest ? to_rfc3339(*b.earliest) : "-") + "/" + (b.latest ? to_rfc3339(*b.latest) : "-");
}

std::string windows_text(const TimelineWindows& w) {
  std::string text;
  for (const auto& e : w.events) text += bounds(e.start) + " " + bounds(e.end) + "\n";
  if (w.conflict) text += format_diagnostic(*w.conflict);
  return text;
}

std::string everything(const LoadResult& r) {
  std::vector<std::size_t> all(r.timeline.size());
  std::iota(all.begin(), all.end(), std::size_t{0});
  std::string text = ics::write_calendar(r.timeline, all, {}).text;
  for (const auto& d : r.diagnostics.all()) text += format_diagnostic(d) + "\n";
  for (const auto& f : r.files) text += f.string() + "\n";
  return text;
}

}  // namespace

TEST_CASE("fingerprints differ when a byte, or where the bytes split, differs") {
  Fingerprint a, b, c, d;
  a.add(std::string_view{"2025-10-30T11:00"});
  b.add(std::string_view{"2025-10-30T11:01"});
  CHECK(a.hex() != b.hex());
  CHECK(a.hex().size() == 32);
  c.add(std::string_view{"ab"});
  c.add(std::string_view{"c"});
  d.add(std::string_view{"a"});
  d.add(std::string_view{"bc"});
  CHECK(c.hex() != d.hex());
  Fingerprint again;
  again.add(std::string_view{"2025-10-30T11:00"});
  CHECK(again.hex() == a.hex());
}

TEST_CASE("a load result reads back from its entry exactly as it was parsed") {
  CacheDir dir;
  fill(dir.fixtures());
  write(dir.fixtures() / "broken.yaml", "events:\n  - id: lone\n    title: No start\n    location: {zone: Asia/Seol}\n");
  auto parsed = load_fixtures({dir.fixtures()});
  REQUIRE(parsed.timeline.size() > 600);
  REQUIRE(parsed.diagnostics.has_errors());  // the entry keeps problems too: `check` reports them from it

  auto bytes = serialize_compiled(compiled_of(parsed, std::nullopt), "key-1");
  auto back = deserialize_compiled(bytes, "key-1", ZoneDb::system());
  REQUIRE(back);
  CHECK(back->load.timeline.size() == parsed.timeline.size());
  CHECK(back->load.diagnostics.error_count() == parsed.diagnostics.error_count());
  CHECK(everything(back->load) == everything(parsed));
  CHECK(back->load.timeline.index_of("busan-trump-xi") == parsed.timeline.index_of("busan-trump-xi"));
  CHECK_FALSE(back->windows);
  CHECK(serialize_compiled(*back, "key-1") == bytes);

  SUBCASE("another key is a miss") { CHECK_FALSE(deserialize_compiled(bytes, "key-2", ZoneDb::system())); }
  SUBCASE("a damaged entry is refused, never half read") {
    for (std::size_t cut : {std::size_t{0}, std::size_t{7}, bytes.size() / 3, bytes.size() - 1})
      CHECK_FALSE(deserialize_compiled(std::string_view{bytes}.substr(0, cut), "key-1", ZoneDb::system()));
    std::mt19937 rng{20251026};
    for (int i = 0; i < 200; ++i) {
      auto damaged = bytes;
      damaged[rng() % damaged.size()] ^= static_cast<char>(1 + rng() % 255);
      CHECK_FALSE(deserialize_compiled(damaged, "key-1", ZoneDb::system()));
    }
  }
}

TEST_CASE("the solved network reads back as solve_windows gives it") {
  CacheDir dir;
  fill(dir.fixtures());
  auto parsed = load_fixtures({dir.fixtures()});
  REQUIRE_FALSE(parsed.diagnostics.has_errors());
  auto solved = solve_windows(parsed.timeline);
  REQUIRE_FALSE(solved.conflict);
  auto back = deserialize_compiled(serialize_compiled(compiled_of(parsed, solved), "k"), "k", ZoneDb::system());
  REQUIRE(back);
  REQUIRE(back->windows);
  CHECK(windows_text(*back->windows) == windows_text(solved));

  // An inconsistent network keeps its explanation.
  TimelineWindows conflicting;
  conflicting.events.resize(parsed.timeline.size());
  Diagnostics d;
  d.error(Position{"a.yaml", 3, 5}, "the relations contradict each other by 2 days", "a network with a solution").notes.push_back("b.yaml:1:1: x");
  conflicting.conflict = d.all().front();
  auto with_conflict = deserialize_compiled(serialize_compiled(compiled_of(parsed, conflicting), "k"), "k", ZoneDb::system());
  REQUIRE(with_conflict);
  REQUIRE(with_conflict->windows);
  CHECK(windows_text(*with_conflict->windows) == windows_text(conflicting));
}

TEST_CASE("the cache stores, then answers, and sees every change") {
  CacheDir dir;
  fill(dir.fixtures());
  auto uncached = everything(load_fixtures({dir.fixtures()}));

  TimelineCache cache{dir.cache()};
  auto first = cache.load({dir.fixtures()}, ZoneDb::system(), {});
  CHECK(cache.last_outcome() == TimelineCache::Outcome::stored);
  CHECK(everything(first.load) == uncached);
  REQUIRE(first.windows);  // stored entries carry the solved network
  CHECK(windows_text(*first.windows) == windows_text(solve_windows(first.load.timeline)));
  auto second = cache.load({dir.fixtures()}, ZoneDb::system(), {});
  CHECK(cache.last_outcome() == TimelineCache::Outcome::hit);
  CHECK(everything(second.load) == uncached);
  REQUIRE(second.windows);
  CHECK(windows_text(*second.windows) == windows_text(*first.windows));
  CHECK(dir.entries() == 1);

  SUBCASE("one changed byte is a miss, and the old entry goes") {
    auto file = dir.fixtures() / "seed.yaml";
    std::ifstream in{file, std::ios::binary};
    std::string text{std::istreambuf_iterator<char>{in}, {}};
    in.close();
    auto at = text.find("11:00");
    REQUIRE(at != std::string::npos);
    text[at + 1] = '2';  // 11:00 → 12:00, same size
    write(file, text);
    auto changed = cache.load({dir.fixtures()}, ZoneDb::system(), {});
    CHECK(cache.last_outcome() == TimelineCache::Outcome::stored);
    CHECK(everything(changed.load) == everything(load_fixtures({dir.fixtures()})));
    CHECK(everything(changed.load) != uncached);
    CHECK(dir.entries() == 1);
  }
  SUBCASE("other limits are another key") {
    LoadLimits limits;
    limits.max_events = 100;
    auto capped = cache.load({dir.fixtures()}, ZoneDb::system(), limits);
    CHECK(cache.last_outcome() == TimelineCache::Outcome::stored);
    CHECK(capped.load.events_capped);
    CHECK(capped.load.timeline.size() == 100);
  }
  // A miss parses again and stores what it parsed: the next load of the same fixtures is a hit.
  auto check_miss_then_hit = [&](TimelineCache& c) {
    auto again = c.load({dir.fixtures()}, ZoneDb::system(), {});
    CHECK(c.last_outcome() == TimelineCache::Outcome::stored);
    CHECK(everything(again.load) == uncached);
    c.load({dir.fixtures()}, ZoneDb::system(), {});
    CHECK(c.last_outcome() == TimelineCache::Outcome::hit);
  };
  SUBCASE("another program's entries are misses") {
    TimelineCache rebuilt{dir.cache(), "build-id 0123456789abcdef"};
    check_miss_then_hit(rebuilt);
  }
  SUBCASE("a truncated entry is a miss and is replaced") {
    for (const auto& e : fs::directory_iterator{dir.cache()}) fs::resize_file(e.path(), fs::file_size(e.path()) / 2);
    check_miss_then_hit(cache);
  }
  SUBCASE("a missing file is never cached") {
    auto result = cache.load({dir.fixtures() / "absent.yaml"}, ZoneDb::system(), {});
    CHECK(result.load.io_error);
    CHECK(cache.last_outcome() == TimelineCache::Outcome::uncacheable);
  }
}

TEST_CASE("a cache folder that cannot be made still gives the parsed answer") {
  CacheDir dir;
  fill(dir.fixtures());
  write(dir.path / "a-file", "not a folder");
  TimelineCache cache{dir.path / "a-file" / "cache"};
  auto result = cache.load({dir.fixtures()}, ZoneDb::system(), {});
  CHECK(cache.last_outcome() == TimelineCache::Outcome::not_stored);
  CHECK(everything(result.load) == everything(load_fixtures({dir.fixtures()})));
}

TEST_CASE("the cache folder keeps at most 32 entries, the newest") {
  CacheDir dir;
  write(dir.fixtures() / "one.yaml", "events:\n  - id: a\n    title: A\n    start: 2025-10-30\n    location: {zone: Asia/Seoul}\n");
  TimelineCache cache{dir.cache()};
  // 40 fixture sets: the same file named by 40 different paths (a folder and its links).
  for (int i = 0; i < 40; ++i) {
    auto link = dir.path / ("set-" + std::to_string(i));
    fs::create_directory_symlink(dir.fixtures(), link);
    cache.load({link}, ZoneDb::system(), {});
    REQUIRE(cache.last_outcome() == TimelineCache::Outcome::stored);
  }
  CHECK(dir.entries() == 32);
  cache.load({dir.path / "set-39"}, ZoneDb::system(), {});
  CHECK(cache.last_outcome() == TimelineCache::Outcome::hit);  // the newest stay
}

TEST_CASE("the program is named by the build ID that readelf reads from its file") {
  // binutils' readelf is the oracle: it reads the note from the file, not from the loaded image.
  std::string build_id;
  auto command = "readelf -n '" + fs::read_symlink("/proc/self/exe").string() + "' 2>/dev/null";
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char line[512];
    while (std::fgets(line, sizeof line, pipe)) {
      std::string_view text{line};
      if (auto at = text.find("Build ID: "); at != std::string_view::npos) {
        text.remove_prefix(at + 10);
        build_id = std::string{text.substr(0, text.find_first_of(" \n"))};
      }
    }
    ::pclose(pipe);
  }
  REQUIRE_MESSAGE(!build_id.empty(), "readelf found no build ID in the test program");
  CHECK(TimelineCache::program_identity() == "build-id " + build_id);
}

TEST_CASE("no folder turns the cache off") {
  CacheDir dir;
  fill(dir.fixtures());
  TimelineCache cache{fs::path{}};
  cache.load({dir.fixtures()}, ZoneDb::system(), {});
  CHECK(cache.last_outcome() == TimelineCache::Outcome::uncacheable);
}

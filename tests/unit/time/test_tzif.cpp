// The TZif reader (engine/src/time/tzif.h): files written field by field, the system's files cut
// short, and files damaged at random. A malformed file must be refused whole, never read past its end.
#include "time/tzif.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using namespace dipcal;
using std::chrono::minutes;

namespace {

const std::string kZoneinfo = "/usr/share/zoneinfo";

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in{path, std::ios::binary};
  REQUIRE_MESSAGE(in, "cannot read " << path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// A TZif file written field by field (RFC 8536 section 3), for files the system does not have.
struct TzifSpec {
  struct Type {
    std::int32_t utoff;
    std::uint8_t isdst;
    std::uint8_t desigidx;
  };
  char version = '2';
  std::vector<std::int64_t> times;
  std::vector<std::uint8_t> time_types;
  std::vector<Type> types;
  std::string designations;  // NUL-terminated abbreviations, one after the other
  std::string footer;

  [[nodiscard]] std::string bytes() const {
    std::string out = block(4);
    if (version != '\0') out += block(8) + "\n" + footer + "\n";
    return out;
  }

 private:
  static void put(std::string& out, std::uint64_t value, int size) {
    for (int shift = 8 * (size - 1); shift >= 0; shift -= 8) out += static_cast<char>((value >> shift) & 0xff);
  }
  [[nodiscard]] std::string block(int time_size) const {
    std::string out = "TZif";
    out += version;
    out += std::string(15, '\0');
    for (auto count : {std::size_t{0}, std::size_t{0}, std::size_t{0}, times.size(), types.size(), designations.size()})
      put(out, count, 4);
    for (auto t : times) put(out, static_cast<std::uint64_t>(t), time_size);
    for (auto t : time_types) put(out, t, 1);
    for (const auto& t : types) {
      put(out, static_cast<std::uint32_t>(t.utoff), 4);
      put(out, t.isdst, 1);
      put(out, t.desigidx, 1);
    }
    return out + designations;
  }
};

// Central European rules on a made-up zone: LMT +00:32 until 1900, then CET; CEST in the summer of
// 2000; a transition at 2^31 - 1 that changes nothing, as zic's "fat" files end; the footer after.
TzifSpec example_spec() {
  TzifSpec s;
  s.times = {-2208988800, 954032400, 972781200, 2147483647};  // 1900-01-01, 2000-03-26T01Z, 2000-10-29T01Z
  s.time_types = {1, 2, 1, 1};
  s.types = {{32 * 60, 0, 0}, {3600, 0, 4}, {7200, 1, 8}};
  s.designations = std::string{"LMT\0CET\0CEST\0", 13};
  s.footer = "CET-1CEST,M3.5.0,M10.5.0/3";
  return s;
}

}  // namespace

TEST_CASE("a file written field by field") {
  auto parsed = detail::parse_tzif(example_spec().bytes());
  REQUIRE(parsed);
  CHECK(parsed->footer == "CET-1CEST,M3.5.0,M10.5.0/3");
  REQUIRE(parsed->transitions.size() == 4);
  CHECK(parsed->transitions[0].unix_seconds() == -2208988800);
  CHECK(parsed->transitions[3].unix_seconds() == 2147483647);
  CHECK(parsed->transition_types == std::vector<std::uint8_t>{1, 2, 1, 1});
  REQUIRE(parsed->types.size() == 3);
  CHECK(parsed->types[0].utoff == minutes{32});
  CHECK(parsed->types[0].abbrev == "LMT");
  CHECK(parsed->types[2].abbrev == "CEST");
  CHECK(parsed->types[2].isdst);
  CHECK_FALSE(parsed->types[1].isdst);
}

TEST_CASE("a truncated file is refused wherever it is cut") {
  for (const char* name : {"America/New_York", "Asia/Kathmandu", "Etc/UTC"}) {
    auto bytes = read_bytes(kZoneinfo + "/" + name);
    REQUIRE(detail::parse_tzif(bytes));
    for (std::size_t size = 0; size < bytes.size(); ++size) {
      CAPTURE(size);
      REQUIRE_FALSE(detail::parse_tzif(std::string_view{bytes}.substr(0, size)));
    }
  }
}

TEST_CASE("files that break RFC 8536's constraints are refused") {
  REQUIRE(detail::parse_tzif(example_spec().bytes()));
  auto refused = [](const TzifSpec& s) { return !detail::parse_tzif(s.bytes()).has_value(); };
  auto s = example_spec();
  s.types.clear();  // typecnt 0
  CHECK(refused(s));
  s = example_spec();
  s.designations.clear();  // charcnt 0
  CHECK(refused(s));
  s = example_spec();
  s.time_types[1] = 3;  // no such type
  CHECK(refused(s));
  s = example_spec();
  s.types[1].isdst = 2;
  CHECK(refused(s));
  s = example_spec();
  s.types[1].utoff = INT32_MIN;
  CHECK(refused(s));
  s = example_spec();
  s.types[2].desigidx = 13;  // past the designations
  CHECK(refused(s));
  s = example_spec();
  s.designations = std::string{"LMT\0CET\0CEST", 12};  // the last designation without its NUL
  CHECK(refused(s));
  s = example_spec();
  s.times[2] = s.times[1];  // not strictly ascending
  CHECK(refused(s));
  s = example_spec();
  s.version = '1';
  CHECK(refused(s));

  auto bytes = example_spec().bytes();
  CHECK_FALSE(detail::parse_tzif(bytes.substr(0, bytes.size() - 1)));  // the footer's closing newline
  auto no_newline = bytes;
  no_newline[no_newline.size() - example_spec().footer.size() - 2] = 'x';  // the footer's opening one
  CHECK_FALSE(detail::parse_tzif(no_newline));
  auto counts_too_large = bytes;
  counts_too_large[32] = '\x7f';  // timecnt of the first header near 2^31
  CHECK_FALSE(detail::parse_tzif(counts_too_large));
}

TEST_CASE("random damage to a zone file never reads outside it") {
  // Run under AddressSanitizer (scripts/test's asan stage) this is the check that matters; here a
  // damaged file that still parses must keep the reader's promises.
  auto original = read_bytes(kZoneinfo + "/Europe/Berlin");
  std::mt19937 random{8536};
  std::size_t parsed = 0;
  for (int round = 0; round < 3000; ++round) {
    auto bytes = original;
    // Headers and counts are where damage does harm: aim a third of the blows at the first 100 octets.
    for (int blow = 0, blows = 1 + static_cast<int>(random() % 4); blow < blows; ++blow) {
      auto at = round % 3 == 0 ? random() % 100 : random() % bytes.size();
      bytes[at] = static_cast<char>(random());
    }
    if (round % 5 == 0) bytes.resize(random() % bytes.size());
    auto tz = detail::parse_tzif(bytes);
    if (!tz) continue;
    ++parsed;
    REQUIRE_FALSE(tz->types.empty());
    REQUIRE(tz->transition_types.size() == tz->transitions.size());
    for (auto type : tz->transition_types) REQUIRE(type < tz->types.size());
    REQUIRE(std::is_sorted(tz->transitions.begin(), tz->transitions.end()));
  }
  MESSAGE(parsed << " of 3000 damaged files still parsed");
}

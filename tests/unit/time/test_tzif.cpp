// The TZif reader (engine/src/time/tzif.h) and Zone::at, which reads through it.
//
// The oracle is Howard Hinnant's date (date::locate_zone(name)->get_info), an independent reader of
// the same files, which Zone::at asked until dipcal read the files itself. For every name the
// database lists, at every transition ±1 s and every 17 days from 1850 to 2100, Zone::at must read
// as the old Zone::at did: date's offset, abbreviation and dst (save != 0), except after the file's
// last transition, where a footer with daylight time answers. Malformed files must be refused
// whole, never read past their end.
#include "time/posix_rule.h"
#include "time/tzif.h"

#include "dipcal/time/zone.h"

#include <date/tz.h>
#include <doctest/doctest.h>

#include "support/temp_folder.h"
#include "support/values.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using namespace dipcal;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

const std::string kZoneinfo = "/usr/share/zoneinfo";

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in{path, std::ios::binary};
  REQUIRE_MESSAGE(in, "cannot read " << path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

Instant utc(std::string_view text) { return testing::instant(text); }
// Instants before 1900, which RFC 3339 text in dipcal does not reach.
Instant utc(int year, unsigned month, unsigned day, seconds time = seconds{0}) {
  return Instant{date::sys_days{date::year{year} / date::month{month} / date::day{day}} + time};
}

std::string describe(const ZoneReading& r) {
  return offset_to_string(r.offset) + " " + r.abbrev + (r.dst ? " dst" : " std");
}

// Zone::at as it was when it asked date: date's reading, or after the file's last transition (date's
// period then ends at the end of time) the footer's, when the footer has daylight time. The footer
// is read as it was then: the file's last line.
class OldZoneAt {
 public:
  explicit OldZoneAt(const std::string& name) : tz_{date::locate_zone(name)} {
    auto bytes = read_bytes(kZoneinfo + "/" + name);
    if (bytes.size() >= 2 && bytes.back() == '\n') {
      auto begin = bytes.rfind('\n', bytes.size() - 2);
      if (begin != std::string::npos) footer_ = detail::PosixRule::parse(std::string_view{bytes}.substr(begin + 1, bytes.size() - begin - 2));
    }
  }

  [[nodiscard]] ZoneReading at(Instant i) const {
    auto info = tz_->get_info(i.time());
    if (info.end >= kOpenEnded && footer_ && footer_->has_dst()) return footer_->at(i);
    return ZoneReading{info.offset, info.abbrev, info.save != minutes{0}};
  }

  // The instants date's readings change, from 1800 to the last transition.
  [[nodiscard]] std::vector<Instant> transitions() const {
    std::vector<Instant> all;
    auto info = tz_->get_info(date::sys_seconds{date::sys_days{date::year{1800} / 1 / 1}});
    while (info.end < kOpenEnded) {
      all.push_back(Instant{info.end});
      info = tz_->get_info(info.end);
    }
    return all;
  }

 private:
  static inline const date::sys_seconds kOpenEnded = date::sys_days{date::year{3000} / 1 / 1};
  const date::time_zone* tz_;
  std::optional<detail::PosixRule> footer_;
};

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

// A folder laid out like /usr/share/zoneinfo, with a tzdata.zi that lists `names`.
struct ZoneFolder {
  testing::TempFolder folder{"dipcal-tzif-"};
  explicit ZoneFolder(const std::vector<std::string>& names) {
    std::filesystem::create_directories(folder.path / "Test");
    std::string zi = "# version test\n";
    for (const auto& name : names) zi += "Z " + name + " 0 - X\n";
    folder.write("tzdata.zi", zi);
  }
  void write(const std::string& name, std::string_view bytes) const { folder.write(name, bytes); }
};

}  // namespace

TEST_CASE("Zone::at reads every zone of the database as date and the footer did") {
  const auto& db = ZoneDb::system();
  std::size_t zones = 0, unknown = 0, instants = 0, differences = 0;
  for (const auto& name : db.names()) {
    CAPTURE(name);
    auto zone = db.find(name);
    std::optional<OldZoneAt> found;
    try {
      found.emplace(name);
    } catch (const std::runtime_error&) {  // "Factory not found in timezone database"
      CHECK_FALSE(zone);  // what date did not know stays unknown
      ++unknown;
      continue;
    }
    REQUIRE(zone);
    const auto& old = *found;

    // Transitions as date sees them, and as the file lists them (date leaves out those that change
    // nothing, zic's 2038-01-19 one among them).
    std::vector<Instant> points;
    for (auto t : old.transitions())
      for (auto d : {-1, 0, 1}) points.push_back(t + seconds{d});
    auto file = detail::parse_tzif(read_bytes(kZoneinfo + "/" + name));
    REQUIRE(file);
    for (auto t : file->transitions)
      for (auto d : {-1, 0, 1}) points.push_back(t + seconds{d});
    for (auto i = utc(1850, 1, 1); i < utc("2100-01-01T00:00:00Z"); i = i + hours{17 * 24}) points.push_back(i);

    for (auto i : points) {
      auto mine = zone->at(i);
      auto expected = old.at(i);
      ++instants;
      if (mine.offset != expected.offset || mine.abbrev != expected.abbrev || mine.dst != expected.dst) {
        // The first few say where; the count says how many.
        if (++differences <= 20) CHECK_MESSAGE(false, name << " at " << to_rfc3339(i) << ": " << describe(mine) << ", date " << describe(expected));
      }
    }
    ++zones;
  }
  MESSAGE(zones << " zones, " << instants << " instants compared; " << unknown << " names date did not know");
  CHECK(zones >= 590);
  CHECK(unknown <= 1);
  CHECK(differences == 0);
}

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

TEST_CASE("a made-up zone: type 0 before the first transition, the footer after the last change") {
  ZoneFolder root{{"Test/Example", "Test/NoDaylight"}};
  root.write("Test/Example", example_spec().bytes());
  auto no_daylight = example_spec();
  no_daylight.footer = "CET-1";
  root.write("Test/NoDaylight", no_daylight.bytes());
  ZoneDb db{root.folder.path.string()};
  auto z = db.find("Test/Example");
  REQUIRE(z);
  auto reads = [&](std::string_view at) { return describe(z->at(utc(at))); };
  CHECK(describe(z->at(utc(1850, 6, 1))) == "+00:32 LMT std");
  CHECK(describe(z->at(utc(1899, 12, 31, seconds{86399}))) == "+00:32 LMT std");
  CHECK(reads("1900-01-01T00:00:00Z") == "+01:00 CET std");
  CHECK(reads("2000-03-26T00:59:59Z") == "+01:00 CET std");
  CHECK(reads("2000-03-26T01:00:00Z") == "+02:00 CEST dst");
  CHECK(reads("2000-10-29T00:59:59Z") == "+02:00 CEST dst");
  CHECK(reads("2000-10-29T01:00:00Z") == "+01:00 CET std");
  // The transition of 2038 changes nothing, so the footer's rule answers from 2000-10-29 on, as it
  // did with date: the last Sundays of March and October 2001 are the 25th and the 28th, at 01:00Z.
  CHECK(reads("2001-03-25T00:59:59Z") == "+01:00 CET std");
  CHECK(reads("2001-03-25T01:00:00Z") == "+02:00 CEST dst");
  CHECK(reads("2001-10-28T00:59:59Z") == "+02:00 CEST dst");
  CHECK(reads("2001-10-28T01:00:00Z") == "+01:00 CET std");
  CHECK(reads("2040-07-01T00:00:00Z") == "+02:00 CEST dst");

  // A footer without daylight time leaves the last transition's type in force.
  auto fixed = db.find("Test/NoDaylight");
  REQUIRE(fixed);
  CHECK(describe(fixed->at(utc("2000-07-01T00:00:00Z"))) == "+02:00 CEST dst");
  CHECK(describe(fixed->at(utc("2001-07-01T00:00:00Z"))) == "+01:00 CET std");
  CHECK(describe(fixed->at(utc("2040-07-01T00:00:00Z"))) == "+01:00 CET std");
}

TEST_CASE("a version 1 file: the 32-bit block, no footer") {
  // The first block of the system's New York file, marked version 1: through 2037 it reads as the
  // system's zone does.
  auto bytes = read_bytes(kZoneinfo + "/America/New_York");
  auto v2 = detail::parse_tzif(bytes);
  REQUIRE(v2);
  auto counts = [&](std::size_t i) {
    std::uint32_t n = 0;
    for (std::size_t k = 0; k < 4; ++k) n = n << 8 | static_cast<unsigned char>(bytes[20 + 4 * i + k]);
    return std::size_t{n};
  };
  std::size_t v1_size = 44 + counts(3) * 5 + counts(4) * 6 + counts(5) + counts(2) * 8 + counts(1) + counts(0);
  auto v1 = bytes.substr(0, v1_size);
  v1[4] = '\0';
  auto parsed = detail::parse_tzif(v1);
  REQUIRE(parsed);
  CHECK(parsed->footer.empty());
  CHECK(parsed->transitions.size() > 200);

  ZoneFolder root{{"Test/Version1"}};
  root.write("Test/Version1", v1);
  ZoneDb db{root.folder.path.string()};
  auto mine = db.find("Test/Version1");
  REQUIRE(mine);
  auto ny = testing::zone("America/New_York");
  for (auto i = utc("1902-01-01T00:00:00Z"); i < utc("2037-12-01T00:00:00Z"); i = i + hours{24 * 5 + 7}) {
    CAPTURE(to_rfc3339(i));
    REQUIRE(describe(mine->at(i)) == describe(ny.at(i)));
  }
  CHECK(describe(mine->at(utc("2025-07-01T00:00:00Z"))) == "-04:00 EDT dst");
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

TEST_CASE("ZoneDb refuses truncated, empty, garbage and missing zone files, and reads a good one") {
  ZoneFolder root{{"Test/Good", "Test/Truncated", "Test/Empty", "Test/Garbage", "Test/Text", "Test/Missing", "Test"}};
  auto seoul = read_bytes(kZoneinfo + "/Asia/Seoul");
  root.write("Test/Good", seoul);
  root.write("Test/Truncated", seoul.substr(0, seoul.size() / 2));
  root.write("Test/Empty", "");
  std::string garbage(4096, '\0');
  std::mt19937 random{20261130};
  for (auto& c : garbage) c = static_cast<char>(random());
  root.write("Test/Garbage", garbage);
  root.write("Test/Text", "Z Asia/Seoul 8:27:52 - LMT 1908 Ap\n");
  ZoneDb db{root.folder.path.string()};

  auto good = db.find("Test/Good");
  REQUIRE(good);
  CHECK(describe(good->at(utc("2025-10-30T02:00:00Z"))) == "+09:00 KST std");
  CHECK(describe(good->at(utc("1988-06-01T00:00:00Z"))) == "+10:00 KDT dst");  // Seoul's Olympic summer time
  for (const char* name : {"Test/Truncated", "Test/Empty", "Test/Garbage", "Test/Text", "Test/Missing", "Test"}) {
    CAPTURE(name);
    CHECK_FALSE(db.find(name));
    CHECK_FALSE(db.lookup(name).has_value());
  }
  CHECK_FALSE(db.find("Asia/Seoul"));  // not listed in this folder's tzdata.zi
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

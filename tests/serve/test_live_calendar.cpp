#include "serve/live_calendar.h"

#include <doctest/doctest.h>

#include "support/temp_folder.h"

#include <fstream>
#include <sstream>

using namespace dipcal;
using namespace dipcal::serve;

namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream in{p, std::ios::binary};
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Writes beside the target and renames, as editors do; the rename gives the file a new inode.
void write(const std::filesystem::path& p, const std::string& text) {
  auto temporary = p;
  temporary += ".tmp";
  std::ofstream{temporary, std::ios::binary} << text;
  std::filesystem::rename(temporary, p);
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("the live calendar follows its files and keeps the last good one") {
  const testing::TempFolder temp{"dipcal-live-"};
  const auto& folder = temp.path;
  auto fixture = folder / "basic.yaml";
  auto original = read(DIPCAL_BASIC_FIXTURE);
  write(fixture, original);
  std::vector<std::string> logged;
  LiveCalendar calendar{{folder}, LoadLimits{}, [&](const std::string& line) { logged.push_back(line); }};

  auto first = calendar.current();
  REQUIRE(first->good);
  CHECK(first->problems.empty());
  CHECK(first->good->timeline().size() == 4);
  CHECK(first->good->timeline().at(first->good->timeline().index_of("seoul-meeting")).title == "Seoul meeting");
  CHECK(calendar.current() == first);  // nothing changed: the same snapshot

  write(fixture, replaced(original, "title: Seoul meeting", "title: Seoul summit"));
  auto edited = calendar.current();
  REQUIRE(edited->good);
  CHECK(edited->generation != first->generation);
  CHECK(edited->good->timeline().at(edited->good->timeline().index_of("seoul-meeting")).title == "Seoul summit");

  // 31 November does not exist: the file no longer passes, the edited calendar stays.
  write(fixture, replaced(original, "start: 2025-10-30T11:00", "start: 2025-11-31T11:00"));
  auto broken = calendar.current();
  CHECK(broken->good == edited->good);
  CHECK(broken->generation == edited->generation);
  REQUIRE(broken->problems.size() == 1);
  CHECK(broken->problems.front().find("basic.yaml:") != std::string::npos);
  CHECK(broken->problems.front().find(": error: ") != std::string::npos);
  CHECK(logged.size() >= 2);
  auto logged_before = logged.size();
  CHECK(calendar.current() == broken);  // looked at again, not loaded or logged again
  CHECK(logged.size() == logged_before);

  // A new file in the folder is seen as well; a duplicate id is a problem too.
  write(folder / "more.yaml", original);
  auto duplicate = calendar.current();
  CHECK(duplicate->good == edited->good);
  CHECK_FALSE(duplicate->problems.empty());
  std::filesystem::remove(folder / "more.yaml");

  write(fixture, original);
  auto mended = calendar.current();
  REQUIRE(mended->good);
  CHECK(mended->problems.empty());
  CHECK(mended->generation != edited->generation);
  CHECK(mended->good->timeline().at(mended->good->timeline().index_of("seoul-meeting")).title == "Seoul meeting");
}

TEST_CASE("a first load with problems has no calendar to serve") {
  const testing::TempFolder temp{"dipcal-live-bad-"};
  const auto& folder = temp.path;
  write(folder / "bad.yaml", "events:\n  - id: x\n    title: [\n");
  LiveCalendar calendar{{folder}, LoadLimits{}, [](const std::string&) {}};
  CHECK_FALSE(calendar.current()->good);
  CHECK_FALSE(calendar.current()->problems.empty());
  CHECK_FALSE(calendar.current()->unreadable);
  LiveCalendar missing{{folder / "no-such.yaml"}, LoadLimits{}, [](const std::string&) {}};
  CHECK_FALSE(missing.current()->good);
  CHECK(missing.current()->unreadable);
}

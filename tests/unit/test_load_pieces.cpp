// A fixture parsed in pieces (dipcal/load.h, LoadHooks::piece_bytes) reads as the same fixture parsed
// whole: the whole parse, one file on one thread, is the reference every case is compared with —
// events, their positions and calendars, what was left out and every diagnostic. The cut itself
// (fixture/yaml_tree.h) is checked against the text it was cut from.
#include "dipcal/load.h"
#include "fixture/yaml_tree.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace dipcal;
namespace fs = std::filesystem;

namespace {

// Everything a load says, one line a fact, so that a difference shows where it is.
std::vector<std::string> facts(const LoadResult& r) {
  std::vector<std::string> out;
  auto at = [](const Position& p) { return fmt::format("{}:{}", p.line, p.col); };
  for (const auto& e : r.timeline.events()) {
    auto start = e.start_utc();
    out.push_back(fmt::format("event {} at {} start-at {} '{}' calendar {} start {}", e.id, at(e.where), at(e.time_where), e.title,
                              e.calendar, start ? to_rfc3339(*start) : "-"));
    for (const auto& rel : e.relations) out.push_back(fmt::format("  {} {} at {}", to_string(rel.type), rel.target, at(rel.where)));
  }
  for (const auto& d : r.dropped) out.push_back(fmt::format("left out {} at {}", d.event.id, at(d.event.where)));
  for (const auto& d : r.diagnostics.all())
    out.push_back(fmt::format("{} {} {}: {} | {} | {}", d.severity == Severity::error ? "error" : "warning", at(d.where),
                              d.where.file, d.message, d.expected, d.suggestion));
  return out;
}

LoadResult load_file(const std::string& text, std::size_t piece_bytes) {
  auto path = fs::temp_directory_path() / fmt::format("dipcal-pieces-{}.yaml", ::getpid());
  {
    std::ofstream out{path, std::ios::binary};
    out << text;
  }
  LoadHooks hooks;
  hooks.piece_bytes = piece_bytes;
  auto result = load_fixtures({path}, ZoneDb::system(), LoadLimits{}, hooks);
  fs::remove(path);
  for (auto& d : result.diagnostics.all()) CHECK(d.where.file == path.string());
  return result;
}

void same_as_whole(const std::string& text) {
  auto whole = facts(load_file(text, 0));
  auto in_pieces = facts(load_file(text, 1));
  CHECK(in_pieces == whole);
}

// `count` events in the shapes people write, with a block of notes whose lines start with "- "
// deeper than the list, comments at the margin between items, and a relation to the event before.
std::string plain_fixture(int count, const std::string& indent = "  ") {
  std::string text = "# a fixture\ncalendar: {id: pieces, title: Pieces}\nevents:\n";
  for (int i = 0; i < count; ++i) {
    text += fmt::format("{}- id: e{}\n", indent, i);
    text += fmt::format("{}  title: Event {}\n", indent, i);
    if (i % 3 == 0) text += fmt::format("{}  start: 2025-10-{:02}\n", indent, 1 + i % 28);
    else text += fmt::format("{}  start: 2025-10-{:02}T{:02}:30\n{}  duration: PT1H\n", indent, 1 + i % 28, i % 24, indent);
    text += fmt::format("{}  location: {{city: Busan, country: KR, zone: Asia/Seoul}}\n", indent);
    if (i % 4 == 1) text += fmt::format("{}  notes: |\n{}    - a point\n{}    - another\n", indent, indent, indent);
    if (i > 0) text += fmt::format("{}  relations:\n{}    - {{type: after, event: e{}}}\n", indent, indent, i - 1);
    if (i % 5 == 2) text += "# between items\n\n";
  }
  return text;
}

}  // namespace

TEST_CASE("a plain fixture is cut before list items, and its pieces are the list") {
  auto text = plain_fixture(40);
  auto cut = detail::cut_events(text, 4);
  REQUIRE(cut);
  CHECK(cut->pieces.size() == 4);
  auto list_at = text.find("events:\n") + 8;
  CHECK(cut->root == text.substr(0, list_at - 8) + "events: []\n");
  CHECK(cut->events_line == 3);
  std::string list;
  for (const auto& piece : cut->pieces) {
    REQUIRE(piece.text.rfind("events:\n  - id: e", 0) == 0);
    list += piece.text.substr(8);
    // The piece's first item is line 2 of the piece: in the file, the line of that item's id.
    auto id_line = piece.text.substr(8, piece.text.find('\n', 8) - 8);
    auto in_file = text.find(id_line + "\n");
    CHECK(std::count(text.begin(), text.begin() + static_cast<long>(in_file), '\n') + 1 == 2 + piece.line_offset);
  }
  CHECK(list == text.substr(list_at));
  same_as_whole(text);
}

TEST_CASE("a list at the margin, CRLF line ends and a byte-order mark read the same in pieces") {
  same_as_whole(plain_fixture(30, ""));
  auto crlf = plain_fixture(30);
  for (std::size_t at = 0; (at = crlf.find('\n', at)) != std::string::npos; at += 2) crlf.insert(at, "\r");
  REQUIRE(detail::cut_events(crlf, 2));
  same_as_whole(crlf);
  same_as_whole("\xEF\xBB\xBF" + plain_fixture(30));
}

TEST_CASE("files of another shape are not cut") {
  auto text = plain_fixture(10);
  CHECK_FALSE(detail::cut_events(text + "zones: {}\n", 2));      // a root key after the list
  CHECK_FALSE(detail::cut_events(text + "...\n", 2));            // a document end
  CHECK_FALSE(detail::cut_events(text + "\t- id: x\n", 2));      // a tab
  CHECK_FALSE(detail::cut_events(plain_fixture(1), 2));          // one item
  CHECK_FALSE(detail::cut_events("events: [{id: a}, {id: b}]\n", 2));
  CHECK_FALSE(detail::cut_events("events:\n  - id: a\n - id: b\n", 2));  // an item less indented
  same_as_whole(text + "zones: {}\n");
  same_as_whole(text + "...\n");
}

TEST_CASE("a value running over a cut, or a mistake in any piece, reads as the whole file does") {
  // A quoted title whose next line looks like an item: cut there, the piece before ends in an open quote.
  auto quoted = plain_fixture(12);
  quoted.insert(quoted.find("  - id: e6\n"), "  - id: q\n    title: \"a title\n  - on two lines\"\n    start: 2025-10-05\n");
  same_as_whole(quoted);
  auto flow = plain_fixture(12);
  flow.insert(flow.find("  - id: e6\n"), "  - id: f\n    tags: [a,\n  - b]\n    start: 2025-10-05\n");
  same_as_whole(flow);
  // Errors late in the file, a duplicate id in another piece, an unknown relation target.
  auto late = plain_fixture(40);
  late.replace(late.find("start: 2025-10-", late.find("- id: e33\n")), 17, "start: 2025-13-40");
  same_as_whole(late);
  auto duplicate = plain_fixture(40);
  duplicate.replace(duplicate.find("id: e35\n"), 8, "id: e2\n");
  same_as_whole(duplicate);
  auto unknown = plain_fixture(40);
  unknown.replace(unknown.find("event: e30}"), 11, "event: e99}");
  same_as_whole(unknown);
}

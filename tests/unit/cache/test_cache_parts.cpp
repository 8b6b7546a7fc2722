// A warm question reads only its part of the cache entry (cache.h, Interest), and what a user relies
// on is that the part answers exactly as the whole calendar does. Each answer below is computed on
// the whole calendar parsed from the fixtures (no cache) and on the part read from the entry, and
// compared: the event's own fields (through its iCalendar text), its window, its relations from both
// ends, everything it depends on and that depends on it, a count to it from another event, and the
// agenda and date selection of days in three zones.
#include "dipcal/cache/cache.h"
#include "dipcal/fixture/generate.h"
#include "dipcal/ics/writer.h"
#include "dipcal/query/agenda.h"
#include "dipcal/query/calendar.h"
#include "dipcal/query/dependencies.h"
#include "dipcal/query/lead.h"
#include "dipcal/query/select.h"
#include "dipcal/model/relations.h"

#include <doctest/doctest.h>

#include "support/temp_folder.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <variant>
#include <vector>

using namespace dipcal;
namespace fs = std::filesystem;

namespace {

struct Folder : testing::TempFolder {
  Folder() : TempFolder{"dipcal-parts-test-"} {
    fs::create_directories(path / "fixtures");
    fs::copy_file(DIPCAL_SEED_FIXTURE, path / "fixtures" / "seed.yaml");
    GenerateOptions options;
    options.events = 3000;
    options.events_per_file = 1000;
    options.seed = 5;
    generate_calendar(options, [&](const std::string& name, const std::string& text) {
      std::ofstream out{path / "fixtures" / name, std::ios::binary};
      out << text;
    });
  }

  [[nodiscard]] Calendar open(std::optional<Interest> interest, bool cached = true) const {
    Calendar::OpenOptions options;
    if (cached) options.cache_folder = path / "cache";
    options.interest = std::move(interest);
    return Calendar::open({path / "fixtures"}, options);
  }
};

std::string window_text(const EventWindow* w) {
  if (!w) return "dated";
  auto text = [](const std::optional<Instant>& i) { return i ? to_rfc3339(*i) : std::string{"-"}; };
  return fmt::format("{} {} {} {}", text(w->start.earliest), text(w->start.latest), text(w->end.earliest), text(w->end.latest));
}

std::string ids(const Timeline& timeline, const std::vector<std::size_t>& events) {
  std::string text;
  for (auto i : events) text += timeline.at(i).id + " ";
  return text;
}

std::string count_text(const std::variant<CountAnswer, AmbiguousLocalTime>& answer) {
  const auto& a = std::get<CountAnswer>(answer);
  auto n = [](const std::optional<int>& d) { return d ? std::to_string(*d) : std::string{"-"}; };
  return fmt::format("{} {}..{} {}", a.zone.name(), n(a.count.min_days), n(a.count.max_days), a.under_way ? a.under_way->day : 0);
}

// What `until` and `windows` print of the event: its title, zone and times, its window, and counts
// to it from another event and from a fixed clock.
std::string own(const Calendar& calendar, const std::string& id, const std::string& other_id) {
  const auto& timeline = calendar.timeline();
  auto i = timeline.index_of(id);
  REQUIRE(i != Timeline::npos);
  const auto& e = timeline.at(i);
  auto utc = [](const std::optional<Instant>& at) { return at ? to_rfc3339(*at) : std::string{"-"}; };
  std::string text = fmt::format("{} {} {} {} {}\n", e.title, e.zone.name(), e.dated(), utc(e.start_utc()), utc(e.end_utc()));
  text += window_text(calendar.window_of(i)) + "\n";
  auto other = timeline.index_of(other_id);
  REQUIRE(other != Timeline::npos);
  text += count_text(until(calendar, {i, CountFromEvent{other, EventSide::end}, std::nullopt})) + "\n";
  text += count_text(until(calendar, {i, CountFromNow{Instant::from_unix(1761451200)}, std::nullopt})) + "\n";
  return text;
}

// What `show` adds: every field (through its iCalendar text, which names the events its relations
// name), its relations from both ends, and what it depends on and what depends on it.
std::string relatives(const Calendar& calendar, const std::string& id) {
  const auto& timeline = calendar.timeline();
  auto i = timeline.index_of(id);
  REQUIRE(i != Timeline::npos);
  std::string text = ics::write_calendar(timeline, {i}, {}).text;
  for (const auto& r : relations_involving(timeline, i))
    text += fmt::format("{} {} {} {}\n", timeline.at(r.owner).id, r.word, timeline.at(r.other).id, r.relation->note);
  auto deps = dependencies(calendar, i);
  for (const auto& links : {deps.into, deps.out_of})
    for (const auto& link : links) text += link.stated(timeline) + "\n";
  return text + fmt::format("needs {}\nneeded by {}\n", fmt::join(deps.prerequisites, " "), fmt::join(deps.dependents, " "));
}

std::string days_text(const Calendar& calendar, CivilDate first, CivilDate last, const Zone& zone) {
  const auto& timeline = calendar.timeline();
  std::string text;
  for (const auto& day : agenda(calendar, first, last, zone)) {
    text += to_string(day.date) + ":";
    for (const auto& entry : day.entries) text += " " + timeline.at(entry.event).id + (entry.possible ? "?" : "");
    text += "\n";
  }
  Selection selection;
  selection.from = first;
  selection.to = last;
  text += "selected: " + ids(timeline, select(calendar, selection, zone).indexes());
  return text;
}

}  // namespace

TEST_CASE("a question about a few events gets the whole calendar's answer from its part of the entry") {
  Folder folder;
  auto whole = folder.open(std::nullopt, false);
  REQUIRE(whole.clean());
  (void)folder.open(std::nullopt);  // stores the entry
  const auto& timeline = whole.timeline();

  SUBCASE("one event, counts to it, its relations and dependencies") {
    std::mt19937 rng{20251030};
    int checked = 0, related_parts = 0, related = 0;
    for (std::size_t i = 0; i < timeline.size(); i += 1 + rng() % 13) {
      const auto& id = timeline.at(i).id;
      const auto& other = timeline.at(rng() % timeline.size()).id;
      auto part = folder.open(Interest{{id}, {other}, false, std::nullopt, std::nullopt});
      CHECK_MESSAGE(part.part(), id);
      CHECK(part.timeline().size() <= 2);
      CHECK_MESSAGE(own(part, id, other) == own(whole, id, other), id);
      // With its relatives: the events next to it in the part, and the ids of all it reaches (the
      // generator chains its events, so many reach thousands).
      auto with = folder.open(Interest{{id}, {other}, true, std::nullopt, std::nullopt});
      CHECK_MESSAGE(with.part(), id);
      CHECK(with.timeline().size() < timeline.size() / 4);
      related_parts += with.part();
      auto expected = relatives(whole, id);
      related += expected.find("needs e") != std::string::npos || expected.find("needed by e") != std::string::npos;
      CHECK_MESSAGE(relatives(with, id) == expected, id);
      CHECK_MESSAGE(own(with, id, other) == own(whole, id, other), id);
      ++checked;
    }
    CHECK(checked > 200);
    CHECK(related > 100);  // events with dependencies were compared
    CHECK(related_parts == checked);
    for (const auto& id : {"busan-trump-xi", "kl-trade-talks", "kl-consensus-announced"}) {
      auto with = folder.open(Interest{{id}, {}, true, std::nullopt, std::nullopt});
      CHECK(with.part());
      CHECK(with.timeline().size() > 2);
      CHECK(relatives(with, id) == relatives(whole, id));
    }
  }

  SUBCASE("the events of a few days, in three zones") {
    auto zones = {ZoneDb::system().utc(), *ZoneDb::system().find("Pacific/Kiritimati"), *ZoneDb::system().find("America/Los_Angeles")};
    // Every day from the first event's to the last's would be thousands; every 23rd, and ranges of three days.
    auto first = *parse_civil_date("2024-01-01"), last = *parse_civil_date("2028-12-31");
    int parts = 0, busy = 0;
    for (auto day = first; day <= last; day = day.plus_days(23)) {
      for (const auto& zone : zones) {
        Interest interest;
        interest.days = {day, day.plus_days(2)};
        interest.zone = zone;
        auto part = folder.open(interest);
        interest.zone.reset();  // the days of any zone: more events, the same answer
        auto any_zone = folder.open(interest);
        parts += part.part();
        auto expected = days_text(whole, day, day.plus_days(2), zone);
        busy += expected.find(": e") != std::string::npos;
        CHECK_MESSAGE(days_text(part, day, day.plus_days(2), zone) == expected, to_string(day), " ", zone.name());
        CHECK_MESSAGE(days_text(any_zone, day, day.plus_days(2), zone) == expected, to_string(day), " ", zone.name());
        CHECK(part.timeline().size() <= any_zone.timeline().size());
      }
    }
    CHECK(parts > 100);
    CHECK(busy > 50);  // days with events on them were compared, not only empty ones
  }

  SUBCASE("a name that finds nothing is suggested the whole calendar's nearest names; many names need the whole calendar") {
    // Misspellings of ids of every part of the calendar (the last letter changed), and a name near none.
    std::vector<std::string> names{"no-such-event"};
    for (std::size_t i = 0; i < timeline.size(); i += 397) {
      auto name = timeline.at(i).id;
      name.back() = name.back() == 'q' ? 'z' : 'q';
      names.push_back(name);
    }
    int suggested = 0;
    for (const auto& name : names) {
      CAPTURE(name);
      auto missing = folder.open(Interest{{name}, {}, false, std::nullopt, std::nullopt});
      CHECK(missing.part());
      auto from_part = missing.timeline().find(name);
      auto from_whole = timeline.find(name);
      REQUIRE(std::holds_alternative<NameNotFound>(from_part));
      REQUIRE(std::holds_alternative<NameNotFound>(from_whole));
      CHECK(std::get<NameNotFound>(from_part).suggestions == std::get<NameNotFound>(from_whole).suggestions);
      suggested += !std::get<NameNotFound>(from_whole).suggestions.empty();
    }
    CHECK(suggested == static_cast<int>(names.size()) - 1);  // every misspelling is one letter from its id
    auto many = folder.open(Interest{{"e"}, {}, false, std::nullopt, std::nullopt});  // every generated id begins so
    CHECK_FALSE(many.part());
    auto date = folder.open(Interest{{"busan"}, {"2025-10-26"}, false, std::nullopt, std::nullopt});  // a --from that is a date
    CHECK(date.part());
    auto found = date.timeline().find("busan");
    REQUIRE(std::holds_alternative<const Event*>(found));
    CHECK(std::get<const Event*>(found)->id == "busan-trump-xi");
  }

  SUBCASE("a damaged block is found before it is used, and the fixtures are parsed instead") {
    fs::path entry;
    for (const auto& f : fs::directory_iterator{folder.path / "cache"})
      if (f.path().extension() == ".entry") entry = f.path();
    REQUIRE_FALSE(entry.empty());
    auto size = fs::file_size(entry);
    std::mt19937 rng{7};
    for (int k = 0; k < 20; ++k) {
      {
        std::fstream f{entry, std::ios::in | std::ios::out | std::ios::binary};
        f.seekp(static_cast<std::streamoff>(rng() % size));
        f.put('\x5A');
      }
      Interest interest;
      interest.names = {"busan-trump-xi"};
      interest.relatives = true;
      auto part = folder.open(interest);
      CHECK(own(part, "busan-trump-xi", "kl-trade-talks") == own(whole, "busan-trump-xi", "kl-trade-talks"));
      CHECK(relatives(part, "busan-trump-xi") == relatives(whole, "busan-trump-xi"));
      (void)folder.open(std::nullopt);  // a whole entry again for the next round
      size = fs::file_size(entry);
    }
  }
}

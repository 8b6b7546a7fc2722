#include "dipcal/generate.h"

#include "dipcal/time/civil.h"
#include "dipcal/time/zone.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <vector>

namespace dipcal {

namespace {

// splitmix64: a fixed, portable generator (the standard distributions differ between libraries).
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_{seed} {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n).
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  bool chance(double p) { return static_cast<double>(next() >> 11) / 9007199254740992.0 < p; }

 private:
  std::uint64_t state_;
};

struct Place {
  const char* city;
  const char* country;
  const char* zone;
};

// Both hemispheres, half-hour and 45-minute offsets, the date line, zones with and without DST.
constexpr std::array<Place, 36> kPlaces{{
    {"Washington", "US", "America/New_York"}, {"Ottawa", "CA", "America/Toronto"}, {"Mexico City", "MX", "America/Mexico_City"},
    {"Brasília", "BR", "America/Sao_Paulo"}, {"Buenos Aires", "AR", "America/Argentina/Buenos_Aires"},
    {"Santiago", "CL", "America/Santiago"}, {"St. John's", "CA", "America/St_Johns"}, {"Honolulu", "US", "Pacific/Honolulu"},
    {"London", "GB", "Europe/London"}, {"Paris", "FR", "Europe/Paris"}, {"Berlin", "DE", "Europe/Berlin"},
    {"Geneva", "CH", "Europe/Zurich"}, {"Madrid", "ES", "Europe/Madrid"}, {"Stockholm", "SE", "Europe/Stockholm"},
    {"Kyiv", "UA", "Europe/Kyiv"}, {"Moscow", "RU", "Europe/Moscow"}, {"Istanbul", "TR", "Europe/Istanbul"},
    {"Cairo", "EG", "Africa/Cairo"}, {"Nairobi", "KE", "Africa/Nairobi"}, {"Pretoria", "ZA", "Africa/Johannesburg"},
    {"Tehran", "IR", "Asia/Tehran"}, {"Riyadh", "SA", "Asia/Riyadh"}, {"New Delhi", "IN", "Asia/Kolkata"},
    {"Kathmandu", "NP", "Asia/Kathmandu"}, {"Jakarta", "ID", "Asia/Jakarta"}, {"Kuala Lumpur", "MY", "Asia/Kuala_Lumpur"},
    {"Beijing", "CN", "Asia/Shanghai"}, {"Seoul", "KR", "Asia/Seoul"}, {"Tokyo", "JP", "Asia/Tokyo"},
    {"Canberra", "AU", "Australia/Sydney"}, {"Lord Howe Island", "AU", "Australia/Lord_Howe"},
    {"Wellington", "NZ", "Pacific/Auckland"}, {"Apia", "WS", "Pacific/Apia"}, {"Pago Pago", "AS", "Pacific/Pago_Pago"},
    {"South Tarawa", "KI", "Pacific/Tarawa"}, {"Kiritimati", "KI", "Pacific/Kiritimati"},
}};

constexpr std::array<const char*, 12> kTopics{"trade", "climate", "security", "energy", "health", "migration",
                                              "finance", "technology", "maritime", "food", "arms-control", "space"};

std::int64_t civil_seconds(CivilDate day) { return static_cast<std::int64_t>(day.days().time_since_epoch().count()) * 86'400; }

struct Generated {
  std::string id;
  std::size_t place = 0;
  std::int64_t start = 0;  // unix seconds
  std::int64_t end = 0;
  bool dated = true;
  bool all_day = false;  // then relations to other all-day events compare civil dates (relations.h)
  std::int64_t civil_start = 0;  // local midnights as seconds of one calendar, for all-day events
  std::int64_t civil_end = 0;

  // Start and end as a relation with `other` compares them: civil dates between two all-day events,
  // instants otherwise.
  [[nodiscard]] std::int64_t start_against(const Generated& other) const { return all_day && other.all_day ? civil_start : start; }
  [[nodiscard]] std::int64_t end_against(const Generated& other) const { return all_day && other.all_day ? civil_end : end; }

  // All day for `days` days from `first`, in `zone`.
  void place_all_day(const Zone& zone, CivilDate first, int days) {
    start = zone.start_of_day(first).unix_seconds();
    end = zone.start_of_day(first.plus_days(days)).unix_seconds();
    all_day = true;
    civil_start = civil_seconds(first);
    civil_end = civil_seconds(first.plus_days(days));
  }
};

// A local date-time for an instant, "YYYY-MM-DDTHH:MM", with the offset added when the zone repeats
// that local time (a DST overlap), as fixtures require.
std::string local_text(std::int64_t unix_seconds, const Zone& zone) {
  auto at = Instant::from_unix(unix_seconds);
  auto civil = zone.to_civil(at);
  auto text = to_string(civil).substr(0, 16);
  if (zone.resolve(civil).kind != LocalKind::unique) text += offset_to_string(zone.at(at).offset);
  return text;
}

}  // namespace

std::size_t generate_calendar(const GenerateOptions& options,
                              const std::function<void(const std::string& name, const std::string& text)>& write) {
  Random random{options.seed};
  const auto& db = ZoneDb::system();
  std::vector<Zone> zones;
  for (const auto& p : kPlaces) zones.push_back(*db.find(p.zone));

  std::vector<Generated> made;
  made.reserve(options.events);
  std::size_t relations = 0;
  std::string text;
  std::size_t file_number = 0;
  auto flush = [&] {
    if (text.empty()) return;
    write(fmt::format("generated-{:04}.yaml", ++file_number), text);
    text.clear();
  };
  auto begin_file = [&] {
    text = fmt::format("# yaml-language-server: $schema=../schemas/dipcal-fixture.schema.json\n"
                       "# Generated by `dipcal generate --seed {}`: synthetic, not real events.\n"
                       "calendar: {{id: generated-{}-{}, title: Synthetic calendar {} of seed {}}}\nevents:\n",
                       options.seed, options.seed, file_number + 1, file_number + 1, options.seed);
  };

  // Time advances event by event from 2020, so relations can point back to events already placed.
  std::int64_t clock = 1577836800;  // 2020-01-01T00:00Z
  const std::int64_t step = std::max<std::int64_t>(60, 10LL * 365 * 86400 / static_cast<std::int64_t>(std::max<std::size_t>(options.events, 1)));
  std::vector<std::size_t> open_summits;  // recent summits side meetings may attach to
  std::vector<std::size_t> chain_heads;   // the last round of each negotiating track

  for (std::size_t i = 0; i < options.events; ++i) {
    if (i % options.events_per_file == 0) {
      flush();
      begin_file();
    }
    clock += static_cast<std::int64_t>(random.below(static_cast<std::size_t>(2 * step))) + 1;
    std::size_t place_index = random.below(kPlaces.size());
    // A side meeting happens where its summit is.
    bool side_meeting = random.below(100) < 28 && !open_summits.empty();
    std::size_t parent = side_meeting ? open_summits[random.below(open_summits.size())] : 0;
    if (side_meeting) place_index = made[parent].place;
    const auto& place = kPlaces[place_index];
    const Zone& zone = zones[place_index];
    const char* topic = kTopics[random.below(kTopics.size())];
    Generated g;
    g.id = fmt::format("e{}-{}", i, topic);
    g.place = place_index;
    std::string body;
    std::vector<std::string> rels;
    auto roll = random.below(100);

    // Midnight of the local day the clock is on, in the event's zone.
    auto day = zone.to_civil(Instant::from_unix(clock)).date();
    if (roll < 12) {  // a summit: 2–4 days, all day
      int days = 2 + static_cast<int>(random.below(3));
      g.place_all_day(zone, day, days);
      body = fmt::format("    title: {} summit on {}\n    kind: summit\n    status: held\n    start: {}\n    end: {}\n", place.city, topic,
                         to_string(day), to_string(day.plus_days(days - 1)));
      open_summits.push_back(i);
      if (open_summits.size() > 8) open_summits.erase(open_summits.begin());
    } else if (side_meeting) {  // a side meeting during a recent summit
      const auto& p = made[parent];
      std::int64_t span = p.end - p.start;
      std::int64_t length = 1800 * (1 + static_cast<std::int64_t>(random.below(4)));
      if (span > length + 3600) {
        g.start = p.start + 3600 + static_cast<std::int64_t>(random.below(static_cast<std::size_t>(span - length - 3600))) / 900 * 900;
        g.end = g.start + length;
        body = fmt::format("    title: Side meeting on {}\n    kind: bilateral\n    start: {}\n    duration: PT{}M\n", topic,
                           local_text(g.start, zone), length / 60);
        rels.push_back(fmt::format("{{type: during, event: {}}}", p.id));
      }
    }
    if (body.empty() && roll < 70) {  // a negotiating round, after the previous round of its track
      int days = 1 + static_cast<int>(random.below(2));
      g.place_all_day(zone, day, days);
      body = fmt::format("    title: Talks on {} in {}\n    kind: talks\n    status: held\n    start: {}\n    end: {}\n", topic, place.city,
                         to_string(day), to_string(day.plus_days(days - 1)));
      if (!chain_heads.empty() && random.chance(0.7)) {
        auto& head = chain_heads[random.below(chain_heads.size())];
        const auto& prev = made[head];
        if (prev.dated && prev.end_against(g) <= g.start_against(prev)) {
          std::int64_t gap_days = (g.start_against(prev) - prev.end_against(g)) / 86400;
          rels.push_back(gap_days >= 1 ? fmt::format("{{type: after, event: {}, gap: {{min: {}d}}}}", prev.id, gap_days)
                                       : fmt::format("{{type: follows-up, event: {}}}", prev.id));
          head = i;
        }
      } else {
        chain_heads.push_back(i);
        if (chain_heads.size() > 64) chain_heads.erase(chain_heads.begin());
      }
    }
    if (body.empty() && roll < 90) {  // a call or a deadline, timed
      g.start = clock / 900 * 900;
      bool call = roll < 82;
      g.end = g.start + (call ? 3600 : 0);
      body = fmt::format("    title: {} on {}\n    kind: {}\n    start: {}\n{}", call ? "Call" : "Deadline", topic, call ? "call" : "deadline",
                         local_text(g.start, zone), call ? "    duration: PT1H\n" : "");
    }
    if (body.empty()) {  // tentative: an EDTF month, or no date at all, placed after a recent event
      g.dated = false;
      const Generated* anchor = nullptr;
      if (!made.empty()) {
        const auto& candidate = made[made.size() - 1 - random.below(std::min<std::size_t>(made.size(), 20))];
        if (candidate.dated) anchor = &candidate;
      }
      if (random.chance(0.5)) {
        // The month around ten days after the anchor ends: "~" widens it by 15 days either side, so it
        // always meets "within 60 days after the anchor".
        auto month_day = anchor ? zone.to_civil(Instant::from_unix(anchor->end + 10 * 86400)).date() : day;
        auto ymd = month_day.ymd();
        body = fmt::format("    title: Possible visit on {}\n    kind: visit\n    status: tentative\n    start: \"{:04}-{:02}~\"\n", topic,
                           static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()));
      } else {
        body = fmt::format("    title: Follow-up on {}, date open\n    kind: talks\n    status: tentative\n", topic);
      }
      if (anchor) rels.push_back(fmt::format("{{type: after, event: {}, gap: {{max: 60d}}}}", anchor->id));
    }
    // Extra precedence relations to earlier dated events that end before this one starts, up to the
    // density asked for. Each states the real gap as its minimum, so it holds.
    double wanted = options.relations_per_event - static_cast<double>(rels.size());
    for (int k = 0; g.dated && wanted > 0 && k < 8 && !made.empty(); ++k) {
      if (wanted < 1 && !random.chance(wanted)) break;
      const auto& earlier = made[made.size() - 1 - random.below(std::min<std::size_t>(made.size(), 200))];
      if (!earlier.dated || earlier.end_against(g) > g.start_against(earlier)) continue;
      if (std::any_of(rels.begin(), rels.end(), [&](const std::string& r) { return r.find(" " + earlier.id + "}") != std::string::npos || r.find(" " + earlier.id + ",") != std::string::npos; }))
        continue;
      rels.push_back(fmt::format("{{type: after, event: {}}}", earlier.id));
      wanted -= 1;
    }
    text += fmt::format("  - id: {}\n", g.id);
    if (random.chance(0.05)) text += fmt::format("    aliases: [alias-{}]\n", i);
    text += body;
    text += fmt::format("    location: {{city: {}, country: {}, zone: {}}}\n", place.city, place.country, place.zone);
    text += fmt::format("    tags: [{}]\n", topic);
    if (!rels.empty()) {
      text += "    relations:\n";
      for (const auto& r : rels) text += fmt::format("      - {}\n", r);
      relations += rels.size();
    }
    made.push_back(std::move(g));
  }
  flush();
  return relations;
}

}  // namespace dipcal

#include "workload.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <numeric>

namespace cache_layout {
namespace {

// splitmix64: small, fast and good enough to spread synthetic fields; seeded per event.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::uint64_t below(std::uint64_t n) { return next() % n; }
  std::int64_t between(std::int64_t lo, std::int64_t hi) { return lo + static_cast<std::int64_t>(below(hi - lo + 1)); }
  bool chance(unsigned percent) { return below(100) < percent; }
  template <class T>
  const T& pick(const std::vector<T>& items) { return items[below(items.size())]; }

 private:
  std::uint64_t state_;
};

const std::vector<std::string> kWords = {
    "bilateral", "talks", "summit", "trade", "climate", "security", "ministers", "energy", "council",
    "accession", "ceasefire", "review", "conference", "treaty", "signing", "visit", "state", "dialogue",
    "working", "group", "maritime", "border", "customs", "finance", "health", "tariffs", "sanctions",
    "election", "cooperation", "partnership", "strategic", "round", "informal", "plenary", "high-level"};
const std::vector<std::string> kZones = {
    "Europe/Brussels", "Europe/Paris", "Europe/Berlin", "Europe/London", "Europe/Madrid", "Europe/Rome",
    "Europe/Warsaw", "Europe/Vienna", "Europe/Helsinki", "Europe/Athens", "Europe/Istanbul",
    "Europe/Moscow", "Europe/Kyiv", "Europe/Lisbon", "Europe/Dublin", "Europe/Zurich", "America/New_York",
    "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Toronto", "America/Mexico_City",
    "America/Sao_Paulo", "America/Argentina/Buenos_Aires", "America/Bogota", "Asia/Tokyo", "Asia/Seoul",
    "Asia/Shanghai", "Asia/Kolkata", "Asia/Singapore", "Asia/Jakarta", "Asia/Dubai", "Asia/Riyadh",
    "Asia/Tehran", "Africa/Cairo", "Africa/Nairobi", "Africa/Lagos", "Africa/Johannesburg",
    "Australia/Sydney", "Pacific/Auckland"};
const std::vector<std::string> kTags = {
    "trade", "energy", "security", "climate", "health", "migration", "finance", "digital", "defence",
    "agriculture", "fisheries", "enlargement", "neighbourhood", "sanctions", "human-rights", "g7", "g20",
    "nato", "un", "wto", "oecd", "asean", "au", "mercosur", "nuclear", "space", "arctic", "water"};
const std::vector<std::string> kActors = {
    "France", "Germany", "Italy", "Spain", "Poland", "Netherlands", "Belgium", "Sweden", "Austria",
    "Ireland", "Portugal", "Greece", "Finland", "Denmark", "Czechia", "Romania", "Hungary",
    "United Kingdom", "United States", "Canada", "Mexico", "Brazil", "Argentina", "Japan",
    "South Korea", "China", "India", "Indonesia", "Australia", "New Zealand", "South Africa", "Nigeria",
    "Kenya", "Egypt", "Saudi Arabia", "Turkey", "Ukraine", "Norway", "Switzerland",
    "European Commission", "European Council", "UN Secretary-General", "IMF", "World Bank", "WTO"};
const std::vector<std::string> kLocations = {
    "Palais des Nations, Geneva", "Europa Building, Brussels", "Berlaymont, Brussels", "Elysee Palace",
    "Chancellery, Berlin", "Lancaster House, London", "UN Headquarters, New York", "The White House",
    "Kantei, Tokyo", "Great Hall of the People", "Hyderabad House, New Delhi", "Itamaraty, Brasilia",
    "Hofburg, Vienna", "Finlandia Hall, Helsinki", "Palazzo Chigi, Rome", "Moncloa Palace, Madrid",
    "Belweder, Warsaw", "Binnenhof, The Hague", "Dolmabahce Palace, Istanbul", "Lancaster House",
    "OECD Chateau de la Muette", "WTO Centre William Rappard", "Marriott, Bali", "ICC, Sydney",
    "Beehive, Wellington", "Union Buildings, Pretoria", "Presidential Palace, Nairobi",
    "Kremlin, Moscow", "Mariinskyi Palace, Kyiv", "Bella Center, Copenhagen", "Egmont Palace, Brussels"};
const std::vector<std::string> kOutlets = {"Reuters", "AFP", "AP", "dpa", "ANSA", "EFE", "PAP", "Kyodo",
                                           "Xinhua", "PTI", "Agencia Brasil", "Belga", "TASS", "Ukrinform"};

std::string words_to_length(Random& random, std::size_t length) {
  std::string text;
  while (text.size() < length) {
    if (!text.empty()) text += ' ';
    text += random.pick(kWords);
  }
  text.resize(length);
  return text;
}

std::string slug_of(std::string_view text) {
  std::string slug;
  for (char c : text) slug += c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return slug;
}

constexpr std::int64_t k2000 = 946684800;  // 2000-01-01T00:00:00Z
constexpr std::int64_t kThirtyYears = 30 * 365 * kDay;

}  // namespace

const std::vector<std::string>& zone_names() { return kZones; }

std::uint16_t zone_index(std::string_view name) {
  return static_cast<std::uint16_t>(std::find(kZones.begin(), kZones.end(), name) - kZones.begin());
}

Event generate_event(std::uint32_t index, std::uint32_t count) {
  Random random(kSeed * 0x100000001b3ULL ^ (static_cast<std::uint64_t>(index) << 20));
  Event e;
  char number[16];
  std::snprintf(number, sizeof number, "%07u", index);
  e.id = "evt-" + std::string(number);
  const auto id_length = static_cast<std::size_t>(random.between(20, 40));
  while (e.id.size() < id_length) e.id += "-" + random.pick(kWords);
  e.id.resize(std::max<std::size_t>(id_length, 12));
  if (e.id.back() == '-') e.id.pop_back();
  for (auto n = random.below(3); e.aliases.size() < n;) {
    // The index keeps aliases unique; the word makes them read like dipcal's short names.
    e.aliases.push_back(random.pick(kWords) + "-" + std::to_string(index) + "-" + std::to_string(e.aliases.size()));
  }
  e.title = words_to_length(random, static_cast<std::size_t>(random.between(40, 80)));
  e.title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(e.title[0])));
  e.zone = random.pick(kZones);
  e.kind = static_cast<std::uint8_t>(random.below(11));
  e.status = static_cast<std::uint8_t>(random.below(6));

  const auto start = k2000 + random.between(0, kThirtyYears / 300) * 300;  // on five-minute marks
  const auto dating = random.below(100);
  if (dating < 3) {
    e.dating = Dating::window;
    const auto earliest = start, latest = start + random.between(1, 90) * kDay;
    const auto length = random.between(0, 3) * kDay;
    e.window = {random.chance(20) ? kOpenEarliest : earliest, random.chance(20) ? kOpenLatest : latest,
                random.chance(20) ? kOpenEarliest : earliest + length,
                random.chance(20) ? kOpenLatest : latest + length + kDay};
  } else if (dating < 8) {
    e.dating = Dating::all_day;
    e.first_day = static_cast<std::int32_t>(start / kDay);
    e.last_day = e.first_day + static_cast<std::int32_t>(random.below(3));
    e.start_s = std::int64_t{e.first_day} * kDay;
    e.end_s = (std::int64_t{e.last_day} + 1) * kDay;
  } else {
    const auto shape = random.below(100);
    const auto duration = shape < 70 ? random.between(1, 8) * 3600
                          : shape < 95 ? random.between(8, 48) * 3600
                                       : random.between(2, 4) * kDay;
    e.start_s = start;
    e.end_s = start + duration;
  }

  for (auto n = random.below(4); e.tags.size() < n;) e.tags.push_back(random.pick(kTags));
  for (auto n = random.below(4); e.actors.size() < n;) e.actors.push_back(random.pick(kActors));
  for (auto n = 1 + random.below(2); e.relations.size() < n && count > 1;) {
    Relation r;
    r.type = static_cast<std::uint8_t>(random.below(15));
    r.target = static_cast<std::uint32_t>(random.below(count - 1));
    if (r.target >= index) ++r.target;  // never itself
    if (random.chance(50)) r.gap_min_s = random.between(0, 14) * kDay;
    if (random.chance(30)) r.gap_max_s = random.between(15, 60) * kDay;
    e.relations.push_back(r);
  }
  e.location = random.pick(kLocations);
  e.outlet = random.pick(kOutlets);
  e.url = "https://news.example/" + slug_of(e.outlet) + "/" + std::to_string(1970 + start / (365 * kDay)) +
          "/" + e.id;
  e.quote = words_to_length(random, static_cast<std::size_t>(random.between(70, 110)));
  return e;
}

std::vector<Event> generate(std::uint32_t count) {
  std::vector<Event> events;
  events.reserve(count);
  for (std::uint32_t i = 0; i < count; ++i) events.push_back(generate_event(i, count));
  return events;
}

std::uint32_t middle_event(std::uint32_t count) {
  auto i = count / 2;
  while (generate_event(i, count).dating != Dating::timed) ++i;
  return i;
}

std::int64_t chronological_key(const Event& e) {
  return e.dating == Dating::window ? e.window[0] : e.start_s;
}

std::array<std::int64_t, 4> windows_of(Dating dating, std::int64_t start_s, std::int64_t end_s,
                                       const std::array<std::int64_t, 4>& window) {
  if (dating == Dating::window) return window;
  return {start_s, start_s, end_s, end_s};
}

void append_window_line(std::string& out, std::string_view id, const std::array<std::int64_t, 4>& bounds) {
  static constexpr std::string_view kNames[] = {"earliest_start", "latest_start", "earliest_end", "latest_end"};
  out += R"({"id":")";
  out += id;
  out += '"';
  for (int b = 0; b < 4; ++b) {
    out += R"(,")";
    out += kNames[b];
    out += R"(":)";
    if (bounds[b] == kOpenEarliest || bounds[b] == kOpenLatest) {
      out += "null";
    } else {
      char digits[24];
      out.append(digits, std::to_chars(digits, digits + sizeof digits, bounds[b]).ptr);
    }
  }
  out += "}\n";
}

Indexes build_indexes(std::vector<Event>& events) {
  const auto count = static_cast<std::uint32_t>(events.size());
  Indexes ix;
  ix.by_id.resize(count);
  std::iota(ix.by_id.begin(), ix.by_id.end(), 0U);
  std::sort(ix.by_id.begin(), ix.by_id.end(), [&](auto a, auto b) { return events[a].id < events[b].id; });
  for (std::uint32_t i = 0; i < count; ++i) {
    for (const auto& alias : events[i].aliases) ix.aliases.push_back({alias, i});
    if (events[i].dating != Dating::window) ix.max_span_s = std::max(ix.max_span_s, events[i].end_s - events[i].start_s);
  }
  std::sort(ix.aliases.begin(), ix.aliases.end(), [](const Alias& a, const Alias& b) { return a.key < b.key; });
  ix.by_start = ix.by_id;
  std::sort(ix.by_start.begin(), ix.by_start.end(), [&](auto a, auto b) {
    const auto ka = chronological_key(events[a]), kb = chronological_key(events[b]);
    return ka != kb ? ka < kb : a < b;
  });
  for (std::uint32_t r = 0; r < count; ++r) events[ix.by_start[r]].rank = r;
  // CSR: count each target's referrers, turn counts into offsets, then place.
  ix.referrer_offsets.assign(count + 1, 0);
  for (const auto& e : events) {
    for (const auto& r : e.relations) ++ix.referrer_offsets[r.target + 1];
  }
  std::partial_sum(ix.referrer_offsets.begin(), ix.referrer_offsets.end(), ix.referrer_offsets.begin());
  ix.referrers.resize(ix.referrer_offsets.back());
  auto next = ix.referrer_offsets;
  for (std::uint32_t i = 0; i < count; ++i) {
    for (const auto& r : events[i].relations) ix.referrers[next[r.target]++] = i;
  }
  return ix;
}

}  // namespace cache_layout

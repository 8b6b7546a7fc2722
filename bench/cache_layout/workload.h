// The workload of the cache-layout benchmark (issue 19): synthetic events shaped like dipcal's
// cache entry, generated deterministically, and the indexes every layout has to answer from.
// Event i is a function of (seed, i) alone, so a process can name the event it will look up
// without generating the others (and so without growing the RSS of the measuring parent).
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cache_layout {

inline constexpr std::uint64_t kSeed = 19;
inline constexpr std::int64_t kDay = 86400;
// An open bound of an undated event's window; printed as null.
inline constexpr std::int64_t kOpenEarliest = std::numeric_limits<std::int64_t>::min();
inline constexpr std::int64_t kOpenLatest = std::numeric_limits<std::int64_t>::max();

enum class Dating : std::uint8_t { timed, all_day, window };

struct Relation {
  std::uint8_t type = 0;  // one of dipcal's 15 relation types
  std::uint32_t target = 0;
  std::optional<std::int64_t> gap_min_s;
  std::optional<std::int64_t> gap_max_s;
  bool operator==(const Relation&) const = default;
};

struct Event {
  std::string id;
  std::vector<std::string> aliases;
  std::string title;
  std::string zone;  // one of zone_names()
  std::uint8_t kind = 0;
  std::uint8_t status = 0;
  Dating dating = Dating::timed;
  std::int64_t start_s = 0;  // timed and all-day; all-day runs from UTC midnight of first_day
  std::int64_t end_s = 0;
  std::int32_t first_day = 0;  // all-day only: civil days since 1970-01-01, inclusive
  std::int32_t last_day = 0;
  // Undated only: earliest start, latest start, earliest end, latest end.
  std::array<std::int64_t, 4> window{};
  std::vector<std::string> tags;
  std::vector<std::string> actors;
  std::vector<Relation> relations;
  std::string location;
  std::string outlet;
  std::string url;
  std::string quote;
  std::uint32_t rank = 0;  // position in chronological order; set by build_indexes
  bool operator==(const Event&) const = default;
};

const std::vector<std::string>& zone_names();
std::uint16_t zone_index(std::string_view name);

Event generate_event(std::uint32_t index, std::uint32_t count);
std::vector<Event> generate(std::uint32_t count);
// The event question (a) looks up and whose UTC day question (b) asks about: the middle one, or
// the first timed one after it.
std::uint32_t middle_event(std::uint32_t count);

// The instant chronological order sorts by: the start, or an undated event's earliest start.
std::int64_t chronological_key(const Event& e);
// The four bounds `windows --json` prints: a dated event's are its start and end twice.
std::array<std::int64_t, 4> windows_of(Dating dating, std::int64_t start_s, std::int64_t end_s,
                                       const std::array<std::int64_t, 4>& window);
// One line of the `windows --json` shape, with open bounds as null.
void append_window_line(std::string& out, std::string_view id, const std::array<std::int64_t, 4>& bounds);

// The indexes the hand-made, FlatBuffers and Cap'n Proto layouts store; SQLite builds its own.
struct Alias {
  std::string_view key;
  std::uint32_t event;
};
struct Indexes {
  std::vector<std::uint32_t> by_id;     // event indexes sorted by id (exact and prefix lookup)
  std::vector<Alias> aliases;           // sorted by key
  std::vector<std::uint32_t> by_start;  // chronological order: (chronological_key, index)
  std::vector<std::uint32_t> referrer_offsets;  // CSR, count + 1 entries
  std::vector<std::uint32_t> referrers;         // events stating a relation to each event
  std::int64_t max_span_s = 0;  // longest dated event, so a day query knows how far back to look
};
// Fills each event's rank as well.
Indexes build_indexes(std::vector<Event>& events);

}  // namespace cache_layout

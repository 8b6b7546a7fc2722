// Zones: the rules that map instants to civil times in one place, from the system's IANA database.
//
// A civil time becomes an instant only through a zone, and not always in one way. `Zone::resolve`
// says which case holds, as abseil's cctz does, and leaves the choice to the caller:
//
//   auto ny = ZoneDb::system().find("America/New_York");      // a Zone, or an error with suggestions
//   ny->resolve(2025-11-02T01:30)  -> repeated: 05:30Z (EDT, first) and 06:30Z (EST, second)
//   ny->resolve(2025-03-09T02:30)  -> skipped:  07:30Z (read with EST, the offset before the gap)
//                                               and 06:30Z (read with EDT, the offset after it)
//   ny->resolve(2025-10-29T22:00)  -> unique:   2025-10-30T02:00Z
//
// dipcal reads each zone's compiled file (TZif, RFC 8536) itself, once, when the zone is first found.
// The file's explicit transitions stop in 2037 for zones with daylight time; each file ends with a
// POSIX TZ rule ("EST5EDT,M3.2.0,M11.1.0") that says what happens after that, and dipcal applies it,
// so New York on 2040-07-01 reads EDT, as the database intends.
#pragma once

#include "dipcal/text/parsed.h"
#include "dipcal/time/civil.h"
#include "dipcal/time/instant.h"

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dipcal {

namespace detail {
class PosixRule;
}

// What a zone says at one instant.
struct ZoneReading {
  std::chrono::seconds offset{0};  // local = UTC + offset
  std::string abbrev;              // "KST", "EDT", "+0545"
  bool dst = false;
};

enum class LocalKind { unique, skipped, repeated };

// The readings of one civil time in a zone.
// unique:   first == second, the only instant.
// skipped:  the time falls in a gap; first is read with the offset before the gap, second with the one
//           after (for a forward jump first > second). The clocks jump at `transition`, which lies in
//           (second, first]: New York 2025-03-09T02:30 gives first 07:30Z, second 06:30Z and the jump
//           from 02:00 EST to 03:00 EDT at 07:00Z.
// repeated: the time occurs twice; first < second, and the clocks fall back at `transition`, in
//           (first, second].
struct LocalResolution {
  LocalKind kind = LocalKind::unique;
  Instant first;
  Instant second;
  std::chrono::seconds first_offset{0};
  std::chrono::seconds second_offset{0};
  Instant transition;  // for skipped and repeated: the instant the offset changes; for unique, first

  // The instant a clock in the zone shows this time, or for a gap the instant the clock jumps past it.
  [[nodiscard]] Instant earliest_valid() const { return kind == LocalKind::skipped ? transition : first; }
};

class Zone {
 public:
  // UTC. Every other zone comes from ZoneDb.
  Zone() = default;
  [[nodiscard]] const std::string& name() const;
  [[nodiscard]] ZoneReading at(Instant i) const;
  [[nodiscard]] LocalResolution resolve(const CivilDateTime& local) const;
  [[nodiscard]] CivilDateTime to_civil(Instant i) const;
  // The instant the civil day starts in this zone (midnight, or the end of a gap that swallows it).
  [[nodiscard]] Instant start_of_day(CivilDate d) const;

  friend bool operator==(const Zone& a, const Zone& b) { return a.data_ == b.data_; }

  struct Data;

 private:
  friend class ZoneDb;
  explicit Zone(const Data* data) : data_{data} {}
  const Data* data_ = nullptr;
};

// Why a zone name that exists is still a poor choice for an event, and what to write instead.
struct ZoneAdvice {
  std::string message;     // "EST is UTC−05:00 all year (no DST), a link to America/Panama"
  std::string suggestion;  // "write America/New_York for US Eastern time, with its DST"
};

// The system's zone database (/usr/share/zoneinfo), loaded once and shared. Zones are looked up by
// name against the list the database publishes; a name that is not in it never opens a file, so
// "../../etc/passwd" is just an unknown zone.
class ZoneDb {
 public:
  static const ZoneDb& system();
  explicit ZoneDb(std::string root);
  ~ZoneDb();
  ZoneDb(const ZoneDb&) = delete;
  ZoneDb& operator=(const ZoneDb&) = delete;

  [[nodiscard]] std::optional<Zone> find(std::string_view name) const;
  // find(), or an error ("unknown zone 'Asia/Seol'") whose suggestions are the database's nearest
  // names, best first.
  [[nodiscard]] Parsed<Zone> lookup(std::string_view name) const;
  [[nodiscard]] Zone utc() const;

  // The database's version, from the first line of tzdata.zi ("2026f"), or "unknown".
  [[nodiscard]] const std::string& version() const { return version_; }
  // Every zone and link name, sorted.
  [[nodiscard]] const std::vector<std::string>& names() const { return named().names; }
  // Zones that zone1970.tab lists for an ISO 3166-1 alpha-2 country code.
  [[nodiscard]] std::vector<std::string> zones_for_country(std::string_view country) const;

  // For legacy and fixed-offset names: the POSIX-style names (EST, CET, EST5EDT, …) that tzdata keeps
  // for compatibility, Etc/GMT±N (whose sign is POSIX's: Etc/GMT+3 is UTC−03:00), and the old names
  // tzdata.zi lists as links ("L America/New_York US/Eastern") that zone.tab does not name for a
  // country. Empty for a name to keep (Europe/Brussels, UTC).
  [[nodiscard]] std::optional<ZoneAdvice> advice(std::string_view name) const;

 private:
  // The names, countries and links, read the first time one is asked for (most runs ask none):
  // named() reads tzdata.zi's names and links, all a zone lookup needs; index() adds the countries
  // of zone1970.tab and zone.tab, and keeps only the links no country names.
  struct Index {
    std::vector<std::string> names;
    std::multimap<std::string, std::string, std::less<>> country_zones;
    std::map<std::string, std::string, std::less<>> links;  // old name → the zone it is a link to
  };
  [[nodiscard]] const Index& named() const;
  [[nodiscard]] const Index& index() const;

  std::string root_;
  std::string version_ = "unknown";
  mutable std::once_flag named_;
  mutable std::once_flag indexed_;
  mutable Index index_;
  mutable std::mutex loading_;  // find() may be called from the loader's threads at once
  mutable std::map<std::string, std::unique_ptr<Zone::Data>, std::less<>> loaded_;
};

}  // namespace dipcal

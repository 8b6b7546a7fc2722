#include "dipcal/time/zone.h"

#include "dipcal/text/suggest.h"
#include "posix_rule.h"
#include "tzif.h"

#include <date/tz.h>
#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>
#include <memory>
#include <vector>

namespace dipcal {

struct Zone::Data {
  std::string name;
  // The zone file's readings and the instants they begin (RFC 8536 section 3.2): before changes[0]
  // the zone reads readings[0] (local time type 0); from changes[k] to the next change, the reading
  // change_types[k] names.
  std::vector<Instant> changes;
  std::vector<std::uint8_t> change_types;
  std::vector<ZoneReading> readings;
  std::optional<detail::PosixRule> footer;  // read after the last change when it has daylight time
};

namespace {

using std::chrono::seconds;

// A regular file's bytes, read at once into a string of its size.
std::optional<std::string> read_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  std::optional<std::string> bytes;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    bytes.emplace(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t got = 0;
    for (ssize_t n; got < bytes->size() && (n = ::read(fd, bytes->data() + got, bytes->size() - got)) > 0;) got += static_cast<std::size_t>(n);
    bytes->resize(got);  // a file that shrank while read: what it held
  }
  ::close(fd);
  return bytes;
}

bool same_reading(const ZoneReading& a, const ZoneReading& b) {
  return a.offset == b.offset && a.abbrev == b.abbrev && a.dst == b.dst;
}

// The zone `name` from its TZif file, read once; empty when the file is missing or malformed.
std::unique_ptr<Zone::Data> load_zone(std::string_view name, const std::string& path) {
  auto bytes = read_file(path);
  if (!bytes) return nullptr;
  auto file = detail::parse_tzif(*bytes);
  if (!file) return nullptr;
  auto data = std::make_unique<Zone::Data>();
  data->name = std::string{name};
  for (auto& type : file->types) data->readings.push_back(ZoneReading{type.utoff, std::move(type.abbrev), type.isdst});
  // A transition to the reading already in force changes nothing. Leaving it out keeps the footer's
  // start where date put it, at the last real change: zic's "fat" files, which Debian ships, end
  // with such a transition at 2038-01-19T03:14:07Z, the last 32-bit second.
  std::uint8_t in_force = 0;
  for (std::size_t k = 0; k < file->transitions.size(); ++k) {
    auto type = file->transition_types[k];
    if (!same_reading(data->readings[type], data->readings[in_force])) {
      data->changes.push_back(file->transitions[k]);
      data->change_types.push_back(type);
    }
    in_force = type;
  }
  data->footer = detail::PosixRule::parse(file->footer);
  return data;
}

// Calls `each` with every line of `text`, without its newline.
template <class Each>
void for_each_line(std::string_view text, const Each& each) {
  for (std::size_t from = 0; from < text.size();) {
    auto end = std::min(text.find('\n', from), text.size());
    each(text.substr(from, end - from));
    from = end + 1;
  }
}

// The first `count` fields of `line` separated by `separator` (runs of it count as one when it is a
// space, as in tzdata.zi); fields past the end are empty.
template <std::size_t count>
std::array<std::string_view, count> split(std::string_view line, char separator) {
  std::array<std::string_view, count> fields{};
  std::size_t from = 0;
  for (auto& field : fields) {
    if (separator == ' ') from = std::min(line.find_first_not_of(' ', from), line.size());
    if (from >= line.size()) break;
    auto end = std::min(line.find(separator, from), line.size());
    field = line.substr(from, end - from);
    from = end + 1;
  }
  return fields;
}

}  // namespace

const std::string& Zone::name() const {
  static const std::string utc = "UTC";
  return data_ ? data_->name : utc;
}

ZoneReading Zone::at(Instant i) const {
  if (data_ == nullptr) return ZoneReading{seconds{0}, "UTC", false};
  const auto& d = *data_;
  // The latest change at or before `i`; past the last one the footer's rule, when it has DST, says
  // what happens (the files list explicit transitions only up to 2037).
  auto next = std::upper_bound(d.changes.begin(), d.changes.end(), i);
  if (next == d.changes.end() && d.footer && d.footer->has_dst()) return d.footer->at(i);
  return d.readings[next == d.changes.begin() ? 0 : d.change_types[static_cast<std::size_t>(next - d.changes.begin()) - 1]];
}

LocalResolution Zone::resolve(const CivilDateTime& local) const {
  // Read the civil time with the offsets in force a day either side of it, and keep the readings that
  // the zone confirms. No zone has changed its offset twice within two days, or by more than a day.
  auto naive = Instant{date::sys_seconds{local.time().time_since_epoch()}};
  auto before = at(naive - std::chrono::hours{24}).offset;
  auto after = at(naive + std::chrono::hours{24}).offset;
  auto valid = [&](seconds offset) { return at(naive - offset).offset == offset; };
  LocalResolution r;
  bool before_ok = valid(before);
  bool after_ok = before != after && valid(after);
  if (before_ok && after_ok) {
    r.kind = LocalKind::repeated;
    r.first = naive - std::max(before, after);
    r.second = naive - std::min(before, after);
    r.first_offset = std::max(before, after);
    r.second_offset = std::min(before, after);
  } else if (before_ok || after_ok) {
    auto offset = before_ok ? before : after;
    r.kind = LocalKind::unique;
    r.first = r.second = naive - offset;
    r.first_offset = r.second_offset = offset;
  } else {
    r.kind = LocalKind::skipped;
    r.first = naive - before;
    r.second = naive - after;
    r.first_offset = before;
    r.second_offset = after;
  }
  r.transition = r.first;
  if (r.kind != LocalKind::unique) {
    // The offset changes once between the two readings: at the earlier one the zone still reads the
    // offset before the change (`before`), at the later one the offset after it. Bisect to the second.
    Instant low = std::min(r.first, r.second), high = std::max(r.first, r.second);
    while (high - low > seconds{1}) {
      Instant mid = low + (high - low) / 2;
      (at(mid).offset == before ? low : high) = mid;
    }
    r.transition = high;
  }
  return r;
}

CivilDateTime Zone::to_civil(Instant i) const {
  return CivilDateTime{date::local_seconds{i.time().time_since_epoch() + at(i).offset}};
}

Instant Zone::start_of_day(CivilDate d) const { return resolve(CivilDateTime{d, seconds{0}}).earliest_valid(); }

ZoneDb::ZoneDb(std::string root) : root_{std::move(root)} {
  // The version is all most runs need (it is part of the cache's key); the names wait for index().
  std::ifstream zi{root_ + "/tzdata.zi"};
  std::string line;
  if (std::getline(zi, line) && line.rfind("# version ", 0) == 0) version_ = line.substr(10);
}

const ZoneDb::Index& ZoneDb::named() const {
  std::call_once(named_, [this] {
    auto& names = index_.names;
    auto& links = index_.links;
    // Split by hand: an istringstream a line cost as much as the rest of a short run together.
    if (auto zi = read_file(root_ + "/tzdata.zi")) {
      for_each_line(*zi, [&](std::string_view line) {
        auto words = split<3>(line, ' ');
        if (words[0] == "Z") names.emplace_back(words[1]);
        if (words[0] == "L") {  // L TARGET LINK-NAME
          names.emplace_back(words[2]);
          links.emplace(words[2], words[1]);
        }
      });
    } else {
      for (const auto& z : date::get_tzdb().zones) names.push_back(std::string{z.name()});
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
  });
  return index_;
}

const ZoneDb::Index& ZoneDb::index() const {
  (void)named();  // the names and links, which the countries adjust
  std::call_once(indexed_, [this] {
    auto& links = index_.links;
    auto& country_zones = index_.country_zones;
    // zone1970.tab and zone.tab: countries (comma-separated in zone1970.tab), coordinates, zone, comment.
    auto each_row = [&](const char* name, const auto& row) {
      auto tab = read_file(root_ + "/" + name);
      if (!tab) return;
      for_each_line(*tab, [&](std::string_view line) {
        if (line.empty() || line[0] == '#') return;
        auto fields = split<3>(line, '\t');
        row(fields[0], fields[2]);
      });
    };
    each_row("zone1970.tab", [&](std::string_view countries, std::string_view zone) {
      for (std::size_t from = 0; from < countries.size();) {
        auto comma = std::min(countries.find(',', from), countries.size());
        country_zones.emplace(countries.substr(from, comma - from), zone);
        from = comma + 1;
      }
    });
    // Names zone.tab gives a country are kept even where tzdata made them links (Europe/Luxembourg).
    each_row("zone.tab", [&](std::string_view, std::string_view zone) {
      if (auto it = links.find(zone); it != links.end()) links.erase(it);
    });
    for (const auto& [country, zone] : country_zones) links.erase(zone);
  });
  return index_;
}

ZoneDb::~ZoneDb() = default;

const ZoneDb& ZoneDb::system() {
  static const ZoneDb db{"/usr/share/zoneinfo"};
  return db;
}

std::optional<Zone> ZoneDb::find(std::string_view name) const {
  std::lock_guard lock{loading_};
  if (auto it = loaded_.find(name); it != loaded_.end()) return Zone{it->second.get()};
  if (name == "UTC") return Zone{};
  // Only names the database lists reach the file system.
  if (const auto& names = named().names; !std::binary_search(names.begin(), names.end(), name)) return std::nullopt;
  // tzdata's Factory zone ("-00", for a machine whose zone is not yet set) is no place's time; date,
  // which found zones before dipcal read the files itself, left it out.
  if (name == "Factory") return std::nullopt;
  auto data = load_zone(name, root_ + "/" + std::string{name});
  if (!data) return std::nullopt;
  return Zone{loaded_.emplace(std::string{name}, std::move(data)).first->second.get()};
}

Parsed<Zone> ZoneDb::lookup(std::string_view name) const {
  if (auto z = find(name)) return *z;
  return ParseError{fmt::format("unknown zone '{}'", name), 0, "", closest(name, named().names)};
}

Zone ZoneDb::utc() const { return Zone{}; }

namespace {

// tzdata's POSIX-style names, with the zone tzdata's `backward` file links each to since 2024b and
// what people who write them usually mean.
struct LegacyName {
  std::string_view name, link, meaning;
};
constexpr LegacyName kLegacyNames[] = {
    {"EST", "America/Panama", "UTC−05:00 all year, no DST; for US Eastern time write America/New_York"},
    {"MST", "America/Phoenix", "UTC−07:00 all year, no DST; for US Mountain time write America/Denver"},
    {"HST", "Pacific/Honolulu", "UTC−10:00 all year"},
    {"EST5EDT", "America/New_York", "US Eastern rules without a place's history"},
    {"CST6CDT", "America/Chicago", "US Central rules without a place's history"},
    {"MST7MDT", "America/Denver", "US Mountain rules without a place's history"},
    {"PST8PDT", "America/Los_Angeles", "US Pacific rules without a place's history"},
    {"CET", "Europe/Brussels", "Central European rules without a place's history; write the zone of the place, such as Europe/Paris"},
    {"MET", "Europe/Brussels", "Central European rules without a place's history; write the zone of the place"},
    {"EET", "Europe/Athens", "Eastern European rules without a place's history; write the zone of the place, such as Europe/Kyiv"},
    {"WET", "Europe/Lisbon", "Western European rules without a place's history; write the zone of the place"},
};

}  // namespace

std::optional<ZoneAdvice> ZoneDb::advice(std::string_view name) const {
  for (const auto& legacy : kLegacyNames)
    if (legacy.name == name)
      return ZoneAdvice{fmt::format("zone {} is a legacy POSIX-style name: {} (tzdata links it to {})", name, legacy.meaning, legacy.link),
                        fmt::format("write {}", name == "EST" ? "America/New_York" : name == "MST" ? "America/Denver" : std::string{legacy.link})};
  constexpr std::string_view etc = "Etc/GMT";
  if (name.substr(0, etc.size()) == etc && name.size() > etc.size() && (name[etc.size()] == '+' || name[etc.size()] == '-')) {
    auto hours = name.substr(etc.size() + 1);
    if (hours != "0")
      return ZoneAdvice{fmt::format("zone {} is UTC{}{}:00 all year: Etc/ names use POSIX signs, + for west of Greenwich", name,
                                    name[etc.size()] == '+' ? "−" : "+", hours.size() == 1 ? fmt::format("0{}", hours) : std::string{hours}),
                        "write the zone of the event's place (Area/City), which follows its clocks"};
  }
  if (auto link = index().links.find(name); link != index().links.end() && link->second.rfind("Etc/", 0) != 0)
    return ZoneAdvice{fmt::format("zone {} is an old name, kept as a link to {}", name, link->second), fmt::format("write {}", link->second)};
  return std::nullopt;
}

std::vector<std::string> ZoneDb::zones_for_country(std::string_view country) const {
  std::vector<std::string> zones;
  auto [first, last] = index().country_zones.equal_range(country);
  for (auto it = first; it != last; ++it) zones.push_back(it->second);
  return zones;
}

}  // namespace dipcal

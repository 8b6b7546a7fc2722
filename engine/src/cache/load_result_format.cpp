// The cache entry's bytes: a load result and its solved network written field by field, in this
// machine's byte order.
//
//   "DIPCALTC" · format version · key · files · events · chronological order · diagnostics · windows ·
//   fingerprint of all before
//
// Strings are a 32-bit length and their bytes; optionals a flag byte and the value; lists a 32-bit
// count and their items. File names in positions are interned: the first use of a name writes its
// index (one past the table) and the name, later uses only the index. Reading checks every length
// against the bytes left, every enum against its range and the closing fingerprint, so a damaged entry
// is refused, never half-read.
#include "dipcal/cache.h"

#include <cstring>
#include <type_traits>
#include <unordered_map>

namespace dipcal {

namespace {

constexpr std::string_view kMagic = "DIPCALTC";
// Bump whenever what is written changes: an entry of another format is a miss.
constexpr std::uint32_t kFormat = 4;

// A new field in Event (or what it holds) must be written and read here too; this fails the build
// until someone has looked. Update the size after doing so.
static_assert(sizeof(Event) == 592, "Event changed: update the cache format (and kFormat)");

class Writer {
 public:
  void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void u32(std::uint32_t v) { raw(&v, sizeof v); }
  void i64(std::int64_t v) { raw(&v, sizeof v); }
  void f64(double v) { raw(&v, sizeof v); }
  void flag(bool v) { u8(v ? 1 : 0); }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  void strings(const std::vector<std::string>& list) {
    u32(static_cast<std::uint32_t>(list.size()));
    for (const auto& s : list) str(s);
  }
  template <typename E>
  void enumeration(E e) {
    u8(static_cast<std::uint8_t>(e));
  }
  void instant(Instant i) { i64(i.unix_seconds()); }
  void date(CivilDate d) { i64(d.days().time_since_epoch().count()); }
  template <typename T, typename F>
  void optional(const std::optional<T>& v, F write) {
    flag(v.has_value());
    if (v) write(*v);
  }
  void position(const Position& p) {
    auto [it, added] = files_.try_emplace(p.file.str(), static_cast<std::uint32_t>(files_.size()));
    u32(it->second);
    if (added) str(p.file.str());
    u32(static_cast<std::uint32_t>(p.line));
    u32(static_cast<std::uint32_t>(p.col));
  }

  std::string& out() { return out_; }

 private:
  void raw(const void* p, std::size_t n) { out_.append(static_cast<const char*>(p), n); }

  std::string out_;
  std::unordered_map<std::string, std::uint32_t> files_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_{in} {}

  [[nodiscard]] bool ok() const { return ok_; }
  [[nodiscard]] bool at_end() const { return ok_ && pos_ == in_.size(); }
  void fail() { ok_ = false; }

  std::uint8_t u8() {
    std::uint8_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  std::uint32_t u32() {
    std::uint32_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  std::int64_t i64() {
    std::int64_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  double f64() {
    double v = 0;
    raw(&v, sizeof v);
    return v;
  }
  bool flag() {
    auto v = u8();
    if (v > 1) fail();
    return v == 1;
  }
  std::string str() {
    auto n = u32();
    if (!take(n)) return {};
    std::string s{in_.substr(pos_, n)};
    pos_ += n;
    return s;
  }
  std::string_view view(std::size_t n) {
    if (!take(n)) return {};
    auto v = in_.substr(pos_, n);
    pos_ += n;
    return v;
  }
  // A list's length: each item takes at least one byte, so a count beyond the bytes left is damage
  // (and must not become a huge allocation).
  std::size_t count() {
    auto n = u32();
    if (n > in_.size() - pos_) fail();
    return ok_ ? n : 0;
  }
  std::vector<std::string> strings() {
    std::vector<std::string> list(count());
    for (auto& s : list) s = str();
    return list;
  }
  template <typename E>
  E enumeration(E last) {
    auto v = u8();
    if (v > static_cast<std::uint8_t>(last)) fail();
    return static_cast<E>(v);
  }
  Instant instant() { return Instant::from_unix(i64()); }
  CivilDate date() { return CivilDate{date::local_days{date::days{i64()}}}; }
  template <typename F>
  auto optional(F read) -> std::optional<decltype(read())> {
    if (!flag()) return std::nullopt;
    return read();
  }
  Position position() {
    Position p;
    auto index = u32();
    if (index == files_.size()) files_.emplace_back(str());
    if (index >= files_.size()) {
      fail();
      return p;
    }
    p.file = files_[index];
    p.line = static_cast<int>(u32());
    p.col = static_cast<int>(u32());
    return p;
  }

 private:
  bool take(std::size_t n) {
    if (!ok_ || in_.size() - pos_ < n) ok_ = false;
    return ok_;
  }
  void raw(void* p, std::size_t n) {
    if (!take(n)) return;
    std::memcpy(p, in_.data() + pos_, n);
    pos_ += n;
  }

  std::string_view in_;
  std::size_t pos_ = 0;
  bool ok_ = true;
  std::vector<FileName> files_;  // shared by every position that names them
};

void write_event(Writer& w, const Event& e) {
  w.str(e.id);
  w.str(e.title);
  w.enumeration(e.kind);
  w.enumeration(e.status);
  w.strings(e.aliases);
  w.u8(static_cast<std::uint8_t>(e.time.index()));
  if (const auto* all_day = std::get_if<AllDay>(&e.time)) {
    w.date(all_day->first);
    w.date(all_day->last);
  } else if (const auto* timed = std::get_if<Timed>(&e.time)) {
    w.instant(timed->start);
    w.instant(timed->end);
  } else {
    const auto& window = std::get<Window>(e.time);
    auto date = [&](CivilDate d) { w.date(d); };
    w.optional(window.earliest_first, date);
    w.optional(window.latest_first, date);
    w.optional(window.earliest_last, date);
    w.optional(window.latest_last, date);
    w.str(window.start_text);
    w.str(window.end_text);
  }
  w.str(e.zone.name());
  w.str(e.location.name);
  w.str(e.location.city);
  w.str(e.location.country);
  w.str(e.location.zone);
  w.optional(e.location.geo, [&](const Geo& g) {
    w.f64(g.lat);
    w.f64(g.lon);
  });
  w.strings(e.actors);
  w.strings(e.tags);
  w.u32(static_cast<std::uint32_t>(e.sources.size()));
  for (const auto& s : e.sources) {
    w.str(s.outlet);
    w.str(s.url);
    w.str(s.published);
    w.str(s.quote);
  }
  w.str(e.notes);
  w.str(e.calendar);
  w.optional(e.updated, [&](Instant i) { w.instant(i); });
  w.i64(e.sequence);
  w.u32(static_cast<std::uint32_t>(e.relations.size()));
  for (const auto& r : e.relations) {
    w.enumeration(r.type);
    w.str(r.target);
    auto seconds = [&](std::chrono::seconds s) { w.i64(s.count()); };
    w.optional(r.gap.min, seconds);
    w.optional(r.gap.max, seconds);
    w.str(r.zone);
    w.str(r.note);
    w.position(r.where);
  }
  w.position(e.where);
  w.position(e.time_where);
}

class EventReader {
 public:
  EventReader(Reader& r, const ZoneDb& zones) : r_{r}, zones_{zones} {}

  Event read() {
    Event e;
    e.id = r_.str();
    e.title = r_.str();
    e.kind = r_.enumeration(EventKind::other);
    e.status = r_.enumeration(EventStatus::cancelled);
    e.aliases = r_.strings();
    switch (r_.u8()) {
      case 0: {
        auto first = r_.date();
        e.time = AllDay{first, r_.date()};
        break;
      }
      case 1: {
        auto start = r_.instant();
        e.time = Timed{start, r_.instant()};
        break;
      }
      case 2: {
        Window window;
        auto date = [&] { return r_.date(); };
        window.earliest_first = r_.optional(date);
        window.latest_first = r_.optional(date);
        window.earliest_last = r_.optional(date);
        window.latest_last = r_.optional(date);
        window.start_text = r_.str();
        window.end_text = r_.str();
        e.time = std::move(window);
        break;
      }
      default:
        r_.fail();
    }
    e.zone = zone(r_.str());
    e.location.name = r_.str();
    e.location.city = r_.str();
    e.location.country = r_.str();
    e.location.zone = r_.str();
    e.location.geo = r_.optional([&] {
      Geo g;
      g.lat = r_.f64();
      g.lon = r_.f64();
      return g;
    });
    e.actors = r_.strings();
    e.tags = r_.strings();
    e.sources.resize(r_.count());
    for (auto& s : e.sources) {
      s.outlet = r_.str();
      s.url = r_.str();
      s.published = r_.str();
      s.quote = r_.str();
    }
    e.notes = r_.str();
    e.calendar = r_.str();
    e.updated = r_.optional([&] { return r_.instant(); });
    e.sequence = static_cast<int>(r_.i64());
    e.relations.resize(r_.count());
    for (auto& rel : e.relations) {
      rel.type = r_.enumeration(RelationType::start_to_finish);
      rel.target = r_.str();
      auto seconds = [&] { return std::chrono::seconds{r_.i64()}; };
      rel.gap.min = r_.optional(seconds);
      rel.gap.max = r_.optional(seconds);
      rel.zone = r_.str();
      rel.note = r_.str();
      rel.where = r_.position();
    }
    e.where = r_.position();
    e.time_where = r_.position();
    return e;
  }

 private:
  // Zones by name, looked up in the database once each.
  Zone zone(const std::string& name) {
    if (auto it = seen_.find(name); it != seen_.end()) return it->second;
    auto found = zones_.find(name);
    if (!found) {
      r_.fail();  // the database lost a zone since the entry was written: parse again
      return Zone{};
    }
    return seen_.emplace(name, *found).first->second;
  }

  Reader& r_;
  const ZoneDb& zones_;
  std::unordered_map<std::string, Zone> seen_;
};

void write_diagnostic(Writer& w, const Diagnostic& d) {
  w.enumeration(d.severity);
  w.position(d.where);
  w.str(d.message);
  w.str(d.expected);
  w.str(d.suggestion);
  w.strings(d.notes);
}

void read_diagnostic(Reader& r, Diagnostics& into) {
  auto severity = r.enumeration(Severity::warning);
  auto where = r.position();
  auto message = r.str();
  auto expected = r.str();
  auto suggestion = r.str();
  auto& d = severity == Severity::error ? into.error(std::move(where), std::move(message), std::move(expected), std::move(suggestion))
                                        : into.warning(std::move(where), std::move(message), std::move(expected), std::move(suggestion));
  d.notes = r.strings();
}

void write_bounds(Writer& w, const PointBounds& b) {
  auto instant = [&](Instant i) { w.instant(i); };
  w.optional(b.earliest, instant);
  w.optional(b.latest, instant);
}

PointBounds read_bounds(Reader& r) {
  auto instant = [&] { return r.instant(); };
  PointBounds b;
  b.earliest = r.optional(instant);
  b.latest = r.optional(instant);
  return b;
}

void write_windows(Writer& w, const std::optional<TimelineWindows>& windows) {
  w.flag(windows.has_value());
  if (!windows) return;
  w.u32(static_cast<std::uint32_t>(windows->events.size()));
  for (const auto& e : windows->events) {
    write_bounds(w, e.start);
    write_bounds(w, e.end);
  }
  w.flag(windows->conflict.has_value());
  if (windows->conflict) write_diagnostic(w, *windows->conflict);
}

std::optional<TimelineWindows> read_windows(Reader& r) {
  if (!r.flag()) return std::nullopt;
  TimelineWindows windows;
  windows.events.resize(r.count());
  for (auto& e : windows.events) {
    e.start = read_bounds(r);
    e.end = read_bounds(r);
  }
  if (r.flag()) {
    Diagnostics one;
    read_diagnostic(r, one);
    if (!one.all().empty()) windows.conflict = one.all().front();
  }
  return windows;
}

}  // namespace

std::string serialize_compiled(const CompiledTimeline& compiled, std::string_view key) {
  const auto& result = compiled.load;
  Writer w;
  w.out().append(kMagic);
  w.u32(kFormat);
  w.str(key);
  w.u32(static_cast<std::uint32_t>(result.files.size()));
  for (const auto& f : result.files) w.str(f.string());
  w.flag(result.events_capped);
  w.u32(static_cast<std::uint32_t>(result.timeline.size()));
  for (const auto& e : result.timeline.events()) write_event(w, e);
  auto order = compiled.order.empty() ? chronological_order(result.timeline, compiled.windows ? &compiled.windows->events : nullptr)
                                      : compiled.order;
  for (auto i : order) w.u32(static_cast<std::uint32_t>(i));
  w.u32(static_cast<std::uint32_t>(result.diagnostics.all().size()));
  for (const auto& d : result.diagnostics.all()) write_diagnostic(w, d);
  write_windows(w, compiled.windows);
  Fingerprint check;
  check.add(w.out());
  w.out().append(check.hex());
  return std::move(w.out());
}

std::optional<CompiledTimeline> deserialize_compiled(std::string_view bytes, std::string_view key, const ZoneDb& zones) {
  constexpr std::size_t kCheckLength = 32;
  if (bytes.size() < kMagic.size() + kCheckLength) return std::nullopt;
  auto body = bytes.substr(0, bytes.size() - kCheckLength);
  Fingerprint check;
  check.add(body);
  if (check.hex() != bytes.substr(body.size())) return std::nullopt;

  Reader r{body};
  if (r.view(kMagic.size()) != kMagic || r.u32() != kFormat || r.str() != key) return std::nullopt;
  CompiledTimeline compiled;
  auto& result = compiled.load;
  for (auto& file : r.strings()) result.files.emplace_back(std::move(file));
  result.events_capped = r.flag();
  auto events = r.count();
  result.timeline.reserve(events);
  EventReader event_reader{r, zones};
  for (std::size_t i = 0; i < events && r.ok(); ++i) result.timeline.add(event_reader.read());
  compiled.order.resize(events);
  for (auto& i : compiled.order) i = r.u32();
  if (r.ok() && !is_event_order(result.timeline, compiled.order)) return std::nullopt;
  auto diagnostics = r.count();
  for (std::size_t i = 0; i < diagnostics && r.ok(); ++i) read_diagnostic(r, result.diagnostics);
  compiled.windows = read_windows(r);
  if (!r.at_end()) return std::nullopt;
  if (compiled.windows && compiled.windows->events.size() != result.timeline.size()) return std::nullopt;
  return compiled;
}

}  // namespace dipcal

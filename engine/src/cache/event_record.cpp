#include "event_record.h"

#include <concepts>
#include <cstdint>
#include <type_traits>
#include <utility>
#include <variant>

namespace dipcal::detail {

// A new field in Event (or what it holds) must be listed in its record's fields below; this fails the
// build until someone has looked. Update the size after doing so (and the entry's format number, entry.cpp).
static_assert(sizeof(Event) == 592, "Event changed: update the cache's event records");

namespace {

template <class E, class T>
concept field_of = std::same_as<std::remove_const_t<E>, T>;

// Each record's fields in the order they are stored, listed once for both directions: `io` is a
// FieldWriter (over a const record) or a FieldReader (over one to fill). A list of records is a
// 32-bit count and the records; an optional is a flag byte and the value; a variant is its
// alternative's index as a byte and the alternative.
void fields(auto& io, field_of<Geo> auto& g) { io(g.lat, g.lon); }
void fields(auto& io, field_of<Location> auto& l) { io(l.name, l.city, l.country, l.zone, l.geo); }
void fields(auto& io, field_of<Source> auto& s) { io(s.outlet, s.url, s.published, s.quote); }
void fields(auto& io, field_of<Gap> auto& g) { io(g.min, g.max); }
void fields(auto& io, field_of<Relation> auto& r) { io(r.type, r.target, r.gap, r.zone, r.note, r.where); }
void fields(auto& io, field_of<AllDay> auto& d) { io(d.first, d.last); }
void fields(auto& io, field_of<Timed> auto& t) { io(t.start, t.end); }
void fields(auto& io, field_of<Window> auto& w) { io(w.earliest_first, w.latest_first, w.earliest_last, w.latest_last, w.start_text, w.end_text); }
void fields(auto& io, field_of<Event> auto& e) {
  io(e.id, e.title, e.kind, e.status, e.aliases, e.time, e.zone, e.location, e.actors, e.tags, e.sources, e.notes, e.calendar,
     e.updated, e.sequence, e.relations, e.where, e.time_where);
}
void fields(auto& io, field_of<Diagnostic> auto& d) { io(d.severity, d.where, d.message, d.expected, d.suggestion, d.notes); }

// The last value of each enum a record holds: a byte beyond it is damage.
constexpr EventKind last(EventKind) { return EventKind::other; }
constexpr EventStatus last(EventStatus) { return EventStatus::cancelled; }
constexpr RelationType last(RelationType) { return RelationType::start_to_finish; }
constexpr Severity last(Severity) { return Severity::warning; }

class FieldWriter {
 public:
  explicit FieldWriter(Writer& w) : w_{w} {}

  template <class... T>
  void operator()(const T&... values) {
    (put(values), ...);
  }

 private:
  void put(const std::string& s) { w_.str(s); }
  void put(double v) { w_.f64(v); }
  void put(int v) { w_.i64(v); }
  void put(std::chrono::seconds s) { w_.i64(s.count()); }
  void put(Instant i) { w_.instant(i); }
  void put(CivilDate d) { w_.date(d); }
  void put(const Position& p) { w_.position(p); }
  void put(const Zone& z) { w_.str(z.name()); }
  template <class E>
    requires std::is_enum_v<E>
  void put(E e) {
    w_.enumeration(e);
  }
  template <class T>
  void put(const std::optional<T>& v) {
    w_.optional(v, [&](const T& value) { put(value); });
  }
  template <class T>
  void put(const std::vector<T>& list) {
    w_.u32(static_cast<std::uint32_t>(list.size()));
    for (const auto& item : list) put(item);
  }
  template <class... A>
  void put(const std::variant<A...>& v) {
    w_.u8(static_cast<std::uint8_t>(v.index()));
    std::visit([&](const auto& alternative) { put(alternative); }, v);
  }
  template <class T>
    requires std::is_class_v<T>
  void put(const T& record) {
    fields(*this, record);
  }

  Writer& w_;
};

// `zone_named` turns a stored zone's name into the Zone (failing the reader when there is none).
template <class ZoneNamed>
class FieldReader {
 public:
  FieldReader(Reader& r, ZoneNamed zone_named) : r_{r}, zone_named_{std::move(zone_named)} {}

  template <class... T>
  void operator()(T&... values) {
    (take(values), ...);
  }

 private:
  void take(std::string& s) { s = r_.str(); }
  void take(double& v) { v = r_.f64(); }
  void take(int& v) { v = static_cast<int>(r_.i64()); }
  void take(std::chrono::seconds& s) { s = std::chrono::seconds{r_.i64()}; }
  void take(Instant& i) { i = r_.instant(); }
  void take(CivilDate& d) { d = r_.date(); }
  void take(Position& p) { p = r_.position(); }
  void take(Zone& z) { z = zone_named_(r_.str()); }
  template <class E>
    requires std::is_enum_v<E>
  void take(E& e) {
    e = r_.enumeration(last(E{}));
  }
  template <class T>
  void take(std::optional<T>& v) {
    v = r_.optional([&] {
      T value{};
      take(value);
      return value;
    });
  }
  template <class T>
  void take(std::vector<T>& list) {
    list.resize(r_.count());
    for (auto& item : list) take(item);
  }
  template <class... A>
  void take(std::variant<A...>& v) {
    auto index = r_.u8();
    if (index >= sizeof...(A)) return r_.fail();
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      ((I == index ? take(v.template emplace<I>()) : void()), ...);
    }(std::index_sequence_for<A...>{});
  }
  template <class T>
    requires std::is_class_v<T>
  void take(T& record) {
    fields(*this, record);
  }

  Reader& r_;
  ZoneNamed zone_named_;
};

}  // namespace

void write_event(Writer& w, const Event& e) {
  FieldWriter out{w};
  fields(out, e);
}

std::optional<Event> EventReader::read(std::string_view record) {
  Reader r{record, files_};
  FieldReader in{r, [&](const std::string& name) { return zone(r, name); }};
  Event e;
  fields(in, e);
  if (!r.at_end()) return std::nullopt;
  return e;
}

Zone EventReader::zone(Reader& r, const std::string& name) {
  if (auto it = seen_.find(name); it != seen_.end()) return it->second;
  auto found = zones_.find(name);
  if (!found) {
    r.fail();  // the database lost a zone since the entry was written: parse again
    return Zone{};
  }
  return seen_.emplace(name, *found).first->second;
}

void write_diagnostic(Writer& w, const Diagnostic& d) {
  FieldWriter out{w};
  fields(out, d);
}

void read_diagnostic(Reader& r, Diagnostics& into) {
  // Diagnostics makes its entries (and counts the errors): the fields go through a copy.
  FieldReader in{r, [](const std::string&) { return Zone{}; }};
  Diagnostic read;
  fields(in, read);
  auto& d = read.severity == Severity::error
                ? into.error(std::move(read.where), std::move(read.message), std::move(read.expected), std::move(read.suggestion))
                : into.warning(std::move(read.where), std::move(read.message), std::move(read.expected), std::move(read.suggestion));
  d.notes = std::move(read.notes);
}

}  // namespace dipcal::detail

#include "entry.h"

#include "dipcal/text/suggest.h"

#include "dipcal/reasoning/graph.h"
#include "dipcal/query/days.h"

#include <algorithm>
#include <atomic>
#include <limits>
#include <thread>
#include <unordered_map>
#include <unordered_set>

namespace dipcal::detail {

namespace {

constexpr char kMagic[8] = {'D', 'I', 'P', 'C', 'A', 'L', 'T', 'E'};
// Bump whenever what is written changes: an entry of another format is a miss.
constexpr std::uint32_t kFormat = 9;
constexpr std::size_t kBlock = 16 * 1024;
constexpr std::size_t kMaxKey = 64;
// An event that spans more than this goes to the list every day question reads whole.
constexpr std::int64_t kShortSpan = 64 * 86400;
constexpr std::int64_t kDay = 86400;
// Beyond this many candidates of a prefix, the lookup is left to the whole calendar (it lists them).
constexpr std::size_t kMaxCandidates = 64;

struct Header {
  char magic[8];
  std::uint32_t format;
  std::uint32_t sections;
  std::uint32_t key_size;
  char key[kMaxKey];
  std::uint64_t data_size;
  std::uint64_t blocks;
  std::uint64_t checks_check;  // of the block checks
  SectionPlace places[kSections];
  std::uint64_t header_check;  // of every byte before it
};

static_assert(sizeof(Header) % 8 == 0, "the data after the header must stay 8-byte aligned");

template <typename T>
void put(std::string& out, const T& value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

std::int64_t seconds_or_none(const std::optional<Instant>& i) { return i ? i->unix_seconds() : kNone; }
std::optional<Instant> instant_or_none(std::int64_t s) { return s == kNone ? std::nullopt : std::optional{Instant::from_unix(s)}; }
std::int64_t day_second(CivilDate d) { return d.days().time_since_epoch().count() * kDay; }

// Lists by event, as two sections: where each event's list starts (one past the last: the end), then the items.
void write_lists(const std::vector<std::vector<std::uint32_t>>& lists, std::string& starts, std::string& items) {
  std::uint32_t at = 0;
  for (const auto& list : lists) {
    put(starts, at);
    for (auto v : list) put(items, v);
    at += static_cast<std::uint32_t>(list.size());
  }
  put(starts, at);
}

// The sections only an entry of a clean, solved calendar has: what questions about a part look up.
void write_indexes(const CompiledTimeline& compiled, std::string (&s)[kSections]) {
  const auto& timeline = compiled.load.timeline;
  const auto& windows = compiled.windows->events;
  auto n = timeline.size();

  std::vector<std::uint32_t> rank(n);
  for (std::size_t k = 0; k < compiled.order.size(); ++k) rank[compiled.order[k]] = static_cast<std::uint32_t>(k);
  for (auto r : rank) put(s[kRanks], r);

  std::vector<NameKey> names;
  std::vector<std::string_view> texts;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& e = timeline.at(i);
    put(s[kIdStarts], static_cast<std::uint32_t>(s[kIds].size()));
    s[kIds].append(e.id);
    texts.push_back(e.id);
    names.push_back({static_cast<std::uint32_t>(i), 0, static_cast<std::uint32_t>(texts.size() - 1)});
    for (const auto& alias : e.aliases) {
      texts.push_back(alias);
      names.push_back({static_cast<std::uint32_t>(i), 0, static_cast<std::uint32_t>(texts.size() - 1)});
    }
  }
  put(s[kIdStarts], static_cast<std::uint32_t>(s[kIds].size()));
  std::sort(names.begin(), names.end(), [&](const NameKey& a, const NameKey& b) { return texts[a.size] < texts[b.size]; });
  for (auto& k : names) {
    auto text = texts[k.size];
    k.offset = static_cast<std::uint32_t>(s[kNameText].size());
    k.size = static_cast<std::uint32_t>(text.size());
    s[kNameText].append(text);
    put(s[kNames], k);
  }

  auto utc = ZoneDb::system().utc();
  constexpr auto kMin = std::numeric_limits<std::int64_t>::min(), kMax = std::numeric_limits<std::int64_t>::max();
  std::vector<SpanKey> short_keys, long_keys;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& e = timeline.at(i);
    const auto* window = e.dated() ? nullptr : &windows[i];
    SpanKey key{kMin, kMax, static_cast<std::uint32_t>(i), 0};
    if (const auto* t = std::get_if<Timed>(&e.time)) {
      key.first = t->start.unix_seconds();
      key.last = t->end.unix_seconds();
    } else if (e.undated()) {
      auto days = days_of(e, window, utc);  // the rule of query/days.h: nothing bounds it, no day
      if (!days.placed) continue;
      if (window->start.earliest) key.first = window->start.earliest->unix_seconds();
      if (window->end.latest) key.last = window->end.latest->unix_seconds();
      else if (window->start.latest) key.last = window->start.latest->unix_seconds();
    } else {
      auto days = days_of(e, window, utc);  // its own dates, in any zone
      if (!days.placed) continue;
      key.by_date = 1;
      if (days.first) key.first = day_second(*days.first);
      if (days.last) key.last = day_second(*days.last);
    }
    bool is_short = key.first != kMin && key.last != kMax && key.last - key.first <= kShortSpan;
    (is_short ? short_keys : long_keys).push_back(key);
  }
  std::stable_sort(short_keys.begin(), short_keys.end(), [](const SpanKey& a, const SpanKey& b) { return a.first < b.first; });
  for (const auto& k : short_keys) put(s[kDaysShort], k);
  for (const auto& k : long_keys) put(s[kDaysLong], k);

  std::vector<std::vector<std::uint32_t>> about(n), before(n), after(n);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k < timeline.at(i).relations.size(); ++k)
      if (auto t = timeline.target_of(i, k); t != Timeline::npos) about[t].push_back(static_cast<std::uint32_t>(i));
  std::vector<std::string> zone_names;
  std::unordered_map<std::string, std::uint32_t> zone_numbers;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& name = timeline.at(i).zone.name();
    auto [at, added] = zone_numbers.try_emplace(name, static_cast<std::uint32_t>(zone_names.size()));
    if (added) zone_names.push_back(name);
    put(s[kEventZones], at->second);
    put(s[kDated], static_cast<std::uint8_t>(timeline.at(i).dated()));
  }
  FileTable no_files;
  Writer zones{no_files};
  zones.strings(zone_names);
  s[kZoneNames] = std::move(zones.out());

  DependencyGraph graph{timeline, compiled.order};
  if (auto levels = graph.levels())
    for (const auto& level : *levels)
      for (auto i : level) put(s[kDependencyOrder], static_cast<std::uint32_t>(i));
  for (const auto& link : graph.links()) {
    before[link.dependent].push_back(static_cast<std::uint32_t>(link.prerequisite));
    after[link.prerequisite].push_back(static_cast<std::uint32_t>(link.dependent));
  }
  write_lists(about, s[kAboutStarts], s[kAbout]);
  write_lists(before, s[kBeforeStarts], s[kBefore]);
  write_lists(after, s[kAfterStarts], s[kAfter]);
}

}  // namespace

std::uint64_t check_of(std::string_view bytes) {
  Fingerprint f;
  f.add(bytes);
  return f.word();
}

std::string entry_bytes(const CompiledTimeline& compiled, std::string_view key, const std::vector<FileInput>& inputs) {
  const auto& load = compiled.load;
  const auto& timeline = load.timeline;
  std::string s[kSections];
  FileTable files;

  auto order = compiled.order.size() == timeline.size() ? compiled.order
                                                        : chronological_order(timeline, compiled.windows ? &compiled.windows->events : nullptr);
  // Records first: the file table is complete once every position has been written. They lie in
  // chronological order, so that the events of a day, which a question about the day reads, are
  // side by side in a few checked blocks rather than one block each; each event's record is found
  // by its begin and end (kRecordPlaces).
  {
    Writer w{files};
    std::vector<std::uint64_t> places(2 * timeline.size());
    for (auto i : order) {
      places[2 * i] = w.out().size();
      write_event(w, timeline.events()[i]);
      places[2 * i + 1] = w.out().size();
    }
    for (auto p : places) put(s[kRecordPlaces], p);
    s[kRecords] = std::move(w.out());
  }
  bool indexed = compiled.windows && !compiled.windows->conflict && compiled.windows->events.size() == timeline.size() &&
                 compiled.order.size() == timeline.size();
  {
    Writer w{files};
    for (const auto& d : load.diagnostics.all()) write_diagnostic(w, d);
    if (compiled.windows && compiled.windows->conflict) write_diagnostic(w, *compiled.windows->conflict);
    std::string diagnostics = std::move(w.out());

    Writer m{files};
    m.u32(static_cast<std::uint32_t>(timeline.size()));
    m.flag(load.events_capped);
    m.u32(static_cast<std::uint32_t>(load.files.size()));
    for (const auto& f : load.files) m.str(f.string());
    m.u32(static_cast<std::uint32_t>(inputs.size()));
    for (const auto& in : inputs) {
      m.str(in.name);
      m.str(in.print);
      m.i64(static_cast<std::int64_t>(in.times.size));
      m.i64(in.times.mtime_ns);
      m.i64(in.times.ctime_ns);
      m.i64(static_cast<std::int64_t>(in.times.inode));
      m.i64(static_cast<std::int64_t>(in.times.device));
      m.flag(in.racy);
    }
    m.flag(compiled.windows.has_value());
    m.flag(compiled.windows && compiled.windows->conflict);
    m.flag(indexed);
    m.u32(static_cast<std::uint32_t>(load.diagnostics.all().size()));
    m.str(diagnostics);
    m.strings(files.names());
    s[kMeta] = std::move(m.out());
  }
  if (compiled.windows)
    for (const auto& w : compiled.windows->events)
      put(s[kWindows], WindowRecord{seconds_or_none(w.start.earliest), seconds_or_none(w.start.latest), seconds_or_none(w.end.earliest),
                             seconds_or_none(w.end.latest)});
  for (auto i : order) put(s[kOrder], static_cast<std::uint32_t>(i));
  if (indexed) write_indexes(compiled, s);

  Header h;
  std::memset(static_cast<void*>(&h), 0, sizeof h);  // padding too: the same calendar gives the same bytes
  std::copy(std::begin(kMagic), std::end(kMagic), h.magic);
  h.format = kFormat;
  h.sections = kSections;
  h.key_size = static_cast<std::uint32_t>(std::min(key.size(), kMaxKey));
  std::copy_n(key.data(), h.key_size, h.key);
  // The header's place first, filled in last; the sections after it, then the block checks.
  std::string out(sizeof h, '\0');
  std::size_t total = sizeof h;
  for (const auto& section : s) total += section.size() + 8;
  out.reserve(total + (total / kBlock + 1) * 8);
  for (std::size_t k = 0; k < kSections; ++k) {
    h.places[k] = {out.size() - sizeof h, s[k].size()};
    out.append(s[k]);
    std::string{}.swap(s[k]);
    out.append((8 - out.size() % 8) % 8, '\0');
  }
  auto data = std::string_view{out}.substr(sizeof h);
  h.data_size = data.size();
  h.blocks = (data.size() + kBlock - 1) / kBlock;
  std::string checks;
  for (std::size_t b = 0; b < h.blocks; ++b) put(checks, check_of(data.substr(b * kBlock, kBlock)));
  h.checks_check = check_of(checks);
  h.header_check = check_of(std::string_view{reinterpret_cast<const char*>(&h), offsetof(Header, header_check)});
  std::memcpy(out.data(), &h, sizeof h);
  out.append(checks);
  return out;
}

std::optional<EntryView> EntryView::open(std::string_view bytes, std::string_view key) {
  Header h;
  if (bytes.size() < sizeof h) return std::nullopt;
  std::memcpy(&h, bytes.data(), sizeof h);
  if (!std::equal(std::begin(kMagic), std::end(kMagic), h.magic) || h.format != kFormat || h.sections != kSections) return std::nullopt;
  if (h.header_check != check_of(bytes.substr(0, offsetof(Header, header_check)))) return std::nullopt;
  if (h.key_size > kMaxKey || std::string_view{h.key, h.key_size} != key.substr(0, kMaxKey) || key.size() > kMaxKey) return std::nullopt;
  if (h.data_size % 8 != 0 || h.blocks != (h.data_size + kBlock - 1) / kBlock) return std::nullopt;
  if (bytes.size() - sizeof h != h.data_size + h.blocks * 8) return std::nullopt;  // whole, and nothing after
  auto checks = bytes.substr(sizeof h + h.data_size);
  if (h.checks_check != check_of(checks)) return std::nullopt;

  EntryView view;
  view.data_ = bytes.substr(sizeof h, h.data_size);
  view.identity_ = h.header_check;
  view.checks_ = reinterpret_cast<const std::uint64_t*>(checks.data());  // 8-aligned: the header and data are multiples of 8
  view.blocks_ = h.blocks;
  view.checked_.assign(h.blocks, false);
  for (std::size_t k = 0; k < kSections; ++k) {
    const auto& p = h.places[k];
    if (p.offset > h.data_size || p.size > h.data_size - p.offset || p.offset % 8 != 0) return std::nullopt;
    view.places_[k] = {p.offset, p.size};
  }
  try {
    if (!view.read_meta()) return std::nullopt;
  } catch (const CorruptEntry&) {
    return std::nullopt;
  }
  return view;
}

void EntryView::check_events(std::span<const std::uint32_t> events) const {
  for (auto e : events)
    if (e >= events_) throw CorruptEntry{};
}

void EntryView::check_block(std::size_t block) const {
  if (checked_[block]) return;
  if (check_of(data_.substr(block * kBlock, kBlock)) != checks_[block]) throw CorruptEntry{};
  checked_[block] = true;
}

std::string_view EntryView::bytes_of(EntrySection s, std::uint64_t offset, std::uint64_t size) const {
  const auto& p = places_[s];
  if (offset > p.size || size > p.size - offset) throw CorruptEntry{};
  if (size == 0) return {};
  auto at = p.offset + offset;
  for (auto b = at / kBlock; b <= (at + size - 1) / kBlock; ++b) check_block(b);
  return data_.substr(at, size);
}

template <typename T>
T EntryView::item(EntrySection s, std::size_t i) const {
  T value;
  std::memcpy(&value, bytes_of(s, i * sizeof(T), sizeof(T)).data(), sizeof(T));
  return value;
}

bool EntryView::read_meta() {
  static const std::vector<FileName> no_files;
  Reader r{bytes_of(kMeta, 0, places_[kMeta].size), no_files};
  events_ = r.u32();
  events_capped_ = r.flag();
  for (auto& f : r.strings()) load_files_.emplace_back(std::move(f));
  inputs_.resize(r.count());
  for (auto& in : inputs_) {
    in.name = r.str();
    in.print = r.str();
    in.times.size = static_cast<std::uint64_t>(r.i64());
    in.times.mtime_ns = r.i64();
    in.times.ctime_ns = r.i64();
    in.times.inode = static_cast<std::uint64_t>(r.i64());
    in.times.device = static_cast<std::uint64_t>(r.i64());
    in.racy = r.flag();
  }
  has_windows_ = r.flag();
  bool has_conflict = r.flag(), indexed = r.flag();
  auto diagnostics = r.u32();
  auto diagnostic_bytes = r.str();
  auto names = r.strings();
  if (!r.at_end()) return false;
  files_.assign(names.begin(), names.end());
  Reader d{diagnostic_bytes, files_};
  for (std::uint32_t k = 0; k < diagnostics && d.ok(); ++k) read_diagnostic(d, diagnostics_);
  if (has_conflict) {
    Diagnostics one;
    read_diagnostic(d, one);
    if (!one.all().empty()) conflict_ = one.all().front();
  }
  if (!d.at_end()) return false;
  indexed_ = indexed && has_windows_ && !has_conflict;
  return items(kRecordPlaces, 8) == 2 * events_ && items(kOrder, 4) == events_ &&
         (!has_windows_ || items(kWindows, sizeof(WindowRecord)) == events_) &&
         (!indexed_ || (items(kRanks, 4) == events_ && items(kAboutStarts, 4) == events_ + 1 &&
                        items(kBeforeStarts, 4) == events_ + 1 && items(kAfterStarts, 4) == events_ + 1 &&
                        items(kIdStarts, 4) == events_ + 1 && items(kEventZones, 4) == events_ && items(kDated, 1) == events_));
}

LoadResult EntryView::meta_load() const {
  LoadResult load;
  load.files = load_files_;
  load.events_capped = events_capped_;
  load.diagnostics = diagnostics_;
  return load;
}

std::string_view EntryView::record(std::size_t event) const {
  auto begin = item<std::uint64_t>(kRecordPlaces, 2 * event), end = item<std::uint64_t>(kRecordPlaces, 2 * event + 1);
  if (end < begin) throw CorruptEntry{};
  return bytes_of(kRecords, begin, end - begin);
}

EventWindow EntryView::window(std::size_t event) const {
  auto w = item<WindowRecord>(kWindows, event);
  EventWindow out;
  out.start = {instant_or_none(w.start_earliest), instant_or_none(w.start_latest)};
  out.end = {instant_or_none(w.end_earliest), instant_or_none(w.end_latest)};
  return out;
}

std::vector<std::uint32_t> EntryView::list(EntrySection starts, EntrySection items_section, std::size_t event) const {
  auto begin = item<std::uint32_t>(starts, event), end = item<std::uint32_t>(starts, event + 1);
  if (end < begin) throw CorruptEntry{};
  std::vector<std::uint32_t> out(end - begin);
  if (out.empty()) return out;  // (memcpy of nothing from no bytes is still undefined)
  auto bytes = bytes_of(items_section, std::uint64_t{begin} * 4, std::uint64_t{end - begin} * 4);
  std::memcpy(out.data(), bytes.data(), bytes.size());
  check_events(out);
  return out;
}

std::string_view EntryView::name(std::size_t k) const {
  auto key = item<NameKey>(kNames, k);
  return bytes_of(kNameText, key.offset, key.size);
}

template <typename T>
const T* EntryView::array(EntrySection s) const {
  return reinterpret_cast<const T*>(whole(s).data());  // sections begin 8-byte aligned in a page-aligned mapping
}
template const std::uint32_t* EntryView::array<std::uint32_t>(EntrySection) const;
template const std::uint8_t* EntryView::array<std::uint8_t>(EntrySection) const;
template const WindowRecord* EntryView::array<WindowRecord>(EntrySection) const;

std::vector<std::string> EntryView::zone_names() const {
  static const std::vector<FileName> no_files;
  Reader r{whole(kZoneNames), no_files};
  auto names = r.strings();
  if (!r.at_end()) throw CorruptEntry{};
  return names;
}

std::string_view EntryView::id(std::size_t event) const {
  auto begin = item<std::uint32_t>(kIdStarts, event), end = item<std::uint32_t>(kIdStarts, event + 1);
  if (end < begin) throw CorruptEntry{};
  return bytes_of(kIds, begin, end - begin);
}

std::vector<std::string> EntryView::reached(EntrySection starts, EntrySection items_section, std::size_t event) const {
  std::vector<std::uint32_t> todo{static_cast<std::uint32_t>(event)};
  std::unordered_set<std::uint32_t> seen{static_cast<std::uint32_t>(event)};
  std::vector<std::pair<std::uint32_t, std::uint32_t>> by_rank;  // (rank, event)
  while (!todo.empty()) {
    auto at = todo.back();
    todo.pop_back();
    for (auto next : list(starts, items_section, at)) {
      if (!seen.insert(next).second) continue;
      todo.push_back(next);
      by_rank.emplace_back(item<std::uint32_t>(kRanks, next), next);
    }
  }
  std::sort(by_rank.begin(), by_rank.end());
  std::vector<std::string> ids;
  ids.reserve(by_rank.size());
  for (const auto& [rank, e] : by_rank) ids.emplace_back(id(e));
  return ids;
}

// As Timeline::find: an exact id or alias, else every event with an id or alias that the text begins.
EntryView::NameMatch EntryView::find(std::string_view text) const {
  NameMatch match;
  std::size_t lo = 0, hi = items(kNames, sizeof(NameKey));
  while (lo < hi) {
    auto mid = lo + (hi - lo) / 2;
    if (name(mid) < text) lo = mid + 1;
    else hi = mid;
  }
  auto count = items(kNames, sizeof(NameKey));
  if (lo < count && name(lo) == text) {
    match.exact = true;
    match.events.push_back(item<NameKey>(kNames, lo).event);
  } else {
    for (auto k = lo; k < count; ++k) {
      auto n = name(k);
      if (n.substr(0, text.size()) != text) break;
      auto e = item<NameKey>(kNames, k).event;
      if (std::find(match.events.begin(), match.events.end(), e) == match.events.end()) match.events.push_back(e);
      if (match.events.size() > kMaxCandidates) {
        match.too_many = true;
        break;
      }
    }
  }
  check_events(match.events);
  return match;
}

std::vector<std::uint32_t> EntryView::suggested_for(std::string_view text) const {
  std::vector<std::string_view> names(items(kNames, sizeof(NameKey)));
  for (std::size_t k = 0; k < names.size(); ++k) names[k] = name(k);  // in order, as Timeline::names() lists them
  std::vector<std::uint32_t> events;
  for (const auto& near : closest(text, names))
    for (auto e : find(near).events)
      if (std::find(events.begin(), events.end(), e) == events.end()) events.push_back(e);
  return events;
}

std::vector<std::uint32_t> EntryView::on_days(CivilDate first, CivilDate last, const std::optional<Zone>& zone) const {
  // The days as instants of the zone (of any zone: a day each side of UTC's, since no offset is a day).
  auto from = zone ? zone->start_of_day(first).unix_seconds() : day_second(first) - kDay;
  auto until = zone ? zone->start_of_day(last.plus_days(1)).unix_seconds() : day_second(last) + 2 * kDay;
  auto first_date = day_second(first), last_date = day_second(last);
  auto meets = [&](const SpanKey& k) {
    return k.by_date ? k.first <= last_date && k.last >= first_date : k.first < until && k.last >= from;
  };
  std::vector<std::uint32_t> out;
  auto count = items(kDaysShort, sizeof(SpanKey));
  auto lowest = std::min(from, first_date) - kShortSpan;
  std::size_t lo = 0, hi = count;
  while (lo < hi) {
    auto mid = lo + (hi - lo) / 2;
    if (item<SpanKey>(kDaysShort, mid).first < lowest) lo = mid + 1;
    else hi = mid;
  }
  for (auto k = lo; k < count; ++k) {
    auto key = item<SpanKey>(kDaysShort, k);
    if (key.first > std::max(until, last_date)) break;
    if (meets(key)) out.push_back(key.event);
  }
  for (std::size_t k = 0, n = items(kDaysLong, sizeof(SpanKey)); k < n; ++k)
    if (auto key = item<SpanKey>(kDaysLong, k); meets(key)) out.push_back(key.event);
  check_events(out);
  return out;
}

CompiledTimeline EntryView::everything(const ZoneDb& zones) const {
  // Check every block first, on one thread a core: then reading needs no checks that could race.
  std::atomic<std::size_t> next{0};
  std::atomic<bool> damaged{false};
  std::vector<bool> ok(blocks_, false);
  auto check = [&] {
    for (std::size_t b; (b = next++) < blocks_ && !damaged;) {
      if (check_of(data_.substr(b * kBlock, kBlock)) != checks_[b]) damaged = true;
    }
  };
  auto threads = std::max(1u, std::thread::hardware_concurrency());
  {
    std::vector<std::jthread> helpers;
    for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(check);
    check();
  }
  if (damaged) throw CorruptEntry{};
  checked_.assign(blocks_, true);

  CompiledTimeline compiled;
  compiled.load = meta_load();
  std::vector<std::optional<Event>> events(events_);
  next = 0;
  auto decode = [&] {
    EventReader reader{zones, files_};
    for (std::size_t i; (i = next++) < events_ && !damaged;) {
      events[i] = reader.read(record(i));
      if (!events[i]) damaged = true;
    }
  };
  {
    std::vector<std::jthread> helpers;
    for (unsigned t = 1; t < threads && events_ > 1000; ++t) helpers.emplace_back(decode);
    decode();
  }
  if (damaged) throw CorruptEntry{};
  auto& timeline = compiled.load.timeline;
  timeline.reserve(events_);
  for (auto& e : events) timeline.add(std::move(*e));
  compiled.order.resize(events_);
  for (std::size_t k = 0; k < events_; ++k) compiled.order[k] = item<std::uint32_t>(kOrder, k);
  if (!is_event_order(timeline, compiled.order)) throw CorruptEntry{};
  if (has_windows_) {
    TimelineWindows w;
    w.events.reserve(events_);
    for (std::size_t i = 0; i < events_; ++i) w.events.push_back(window(i));
    w.conflict = conflict_;
    compiled.windows = std::move(w);
  }
  return compiled;
}

std::optional<CompiledTimeline> EntryView::part(const Interest& interest, const ZoneDb& zones) const {
  if (!indexed_) return std::nullopt;
  std::vector<std::uint32_t> chosen, asked;
  for (const auto& n : interest.names) {
    auto match = find(n);
    if (match.too_many) return std::nullopt;
    // A name nothing answers to: the part holds the events of the names Timeline::find suggests
    // instead, the nearest of the whole calendar, so that it suggests the same ones.
    if (match.events.empty()) match.events = suggested_for(n);
    asked.insert(asked.end(), match.events.begin(), match.events.end());
  }
  for (const auto& n : interest.maybe_names) {
    auto match = find(n);
    if (match.too_many) return std::nullopt;
    asked.insert(asked.end(), match.events.begin(), match.events.end());
  }
  chosen = asked;
  EventReader reader{zones, files_};
  CompiledTimeline compiled;
  compiled.load = meta_load();
  if (interest.relatives) {
    for (auto x : asked) {
      auto about_x = list(kAboutStarts, kAbout, x);
      chosen.insert(chosen.end(), about_x.begin(), about_x.end());
      auto e = reader.read(record(x));
      if (!e) throw CorruptEntry{};
      for (const auto& rel : e->relations) {
        auto target = find(rel.target);
        if (target.exact) chosen.push_back(target.events.front());
      }
      // Everything it depends on and everything that depends on it, through any number of links:
      // their ids alone, which is all a question prints of them.
      compiled.reach.push_back({std::string{id(x)}, reached(kBeforeStarts, kBefore, x), reached(kAfterStarts, kAfter, x)});
    }
  }
  if (interest.days) {
    auto on = on_days(interest.days->first, interest.days->second, interest.zone);
    chosen.insert(chosen.end(), on.begin(), on.end());
  }
  std::sort(chosen.begin(), chosen.end());
  chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
  if (chosen.size() > events_ / 8 + 64) return std::nullopt;  // most of it: reading it all costs about as much

  // The chosen events in load order (ties and candidate lists keep their order), each with its window.
  TimelineWindows w;
  std::vector<std::pair<std::uint32_t, std::size_t>> by_rank;
  compiled.load.timeline.reserve(chosen.size());  // a day of a large calendar is a few thousand events: moved once each
  w.events.reserve(chosen.size());
  by_rank.reserve(chosen.size());
  for (std::size_t k = 0; k < chosen.size(); ++k) {
    auto e = reader.read(record(chosen[k]));
    if (!e) throw CorruptEntry{};
    compiled.load.timeline.add(std::move(*e));
    w.events.push_back(window(chosen[k]));
    by_rank.emplace_back(item<std::uint32_t>(kRanks, chosen[k]), k);
  }
  std::sort(by_rank.begin(), by_rank.end());
  for (const auto& [rank, k] : by_rank) compiled.order.push_back(k);
  compiled.windows = std::move(w);
  compiled.part = true;
  return compiled;
}

}  // namespace dipcal::detail

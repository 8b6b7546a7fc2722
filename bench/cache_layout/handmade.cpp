// The hand-made layout: fixed-size records that point into one string table, sorted arrays for the
// name and start indexes, and a CSR array for reverse relations, in one file read in place from a
// mapping. Opening checks the header and that every section lies inside the file; each reference
// is checked against its section when it is followed, so a damaged file throws instead of reading
// outside the mapping, at the cost of a compare per field rather than a pass over the whole file.
#include "store.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace cache_layout {
namespace {

constexpr char kMagic[8] = {'D', 'I', 'P', 'C', 'L', 'Y', '0', '1'};

struct StrRef {
  std::uint32_t offset;
  std::uint32_t length;
};

struct Record {
  StrRef id, title, location, outlet, url, quote;
  std::int64_t start_s, end_s;
  std::int64_t window[4];
  std::int32_t first_day, last_day;
  std::uint32_t lists_first;  // into the list section: aliases, then tags, then actors
  std::uint32_t relations_first;
  std::uint32_t rank;
  std::uint16_t zone;
  std::uint8_t kind, status, dating, alias_count, tag_count, actor_count, relation_count;
  std::uint8_t unused[3];
};
static_assert(sizeof(Record) == 128);

struct RelationRecord {
  std::uint32_t target;
  std::uint8_t type, has_gap_min, has_gap_max, unused;
  std::int64_t gap_min_s, gap_max_s;
};
static_assert(sizeof(RelationRecord) == 24);

struct AliasRecord {
  StrRef key;
  std::uint32_t event;
};

// Sections in file order; the header gives each one's offset and element count.
enum Section { records, lists, relations, by_id, aliases, by_start, referrer_offsets, referrers, zones, strings, kSections };
constexpr std::size_t kElementSize[kSections] = {sizeof(Record), sizeof(StrRef), sizeof(RelationRecord),
                                                 4, sizeof(AliasRecord), 4, 4, 4, sizeof(StrRef), 1};

struct Header {
  char magic[8];
  std::int64_t max_span_s;
  std::uint64_t offset[kSections];
  std::uint64_t count[kSections];
};

class Writer {
 public:
  StrRef add_string(std::string_view s) {
    if (strings_.size() + s.size() > UINT32_MAX) throw std::length_error("string table passes 4 GiB");
    StrRef ref{static_cast<std::uint32_t>(strings_.size()), static_cast<std::uint32_t>(s.size())};
    strings_ += s;
    return ref;
  }
  template <class T>
  void add(Section s, const T& item) {
    sections_[s].append(reinterpret_cast<const char*>(&item), sizeof item);
  }
  template <class T>
  void add_all(Section s, const std::vector<T>& items) {
    sections_[s].append(reinterpret_cast<const char*>(items.data()), items.size() * sizeof(T));
  }
  void save(const std::string& path, std::int64_t max_span_s) {
    sections_[strings] = std::move(strings_);
    Header header{};
    std::memcpy(header.magic, kMagic, sizeof kMagic);
    header.max_span_s = max_span_s;
    std::uint64_t at = sizeof header;
    for (int s = 0; s < kSections; ++s) {
      header.offset[s] = at;
      header.count[s] = sections_[s].size() / kElementSize[s];
      at += (sections_[s].size() + 7) / 8 * 8;  // every section 8-aligned, as the mapping is
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(&header), sizeof header);
    for (auto& section : sections_) {
      section.resize((section.size() + 7) / 8 * 8, '\0');
      out.write(section.data(), static_cast<std::streamsize>(section.size()));
    }
    if (!out.flush()) throw std::runtime_error("cannot write " + path);
  }

 private:
  std::string sections_[kSections];
  std::string strings_;
};

class HandmadeStore final : public Store {
 public:
  explicit HandmadeStore(const std::string& path) : file_(path, sizeof(Header)) {
    std::memcpy(&header_, file_.data(), sizeof header_);
    if (std::memcmp(header_.magic, kMagic, sizeof kMagic) != 0) throw std::runtime_error("not a hand-made entry");
    for (int s = 0; s < kSections; ++s) {
      if (header_.offset[s] % 8 != 0 || header_.offset[s] > file_.size() ||
          header_.count[s] > (file_.size() - header_.offset[s]) / kElementSize[s]) {
        throw std::runtime_error("section outside the file");
      }
    }
    count_ = static_cast<std::uint32_t>(header_.count[records]);
    if (header_.count[by_id] != count_ || header_.count[by_start] != count_ ||
        header_.count[referrer_offsets] != count_ + 1ULL) {
      throw std::runtime_error("index sizes disagree with the record count");
    }
  }

  std::optional<std::uint32_t> find(std::string_view name) override {
    const auto* ids = section<std::uint32_t>(by_id);
    if (auto k = search_exact(count_, [&](auto k) { return str(record(ids[k]).id); }, name)) return event_index(ids[*k]);
    const auto* entries = section<AliasRecord>(aliases);
    const auto n = static_cast<std::uint32_t>(header_.count[aliases]);
    if (auto k = search_exact(n, [&](auto k) { return str(entries[k].key); }, name)) return event_index(entries[*k].event);
    return std::nullopt;
  }

  std::optional<std::uint32_t> find_prefix(std::string_view prefix) override {
    const auto* ids = section<std::uint32_t>(by_id);
    if (auto k = search_unique_prefix(count_, [&](auto k) { return str(record(ids[k]).id); }, prefix)) return ids[*k];
    return std::nullopt;
  }

  Event event(std::uint32_t index) override {
    const Record& r = record(index);
    Event e;
    e.id = str(r.id);
    e.title = str(r.title);
    e.zone = str(element<StrRef>(zones, r.zone));
    e.kind = r.kind;
    e.status = r.status;
    e.dating = static_cast<Dating>(r.dating);
    e.start_s = r.start_s;
    e.end_s = r.end_s;
    e.first_day = r.first_day;
    e.last_day = r.last_day;
    std::copy(std::begin(r.window), std::end(r.window), e.window.begin());
    auto list = r.lists_first;
    for (int n = 0; n < r.alias_count; ++n) e.aliases.emplace_back(str(element<StrRef>(lists, list++)));
    for (int n = 0; n < r.tag_count; ++n) e.tags.emplace_back(str(element<StrRef>(lists, list++)));
    for (int n = 0; n < r.actor_count; ++n) e.actors.emplace_back(str(element<StrRef>(lists, list++)));
    for (int n = 0; n < r.relation_count; ++n) {
      const auto& rr = element<RelationRecord>(relations, r.relations_first + n);
      Relation rel{rr.type, rr.target, std::nullopt, std::nullopt};
      if (rr.has_gap_min) rel.gap_min_s = rr.gap_min_s;
      if (rr.has_gap_max) rel.gap_max_s = rr.gap_max_s;
      e.relations.push_back(rel);
    }
    e.location = str(r.location);
    e.outlet = str(r.outlet);
    e.url = str(r.url);
    e.quote = str(r.quote);
    e.rank = r.rank;
    return e;
  }

  std::string id(std::uint32_t index) override { return std::string(str(record(index).id)); }

  std::vector<std::uint32_t> referrers(std::uint32_t index) override {
    const auto first = element<std::uint32_t>(referrer_offsets, index);
    const auto last = element<std::uint32_t>(referrer_offsets, index + 1);
    std::vector<std::uint32_t> out;
    for (auto k = first; k < last; ++k) out.push_back(event_index(element<std::uint32_t>(Section::referrers, k)));
    return out;
  }

  std::vector<std::uint32_t> touching(std::int64_t from_s, std::int64_t to_s) override {
    const auto* order = section<std::uint32_t>(by_start);
    const auto key = [&](std::uint32_t k) { return chronological_key(record(order[k])); };
    std::vector<std::uint32_t> out;
    for (auto k = first_at_least(count_, key, from_s - header_.max_span_s); k < count_ && key(k) < to_s; ++k) {
      const Record& r = record(order[k]);
      if (r.dating != static_cast<std::uint8_t>(Dating::window) && r.end_s > from_s) out.push_back(order[k]);
    }
    return out;
  }

  void scan(std::string& buffer, void (*sink)(std::string&)) override {
    const auto* order = section<std::uint32_t>(by_start);
    for (std::uint32_t k = 0; k < count_; ++k) {
      const Record& r = record(order[k]);
      std::array<std::int64_t, 4> window;
      std::copy(std::begin(r.window), std::end(r.window), window.begin());
      append_window_line(buffer, str(r.id), windows_of(static_cast<Dating>(r.dating), r.start_s, r.end_s, window));
      if (buffer.size() > (1U << 20)) sink(buffer);
    }
  }

 private:
  static std::int64_t chronological_key(const Record& r) {
    return r.dating == static_cast<std::uint8_t>(Dating::window) ? r.window[0] : r.start_s;
  }
  template <class T>
  const T* section(Section s) const {
    return reinterpret_cast<const T*>(file_.data() + header_.offset[s]);
  }
  template <class T>
  const T& element(Section s, std::uint64_t k) const {
    if (k >= header_.count[s]) throw std::runtime_error("reference outside its section");
    return section<T>(s)[k];
  }
  const Record& record(std::uint32_t index) const { return element<Record>(records, index); }
  std::uint32_t event_index(std::uint32_t index) const {
    if (index >= count_) throw std::runtime_error("event index outside the file");
    return index;
  }
  std::string_view str(StrRef ref) const {
    if (std::uint64_t{ref.offset} + ref.length > header_.count[strings]) throw std::runtime_error("string outside the table");
    return {section<char>(strings) + ref.offset, ref.length};
  }

  MappedFile file_;
  Header header_{};
  std::uint32_t count_ = 0;
};

}  // namespace

void write_handmade(std::vector<Event>& events, const std::string& path) {
  const Indexes ix = build_indexes(events);
  Writer w;
  std::vector<StrRef> zone_refs;
  for (const auto& zone : zone_names()) zone_refs.push_back(w.add_string(zone));
  w.add_all(zones, zone_refs);
  std::vector<StrRef> list_refs;
  std::vector<std::uint32_t> lists_first;
  std::uint32_t relation_count = 0;
  for (const auto& e : events) {
    Record r{};
    r.id = w.add_string(e.id);
    r.title = w.add_string(e.title);
    r.location = w.add_string(e.location);
    r.outlet = w.add_string(e.outlet);
    r.url = w.add_string(e.url);
    r.quote = w.add_string(e.quote);
    r.start_s = e.start_s;
    r.end_s = e.end_s;
    std::copy(e.window.begin(), e.window.end(), r.window);
    r.first_day = e.first_day;
    r.last_day = e.last_day;
    r.lists_first = static_cast<std::uint32_t>(list_refs.size());
    lists_first.push_back(r.lists_first);
    for (const auto* list : {&e.aliases, &e.tags, &e.actors}) {
      for (const auto& s : *list) list_refs.push_back(w.add_string(s));
    }
    r.relations_first = relation_count;
    for (const auto& rel : e.relations) {
      w.add(relations, RelationRecord{rel.target, rel.type, rel.gap_min_s.has_value(), rel.gap_max_s.has_value(), 0,
                                      rel.gap_min_s.value_or(0), rel.gap_max_s.value_or(0)});
    }
    relation_count += static_cast<std::uint32_t>(e.relations.size());
    r.rank = e.rank;
    r.zone = zone_index(e.zone);
    r.kind = e.kind;
    r.status = e.status;
    r.dating = static_cast<std::uint8_t>(e.dating);
    r.alias_count = static_cast<std::uint8_t>(e.aliases.size());
    r.tag_count = static_cast<std::uint8_t>(e.tags.size());
    r.actor_count = static_cast<std::uint8_t>(e.actors.size());
    r.relation_count = static_cast<std::uint8_t>(e.relations.size());
    w.add(records, r);
  }
  w.add_all(lists, list_refs);
  w.add_all(by_id, ix.by_id);
  // An alias's key is the string its event's alias list already holds: an event's aliases open
  // its list, so the alias's position there finds it.
  for (const auto& a : ix.aliases) {
    const auto& own = events[a.event].aliases;
    const auto position = std::find(own.begin(), own.end(), a.key) - own.begin();
    w.add(aliases, AliasRecord{list_refs[lists_first[a.event] + position], a.event});
  }
  w.add_all(by_start, ix.by_start);
  w.add_all(referrer_offsets, ix.referrer_offsets);
  w.add_all(referrers, ix.referrers);
  w.save(path, ix.max_span_s);
}

std::unique_ptr<Store> open_handmade(const std::string& path) { return std::make_unique<HandmadeStore>(path); }

}  // namespace cache_layout

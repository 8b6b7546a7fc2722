// A cache entry (cache.h) laid out to be read in place, from a mapped file:
//
//   header · data: the sections, each 8-byte aligned · one 64-bit check per 16 KiB block of data
//
// The header holds the format, the key, the sections' places, a check of itself and a check of the
// block checks. Opening an entry reads the header, the block checks and the meta section (files,
// diagnostics, what each fixture file looked like); every other block is checked the first time it
// is read. So a question about one event reads, and checks, the few blocks that hold its answer, and
// a damaged block is found before anything in it is used (CorruptEntry: the caller parses instead).
//
// Sections: the events' records (event_record.h) and where each begins; the solved windows as
// fixed records; the chronological order and each event's rank in it; the names (ids and aliases)
// sorted, for exact and prefix lookups; the events by the days they may be on; and, by event, the
// events whose relations name it and its direct prerequisites and dependents in the dependency graph;
// the ids again, in event order, for listings that read them one after the other; each event's zone and whether it is dated; and the
// dependency order (DependencyGraph::levels, concatenated; empty when the graph has a cycle). The
// last ones let a listing of every event (query/listing.h) print without reading a record.
#pragma once

#include "dipcal/cache/cache.h"
#include "event_record.h"

#include <cstdint>
#include <filesystem>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dipcal::detail {

// A block of the entry failed its check, or a record in it does not read: the entry is damaged.
struct CorruptEntry {};

// The sections of an entry, in the order they are written.
enum EntrySection : std::uint32_t {
  kMeta, kRecordPlaces, kRecords, kWindows, kOrder, kRanks, kNames, kNameText, kDaysShort, kDaysLong,
  kAboutStarts, kAbout, kBeforeStarts, kBefore, kAfterStarts, kAfter, kIdStarts, kIds, kZoneNames, kEventZones,
  kDated, kDependencyOrder, kSections
};

// Where a section lies in the entry's data.
struct SectionPlace {
  std::uint64_t offset = 0;
  std::uint64_t size = 0;
};

// A name (id or alias) of the sorted name index.
struct NameKey {
  std::uint32_t event;
  std::uint32_t offset;  // in name_text
  std::uint32_t size;
};

// An event by when it may take place, on one axis of seconds since 1970-01-01T00:00Z: a timed or
// undated event by the instants it may span (it is on the days of any zone those touch); an all-day
// or imprecise one by its own civil dates, which hold in every zone (each date as the second its
// UTC midnight is). Unbounded sides are the extremes of the axis.
struct SpanKey {
  std::int64_t first;
  std::int64_t last;
  std::uint32_t event;
  std::uint32_t by_date;  // 1: first and last are civil dates
};

// A solved window as stored; kNone for an unbounded side.
constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::min();
struct WindowRecord {
  std::int64_t start_earliest, start_latest, end_earliest, end_latest;  // Unix seconds, kNone: unbounded
};

// A file's size, times and inode: what tells, without reading it, that it was not written to.
struct FileTimes {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  std::uint64_t inode = 0;
  std::uint64_t device = 0;

  friend bool operator==(const FileTimes&, const FileTimes&) = default;
};

// What an entry says about one fixture file, to tell without reading it whether it changed.
struct FileInput {
  std::string name;
  std::string print;  // the fingerprint of its bytes, hex
  FileTimes times;    // as they were just after it was read
  // Modified within a second of being read: its times cannot vouch for its bytes (a second write
  // in the same clock tick leaves them as they were), so its bytes are compared instead.
  bool racy = true;
};

// One 64-bit check of `bytes` (Fingerprint's first word): of each block of an entry, of its header,
// and of each MiB of an answer kept beside it (kept_answer.h).
std::uint64_t check_of(std::string_view bytes);

// The whole entry's bytes. `inputs` may be empty (the bytes are then only compared by their key).
std::string entry_bytes(const CompiledTimeline& compiled, std::string_view key, const std::vector<FileInput>& inputs);

class EntryView {
 public:
  // nullopt unless `bytes` hold a whole entry of this format with this key; the blocks of data are
  // checked later, as they are read. `bytes` must outlive the view.
  static std::optional<EntryView> open(std::string_view bytes, std::string_view key);

  [[nodiscard]] const std::vector<FileInput>& inputs() const { return inputs_; }
  // The check of the entry's header, which covers the checks of every block: two entries with the
  // same identity hold the same bytes (answers kept beside an entry name it, kept_answer.h).
  [[nodiscard]] std::uint64_t identity() const { return identity_; }

  // Everything the entry holds (every block checked first). Throws CorruptEntry.
  [[nodiscard]] CompiledTimeline everything(const ZoneDb& zones) const;
  [[nodiscard]] bool indexed() const { return indexed_; }
  [[nodiscard]] std::size_t size() const { return events_; }

  // The whole of a section as an array, every block checked (for listings of every event).
  template <typename T>
  [[nodiscard]] const T* array(EntrySection s) const;
  [[nodiscard]] std::string_view whole(EntrySection s) const { return bytes_of(s, 0, places_[s].size); }
  [[nodiscard]] bool has_dependency_order() const { return places_[kDependencyOrder].size == events_ * 4; }
  [[nodiscard]] std::vector<std::string> zone_names() const;
  // Throws CorruptEntry unless every index names an event of the entry.
  void check_events(std::span<const std::uint32_t> events) const;

  // The part of the calendar that `interest` needs (cache.h); nullopt when that is no small part
  // of it, or the entry has no indexes (a load with errors, a network without solution). Throws
  // CorruptEntry.
  [[nodiscard]] std::optional<CompiledTimeline> part(const Interest& interest, const ZoneDb& zones) const;

 private:
  struct NameMatch {
    std::vector<std::uint32_t> events;  // the exact match alone, else the events a prefix names
    bool exact = false;
    bool too_many = false;
  };

  EntryView() = default;

  // The bytes of [offset, offset + size) of a section, every block they touch checked.
  [[nodiscard]] std::string_view bytes_of(EntrySection s, std::uint64_t offset, std::uint64_t size) const;
  template <typename T>
  [[nodiscard]] T item(EntrySection s, std::size_t i) const;
  [[nodiscard]] std::size_t items(EntrySection s, std::size_t item_size) const { return places_[s].size / item_size; }
  void check_block(std::size_t block) const;

  [[nodiscard]] std::string_view record(std::size_t event) const;
  [[nodiscard]] EventWindow window(std::size_t event) const;
  [[nodiscard]] std::vector<std::uint32_t> list(EntrySection starts, EntrySection items, std::size_t event) const;
  [[nodiscard]] std::string_view name(std::size_t k) const;
  [[nodiscard]] std::string_view id(std::size_t event) const;
  // The ids of every event reached from `event` through the lists of `starts`/`items`, chronological.
  [[nodiscard]] std::vector<std::string> reached(EntrySection starts, EntrySection items, std::size_t event) const;
  [[nodiscard]] NameMatch find(std::string_view name) const;
  // The events of the names closest to `text` (text/suggest.h), as Timeline::find suggests them.
  [[nodiscard]] std::vector<std::uint32_t> suggested_for(std::string_view text) const;
  // The events that may be on civil days [first, last] of `zone` (of any zone when none is given).
  [[nodiscard]] std::vector<std::uint32_t> on_days(CivilDate first, CivilDate last, const std::optional<Zone>& zone) const;
  // Reads the meta section into the members below; false when it does not read whole.
  bool read_meta();
  // A load result holding the entry's files and diagnostics, without events.
  [[nodiscard]] LoadResult meta_load() const;

  std::string_view data_;
  std::uint64_t identity_ = 0;
  const std::uint64_t* checks_ = nullptr;  // one per block of data_
  std::size_t blocks_ = 0;
  mutable std::vector<bool> checked_;
  SectionPlace places_[kSections];
  std::size_t events_ = 0;
  bool has_windows_ = false;
  bool indexed_ = false;
  std::vector<FileInput> inputs_;
  std::vector<FileName> files_;  // the file table positions refer to
  std::vector<std::filesystem::path> load_files_;
  bool events_capped_ = false;
  Diagnostics diagnostics_;
  std::optional<Diagnostic> conflict_;
};

}  // namespace dipcal::detail

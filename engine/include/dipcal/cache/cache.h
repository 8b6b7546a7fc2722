// dipcal's transparent on-disk cache of loaded timelines.
//
// Parsing YAML is most of what a query costs on a large calendar; the answer to "what did these
// fixtures say" only changes when the fixtures do. An entry holds everything load_fixtures returns
// (events, diagnostics, the file list), for fixtures without problems the solved temporal network
// (network.h) and the chronological order, and indexes (by name, by day, by relation) that let a
// question about a few events read only those from the mapped entry (Interest, below).
//
// An entry belongs to a fixture set: the paths as given, the working folder (diagnostics name files
// as given), the load limits, the zone database's version, dipcal's version, the program that loads
// (its build ID: a rebuilt dipcal whose version number did not change may read its files
// differently) and the entry format. It lists the files it was made from with each one's
// fingerprint, size, times and inode: a file whose size, times or inode differ, or that was modified
// within a second of being read (two writes in one clock tick leave its times alone), is read and
// compared by its bytes. Any difference is a miss, so a cached run never answers differently from an
// uncached one:
//
//   TimelineCache cache{TimelineCache::default_folder()};
//   auto compiled = cache.load(paths, ZoneDb::system(), limits);  // parses and stores, or reads back
//   cache.last_outcome();                                        // Outcome::stored, then ::hit
//
// Races: entries are written to a temporary file and renamed into place, so a reader sees a whole
// entry or none, and a mapped entry is never truncated under its reader. An entry that does not read
// back whole (truncated, corrupted, an older format) is a miss and is replaced; each 16 KiB of it is
// checked before it is used (a question about one event checks the few blocks it reads). The folder
// keeps at most 32 entries (the ones written longest ago go first). The fingerprint is a fast 128-bit
// hash, not a cryptographic one: it guards against change, not against someone who can write to the
// cache folder.
#pragma once

#include "dipcal/fixture/load.h"
#include "dipcal/reasoning/network.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dipcal {

// A 128-bit fingerprint of a byte stream: four 64-bit multiply–rotate lanes that take 32-byte
// stripes (as xxHash does, so that a core keeps all four busy), folded into two words and finalised
// with MurmurHash3's fmix64. Deterministic across runs and hosts of the same byte order.
class Fingerprint {
 public:
  void add(std::string_view bytes);
  void add(std::uint64_t value);
  // 32 lowercase hex digits; the state is not changed.
  [[nodiscard]] std::string hex() const;
  // The first 64 bits of hex(), as a number.
  [[nodiscard]] std::uint64_t word() const;

 private:
  std::uint64_t lanes_[4] = {0x9E3779B97F4A7C15ull, 0xC2B2AE3D27D4EB4Full, 0x165667B19E3779F9ull, 0x27D4EB2F165667C5ull};
  std::uint64_t length_ = 0;
};

// Everything an event depends on and everything that depends on it, through any number of links of
// the dependency graph (graph.h), by id in chronological order: what a part of the calendar knows of
// events it does not hold.
struct EventReach {
  std::string id;
  std::vector<std::string> prerequisites;
  std::vector<std::string> dependents;
};

// What an entry holds: the load result, when it has no errors its solved network, and the
// chronological order (chronological_order(load.timeline, the windows)).
struct CompiledTimeline {
  LoadResult load;
  std::optional<TimelineWindows> windows;  // solve_windows(load.timeline)
  std::vector<std::size_t> order;          // empty when not worked out yet
  // Only the events a question needs (Interest), in load order, with their windows; the files and
  // diagnostics are the whole load's.
  bool part = false;
  // In a part, for each event asked for with its relatives, what it reaches in the whole calendar.
  std::vector<EventReach> reach;
};

// What a question needs of a calendar, so that a warm run reads only that part of its cache entry.
// Every question about these events gets the answer it would get from the whole calendar: the part
// holds each event a query could look at to answer it.
struct Interest {
  // Events asked for by id, alias or unique prefix. For a name that finds nothing the part holds the
  // events of the whole calendar's nearest names, which the answer suggests; one that finds many
  // needs the whole calendar (the answer lists the candidates).
  std::vector<std::string> names;
  // Texts that may name an event, or else are read as something else (a date): no part is refused for them.
  std::vector<std::string> maybe_names;
  // With the events named: those their relations name or that name them (each with its relations),
  // and the ids of everything they depend on and that depends on them (CompiledTimeline::reach).
  bool relatives = false;
  // The events that may be on any of these civil days, inclusive (query/days.h), of `zone`, or of
  // any zone when none is given.
  std::optional<std::pair<CivilDate, CivilDate>> days;
  std::optional<Zone> zone;
};

// An entry as bytes and back. `key` is stored in the entry and must match on reading; nullopt when
// the bytes are not a whole entry of this format and key (the caller then parses instead). Events'
// zones are stored by name and found again in `zones`.
std::string serialize_compiled(const CompiledTimeline& compiled, std::string_view key);
std::optional<CompiledTimeline> deserialize_compiled(std::string_view bytes, std::string_view key, const ZoneDb& zones);

namespace detail {
class AnswerWriter;
}

// An answer being kept beside the entry it was printed from (EntryListing::keep): the bytes given
// to add(), in order, are kept when commit() is called; without it, or if writing fails, nothing is.
class AnswerKeeper {
 public:
  explicit AnswerKeeper(std::unique_ptr<detail::AnswerWriter> writer);
  ~AnswerKeeper();
  AnswerKeeper(AnswerKeeper&&) noexcept;
  AnswerKeeper& operator=(AnswerKeeper&&) noexcept;

  void add(std::string_view bytes);
  void commit();

 private:
  std::unique_ptr<detail::AnswerWriter> writer_;
};

// How handing a kept answer out while it is checked went (EntryListing::stream_kept).
enum class KeptStream {
  none,    // nothing was handed out: none is kept for the entry as it is now, or its first MiB is bad
  whole,   // every byte was handed out, and all of them checked
  broken,  // a later part did not check, or the output refused it: what was handed out must be undone
};

// Every event of a warm cache entry, read in place without reading any event's record: ids, zones,
// windows and the two orders. What the listings of every event print (`windows --json`,
// `order --json`), at the cost of the bytes they print.
class EntryListing {
 public:
  struct Impl;
  explicit EntryListing(std::unique_ptr<Impl> impl);
  ~EntryListing();
  EntryListing(EntryListing&&) noexcept;
  EntryListing& operator=(EntryListing&&) noexcept;

  // What a listing will read: ids and orders, or with each event's zone and window too. Checks
  // those arrays whole (false when the entry is damaged; the caller loads instead) before any of
  // the accessors below is used.
  enum class Columns { ids, windows };
  [[nodiscard]] bool ready(Columns columns) noexcept;

  [[nodiscard]] std::size_t size() const;
  // The event at position k of the chronological order (query/calendar.h).
  [[nodiscard]] std::uint32_t chronological(std::size_t k) const;
  // The dependency order: DependencyGraph::levels() concatenated; none when the graph has a cycle.
  [[nodiscard]] bool has_dependency_order() const;
  [[nodiscard]] std::uint32_t by_dependency(std::size_t k) const;

  [[nodiscard]] std::string_view id(std::uint32_t event) const;
  [[nodiscard]] std::string_view zone(std::uint32_t event) const;
  [[nodiscard]] bool dated(std::uint32_t event) const;
  // The network's window (network.h), as Calendar::windows() holds it.
  [[nodiscard]] EventWindow window(std::uint32_t event) const;

  // What a listing printed from this entry before, kept beside it under `name` (a file name's
  // part): its bytes, checked whole, valid while the listing lives; nullopt when none is kept for
  // this entry as it is now, or the kept bytes do not check.
  [[nodiscard]] std::optional<std::string_view> kept(std::string_view name);
  // The same bytes handed to `out` while they are checked, a run of checked MiB at a time, for an
  // output that can take back what it was given (KeptStream says what to do).
  [[nodiscard]] KeptStream stream_kept(std::string_view name, const std::function<bool(std::string_view)>& out);
  // Keeps what is printed now under `name`, for kept() of later runs.
  [[nodiscard]] AnswerKeeper keep(std::string_view name) const;

 private:
  void prepare(Columns columns);

  std::unique_ptr<Impl> impl_;
};

class TimelineCache {
 public:
  enum class Outcome {
    none,         // nothing loaded yet
    hit,          // read back from an entry
    stored,       // parsed, and an entry written
    not_stored,   // parsed; the entry could not be written (the folder is read-only, the disk full…)
    uncacheable,  // parsed without the cache: a file could not be read, or changed while it was read
  };

  // An empty folder turns the cache off: load() then only parses. `program` names the code that
  // parses: entries written by another program are misses.
  explicit TimelineCache(std::filesystem::path folder, std::string program = program_identity());

  // The running executable's GNU build ID ("build-id " and its hex digits), which the linker derives
  // from the code; without one, a fingerprint of the executable's bytes; empty when neither can be had.
  static const std::string& program_identity();

  // $DIPCAL_CACHE_DIR, else $XDG_CACHE_HOME/dipcal, else $HOME/.cache/dipcal; empty when none is set.
  static std::filesystem::path default_folder();

  // What load_fixtures(paths, zones, limits) returns, from the cache when it has it, with the solved
  // network when the entry holds one (a load that stores an entry solves it first). Without a cache
  // folder, windows stay empty: the caller solves them if it needs them.
  // `hooks.progress` is called while parsing (not on a hit); `hooks.observe` is the cache's own.
  // With an `interest`, a hit reads only the part of the entry it needs (CompiledTimeline::part),
  // when that is a small part of it.
  CompiledTimeline load(const std::vector<std::filesystem::path>& paths, const ZoneDb& zones, const LoadLimits& limits,
                        const LoadHooks& hooks = {}, const Interest* interest = nullptr);

  // The listing of a whole entry for the fixtures as they are, when it holds a clean calendar with
  // a solved network; nullopt otherwise (the caller loads: nothing is parsed or stored here).
  std::optional<EntryListing> listing(const std::vector<std::filesystem::path>& paths, const ZoneDb& zones, const LoadLimits& limits);

  [[nodiscard]] Outcome last_outcome() const { return outcome_; }
  [[nodiscard]] const std::filesystem::path& folder() const { return folder_; }

 private:
  friend class EntryListing;
  struct Found;
  [[nodiscard]] std::string entry_key(const std::vector<std::filesystem::path>& paths, const ZoneDb& zones, const LoadLimits& limits) const;
  static std::string set_prefix(const std::string& key);
  [[nodiscard]] std::filesystem::path entry_path(const std::string& key) const;
  // The entry for the fixtures as they are now, mapped and opened; nullopt on a miss.
  [[nodiscard]] std::optional<Found> find_entry(const std::string& key, const std::vector<std::filesystem::path>& paths,
                                                const LoadLimits& limits) const;

  std::filesystem::path folder_;
  std::string program_;
  Outcome outcome_ = Outcome::none;
};

}  // namespace dipcal

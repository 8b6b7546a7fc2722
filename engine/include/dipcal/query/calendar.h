// A calendar ready for questions: the loaded timeline, its temporal network solved, its events in
// chronological order. Built once per run (from the fixtures or from the cache, cache.h) and passed
// by reference to every query of the query layer (query/*.h); nothing about it is computed later,
// so two threads may ask it questions at once.
//
//   auto calendar = Calendar::open(paths, {});                        // parse, or read the cache entry
//   auto lead = until(calendar, {.target = "busan", .from = from_event("kl-trade-talks")});
//   lead.count.days();                                                // 4
#pragma once

#include "dipcal/cache/cache.h"
#include "dipcal/fixture/load.h"
#include "dipcal/reasoning/network.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <vector>

namespace dipcal {

class Calendar {
 public:
  // Takes a load and, when the cache kept one, its solved network; solves the network otherwise
  // (for loads without errors) and works out the chronological order.
  explicit Calendar(CompiledTimeline compiled);

  struct OpenOptions {
    LoadLimits limits;
    std::filesystem::path cache_folder;  // empty: no cache
    LoadHooks hooks;
    // What the caller will ask: from a warm cache, only the part of the calendar that answers it is
    // read (cache.h, Interest). Empty: the whole calendar.
    std::optional<Interest> interest;
  };
  // load_fixtures through the cache (cache.h) when a folder is given.
  static Calendar open(const std::vector<std::filesystem::path>& paths, const OpenOptions& options,
                       const ZoneDb& zones = ZoneDb::system());

  [[nodiscard]] const Timeline& timeline() const { return load_.timeline; }
  [[nodiscard]] const LoadResult& load() const { return load_; }
  [[nodiscard]] const Diagnostics& diagnostics() const { return load_.diagnostics; }
  [[nodiscard]] bool clean() const { return !load_.diagnostics.has_errors(); }

  // The solved network (network.h): every event's window, or the conflict that leaves it none.
  // Empty events and no conflict when the load had errors (check reports those first).
  [[nodiscard]] const TimelineWindows& windows() const { return windows_; }
  // The network's window of an event without fixed dates (imprecise or undated): nullptr for dated
  // events, and when the network has no solution.
  [[nodiscard]] const EventWindow* window_of(std::size_t event) const;

  // Indexes of the events by start on the UTC line; an event without fixed dates by its earliest
  // possible start (from the network, else its own dates); events with no known earliest start last;
  // ties by id.
  [[nodiscard]] const std::vector<std::size_t>& chronological() const { return order_; }

  // Whether this is the part of the calendar an Interest asked for, read from the cache, rather
  // than all of it. The questions of that Interest get the whole calendar's answers from it.
  [[nodiscard]] bool part() const { return part_; }
  // In a part: what the event reaches in the whole calendar, when it was asked for with its
  // relatives (cache.h, Interest::relatives); nullptr otherwise (query/dependencies.h works it out).
  [[nodiscard]] const EventReach* reach_of(std::size_t event) const;

 private:
  LoadResult load_;
  TimelineWindows windows_;
  std::vector<std::size_t> order_;
  bool part_ = false;
  std::vector<EventReach> reach_;
};

}  // namespace dipcal

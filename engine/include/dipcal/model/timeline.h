// The loaded calendar: every event of every fixture, found by id, alias or unique prefix.
#pragma once

#include "dipcal/model/event.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

namespace dipcal {

struct NameNotFound {
  std::vector<std::string> suggestions;
};
struct NameAmbiguous {
  std::vector<std::string> candidates;  // ids
};
using EventLookup = std::variant<const Event*, NameNotFound, NameAmbiguous>;

class Timeline {
 public:
  // Takes events in load order; ids and aliases must already be unique (the loader checks).
  void add(Event e);
  void reserve(std::size_t n);
  // Names `calendar` as the calendar of the events from index `first` on (a fixture file states its
  // calendar after its events may have been read). Ids and aliases are unchanged.
  void set_calendar(std::size_t first, const std::string& calendar);

  [[nodiscard]] const std::vector<Event>& events() const { return events_; }
  // Hands the events over and leaves the timeline empty.
  [[nodiscard]] std::vector<Event> take_events() && {
    slots_.clear();
    names_ = 0;
    first_target_.clear();
    targets_.clear();
    waiting_.clear();
    return std::move(events_);
  }
  [[nodiscard]] std::size_t size() const { return events_.size(); }
  [[nodiscard]] const Event& at(std::size_t index) const { return events_[index]; }

  // By exact id or alias, then by unique prefix of an id or alias.
  [[nodiscard]] EventLookup find(std::string_view name) const;
  // Exact id or alias only; npos when absent.
  [[nodiscard]] std::size_t index_of(std::string_view name) const;
  // The event that relation `k` of `event` names by id or alias, resolved as events are added (a
  // relation may name an event added later); npos while the timeline has no event of that name.
  [[nodiscard]] std::size_t target_of(std::size_t event, std::size_t k) const { return targets_[first_target_[event] + k]; }
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  [[nodiscard]] std::vector<std::string> names() const;  // every id and alias

 private:
  // The names (ids and aliases) by hash, with open addressing and linear probing in a power-of-two
  // table kept at most half full. A slot holds no string: the event's index, which of its names
  // (0 the id, k alias k − 1), and the hash's top bits, compared before the name is read. Building it
  // for 100k events is a few milliseconds, where a node-based map spent tens on cache misses.
  struct Slot {
    std::uint32_t event = kEmpty;
    std::uint32_t name = 0;
    std::uint32_t tag = 0;
  };
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFF;

  [[nodiscard]] const std::string& name_of(Slot slot) const;
  void insert(std::string_view name, Slot slot, std::size_t hash);
  void rehash(std::size_t slots);

  std::vector<Event> events_;
  std::vector<Slot> slots_;
  std::size_t names_ = 0;
  // Relation targets, all events' in one array: event i's begin at first_target_[i].
  std::vector<std::size_t> first_target_;
  std::vector<std::size_t> targets_;
  // Names relations gave that no event had yet, with the places in targets_ waiting for them.
  std::unordered_map<std::string, std::vector<std::size_t>> waiting_;
};

struct EventWindow;

// Indexes of the events in chronological order: by start on the UTC line; an event without fixed
// dates by its earliest possible start — from `windows` (the solved network, network.h, by event
// index) when given, else from its own dates; events with no known earliest start last; ties by id.
// It reads every event's zone: work it out once (query/calendar.h keeps it).
[[nodiscard]] std::vector<std::size_t> chronological_order(const Timeline& timeline,
                                                           const std::vector<EventWindow>* windows = nullptr);
// Whether `order` is a permutation of the timeline's event indexes (a cache entry's order is checked).
[[nodiscard]] bool is_event_order(const Timeline& timeline, const std::vector<std::size_t>& order);

}  // namespace dipcal

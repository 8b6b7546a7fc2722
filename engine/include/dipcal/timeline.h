// The loaded calendar: every event of every fixture, found by id, alias or unique prefix.
#pragma once

#include "dipcal/event.h"

#include <cstdint>
#include <string>
#include <string_view>
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

  [[nodiscard]] const std::vector<Event>& events() const { return events_; }
  // Hands the events over and leaves the timeline empty.
  [[nodiscard]] std::vector<Event> take_events() && {
    slots_.clear();
    names_ = 0;
    chronological_.clear();
    return std::move(events_);
  }
  [[nodiscard]] std::size_t size() const { return events_.size(); }
  [[nodiscard]] const Event& at(std::size_t index) const { return events_[index]; }

  // By exact id or alias, then by unique prefix of an id or alias.
  [[nodiscard]] EventLookup find(std::string_view name) const;
  // Exact id or alias only; npos when absent.
  [[nodiscard]] std::size_t index_of(std::string_view name) const;
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  // Indexes of the events in chronological order: by start on the UTC line, windows by their earliest
  // possible start, undated last; ties by id. Worked out once (it reads every event's zone) and kept
  // until the next add(): the first call writes that copy, so it must not race another call.
  [[nodiscard]] std::vector<std::size_t> chronological() const;
  // For the cache (cache.h): the order chronological() gave when the entry was written. Refused
  // (false, nothing kept) unless it is a permutation of the events' indexes.
  bool restore_chronological(std::vector<std::size_t> order);
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
  mutable std::vector<std::size_t> chronological_;  // empty until asked for
};

}  // namespace dipcal

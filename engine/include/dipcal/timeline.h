// The loaded calendar: every event of every fixture, found by id, alias or unique prefix.
#pragma once

#include "dipcal/event.h"

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
  void reserve(std::size_t n) {
    events_.reserve(n);
    by_name_.reserve(n);
  }

  [[nodiscard]] const std::vector<Event>& events() const { return events_; }
  // Hands the events over and leaves the timeline empty.
  [[nodiscard]] std::vector<Event> take_events() && {
    by_name_.clear();
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
  // possible start, undated last; ties by id.
  [[nodiscard]] std::vector<std::size_t> chronological() const;
  [[nodiscard]] std::vector<std::string> names() const;  // every id and alias

 private:
  // Hashes std::string and std::string_view alike, so that a lookup by view copies nothing.
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view name) const { return std::hash<std::string_view>{}(name); }
  };

  std::vector<Event> events_;
  std::unordered_map<std::string, std::size_t, NameHash, std::equal_to<>> by_name_;
};

}  // namespace dipcal

#include "dipcal/timeline.h"

#include "dipcal/suggest.h"

#include <algorithm>
#include <set>

namespace dipcal {

void Timeline::add(Event e) {
  std::size_t index = events_.size();
  by_name_.emplace(e.id, index);
  for (const auto& alias : e.aliases) by_name_.emplace(alias, index);
  events_.push_back(std::move(e));
}

std::size_t Timeline::index_of(std::string_view name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? npos : it->second;
}

EventLookup Timeline::find(std::string_view name) const {
  if (auto i = index_of(name); i != npos) return &events_[i];
  std::set<std::size_t> matches;
  for (const auto& [key, index] : by_name_)
    if (key.size() > name.size() && key.compare(0, name.size(), name) == 0) matches.insert(index);
  if (matches.size() == 1) return &events_[*matches.begin()];
  if (matches.empty()) return NameNotFound{closest(name, names())};
  NameAmbiguous ambiguous;
  for (auto i : matches) ambiguous.candidates.push_back(events_[i].id);
  return ambiguous;
}

std::vector<std::string> Timeline::names() const {
  std::vector<std::string> all;
  all.reserve(by_name_.size());
  for (const auto& entry : by_name_) all.push_back(entry.first);
  std::sort(all.begin(), all.end());
  return all;
}

std::vector<std::size_t> Timeline::chronological() const {
  struct Key {
    int rank;  // 0 dated, 1 window with a known earliest day, 2 undated
    std::int64_t start;
    std::size_t index;
  };
  std::vector<Key> keys;
  keys.reserve(events_.size());
  for (std::size_t i = 0; i < events_.size(); ++i) {
    const auto& e = events_[i];
    if (auto s = e.start_utc()) {
      keys.push_back({0, s->unix_seconds(), i});
    } else if (const auto* w = std::get_if<Window>(&e.time); w && w->earliest_first) {
      keys.push_back({0, e.zone.start_of_day(*w->earliest_first).unix_seconds(), i});
    } else {
      keys.push_back({2, 0, i});
    }
  }
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    if (a.start != b.start) return a.start < b.start;
    return events_[a.index].id < events_[b.index].id;
  });
  std::vector<std::size_t> order;
  order.reserve(keys.size());
  for (const auto& k : keys) order.push_back(k.index);
  return order;
}

}  // namespace dipcal

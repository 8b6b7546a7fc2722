#include "dipcal/model/timeline.h"

#include "dipcal/reasoning/network.h"
#include "dipcal/text/suggest.h"

#include <algorithm>
#include <set>

namespace dipcal {

namespace {

std::size_t hash_of(std::string_view name) { return std::hash<std::string_view>{}(name); }
std::uint32_t tag_of(std::size_t hash) { return static_cast<std::uint32_t>(hash >> 32); }

}  // namespace

const std::string& Timeline::name_of(Slot slot) const {
  const auto& e = events_[slot.event];
  return slot.name == 0 ? e.id : e.aliases[slot.name - 1];
}

void Timeline::insert(std::string_view name, Slot slot, std::size_t hash) {
  auto mask = slots_.size() - 1;
  for (auto i = hash & mask;; i = (i + 1) & mask) {
    auto& s = slots_[i];
    if (s.event == kEmpty) {
      s = slot;
      ++names_;
      return;
    }
    if (s.tag == slot.tag && name_of(s) == name) return;  // taken: the first event keeps it
  }
}

void Timeline::rehash(std::size_t slots) {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.assign(slots, Slot{});
  names_ = 0;
  for (auto s : old)
    if (s.event != kEmpty) {
      const auto& name = name_of(s);
      insert(name, s, hash_of(name));
    }
}

void Timeline::reserve(std::size_t n) {
  events_.reserve(n);
  first_target_.reserve(n);
  std::size_t slots = 16;
  while (slots < 2 * n) slots *= 2;
  if (slots > slots_.size()) rehash(slots);
}

void Timeline::add(Event e) {
  auto index = static_cast<std::uint32_t>(events_.size());
  events_.push_back(std::move(e));
  const auto& added = events_.back();
  if (2 * (names_ + 1 + added.aliases.size()) > slots_.size()) rehash(std::max<std::size_t>(16, 2 * slots_.size()));
  auto hash = hash_of(added.id);
  insert(added.id, Slot{index, 0, tag_of(hash)}, hash);
  for (std::size_t k = 0; k < added.aliases.size(); ++k) {
    hash = hash_of(added.aliases[k]);
    insert(added.aliases[k], Slot{index, static_cast<std::uint32_t>(k + 1), tag_of(hash)}, hash);
  }
  // Relations of earlier events that named this one, then this one's own.
  auto settle = [&](const std::string& name) {
    if (waiting_.empty()) return;
    if (auto it = waiting_.find(name); it != waiting_.end()) {
      for (auto place : it->second) targets_[place] = index;
      waiting_.erase(it);
    }
  };
  settle(added.id);
  for (const auto& alias : added.aliases) settle(alias);
  first_target_.push_back(targets_.size());
  for (const auto& rel : added.relations) {
    auto target = index_of(rel.target);
    if (target == npos) waiting_[rel.target].push_back(targets_.size());
    targets_.push_back(target);
  }
}

std::size_t Timeline::index_of(std::string_view name) const {
  if (slots_.empty()) return npos;
  auto hash = hash_of(name);
  auto tag = tag_of(hash);
  auto mask = slots_.size() - 1;
  for (auto i = hash & mask;; i = (i + 1) & mask) {
    auto s = slots_[i];
    if (s.event == kEmpty) return npos;
    if (s.tag == tag && name_of(s) == name) return s.event;
  }
}

void Timeline::set_calendar(std::size_t first, const std::string& calendar) {
  for (auto i = first; i < events_.size(); ++i) events_[i].calendar = calendar;
}

EventLookup Timeline::find(std::string_view name) const {
  if (auto i = index_of(name); i != npos) return &events_[i];
  std::set<std::size_t> matches;
  for (auto s : slots_) {
    if (s.event == kEmpty) continue;
    const auto& key = name_of(s);
    if (key.size() > name.size() && key.compare(0, name.size(), name) == 0) matches.insert(s.event);
  }
  if (matches.size() == 1) return &events_[*matches.begin()];
  if (matches.empty()) return NameNotFound{closest(name, names())};
  NameAmbiguous ambiguous;
  for (auto i : matches) ambiguous.candidates.push_back(events_[i].id);
  return ambiguous;
}

std::vector<std::string> Timeline::names() const {
  std::vector<std::string> all;
  all.reserve(names_);
  for (auto s : slots_)
    if (s.event != kEmpty) all.push_back(name_of(s));
  std::sort(all.begin(), all.end());
  return all;
}

bool is_event_order(const Timeline& timeline, const std::vector<std::size_t>& order) {
  if (order.size() != timeline.size()) return false;
  std::vector<bool> seen(order.size());
  for (auto i : order) {
    if (i >= order.size() || seen[i]) return false;
    seen[i] = true;
  }
  return true;
}

std::vector<std::size_t> chronological_order(const Timeline& timeline, const std::vector<EventWindow>* windows) {
  struct Key {
    bool known;  // an earliest start is known
    std::int64_t start;
    std::size_t index;
  };
  std::vector<Key> keys;
  keys.reserve(timeline.size());
  for (std::size_t i = 0; i < timeline.size(); ++i) {
    const auto& e = timeline.at(i);
    std::optional<Instant> start = e.start_utc();
    if (!start && windows && i < windows->size()) start = (*windows)[i].start.earliest;
    if (const auto* w = std::get_if<Window>(&e.time); !start && w && w->earliest_first) start = e.zone.start_of_day(*w->earliest_first);
    keys.push_back({start.has_value(), start ? start->unix_seconds() : 0, i});
  }
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.known != b.known) return a.known;
    if (a.start != b.start) return a.start < b.start;
    return timeline.at(a.index).id < timeline.at(b.index).id;
  });
  std::vector<std::size_t> order;
  order.reserve(keys.size());
  for (const auto& k : keys) order.push_back(k.index);
  return order;
}

}  // namespace dipcal

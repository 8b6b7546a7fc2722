#include "dipcal/timeline.h"

#include "dipcal/suggest.h"

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
  std::size_t slots = 16;
  while (slots < 2 * n) slots *= 2;
  if (slots > slots_.size()) rehash(slots);
}

void Timeline::add(Event e) {
  chronological_.clear();
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

bool Timeline::restore_chronological(std::vector<std::size_t> order) {
  if (order.size() != events_.size()) return false;
  std::vector<bool> seen(order.size());
  for (auto i : order) {
    if (i >= order.size() || seen[i]) return false;
    seen[i] = true;
  }
  chronological_ = std::move(order);
  return true;
}

std::vector<std::size_t> Timeline::chronological() const {
  if (!chronological_.empty() || events_.empty()) return chronological_;
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
  chronological_.reserve(keys.size());
  for (const auto& k : keys) chronological_.push_back(k.index);
  return chronological_;
}

}  // namespace dipcal

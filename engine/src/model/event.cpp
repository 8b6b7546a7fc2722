#include "dipcal/model/event.h"

#include <array>
#include <utility>

namespace dipcal {

namespace {

template <class E, std::size_t N>
std::optional<E> find_name(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view text) {
  for (const auto& [value, name] : table)
    if (name == text) return value;
  return std::nullopt;
}

template <class E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return "?";
}

template <class E, std::size_t N>
std::vector<std::string> names_of(const std::array<std::pair<E, std::string_view>, N>& table) {
  std::vector<std::string> names;
  for (const auto& entry : table) names.emplace_back(entry.second);
  return names;
}

constexpr std::array<std::pair<EventKind, std::string_view>, 11> kKinds{{
    {EventKind::summit, "summit"}, {EventKind::talks, "talks"}, {EventKind::bilateral, "bilateral"},
    {EventKind::call, "call"}, {EventKind::deadline, "deadline"}, {EventKind::announcement, "announcement"},
    {EventKind::market, "market"}, {EventKind::visit, "visit"}, {EventKind::meeting, "meeting"},
    {EventKind::election, "election"}, {EventKind::other, "other"},
}};

constexpr std::array<std::pair<EventStatus, std::string_view>, 6> kStatuses{{
    {EventStatus::tentative, "tentative"}, {EventStatus::scheduled, "scheduled"}, {EventStatus::confirmed, "confirmed"},
    {EventStatus::held, "held"}, {EventStatus::postponed, "postponed"}, {EventStatus::cancelled, "cancelled"},
}};

constexpr std::array<std::pair<RelationType, std::string_view>, 16> kRelations{{
    {RelationType::before, "before"}, {RelationType::after, "after"}, {RelationType::prepares, "prepares"},
    {RelationType::follows_up, "follows-up"}, {RelationType::during, "during"}, {RelationType::contains, "contains"},
    {RelationType::overlaps, "overlaps"}, {RelationType::starts, "starts"}, {RelationType::finishes, "finishes"},
    {RelationType::meets, "meets"}, {RelationType::equals, "equals"}, {RelationType::same_day, "same-day"},
    {RelationType::finish_to_start, "FINISHTOSTART"}, {RelationType::start_to_start, "STARTTOSTART"},
    {RelationType::finish_to_finish, "FINISHTOFINISH"}, {RelationType::start_to_finish, "STARTTOFINISH"},
}};

}  // namespace

std::string_view to_string(EventKind k) { return name_of(kKinds, k); }
std::string_view to_string(EventStatus s) { return name_of(kStatuses, s); }
std::string_view to_string(RelationType t) { return name_of(kRelations, t); }
std::optional<EventKind> parse_event_kind(std::string_view text) { return find_name(kKinds, text); }
std::optional<EventStatus> parse_event_status(std::string_view text) { return find_name(kStatuses, text); }
std::optional<RelationType> parse_relation_type(std::string_view text) { return find_name(kRelations, text); }

const std::vector<std::string>& event_kind_names() {
  static const auto names = names_of(kKinds);
  return names;
}
const std::vector<std::string>& event_status_names() {
  static const auto names = names_of(kStatuses);
  return names;
}
const std::vector<std::string>& relation_type_names() {
  static const auto names = names_of(kRelations);
  return names;
}

std::optional<Instant> Event::start_utc() const {
  if (const auto* t = std::get_if<Timed>(&time)) return t->start;
  if (const auto* d = std::get_if<AllDay>(&time)) return zone.start_of_day(d->first);
  return std::nullopt;
}

std::optional<Instant> Event::end_utc() const {
  if (const auto* t = std::get_if<Timed>(&time)) return t->end;
  if (const auto* d = std::get_if<AllDay>(&time)) return zone.start_of_day(d->last.plus_days(1));
  return std::nullopt;
}

bool Event::undated() const {
  const auto* w = std::get_if<Window>(&time);
  return w && w->start_text.empty() && w->end_text.empty() && !w->earliest_first && !w->latest_first && !w->earliest_last &&
         !w->latest_last;
}

}  // namespace dipcal

#include "lead_words.h"

#include "format.h"

#include <fmt/format.h>

#include <cstdlib>

namespace dipcal::cli {

std::string day_count(int days) { return fmt::format("{} day{}", days, std::abs(days) == 1 ? "" : "s"); }

std::string days_relative(int days) {
  if (days == 0) return "on the same day as";
  return fmt::format("{} {}", day_count(std::abs(days)), days > 0 ? "after" : "before");
}

std::string count_relative(const LeadTime& lead, const std::string& what) {
  if (auto d = lead.days()) return fmt::format("{} {}", days_relative(*d), what);
  if (lead.min_days && lead.max_days) {
    if (*lead.min_days >= 0) return fmt::format("between {} and {} after {}", *lead.min_days, day_count(*lead.max_days), what);
    if (*lead.max_days <= 0)
      return fmt::format("between {} and {} before {}", -*lead.max_days, day_count(-*lead.min_days), what);
    return fmt::format("between {} and {} {}", days_relative(*lead.min_days), days_relative(*lead.max_days), what);
  }
  if (lead.min_days) return fmt::format("no earlier than {} {}", days_relative(*lead.min_days), what);
  if (lead.max_days) return fmt::format("no later than {} {}", days_relative(*lead.max_days), what);
  return fmt::format("at an unknown distance from {}", what);
}

std::string point_words(const CountPoint& point, const Zone& reference, const std::string& place) {
  if (const auto* i = std::get_if<Instant>(&point)) return human_time_text(*i, reference);
  if (const auto* d = std::get_if<CivilDate>(&point)) return place.empty() ? to_human(*d) : fmt::format("{} ({})", to_human(*d), place);
  const auto& span = std::get<DaySpan>(point);
  auto bound = [](const std::optional<CivilDate>& d) { return d ? to_human(*d) : std::string{"?"}; };
  if (!span.earliest && !span.latest) return place.empty() ? "an unknown day" : fmt::format("an unknown day ({})", place);
  return fmt::format("between {} and {}{}", bound(span.earliest), bound(span.latest), place.empty() ? "" : " (" + place + ")");
}

std::string place_of(const Event& e) { return e.location.city.empty() ? e.zone.name() : e.location.city; }

void add_lead_json(nlohmann::ordered_json& j, const LeadTime& lead, const Zone& reference) {
  auto number_or_null = [](const std::optional<int>& n) { return n ? nlohmann::ordered_json(*n) : nlohmann::ordered_json(nullptr); };
  auto date_or_null = [](const std::optional<CivilDate>& d) { return d ? nlohmann::ordered_json(to_string(*d)) : nlohmann::ordered_json(nullptr); };
  j["calendar_days"] = number_or_null(lead.days());
  j["calendar_days_min"] = number_or_null(lead.min_days);
  j["calendar_days_max"] = number_or_null(lead.max_days);
  j["zone"] = reference.name();
  j["elapsed_seconds"] = lead.elapsed ? nlohmann::ordered_json(lead.elapsed->count()) : nlohmann::ordered_json(nullptr);
  j["from_date"] = date_or_null(lead.from_date);
  j["to_date"] = date_or_null(lead.to_date);
}

void add_under_way_json(nlohmann::ordered_json& j, const std::optional<UnderWay>& under_way) {
  j["under_way"] = under_way ? nlohmann::ordered_json{{"day", under_way->day}, {"days", under_way->days}} : nlohmann::ordered_json(nullptr);
}

}  // namespace dipcal::cli

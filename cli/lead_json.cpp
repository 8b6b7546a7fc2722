#include "lead_json.h"

namespace dipcal::cli {

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

#include "parts.h"

#include <fmt/format.h>

namespace dipcal::ics::detail {

std::optional<Zone> ZoneFinder::zone_named(std::string_view name) const {
  if (name.empty()) return std::nullopt;
  return options_.zones->find(name);
}

std::optional<Zone> ZoneFinder::zone_of_tzid(const Input& s, const std::string& tzid, std::string& error) const {
  std::string lic;
  for (const auto& child : s.calendar->children)
    if (child.name == "VTIMEZONE" && text_of(child.find("TZID")) == tzid) lic = text_of(child.find("X-LIC-LOCATION"));
  static const WindowsZones kNone;
  auto match = map_tzid(tzid, *options_.zones, options_.windows ? *options_.windows : kNone, lic);
  if (!match) {
    error = fmt::format("TZID '{}' is not an IANA zone, a prefixed one or a Windows zone name", tzid);
    return std::nullopt;
  }
  return zone_named(match->zone);
}

std::optional<Zone> ZoneFinder::floating_zone(const Input& s) const {
  std::string error;
  if (auto wr = text_of(s.calendar->find("X-WR-TIMEZONE")); !wr.empty())
    if (auto z = zone_of_tzid(s, wr, error)) return z;
  return options_.default_zone;
}

std::optional<Zone> ZoneFinder::calendar_zone(const Input& s) const {
  std::string error;
  if (auto floating = floating_zone(s)) return floating;
  std::optional<Zone> only;
  for (const auto& child : s.calendar->children) {
    if (child.name != "VEVENT") continue;
    for (const char* name : {"DTSTART", "DTEND"}) {
      const auto* p = child.find(name);
      if (!p || p->param("TZID").empty()) continue;
      auto z = zone_of_tzid(s, p->param("TZID"), error);
      if (!z) continue;
      if (only && *only != *z) return std::nullopt;
      only = z;
    }
  }
  return only;
}

}  // namespace dipcal::ics::detail

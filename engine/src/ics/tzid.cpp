#include "dipcal/ics/tzid.h"

#include <cctype>
#include <fstream>
#include <sstream>

namespace dipcal::ics {

namespace {

std::string lower(std::string_view s) {
  std::string out{s};
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '"')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '"')) s.remove_suffix(1);
  return s;
}

// An IANA name as it is, or behind a prefix: the longest tail after a '/' that the database has.
std::optional<TzidMatch> iana(std::string_view tzid, const ZoneDb& zones) {
  if (zones.find(tzid)) return TzidMatch{std::string{tzid}, TzidMatch::Via::iana};
  for (auto slash = tzid.find('/'); slash != std::string_view::npos; slash = tzid.find('/', slash + 1)) {
    auto tail = tzid.substr(slash + 1);
    if (!tail.empty() && zones.find(tail)) return TzidMatch{std::string{tail}, TzidMatch::Via::prefixed};
  }
  return std::nullopt;
}

}  // namespace

WindowsZones WindowsZones::parse(std::string_view tsv) {
  WindowsZones table;
  std::istringstream in{std::string{tsv}};
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> columns;
    std::istringstream fields{line};
    std::string field;
    while (std::getline(fields, field, '\t')) columns.push_back(field);
    if (columns.size() < 3 || columns[1] != "001") continue;
    auto zone = columns[2].substr(0, columns[2].find(' '));
    table.by_name_.emplace(lower(columns[0]), zone);
    if (columns.size() > 3 && !columns[3].empty()) table.by_name_.emplace(lower(columns[3]), zone);
  }
  return table;
}

std::variant<WindowsZones, std::string> WindowsZones::load(const std::filesystem::path& path) {
  std::ifstream in{path, std::ios::binary};
  if (!in) return "cannot read the Windows zone table " + path.string();
  std::ostringstream text;
  text << in.rdbuf();
  auto table = parse(text.str());
  if (table.size() == 0) return "the Windows zone table " + path.string() + " has no entries";
  return table;
}

std::optional<std::string> WindowsZones::find(std::string_view windows_name) const {
  auto it = by_name_.find(lower(windows_name));
  if (it == by_name_.end()) return std::nullopt;
  return it->second;
}

std::optional<TzidMatch> map_tzid(std::string_view tzid, const ZoneDb& zones, const WindowsZones& windows, std::string_view lic_location) {
  tzid = trim(tzid);
  if (auto m = iana(tzid, zones)) return m;
  if (auto name = windows.find(tzid); name && zones.find(*name)) return TzidMatch{*name, TzidMatch::Via::windows};
  if (!lic_location.empty())
    if (auto m = iana(trim(lic_location), zones)) return TzidMatch{m->zone, TzidMatch::Via::lic_location};
  return std::nullopt;
}

}  // namespace dipcal::ics

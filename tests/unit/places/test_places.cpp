// Places and country codes (dipcal/places/places.h). Expected zones and codes are read off tzdata's
// zone1970.tab and iso3166.tab by hand, and the table itself is checked against tzdata on this machine.
#include "dipcal/places/places.h"

#include <doctest/doctest.h>

#include "support/cases.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace dipcal::places;
using dipcal::testing::check_accepted;
using dipcal::testing::check_cases;
using dipcal::testing::check_refused;

namespace {

std::vector<std::string> split(const std::string& line, char separator) {
  std::vector<std::string> fields;
  std::stringstream in{line};
  for (std::string field; std::getline(in, field, separator);) fields.push_back(field);
  if (!line.empty() && line.back() == separator) fields.emplace_back();
  return fields;
}

std::string zone_of(std::string_view name) {
  auto place = find_place(name);
  return place ? std::string{place->zone} : "";
}

}  // namespace

TEST_CASE("find_place ignores case, accents and punctuation") {
  check_cases(zone_of, {
      {"KUALA LUMPUR", "Asia/Kuala_Lumpur"},
      {"Abu Dhabi", "Asia/Dubai"},
      {"sharm el sheikh", "Africa/Cairo"},
      {"Sharm el-Sheikh", "Africa/Cairo"},
      {"Washington", "America/New_York"},
      {"Washington, D.C.", "America/New_York"},
      {"washington dc", "America/New_York"},
      {"Brussels", "Europe/Brussels"},
      {"Davos", "Europe/Zurich"},
      {"Genève", "Europe/Zurich"},
      {"BRASILIA", "America/Sao_Paulo"},
      {"Brasília", "America/Sao_Paulo"},
      {"sao tome", "Africa/Sao_Tome"},
      {"The Hague", "Europe/Amsterdam"},
      {"Bali", "Asia/Makassar"},  // WITA, UTC+8, not Jakarta's UTC+7
      {"Anchorage", "America/Anchorage"},
      {"Москва", "Europe/Moscow"},  // read as "Moskva"
  });
  auto place = find_place("camp david");
  REQUIRE(place);
  CHECK(place->name == "Camp David");
  CHECK(place->country == "US");
  check_refused(find_place, {"Atlantis", "", "--"});
}

TEST_CASE("country codes are ISO 3166-1 alpha-2, with suggestions for what people write") {
  check_accepted(is_country_code, {"GB", "US", "TW"});
  check_refused(is_country_code, {"UK", "gb", "GBR", ""});
  check_cases(suggest_country, {
      {"UK", "GB"},
      {"USA", "US"},
      {"United States", "US"},
      {"gb", "GB"},
      {"Germany", "DE"},
      {"Türkiye", "TR"},
      {"UAE", "AE"},
      {"Brussels", "BE"},  // a place's country
  });
  check_refused(suggest_country, {"Atlantis"});
}

TEST_CASE("fold_name") {
  check_cases(fold_name, {
      {"Sharm el-Sheikh", "sharmelsheikh"},
      {"São Tomé", "saotome"},
      {"Chișinău", "chisinau"},
      {"\xff\xfe", ""},  // not UTF-8: nothing readable, no crash
  });
}

// Every row of data/places.tsv names a zone this machine has, a country iso3166.tab lists, a country
// zone1970.tab gives that zone where it lists the zone, and is found by its name and every other name.
TEST_CASE("data/places.tsv agrees with tzdata") {
  const std::filesystem::path zoneinfo{"/usr/share/zoneinfo"};
  std::map<std::string, std::set<std::string>> countries_of;
  std::ifstream zone1970{zoneinfo / "zone1970.tab"};
  REQUIRE(zone1970);
  for (std::string line; std::getline(zone1970, line);) {
    if (line.empty() || line[0] == '#') continue;
    auto fields = split(line, '\t');
    for (const auto& code : split(fields.at(0), ',')) countries_of[fields.at(2)].insert(code);
  }
  std::ifstream table{std::string{DIPCAL_SOURCE_DIR} + "/data/places.tsv"};
  REQUIRE(table);
  int rows = 0;
  for (std::string line; std::getline(table, line);) {
    if (line.empty() || line[0] == '#') continue;
    ++rows;
    auto fields = split(line, '\t');
    REQUIRE(fields.size() == 4);
    const auto& [name, alternatives, country, zone] = std::tie(fields[0], fields[1], fields[2], fields[3]);
    INFO(line);
    CHECK(std::filesystem::is_regular_file(zoneinfo / zone));
    CHECK(is_country_code(country));
    if (auto listed = countries_of.find(zone); listed != countries_of.end()) CHECK(listed->second.count(country) == 1);
    CHECK(find_place(name));
    for (const auto& other : split(alternatives, ',')) CHECK(find_place(other));
  }
  CHECK(rows > 300);
}

TEST_CASE("suggest_zones: a place's zone before names near in spelling") {
  const auto& db = dipcal::ZoneDb::system();
  using Names = std::vector<std::string>;
  CHECK(suggest_zones("America/Washington", db) == Names{"America/New_York"});
  CHECK(suggest_zones("Asia/Abu_Dhabi", db) == Names{"Asia/Dubai"});
  CHECK(suggest_zones("Davos", db) == Names{"Europe/Zurich"});
  CHECK(suggest_zones("Asia/Seol", db).front() == "Asia/Seoul");  // no such place: spelling
}

#include "dipcal/places/places.h"

#include "dipcal/text/suggest.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace dipcal::places {

namespace {

struct PlaceRow {
  std::string_view name, alternatives, country, zone;
};
struct CountryRow {
  std::string_view code, name, other_names;
};

#include "places_table.inc"

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string ascii_letters_and_digits(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
  }
  return out;
}

// ICU's transliterators are not safe to share between threads; the loader reads files in parallel,
// but names that are not ASCII are rare, so one instance behind a lock is enough.
std::string to_latin_ascii(std::string_view text) {
  static std::mutex lock;
  static std::unique_ptr<icu::Transliterator> latin = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made{icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII", UTRANS_FORWARD, status)};
    return U_SUCCESS(status) ? std::move(made) : nullptr;
  }();
  auto unicode = icu::UnicodeString::fromUTF8(icu::StringPiece{text.data(), static_cast<int32_t>(text.size())});
  if (latin) {
    std::lock_guard guard{lock};
    latin->transliterate(unicode);
  }
  std::string out;
  unicode.toUTF8String(out);
  return out;
}

template <class Each>
void for_each_name(std::string_view list, Each each) {
  while (!list.empty()) {
    auto comma = list.find(',');
    each(list.substr(0, comma));
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
}

// Folded name → row. The first row to claim a name keeps it: capitals come before venues and venues
// before zone.tab's exemplar cities; a country's code before any name.
const std::unordered_map<std::string, const PlaceRow*>& place_index() {
  static const auto index = [] {
    std::unordered_map<std::string, const PlaceRow*> made;
    for (const auto& row : place_rows) {
      made.try_emplace(fold_name(row.name), &row);
      for_each_name(row.alternatives, [&](std::string_view name) { made.try_emplace(fold_name(name), &row); });
    }
    return made;
  }();
  return index;
}

const std::unordered_map<std::string, const CountryRow*>& country_index() {
  static const auto index = [] {
    std::unordered_map<std::string, const CountryRow*> made;
    for (const auto& row : country_rows) made.try_emplace(fold_name(row.code), &row);
    for (const auto& row : country_rows) {
      made.try_emplace(fold_name(row.name), &row);
      for_each_name(row.other_names, [&](std::string_view name) { made.try_emplace(fold_name(name), &row); });
    }
    return made;
  }();
  return index;
}

}  // namespace

std::string fold_name(std::string_view text) {
  return ascii_letters_and_digits(is_ascii(text) ? text : std::string_view{to_latin_ascii(text)});
}

std::optional<Place> find_place(std::string_view name) {
  auto folded = fold_name(name);
  if (folded.empty()) return std::nullopt;
  const auto& index = place_index();
  auto found = index.find(folded);
  if (found == index.end()) return std::nullopt;
  return Place{found->second->name, found->second->country, found->second->zone};
}

bool is_country_code(std::string_view code) {
  return std::any_of(std::begin(country_rows), std::end(country_rows),
                     [&](const CountryRow& row) { return row.code == code; });
}

std::optional<std::string_view> suggest_country(std::string_view text) {
  auto folded = fold_name(text);
  if (folded.empty()) return std::nullopt;
  const auto& index = country_index();
  if (auto found = index.find(folded); found != index.end()) return found->second->code;
  if (auto place = find_place(text)) return place->country;
  return std::nullopt;
}

std::vector<std::string> suggest_zones(std::string_view name, const ZoneDb& zones) {
  auto place = find_place(name);
  if (!place) {
    if (auto slash = name.rfind('/'); slash != std::string_view::npos) place = find_place(name.substr(slash + 1));
  }
  if (place && zones.find(place->zone)) return {std::string{place->zone}};
  return closest(name, zones.names());
}

}  // namespace dipcal::places

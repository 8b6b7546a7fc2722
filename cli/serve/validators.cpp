#include "validators.h"

#include "dipcal/cache/cache.h"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <charconv>

namespace dipcal::serve {

namespace {

constexpr std::array<std::string_view, 7> kWeekdays{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// A small reader over the field value: each step consumes what it matched, or fails.
struct Scanner {
  std::string_view rest;
  bool ok = true;

  int number(std::size_t min_digits, std::size_t max_digits) {
    while (!rest.empty() && rest.front() == ' ' && min_digits == 1) rest.remove_prefix(1);  // asctime pads the day
    std::size_t n = 0;
    while (n < rest.size() && n < max_digits && rest[n] >= '0' && rest[n] <= '9') ++n;
    if (n < min_digits) return ok = false, 0;
    int value = 0;
    std::from_chars(rest.data(), rest.data() + n, value);
    rest.remove_prefix(n);
    return value;
  }
  void literal(std::string_view text) {
    if (rest.substr(0, text.size()) != text) ok = false;
    else rest.remove_prefix(text.size());
  }
  template <std::size_t N>
  int one_of(const std::array<std::string_view, N>& names) {
    for (std::size_t i = 0; i < N; ++i)
      if (rest.substr(0, names[i].size()) == names[i]) {
        rest.remove_prefix(names[i].size());
        return static_cast<int>(i);
      }
    return ok = false, 0;
  }
  void skip_until(char c) {
    auto at = rest.find(c);
    if (at == std::string_view::npos) ok = false;
    else rest.remove_prefix(at);
  }
};

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::optional<Instant> make_instant(int year, int month, int day, int h, int m, int s) {
  date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month + 1)}, date::day{static_cast<unsigned>(day)}};
  if (!ymd.ok() || h > 23 || m > 59 || s > 60) return std::nullopt;
  return Instant{date::sys_days{ymd} + std::chrono::hours{h} + std::chrono::minutes{m} + std::chrono::seconds{std::min(s, 59)}};
}

}  // namespace

std::string strong_etag(std::string_view body) {
  Fingerprint fingerprint;
  fingerprint.add(body);
  std::string tag = "\"";
  tag += fingerprint.hex();
  tag += '"';
  return tag;
}

std::string http_date(Instant at) {
  auto days = date::floor<date::days>(at.time());
  date::year_month_day ymd{days};
  date::hh_mm_ss hms{at.time() - days};
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT", kWeekdays[date::weekday{days}.c_encoding()], static_cast<unsigned>(ymd.day()),
                     kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()), hms.hours().count(),
                     hms.minutes().count(), hms.seconds().count());
}

std::optional<Instant> parse_http_date(std::string_view text) {
  text = trimmed(text);
  Scanner in{text};
  int day = 0, month = 0, year = 0, h = 0, m = 0, s = 0;
  auto comma = text.find(',');
  if (comma == 3) {  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
    in.one_of(kWeekdays), in.literal(", ");
    day = in.number(2, 2), in.literal(" "), month = in.one_of(kMonths), in.literal(" "), year = in.number(4, 4), in.literal(" ");
  } else if (comma != std::string_view::npos) {  // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
    in.skip_until(','), in.literal(", ");
    day = in.number(2, 2), in.literal("-"), month = in.one_of(kMonths), in.literal("-"), year = in.number(2, 2), in.literal(" ");
    // Section 5.6.7: a two-digit year more than 50 years in the future is in the past century.
    year += year < 70 ? 2000 : 1900;
  } else {  // asctime: Sun Nov  6 08:49:37 1994
    in.one_of(kWeekdays), in.literal(" "), month = in.one_of(kMonths), in.literal(" ");
    day = in.number(1, 2), in.literal(" ");
  }
  h = in.number(2, 2), in.literal(":"), m = in.number(2, 2), in.literal(":"), s = in.number(2, 2);
  if (comma == std::string_view::npos) in.literal(" "), year = in.number(4, 4);
  else in.literal(" GMT");
  if (!in.ok || !in.rest.empty()) return std::nullopt;
  return make_instant(year, month, day, h, m, s);
}

bool if_none_match_matches(std::string_view field, std::string_view etag) {
  auto opaque = [](std::string_view tag) {
    if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    return tag;
  };
  auto ours = opaque(etag);
  while (!field.empty()) {
    auto comma = field.find(',');
    auto item = field.substr(0, comma);
    field = comma == std::string_view::npos ? std::string_view{} : field.substr(comma + 1);
    item = trimmed(item);
    if (item == "*" || (!item.empty() && opaque(item) == ours)) return true;
  }
  return false;
}

bool accepts_gzip(std::string_view field) {
  std::optional<bool> gzip, any;
  while (!field.empty()) {
    auto comma = field.find(',');
    auto item = field.substr(0, comma);
    field = comma == std::string_view::npos ? std::string_view{} : field.substr(comma + 1);
    auto semicolon = item.find(';');
    auto coding = trimmed(item.substr(0, semicolon));
    bool weighted = true;
    if (semicolon != std::string_view::npos) {
      auto parameter = trimmed(item.substr(semicolon + 1));
      if (parameter.size() >= 2 && (parameter[0] == 'q' || parameter[0] == 'Q') && parameter[1] == '=') {
        parameter.remove_prefix(2);
        // A weight is 0 to 1 with up to three decimals: it is 0 when every digit is.
        weighted = parameter.find_first_not_of("0.") != std::string_view::npos;
      }
    }
    std::string lower{coding};
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "gzip" || lower == "x-gzip") gzip = weighted;
    else if (lower == "*") any = weighted;
  }
  return gzip ? *gzip : any.value_or(false);
}

bool not_modified(const Validators& validators, std::optional<std::string_view> if_none_match,
                  std::optional<std::string_view> if_modified_since) {
  if (if_none_match) return if_none_match_matches(*if_none_match, validators.etag);
  if (!if_modified_since || !validators.last_modified) return false;
  auto since = parse_http_date(*if_modified_since);
  return since && *validators.last_modified <= *since && validators.written <= *since;
}

}  // namespace dipcal::serve

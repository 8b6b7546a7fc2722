#include "dipcal/time/edtf.h"

#include <fmt/format.h>

namespace dipcal {

namespace {

struct Piece {
  CivilDate earliest;
  CivilDate latest;
  bool approximate = false;
  bool uncertain = false;
};

ParseError error_at(std::size_t offset, std::string message) { return ParseError{std::move(message), offset, "", {}}; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Four year characters with trailing X allowed ("2025", "202X", "20XX").
std::optional<std::pair<int, int>> year_range(std::string_view y) {
  int lo = 0, hi = 0;
  bool unspecified = false;
  for (char c : y) {
    if (is_digit(c) && !unspecified) {
      lo = lo * 10 + (c - '0');
      hi = hi * 10 + (c - '0');
    } else if (c == 'X') {
      unspecified = true;
      lo = lo * 10;
      hi = hi * 10 + 9;
    } else {
      return std::nullopt;
    }
  }
  return std::pair{lo, hi};
}

Parsed<Piece> parse_piece(std::string_view text, std::size_t base) {
  Piece p;
  std::string_view body = text;
  if (!body.empty() && (body.back() == '~' || body.back() == '?' || body.back() == '%')) {
    char q = body.back();
    p.approximate = q == '~' || q == '%';
    p.uncertain = q == '?' || q == '%';
    body.remove_suffix(1);
  }
  if (body.size() < 4) return error_at(base, "expected a year of four digits");
  auto years = year_range(body.substr(0, 4));
  if (!years) return error_at(base, "expected a year of four digits (the last ones may be X)");
  if (years->first < kFirstYear || years->second > kLastYear)
    return error_at(base, fmt::format("year outside {}–{}", kFirstYear, kLastYear));
  std::string_view rest = body.substr(4);
  enum class Precision { year, month, day } precision = Precision::year;
  auto first = CivilDate::from_ymd(years->first, 1, 1);
  auto last = CivilDate::from_ymd(years->second, 12, 31);
  if (years->first != years->second && !rest.empty())
    return error_at(base + 4, "a year with unspecified digits cannot have a month or day");
  if (!rest.empty()) {
    if (rest[0] != '-') return error_at(base + 4, "expected '-' and a two-digit month");
    if (rest.size() < 3) return error_at(base + 5, "expected a two-digit month");
    std::string_view mm = rest.substr(1, 2);
    rest = rest.substr(3);
    int year = years->first;
    if (mm == "XX") {
      if (!rest.empty() && rest != "-XX") {
        if (rest[0] != '-') return error_at(base + 7, "unexpected text after the month");
        if (rest.substr(0, 3) == "-XX") return error_at(base + 10, "unexpected text after the day");
        return error_at(base + 8, "a day cannot be given when the month is unspecified");
      }
      rest = {};
    } else if (is_digit(mm[0]) && is_digit(mm[1])) {
      int m = (mm[0] - '0') * 10 + (mm[1] - '0');
      if (m >= 21 && m <= 24) {
        if (!rest.empty()) return rest[0] == '-' ? error_at(base + 8, "a season has no day") : error_at(base + 7, "unexpected text after the season");
        // Meteorological seasons: spring Mar–May, summer Jun–Aug, autumn Sep–Nov, winter Dec–Feb.
        static constexpr int kStartMonth[] = {3, 6, 9, 12};
        int sm = kStartMonth[m - 21];
        auto start = CivilDate::from_ymd(year, static_cast<unsigned>(sm), 1);
        auto end_month = date::year_month{date::year{year}, date::month{static_cast<unsigned>(sm)}} + date::months{2};
        auto end = CivilDate{date::local_days{end_month / date::last}};
        if (!start || static_cast<int>(end.ymd().year()) > kLastYear) return error_at(base, "season outside the supported years");
        first = start;
        last = end;
        precision = Precision::month;
      } else if (m >= 1 && m <= 12) {
        first = CivilDate::from_ymd(year, static_cast<unsigned>(m), 1);
        last = CivilDate{date::local_days{date::year{year} / date::month{static_cast<unsigned>(m)} / date::last}};
        precision = Precision::month;
        if (!rest.empty()) {
          if (rest[0] != '-') return error_at(base + 7, "unexpected text after the month");
          if (rest.size() < 3) return error_at(base + 8, "expected a two-digit day or XX");
          std::string_view dd = rest.substr(1, 2);
          if (dd != "XX") {
            if (!is_digit(dd[0]) || !is_digit(dd[1])) return error_at(base + 8, "expected a two-digit day or XX");
            auto day = CivilDate::from_ymd(year, static_cast<unsigned>(m), static_cast<unsigned>((dd[0] - '0') * 10 + (dd[1] - '0')));
            if (!day) return error_at(base + 8, "no such day in that month");
            first = last = day;
            precision = Precision::day;
          }
          if (rest.size() > 3) return error_at(base + 10, "unexpected text after the day");
          rest = {};
        }
      } else {
        return error_at(base + 5, "expected a month 01–12, XX, or a season 21–24");
      }
    } else {
      return error_at(base + 5, "expected a two-digit month");
    }
    if (!rest.empty()) return error_at(base + 7, "unexpected text after the month");
  }
  if (p.approximate) {
    switch (precision) {
      case Precision::day: first = first->plus_days(-3); last = last->plus_days(3); break;
      case Precision::month: first = first->plus_days(-15); last = last->plus_days(15); break;
      case Precision::year:
        first = CivilDate{date::local_days{date::year_month_day{first->days()} - date::months{6}}};
        // Six months after 31 December is the end of June (not "31 June", which would roll into July).
        last = CivilDate{date::local_days{(date::year_month{last->ymd().year(), last->ymd().month()} + date::months{6}) / date::last}};
        break;
    }
  }
  p.earliest = *first;
  p.latest = *last;
  return p;
}

}  // namespace

Parsed<EdtfRange> parse_edtf(std::string_view text) {
  if (text.empty()) return error_at(0, "empty date");
  auto slash = text.find('/');
  if (slash == std::string_view::npos) {
    auto piece = parse_piece(text, 0);
    if (!piece) return piece.error();
    return EdtfRange{piece->earliest, piece->latest, piece->approximate, piece->uncertain};
  }
  if (auto second = text.find('/', slash + 1); second != std::string_view::npos) return error_at(second, "an interval has one '/'");
  std::string_view left = text.substr(0, slash), right = text.substr(slash + 1);
  EdtfRange range;
  if (left != ".." && !left.empty()) {
    auto piece = parse_piece(left, 0);
    if (!piece) return piece.error();
    range.earliest = piece->earliest;
    range.approximate |= piece->approximate;
    range.uncertain |= piece->uncertain;
  }
  if (right != ".." && !right.empty()) {
    auto piece = parse_piece(right, slash + 1);
    if (!piece) return piece.error();
    range.latest = piece->latest;
    range.approximate |= piece->approximate;
    range.uncertain |= piece->uncertain;
  }
  if ((left == ".." || left.empty()) && (right == ".." || right.empty())) return error_at(0, "an interval needs at least one date");
  if (range.earliest && range.latest && *range.latest < *range.earliest)
    return error_at(slash + 1, "the interval ends before it starts");
  return range;
}

}  // namespace dipcal

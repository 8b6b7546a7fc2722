#include "dipcal/draft/article.h"

#include "dipcal/draft/temporal.h"
#include "tokens.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace dipcal::draft {

namespace {

// Words after which a full stop does not end a sentence.
constexpr std::array<std::string_view, 30> kAbbreviations{
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr", "mrs", "ms", "dr", "gen",
    "lt", "col", "sen", "rep", "gov", "st", "no", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u"};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Markdown decoration at the start of a line: "# ", "## ", "> ", "* " (list), "**".
std::string_view strip_markdown(std::string_view line) {
  line = trim(line);
  while (!line.empty() && (line.front() == '#' || line.front() == '>')) line.remove_prefix(1);
  if (line.size() > 1 && (line.front() == '*' || line.front() == '-') && line[1] == ' ') line.remove_prefix(2);
  line = trim(line);
  while (line.size() >= 2 && line.substr(0, 2) == "**") line.remove_prefix(2);
  while (line.size() >= 2 && line.substr(line.size() - 2) == "**") line.remove_suffix(2);
  while (!line.empty() && line.front() == '_') line.remove_prefix(1);
  while (!line.empty() && line.back() == '_') line.remove_suffix(1);
  return trim(line);
}

std::string title_case(std::string_view caps) {
  std::string out;
  bool start = true;
  for (char c : caps) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && std::isalpha(u)) {
      out += static_cast<char>(start ? std::toupper(u) : std::tolower(u));
      start = false;
    } else {
      out += c;
      start = c == ' ' || c == '-' || c == '.';
    }
  }
  return out;
}

// "KUALA LUMPUR, Malaysia (Reuters) - rest": the length of the prefix, or 0 when the line has none.
std::size_t dateline(std::string_view line, Article& into) {
  std::size_t i = 0;
  std::size_t caps_end = 0;
  int letters = 0;
  while (i < line.size()) {
    auto c = static_cast<unsigned char>(line[i]);
    if (std::isupper(c)) ++letters, caps_end = i + 1;
    else if (c == ' ' || c == '.' || c == '\'' || c == '-') {
    } else if (c >= 0x80) {
      caps_end = i + 1;  // É, Ö in capitals
    } else {
      break;
    }
    ++i;
  }
  if (letters < 3 || caps_end == 0) return 0;
  auto place = trim(line.substr(0, caps_end));
  // The place in capitals ends at a lower-case word ("BUSAN, South Korea") or the separator.
  std::size_t k = caps_end;
  std::string country;
  if (k < line.size() && line[k] == ',') {
    auto stop = line.find_first_of(":(–-\xE2", k + 1);
    if (stop == std::string_view::npos || stop - k > 40) return 0;
    country = std::string{trim(line.substr(k + 1, stop - k - 1))};
    k = stop;
  }
  while (k < line.size() && line[k] == ' ') ++k;
  std::string outlet;
  if (k < line.size() && line[k] == '(') {
    auto close = line.find(')', k);
    if (close == std::string_view::npos || close - k > 40) return 0;
    outlet = std::string{line.substr(k + 1, close - k - 1)};
    k = close + 1;
    while (k < line.size() && line[k] == ' ') ++k;
  }
  std::size_t sep = 0;
  if (k < line.size() && (line[k] == ':' || line[k] == '-')) sep = 1;
  else if (line.substr(k, 3) == "\xE2\x80\x93" || line.substr(k, 3) == "\xE2\x80\x94") sep = 3;
  if (sep == 0) return 0;
  // A place name is at most four words; a headline in capitals is not a dateline.
  if (std::count(place.begin(), place.end(), ' ') > 3) return 0;
  into.dateline_place = title_case(place);
  into.dateline_country = country;
  into.outlet = outlet;
  k += sep;
  while (k < line.size() && line[k] == ' ') ++k;
  return k;
}

// A publication line: a full date (with its year) as its first expression, or RFC 3339.
bool publication_line(std::string_view line, int number, Article& into) {
  if (auto odt = parse_offset_date_time(trim(line))) {
    into.published = odt->local.date();
    into.published_time = odt->local;
    into.published_offset = odt->offset;
    into.published_line = number;
    return true;
  }
  Reference probe{*CivilDate::from_ymd(2000, 1, 1), Zone{}};
  auto values = find_temporal(line, probe);
  if (values.empty()) return false;
  const auto& first = values.front();
  if (!first.first) return false;
  if (first.kind == ValueKind::date && first.has_year) {
    into.published = first.first;
  } else if (first.kind == ValueKind::date_time && first.first && first.first->ymd().year() != date::year{2000}) {
    // A date with a time after it ("October 26, 2025 3:14 PM GMT+8").
    into.published = first.first;
    into.published_time = first.local_time;
    if (first.zone_name && !first.zone_name->empty()) {
      const auto& z = *first.zone_name;
      if (z == "Z" || z[0] == '+' || z[0] == '-') into.published_offset = first.offset;
      else into.published_zone = z;
    }
  } else {
    return false;
  }
  into.published_line = number;
  return true;
}

}  // namespace

std::vector<std::string_view> split_sentences(std::string_view p) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c != '.' && c != '?' && c != '!') continue;
    std::size_t end = i + 1;
    while (end < p.size() && (p[end] == '"' || p[end] == '\'' || p[end] == ')')) ++end;
    // Closing curly quote.
    if (p.substr(end, 3) == "\xE2\x80\x9D" || p.substr(end, 3) == "\xE2\x80\x99") end += 3;
    if (end < p.size() && !is_space(p[end])) continue;
    if (c == '.') {
      std::size_t w = i;
      while (w > start && !is_space(p[w - 1]) && p[w - 1] != '(') --w;
      std::string word;
      for (auto k = w; k < i; ++k) word += static_cast<char>(std::tolower(static_cast<unsigned char>(p[k])));
      if (std::find(kAbbreviations.begin(), kAbbreviations.end(), word) != kAbbreviations.end()) {
        // "a.m." and "Oct." end a sentence only before a capital that is not a day or a number.
        std::size_t next = end;
        while (next < p.size() && is_space(p[next])) ++next;
        if (word != "a.m" && word != "p.m") continue;
        if (next >= p.size() || !std::isupper(static_cast<unsigned char>(p[next]))) continue;
        // "3 p.m. ET on Wednesday", "11 a.m. Monday": a zone or a day after the time, not a new sentence.
        std::size_t word_end = next;
        while (word_end < p.size() && std::isalpha(static_cast<unsigned char>(p[word_end]))) ++word_end;
        auto following = p.substr(next, word_end - next);
        bool caps = std::all_of(following.begin(), following.end(), [](char ch) { return std::isupper(static_cast<unsigned char>(ch)); });
        std::string lower;
        for (char ch : following) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (caps || detail::weekday_number(lower) >= 0 || detail::month_number(lower)) continue;
      }
      if (word.size() == 1 && std::isupper(static_cast<unsigned char>(p[w]))) continue;  // initials: "John F. Kennedy"
    }
    auto s = trim(p.substr(start, end - start));
    if (!s.empty()) out.push_back(s);
    start = end;
  }
  auto rest = trim(p.substr(start));
  if (!rest.empty()) out.push_back(rest);
  return out;
}

Article read_article(std::string_view text) {
  Article a;
  // Lines, with their numbers; paragraphs are runs of non-blank lines.
  std::vector<std::pair<std::string_view, int>> lines;
  for (std::size_t i = 0, number = 1; i <= text.size(); ++number) {
    auto end = text.find('\n', i);
    if (end == std::string_view::npos) end = text.size();
    lines.emplace_back(text.substr(i, end - i), static_cast<int>(number));
    i = end + 1;
  }
  bool in_body = false;
  std::string paragraph;
  int paragraph_line = 0;
  std::size_t head_lines = 0;
  auto flush = [&] {
    for (auto s : split_sentences(paragraph)) a.sentences.push_back({std::string{s}, paragraph_line});
    paragraph.clear();
  };
  for (auto [raw, number] : lines) {
    auto line = strip_markdown(raw);
    if (line.empty()) {
      flush();
      continue;
    }
    if (!in_body) {
      ++head_lines;
      if (a.headline.empty() && !(raw.size() && raw.front() != '#' && publication_line(line, number, a))) {
        if (a.published_line == number) continue;
        // The first line is the headline unless it is the dateline paragraph itself or a sentence
        // (headlines do not end with a full stop).
        if (!dateline(line, a) && line.back() != '.') {
          a.headline = std::string{line};
          continue;
        }
      }
      if (a.published_line == number) continue;
      if (!a.published && head_lines <= 8 && publication_line(line, number, a)) continue;
      // Bylines and other head lines until the dateline or the first long paragraph.
      if (auto prefix = dateline(line, a)) {
        in_body = true;
        line.remove_prefix(prefix);
      } else if (line.size() < 60 && head_lines <= 8 && line.back() != '.' && line.back() != '"') {
        // A byline or a kicker; a short line that ends a sentence is the body's first.
        continue;
      } else {
        in_body = true;
      }
    }
    if (paragraph.empty()) paragraph_line = number;
    else paragraph += ' ';
    paragraph += line;
  }
  flush();
  return a;
}

}  // namespace dipcal::draft

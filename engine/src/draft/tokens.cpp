#include "tokens.h"

#include <array>
#include <charconv>
#include <unordered_map>
#include <utility>

namespace dipcal::draft::detail {

namespace {

bool is_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// UTF-8 sequences that are dashes (en, em, minus) or apostrophes (right single quote).
constexpr std::array<std::string_view, 3> kDashes{"\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x88\x92"};
constexpr std::string_view kApostrophe = "\xE2\x80\x99";

std::size_t dash_at(std::string_view s, std::size_t i) {
  if (static_cast<unsigned char>(s[i]) != 0xE2) return 0;
  for (auto d : kDashes)
    if (s.substr(i, d.size()) == d) return d.size();
  return 0;
}

}  // namespace

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  out.reserve(s.size() / 5 + 4);
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    Token t;
    t.begin = i;
    if (auto n = dash_at(s, i)) {
      t.lower = "–";
      i += n;
    } else if (is_letter(c) || is_digit(c) || c >= 0x80) {
      bool number = is_digit(c);
      t.digits = number;
      t.capital = c >= 'A' && c <= 'Z';
      int letters = 0;
      int uppers = 0;
      while (i < s.size()) {
        auto d = static_cast<unsigned char>(s[i]);
        if (dash_at(s, i)) break;
        if (d >= 0x80) {
          if (s.substr(i, kApostrophe.size()) == kApostrophe) {
            t.lower += '\'';
            i += kApostrophe.size();
            continue;
          }
          // Other non-ASCII letters (é, ü) stay inside the word.
          t.lower += static_cast<char>(d);
          ++i;
          continue;
        }
        if (is_letter(d) || is_digit(d)) {
          if (is_letter(d)) {
            ++letters;
            if (d <= 'Z') ++uppers;
          }
          t.lower += static_cast<char>(d >= 'A' && d <= 'Z' ? d - 'A' + 'a' : d);
          ++i;
          continue;
        }
        unsigned char next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
        bool inner = (d == '.' && is_letter(next) && !number) || (d == '\'' && (is_letter(next) || next == ' ' || next == 0)) ||
                     (d == ':' && number && is_digit(next)) ||
                     // "2025-10-30" is one token, "24-25" (a range of days) three.
                     ((d == '-' || d == '/') && number && is_digit(next) && (t.lower.size() == 4 || t.lower.find(d) != std::string::npos));
        if (d == '\'' && next != 0 && !is_letter(next)) inner = t.lower.back() == 's';  // leaders'
        if (!inner) break;
        t.lower += static_cast<char>(d);
        ++i;
      }
      t.all_caps = letters >= 2 && letters == uppers;
      // "Thursday's" is "thursday" and "'s", so that the day is found and the possessive is seen.
      if (t.lower.size() > 2 && t.lower.compare(t.lower.size() - 2, 2, "'s") == 0) {
        Token possessive;
        possessive.lower = "'s";
        t.lower.resize(t.lower.size() - 2);
        t.end = i;
        possessive.end = i;
        possessive.begin = i - (s.substr(i >= 4 ? i - 4 : 0, i >= 4 ? 4 : i).find(kApostrophe) != std::string_view::npos ? 4 : 2);
        t.end = possessive.begin;
        out.push_back(std::move(t));
        out.push_back(std::move(possessive));
        continue;
      }
    } else {
      t.lower = std::string(1, static_cast<char>(c));
      ++i;
    }
    t.end = i;
    out.push_back(std::move(t));
  }
  return out;
}

int day_number(std::string_view w) {
  int n = 0;
  auto [p, ec] = std::from_chars(w.data(), w.data() + w.size(), n);
  if (ec != std::errc{} || p == w.data() || n < 1 || n > 31) return 0;
  std::string_view rest{p, static_cast<std::size_t>(w.data() + w.size() - p)};
  if (rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th") return n;
  return 0;
}

int count_number(std::string_view w) {
  static constexpr std::array<std::pair<std::string_view, int>, 33> kWords{{
      {"a", 1}, {"an", 1}, {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6}, {"seven", 7},
      {"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11}, {"twelve", 12}, {"thirteen", 13}, {"fourteen", 14},
      {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
      {"thirty", 30}, {"forty", 40}, {"fifty", 50}, {"sixty", 60}, {"ninety", 90}, {"hundred", 100}, {"several", -1},
      {"few", -1}, {"single", 1}, {"couple", -1}, {"dozen", 12}}};
  static const std::unordered_map<std::string_view, int> kByWord(kWords.begin(), kWords.end());
  if (auto it = kByWord.find(w); it != kByWord.end()) return it->second;
  int n = 0;
  auto [p, ec] = std::from_chars(w.data(), w.data() + w.size(), n);
  if (ec == std::errc{} && p == w.data() + w.size() && n >= 0 && n < 10000) return n;
  return -1;
}

int month_number(std::string_view w) {
  static constexpr std::array<std::pair<std::string_view, int>, 24> kMonths{{
      {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6}, {"july", 7}, {"august", 8},
      {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12}, {"jan", 1}, {"feb", 2}, {"mar", 3},
      {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}}};
  static const std::unordered_map<std::string_view, int> kByWord(kMonths.begin(), kMonths.end());
  auto it = kByWord.find(w);
  return it == kByWord.end() ? 0 : it->second;
}

int weekday_number(std::string_view w) {
  static constexpr std::array<std::pair<std::string_view, int>, 18> kDays{{
      {"sunday", 0}, {"monday", 1}, {"tuesday", 2}, {"wednesday", 3}, {"thursday", 4}, {"friday", 5}, {"saturday", 6},
      {"sun", 0}, {"mon", 1}, {"tue", 2}, {"tues", 2}, {"wed", 3}, {"thu", 4}, {"thur", 4}, {"thurs", 4}, {"fri", 5},
      {"sat", 6}, {"thu.", 4}}};
  static const std::unordered_map<std::string_view, int> kByWord(kDays.begin(), kDays.end());
  auto it = kByWord.find(w);
  return it == kByWord.end() ? -1 : it->second;
}

}  // namespace dipcal::draft::detail

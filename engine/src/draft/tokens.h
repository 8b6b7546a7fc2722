// Words of an English sentence as the draft rules see them: lower-cased, with their byte offsets.
// Internal to engine/src/draft.
//
//   "Oct. 31–Nov 1, at 11 a.m. (0200 GMT)"
//   oct . 31 – nov 1 , at 11 a.m . ( 0200 gmt )
//
// A word keeps inner dots before a letter ("a.m", "u.s") and inner apostrophes ("leaders'", "xi's");
// digits keep inner ':' and '-' between digits ("10:30", "2025-10-30"); a hyphen between words is a
// token of its own, so "two-day" and "100-minute" are three tokens. Dashes (– —) are tokens "–".
#pragma once

#include "dipcal/draft/temporal.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dipcal::draft::detail {

struct Token {
  std::string lower;      // lower-case ASCII; other UTF-8 bytes kept as they are; dashes as "–"
  std::size_t begin = 0;  // byte offsets in the sentence
  std::size_t end = 0;
  bool capital = false;   // first letter upper-case in the text
  bool all_caps = false;  // two or more letters, all upper-case ("APEC", "KUALA")
  bool digits = false;    // starts with a digit
};

std::vector<Token> tokenize(std::string_view sentence);

// 1..31 for "30", "30th", "1st"; 0 otherwise.
int day_number(std::string_view word);
// Cardinals "one".."thirty", "a"/"an" (one) and digits; -1 otherwise.
int count_number(std::string_view word);
// 1..12 for "january", "jan", "sept"…; 0 otherwise. "may" counts only where the caller allows.
int month_number(std::string_view word);
// 0 (Sunday)..6 for "sunday", "sun"…; -1 otherwise.
int weekday_number(std::string_view word);

// find_temporal on a sentence already split into tokens (the drafter needs them too), and the tense
// around tokens [first, last).
std::vector<TemporalValue> find_temporal_in(std::string_view sentence, const std::vector<Token>& tokens, const Reference& reference);
Tense tense_near(const std::vector<Token>& tokens, std::size_t first, std::size_t last);

}  // namespace dipcal::draft::detail

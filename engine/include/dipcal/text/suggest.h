// "Did you mean …?" for misspelled keys, event ids and zone names.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dipcal {

// Edit distance (Levenshtein), ignoring ASCII case.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidates closest to `word`, best first, at most `limit`; only those near enough to be a
// plausible typo (distance at most a third of the word, and at least 2). For names with '/' (zones)
// the last component is compared too, so "Seoul" suggests "Asia/Seoul".
std::vector<std::string> closest(std::string_view word, std::span<const std::string_view> candidates, std::size_t limit = 3);
std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates, std::size_t limit = 3);

}  // namespace dipcal

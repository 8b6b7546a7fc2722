#include "dipcal/text/suggest.h"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <utility>

namespace dipcal {

namespace {
constexpr std::size_t kLongestSuggestible = 100;
}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return std::tolower(static_cast<unsigned char>(c)); };
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      std::size_t substitution = diagonal + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates,
                                 std::size_t limit) {
  // Nothing that long is a typo of a name; and the distance cost grows with the product of lengths.
  if (word.size() > kLongestSuggestible) return {};
  std::size_t threshold = std::max<std::size_t>(2, word.size() / 3);
  // The edit distance is at least the difference in length: skip what cannot come near.
  auto within_reach = [&](std::string_view candidate) {
    auto longer = std::max(word.size(), candidate.size()), shorter = std::min(word.size(), candidate.size());
    return longer - shorter <= threshold;
  };
  std::vector<std::pair<std::size_t, const std::string*>> scored;
  for (const auto& candidate : candidates) {
    std::size_t d = threshold + 1;
    if (within_reach(candidate)) d = edit_distance(word, candidate);
    if (auto slash = candidate.rfind('/'); slash != std::string::npos && word.find('/') == std::string_view::npos) {
      auto city = std::string_view{candidate}.substr(slash + 1);
      if (within_reach(city)) d = std::min(d, edit_distance(word, city));
    }
    if (d <= threshold) scored.emplace_back(d, &candidate);
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> result;
  for (std::size_t i = 0; i < scored.size() && i < limit; ++i) result.push_back(*scored[i].second);
  return result;
}

}  // namespace dipcal

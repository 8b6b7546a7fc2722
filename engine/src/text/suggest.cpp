#include "dipcal/text/suggest.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace dipcal {

namespace {

constexpr std::size_t kLongestSuggestible = 100;

constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The edit distance of a and b when it is at most `bound`, else some value above `bound`: a row's
// smallest entry never shrinks in the rows after it, so the count stops once it passes the bound.
// `row` is scratch space, kept by the caller across calls.
std::size_t distance_within(std::string_view a, std::string_view b, std::size_t bound, std::vector<std::size_t>& row) {
  row.resize(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    std::size_t smallest = row[0];
    const char ai = ascii_lower(a[i - 1]);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      std::size_t substitution = diagonal + (ai == ascii_lower(b[j - 1]) ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
      smallest = std::min(smallest, row[j]);
      diagonal = above;
    }
    if (smallest > bound) return bound + 1;
  }
  return row[b.size()];
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row;
  return distance_within(a, b, std::max(a.size(), b.size()), row);
}

std::vector<std::string> closest(std::string_view word, std::span<const std::string_view> candidates, std::size_t limit) {
  // Nothing that long is a typo of a name; and the distance cost grows with the product of lengths.
  if (word.size() > kLongestSuggestible) return {};
  std::size_t threshold = std::max<std::size_t>(2, word.size() / 3);
  // The edit distance is at least the difference in length: skip what cannot come near.
  auto within_reach = [&](std::string_view candidate) {
    auto longer = std::max(word.size(), candidate.size()), shorter = std::min(word.size(), candidate.size());
    return longer - shorter <= threshold;
  };
  std::vector<std::size_t> row;
  std::vector<std::pair<std::size_t, std::string_view>> scored;
  for (auto candidate : candidates) {
    std::size_t d = threshold + 1;
    if (within_reach(candidate)) d = distance_within(word, candidate, threshold, row);
    if (auto slash = candidate.rfind('/'); slash != std::string_view::npos && word.find('/') == std::string_view::npos) {
      auto city = candidate.substr(slash + 1);
      if (within_reach(city)) d = std::min(d, distance_within(word, city, threshold, row));
    }
    if (d <= threshold) scored.emplace_back(d, candidate);
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> result;
  for (std::size_t i = 0; i < scored.size() && i < limit; ++i) result.emplace_back(scored[i].second);
  return result;
}

std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates, std::size_t limit) {
  std::vector<std::string_view> views(candidates.begin(), candidates.end());
  return closest(word, views, limit);
}

}  // namespace dipcal

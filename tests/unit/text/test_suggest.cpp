// "Did you mean …?" (dipcal/text/suggest.h). Distances counted by hand: Levenshtein, one edit per insert,
// delete or substitution (a swap of two letters is two edits).
#include "dipcal/text/suggest.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using namespace dipcal;
using Names = std::vector<std::string>;

TEST_CASE("edit_distance") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("title", "title") == 0);
  CHECK(edit_distance("kitten", "sitting") == 3);  // k→s, e→i, +g
  CHECK(edit_distance("flaw", "lawn") == 2);       // -f, +n
  CHECK(edit_distance("titel", "title") == 2);     // swapped letters: two substitutions
  CHECK(edit_distance("Seol", "Seoul") == 1);
  CHECK(edit_distance("SEOUL", "seoul") == 0);     // ASCII case is ignored
  CHECK(edit_distance("abc", "xyz") == 3);
  CHECK(edit_distance("abcdef", "azced") == edit_distance("azced", "abcdef"));
}

TEST_CASE("closest finds the zone a misspelling meant") {
  Names zones{"Asia/Seoul", "Asia/Tokyo", "Europe/Berlin", "America/New_York"};
  CHECK(closest("Seol", zones) == Names{"Asia/Seoul"});       // against the last component
  CHECK(closest("Asia/Seol", zones) == Names{"Asia/Seoul"});
  CHECK(closest("Seoul", zones) == Names{"Asia/Seoul"});
  CHECK(closest("Europe/Berln", zones) == Names{"Europe/Berlin"});
  CHECK(closest("Atlantis", zones).empty());
}

TEST_CASE("closest for keys") {
  Names keys{"id", "title", "kind", "status", "start", "end", "location"};
  CHECK(closest("titel", keys, 1) == Names{"title"});
  CHECK(closest("locaton", keys, 1) == Names{"location"});
  CHECK(closest("xyzzy", keys).empty());
}

TEST_CASE("closest orders by distance, keeps to the limit and to plausible typos") {
  Names words{"abcdefghi", "abcdefgxx", "abcdefxxx", "abcdexxxx"};
  // Distances from "abcdefghi": 0, 2, 3, 4; a nine-letter word allows three edits.
  CHECK(closest("abcdefghi", words) == Names{"abcdefghi", "abcdefgxx", "abcdefxxx"});
  CHECK(closest("abcdefghi", words, 2) == Names{"abcdefghi", "abcdefgxx"});
  CHECK(closest("abcdefghi", words, 0).empty());
  // A short word still allows two edits.
  CHECK(closest("ab", Names{"xy", "xyz"}) == Names{"xy"});
  CHECK(closest("word", Names{}).empty());
}

TEST_CASE("closest stops counting past the threshold without changing what it finds") {
  // Against the full distance of every candidate, on random names over a small alphabet (so that many
  // come near): the same names, in the same order, for a list and for views of it.
  std::mt19937 random{20251026};
  auto name = [&](std::size_t max_length) {
    std::string s(1 + random() % max_length, 'a');
    for (auto& c : s) c = "abcAB-/"[random() % 7];
    return s;
  };
  for (int round = 0; round < 300; ++round) {
    Names candidates;
    for (int k = 0; k < 40; ++k) candidates.push_back(name(12));
    std::sort(candidates.begin(), candidates.end());
    auto word = name(10);
    CAPTURE(word);
    std::size_t threshold = std::max<std::size_t>(2, word.size() / 3);
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const auto& c : candidates) {
      std::size_t d = edit_distance(word, c);
      if (auto slash = c.rfind('/'); slash != std::string::npos && word.find('/') == std::string::npos)
        d = std::min(d, edit_distance(word, c.substr(slash + 1)));
      if (d <= threshold) scored.emplace_back(d, c);
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    Names expected;
    for (std::size_t i = 0; i < scored.size() && i < 3; ++i) expected.push_back(scored[i].second);
    CHECK(closest(word, candidates) == expected);
    std::vector<std::string_view> views(candidates.begin(), candidates.end());
    CHECK(closest(word, views) == expected);
  }
}

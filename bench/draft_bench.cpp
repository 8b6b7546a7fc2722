// dipcal draft's speed: 1,000 reports of about 800 words drafted on one thread, beside a floor in
// the same run (a pass over the same bytes that only splits them into words).
//
//   dipcal_draft_bench ARTICLE.txt… [--reports 1000] [--words 800]
//
// The reports are built from the articles' own sentences, taken in turn until each has the words
// asked for, under the first article's headline, date line and dateline, so each is a plausible
// report. Prints one JSON line: reports, words, seconds for drafting, seconds for the floor, events.
#include "dipcal/draft/article.h"
#include "dipcal/draft/draft.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string read(const char* path) {
  std::ifstream in{path, std::ios::binary};
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::size_t words_in(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> sentences;
  std::size_t reports = 1000, words = 800;
  std::vector<const char*> files;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--reports" && i + 1 < argc) reports = std::stoul(argv[++i]);
    else if (a == "--words" && i + 1 < argc) words = std::stoul(argv[++i]);
    else files.push_back(argv[i]);
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: dipcal_draft_bench ARTICLE.txt… [--reports N] [--words N]\n");
    return 2;
  }
  for (auto* f : files)
    for (auto& s : dipcal::draft::read_article(read(f)).sentences) sentences.push_back(std::move(s.text));
  std::vector<std::string> texts;
  std::size_t next = 0, total_words = 0;
  for (std::size_t r = 0; r < reports; ++r) {
    std::string text = "Leaders meet as talks resume\nSun Oct 26 2025\n\nKUALA LUMPUR, Malaysia (Wire) - ";
    std::size_t n = 0;
    while (n < words) {
      const auto& s = sentences[next++ % sentences.size()];
      text += s;
      text += (next % 4 == 0) ? "\n\n" : " ";
      n += words_in(s);
    }
    total_words += n;
    texts.push_back(std::move(text));
  }
  using clock = std::chrono::steady_clock;
  dipcal::draft::DraftOptions options;
  std::size_t events = 0;
  auto t0 = clock::now();
  for (const auto& t : texts) {
    auto result = dipcal::draft::draft_report(t, options);
    if (!result) return 1;
    events += result->events.size();
  }
  auto t1 = clock::now();
  std::size_t floor_words = 0;
  for (const auto& t : texts) floor_words += words_in(t);
  auto t2 = clock::now();
  std::chrono::duration<double> drafting = t1 - t0, floor = t2 - t1;
  std::printf("%s\n", fmt::format(R"({{"reports": {}, "words": {}, "draft_seconds": {:.4f}, "floor_seconds": {:.6f}, "floor_words": {}, "events": {}}})",
                                  reports, total_words, drafting.count(), floor.count(), floor_words, events)
                          .c_str());
  return 0;
}

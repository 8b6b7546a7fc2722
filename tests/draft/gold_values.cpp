// Reads "id<TAB>published<TAB>zone<TAB>sentence" lines and writes "id<TAB>value" for every value
// dipcal draft finds in each sentence (times of day alone excepted: they are merged into dates).
// score.py compares the output with gold.jsonl; bench/chrono/values.js writes the same for chrono-node.
#include "dipcal/draft/temporal.h"

#include <iostream>
#include <string>

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    auto a = line.find('\t');
    auto b = line.find('\t', a + 1);
    auto c = line.find('\t', b + 1);
    if (a == std::string::npos || b == std::string::npos || c == std::string::npos) {
      std::cerr << "gold_values: expected id, published, zone and sentence separated by tabs\n";
      return 2;
    }
    auto id = line.substr(0, a);
    auto published = dipcal::parse_civil_date(line.substr(a + 1, b - a - 1));
    auto zone = dipcal::ZoneDb::system().find(line.substr(b + 1, c - b - 1));
    if (!published || !zone) {
      std::cerr << "gold_values: " << id << ": bad date or zone\n";
      return 2;
    }
    for (const auto& v : dipcal::draft::find_temporal(line.substr(c + 1), {*published, *zone}))
      if (v.kind != dipcal::draft::ValueKind::time_of_day) std::cout << id << '\t' << v.text << '\n';
  }
  return 0;
}

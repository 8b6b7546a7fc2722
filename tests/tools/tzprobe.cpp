// Answers zone questions line by line for the zoneinfo oracle (tests/oracle/zoneinfo_oracle.py):
//   U <zone> <unix_seconds>        -> <offset_seconds> <abbrev> <dst 0|1>
//   L <zone> <YYYY-MM-DDTHH:MM:SS> -> unique <unix> | skipped <a> <b> | repeated <a> <b>
#include "dipcal/time/zone.h"

#include <iostream>
#include <sstream>
#include <string>

int main() {
  std::ios::sync_with_stdio(false);
  const auto& db = dipcal::ZoneDb::system();
  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream words{line};
    std::string op, name, arg;
    words >> op >> name >> arg;
    auto zone = db.find(name);
    if (!zone) {
      std::cout << "error unknown zone " << name << '\n';
      continue;
    }
    if (op == "U") {
      auto reading = zone->at(dipcal::Instant::from_unix(std::stoll(arg)));
      std::cout << reading.offset.count() << ' ' << reading.abbrev << ' ' << (reading.dst ? 1 : 0) << '\n';
    } else if (op == "L") {
      auto local = dipcal::parse_civil_date_time(arg);
      if (!local) {
        std::cout << "error bad local time " << arg << '\n';
        continue;
      }
      auto r = zone->resolve(*local);
      static constexpr const char* kKinds[] = {"unique", "skipped", "repeated"};
      std::cout << kKinds[static_cast<int>(r.kind)] << ' ' << r.first.unix_seconds();
      if (r.kind != dipcal::LocalKind::unique) std::cout << ' ' << r.second.unix_seconds();
      std::cout << '\n';
    } else {
      std::cout << "error unknown request " << op << '\n';
    }
  }
}

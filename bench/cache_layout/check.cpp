// Every layout's answers compared with answers worked out from the generated events by brute force,
// so the timed figures are for layouts that answer the same questions the same way.
#include "store.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <stdexcept>

namespace cache_layout {
namespace {

void expect(bool ok, std::string_view layout, std::string_view what) {
  if (!ok) throw std::runtime_error(std::string(layout) + ": " + std::string(what));
}

}  // namespace

int check(std::uint32_t count, const std::string& dir) {
  auto events = generate(count);
  const Indexes ix = build_indexes(events);
  std::size_t string_bytes = 0;
  for (const auto& e : events) {
    string_bytes += e.id.size() + e.title.size() + e.location.size() + e.outlet.size() + e.url.size() + e.quote.size();
    for (const auto* list : {&e.aliases, &e.tags, &e.actors}) {
      for (const auto& s : *list) string_bytes += s.size();
    }
  }
  std::printf("%u events, %.0f bytes of strings an event\n", count, static_cast<double>(string_bytes) / count);

  std::string expected_scan;
  for (auto i : ix.by_start) {
    const Event& e = events[i];
    append_window_line(expected_scan, e.id, windows_of(e.dating, e.start_s, e.end_s, e.window));
  }
  std::set<std::uint32_t> samples = {0, count - 1, middle_event(count)};
  for (std::uint32_t i = 0; i < count; i += 37) samples.insert(i);
  const auto day_s = events[middle_event(count)].start_s / kDay * kDay;

  std::set<std::string_view> written;
  for (const auto& layout : layouts()) {
    const auto path = dir + "/check." + std::string(layout.file);
    if (written.insert(layout.file).second) layout.write(events, path);
    const auto store = layout.open(path);
    for (auto i : samples) {
      const Event& e = events[i];
      expect(store->find(e.id) == i, layout.name, "find by id");
      for (const auto& alias : e.aliases) expect(store->find(alias) == i, layout.name, "find by alias");
      expect(store->find_prefix(e.id) == i, layout.name, "unique prefix");
      expect(store->event(i) == e, layout.name, "decoded event");
      expect(store->id(i) == e.id, layout.name, "id");
      std::vector<std::uint32_t> referrers;
      for (std::uint32_t j = 0; j < count; ++j) {
        for (const auto& r : events[j].relations) {
          if (r.target == i) referrers.push_back(j);
        }
      }
      expect(store->referrers(i) == referrers, layout.name, "referrers");
    }
    expect(!store->find("evt-no-such-event"), layout.name, "absent name");
    expect(!store->find_prefix("evt-"), layout.name, "ambiguous prefix");
    expect(!store->find_prefix("nope"), layout.name, "absent prefix");
    std::vector<std::uint32_t> touching;
    for (auto i : ix.by_start) {
      const Event& e = events[i];
      if (e.dating != Dating::window && e.start_s < day_s + 3 * kDay && e.end_s > day_s - 2 * kDay) touching.push_back(i);
    }
    expect(!touching.empty() && store->touching(day_s - 2 * kDay, day_s + 3 * kDay) == touching, layout.name, "day");
    std::string scan;
    store->scan(scan, [](std::string&) {});
    expect(scan == expected_scan, layout.name, "scan");
    std::printf("%s: ok\n", std::string(layout.name).c_str());
  }
  return 0;
}

}  // namespace cache_layout

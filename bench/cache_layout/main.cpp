// cache_layout: one binary for every role, so the process the benchmark times for a question and
// the process floor load the same code and libraries.
//
//   cache_layout write LAYOUT N PATH        generate N events, write PATH, print the write seconds
//   cache_layout query LAYOUT a PATH ID     open + find ID + decode it whole + its referrers' ids
//   cache_layout query LAYOUT b PATH DAY_S  open + decode whole the events touching that UTC day ±2 days
//   cache_layout query LAYOUT c PATH        open + every event's window line, in chronological order, to stdout
//   cache_layout floor                      start and exit
//   cache_layout check N DIR                every layout's answers against the generated events
//   cache_layout measure DIR RUNS N...      the side-by-side table (measure.cpp)
#include "store.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

namespace cache_layout {

int measure(const std::string& dir, int runs, const std::vector<std::uint32_t>& sizes);
int check(std::uint32_t count, const std::string& dir);

const std::vector<Layout>& layouts() {
  static const std::vector<Layout> table = {
      {"hand-made", "handmade", write_handmade, open_handmade},
      {"FlatBuffers", "flatbuffers", write_flatbuffers, open_flatbuffers},
      {"FlatBuffers + Verifier", "flatbuffers", write_flatbuffers, open_flatbuffers_verified},
      {"Cap'n Proto", "capnp", write_capnp, open_capnp},
      {"SQLite", "sqlite", write_sqlite, open_sqlite},
      {"SQLite + mmap_size", "sqlite", write_sqlite, open_sqlite_mmap},
  };
  return table;
}

const Layout* find_layout(std::string_view name) {
  for (const auto& layout : layouts()) {
    if (layout.name == name) return &layout;
  }
  return nullptr;
}

namespace {

void to_stdout(std::string& buffer) {
  for (std::size_t done = 0; done < buffer.size();) {
    const auto n = ::write(1, buffer.data() + done, buffer.size() - done);
    if (n <= 0) throw std::runtime_error("cannot write stdout");
    done += static_cast<std::size_t>(n);
  }
  buffer.clear();
}

int query(const Layout& layout, std::string_view question, const std::string& path, const char* argument) {
  const auto store = layout.open(path);
  std::string out;
  if (question == "a") {
    const auto index = store->find(argument);
    if (!index) throw std::runtime_error(std::string("no event ") + argument);
    const Event e = store->event(*index);
    std::vector<std::string> referrers;
    for (auto r : store->referrers(*index)) referrers.push_back(store->id(r));
    out = e.id + " " + e.title + " " + std::to_string(referrers.size()) + " referrers\n";
  } else if (question == "b") {
    const auto day_s = std::stoll(argument);
    std::vector<Event> events;
    for (auto i : store->touching(day_s - 2 * kDay, day_s + 3 * kDay)) events.push_back(store->event(i));
    out = std::to_string(events.size()) + " events\n";
  } else if (question == "c") {
    store->scan(out, to_stdout);
  } else {
    throw std::runtime_error("no such question");
  }
  to_stdout(out);
  return 0;
}

int run(int argc, char** argv) {
  const std::string_view mode = argc > 1 ? argv[1] : "";
  if (mode == "floor") return 0;
  if (mode == "write" && argc == 5) {
    const auto* layout = find_layout(argv[2]);
    if (!layout) throw std::runtime_error("no such layout");
    auto events = generate(static_cast<std::uint32_t>(std::stoul(argv[3])));
    const auto start = std::chrono::steady_clock::now();
    layout->write(events, argv[4]);
    std::printf("%.3f\n", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    return 0;
  }
  if (mode == "query" && (argc == 5 || argc == 6)) {
    const auto* layout = find_layout(argv[2]);
    if (!layout) throw std::runtime_error("no such layout");
    return query(*layout, argv[3], argv[4], argc == 6 ? argv[5] : "");
  }
  if (mode == "check" && argc == 4) return check(static_cast<std::uint32_t>(std::stoul(argv[2])), argv[3]);
  if (mode == "measure" && argc >= 5) {
    std::vector<std::uint32_t> sizes;
    for (int k = 4; k < argc; ++k) sizes.push_back(static_cast<std::uint32_t>(std::stoul(argv[k])));
    return measure(argv[2], std::stoi(argv[3]), sizes);
  }
  std::cerr << "usage: see the comment at the top of bench/cache_layout/main.cpp\n";
  return 2;
}

}  // namespace
}  // namespace cache_layout

int main(int argc, char** argv) {
  try {
    return cache_layout::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "cache_layout: " << e.what() << "\n";
    return 1;
  }
}

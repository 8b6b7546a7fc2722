// The side-by-side measurement: every question is a fresh process (this binary, exec'd with a mode),
// timed from before fork to after wait4 by this parent, its peak RSS from wait4's rusage. The parent
// never holds the events: Linux counts a forked child's inherited RSS in its ru_maxrss, so a large
// parent would inflate every child's figure. Runs of all layouts are interleaved, so drift from
// other work on the machine falls on all of them alike.
#include "store.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>
#include <time.h>

namespace cache_layout {
namespace {

struct Sample {
  double wall_ms;
  double rss_mib;
};

std::string self_path() {
  char path[4096];
  const auto n = ::readlink("/proc/self/exe", path, sizeof path - 1);
  if (n <= 0) throw std::runtime_error("cannot read /proc/self/exe");
  return std::string(path, static_cast<std::size_t>(n));
}

double now_ms() {
  timespec t{};
  ::clock_gettime(CLOCK_MONOTONIC, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// Runs `argv` with its stdout sent to `out_path`; fails unless it exits 0.
Sample run_child(const std::vector<std::string>& argv, const std::string& out_path) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const double start = now_ms();
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || ::dup2(fd, 1) < 0) ::_exit(127);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  int status = 0;
  rusage usage{};
  if (pid < 0 || ::wait4(pid, &status, 0, &usage) != pid) throw std::runtime_error("cannot run " + argv[0]);
  const double wall = now_ms() - start;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error(argv[0] + " " + argv[1] + " failed");
  return {wall, static_cast<double>(usage.ru_maxrss) / 1024.0};
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const auto n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double file_mib(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw std::runtime_error("no file " + path);
  return static_cast<double>(st.st_size) / (1024.0 * 1024.0);
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

struct Written {
  double seconds, mib, rss_mib;
};

}  // namespace

int measure(const std::string& dir, int runs, const std::vector<std::uint32_t>& sizes) {
  const auto self = self_path();
  std::printf("| layout | N | write s | file MiB | (a) ms | (b) ms | (c) ms | RSS (a) MiB | RSS (c) MiB | (c)/(e) | "
              "(a)/floor | (b)/floor | (c)/floor |\n");
  std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  std::string notes;
  for (const auto count : sizes) {
    const auto n = std::to_string(count);
    const auto middle = generate_event(middle_event(count), count);
    const auto day_s = std::to_string(middle.start_s / kDay * kDay);
    const auto path_of = [&](const Layout& l) { return dir + "/entry-" + n + "." + std::string(l.file); };

    std::map<std::string_view, Written> written;
    for (const auto& layout : layouts()) {
      if (written.count(layout.file)) continue;
      const auto out = dir + "/write.txt";
      const auto s = run_child({self, "write", std::string(layout.name), n, path_of(layout)}, out);
      written[layout.file] = {std::stod(slurp(out)), file_mib(path_of(layout)), s.rss_mib};
    }
    // One untimed run of each question warms the page cache; (c)'s output is kept to compare the
    // layouts byte for byte and to be (e)'s input.
    const auto scan_file = dir + "/scan-" + n + ".json";
    for (const auto& layout : layouts()) {
      const auto name = std::string(layout.name);
      run_child({self, "query", name, "a", path_of(layout), middle.id}, "/dev/null");
      run_child({self, "query", name, "b", path_of(layout), day_s}, "/dev/null");
      run_child({self, "query", name, "c", path_of(layout)}, dir + "/scan.json");
      if (&layout == &layouts().front()) {
        std::rename((dir + "/scan.json").c_str(), scan_file.c_str());
      } else if (slurp(dir + "/scan.json") != slurp(scan_file)) {
        throw std::runtime_error(name + "'s scan differs from " + std::string(layouts().front().name) + "'s");
      }
    }
    std::vector<double> floor_ms, cat_ms;
    std::map<std::string_view, std::vector<Sample>> a, b, c;
    for (int r = 0; r < runs; ++r) {
      floor_ms.push_back(run_child({self, "floor"}, "/dev/null").wall_ms);
      cat_ms.push_back(run_child({"cat", scan_file}, dir + "/cat.out").wall_ms);
      for (const auto& layout : layouts()) {
        const auto name = std::string(layout.name);
        a[layout.name].push_back(run_child({self, "query", name, "a", path_of(layout), middle.id}, "/dev/null"));
        b[layout.name].push_back(run_child({self, "query", name, "b", path_of(layout), day_s}, "/dev/null"));
        c[layout.name].push_back(run_child({self, "query", name, "c", path_of(layout)}, "/dev/null"));
      }
    }
    const double floor = median(floor_ms), cat = median(cat_ms);
    const auto wall = [](const std::vector<Sample>& s) {
      std::vector<double> v;
      for (const auto& x : s) v.push_back(x.wall_ms);
      return median(v);
    };
    const auto rss = [](const std::vector<Sample>& s) {
      std::vector<double> v;
      for (const auto& x : s) v.push_back(x.rss_mib);
      return median(v);
    };
    for (const auto& layout : layouts()) {
      const auto& w = written[layout.file];
      const double ta = wall(a[layout.name]), tb = wall(b[layout.name]), tc = wall(c[layout.name]);
      std::printf("| %s | %s | %.2f | %.1f | %.2f | %.2f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |\n",
                  std::string(layout.name).c_str(), n.c_str(), w.seconds, w.mib, ta, tb, tc, rss(a[layout.name]),
                  rss(c[layout.name]), tc / cat, ta / floor, tb / floor, tc / floor);
    }
    char line[512];
    std::snprintf(line, sizeof line,
                  "- N = %s: process floor %.2f ms; (e) `cat` of (c)'s %.1f MiB %.2f ms; write peak RSS (events "
                  "in memory included): ", n.c_str(), floor, file_mib(scan_file), cat);
    notes += line;
    for (const auto& [file, w] : written) {
      std::snprintf(line, sizeof line, "%s %.0f MiB; ", std::string(file).c_str(), w.rss_mib);
      notes += line;
    }
    notes.resize(notes.size() - 2);
    notes += "\n";
    for (const auto& layout : layouts()) std::remove(path_of(layout).c_str());
    std::fflush(stdout);
  }
  std::printf("\n%s", notes.c_str());
  return 0;
}

}  // namespace cache_layout

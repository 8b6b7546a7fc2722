#include "live_calendar.h"

#include "dipcal/reasoning/graph.h"
#include "dipcal/reasoning/network.h"
#include "dipcal/query/check.h"

#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <utility>

namespace dipcal::serve {

namespace {

bool is_fixture_name(const std::filesystem::path& p) { return p.extension() == ".yaml" || p.extension() == ".yml"; }

// The files load_fixtures would read for `paths` (load.h: files as given, folders searched for
// *.yaml and *.yml), each with its metadata, into the fingerprint.
void add_metadata(Fingerprint& fingerprint, const std::filesystem::path& file, std::int64_t& newest_ns) {
  struct stat st {};
  fingerprint.add(file.native());
  if (::stat(file.c_str(), &st) != 0) {
    fingerprint.add(std::uint64_t{0});  // missing or unreadable: a state of its own
    return;
  }
  auto mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  newest_ns = std::max(newest_ns, mtime_ns);
  for (auto v : {static_cast<std::uint64_t>(st.st_size), static_cast<std::uint64_t>(mtime_ns), static_cast<std::uint64_t>(st.st_ino)})
    fingerprint.add(v);
}

}  // namespace

LiveCalendar::LiveCalendar(std::vector<std::filesystem::path> paths, LoadLimits limits, Log log)
    : paths_{std::move(paths)}, limits_{limits}, log_{std::move(log)}, snapshot_{std::make_shared<Snapshot>()} {
  std::lock_guard lock{mutex_};
  inotify_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  watch();
  reload(look());
}

LiveCalendar::~LiveCalendar() {
  if (inotify_ >= 0) ::close(inotify_);
}

void LiveCalendar::watch() {
  if (inotify_ < 0) return;
  constexpr std::uint32_t kMask = IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB |
                                  IN_DELETE_SELF | IN_MOVE_SELF;
  for (const auto& path : paths_) {
    std::error_code error;
    if (!std::filesystem::is_directory(path, error)) {
      auto folder = path.parent_path().empty() ? std::filesystem::path{"."} : path.parent_path();
      inotify_add_watch(inotify_, folder.c_str(), kMask);
      continue;
    }
    inotify_add_watch(inotify_, path.c_str(), kMask);  // a folder already watched keeps its one watch
    for (auto it = std::filesystem::recursive_directory_iterator{path, error}; !error && it != std::filesystem::recursive_directory_iterator{};
         it.increment(error))
      if (it->is_directory(error)) inotify_add_watch(inotify_, it->path().c_str(), kMask);
  }
}

bool LiveCalendar::events_pending() {
  if (inotify_ < 0) return true;
  bool any = false;
  alignas(inotify_event) char buffer[16384];
  while (true) {
    auto n = ::read(inotify_, buffer, sizeof buffer);
    if (n <= 0) break;  // EAGAIN: the queue is empty
    any = true;
  }
  return any;
}

LiveCalendar::DiskState LiveCalendar::look() const {
  Fingerprint fingerprint;
  std::int64_t newest_ns = 0;
  for (const auto& path : paths_) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
      std::vector<std::filesystem::path> files;
      for (auto it = std::filesystem::recursive_directory_iterator{path, error}; !error && it != std::filesystem::recursive_directory_iterator{};
           it.increment(error))
        if (is_fixture_name(it->path())) files.push_back(it->path());
      std::sort(files.begin(), files.end());
      fingerprint.add(std::uint64_t{files.size()});
      for (const auto& file : files) add_metadata(fingerprint, file, newest_ns);
    } else {
      add_metadata(fingerprint, path, newest_ns);
    }
  }
  // Whole seconds, rounded up: a date compared with it (If-Modified-Since) has no fraction.
  auto seconds = newest_ns / 1'000'000'000 + (newest_ns % 1'000'000'000 != 0 ? 1 : 0);
  return DiskState{fingerprint.hex(), Instant::from_unix(seconds)};
}

std::shared_ptr<const Snapshot> LiveCalendar::current() {
  std::lock_guard lock{mutex_};
  if (!events_pending() && !std::exchange(look_again_, false)) return snapshot_;
  watch();  // a folder created since is watched from now on
  auto now = look();
  if (now.key != seen_key_) reload(now);
  return snapshot_;
}

void LiveCalendar::reload(const DiskState& before) {
  CompiledTimeline compiled;
  compiled.load = load_fixtures(paths_, ZoneDb::system(), limits_);
  Calendar calendar{std::move(compiled)};
  auto after = look();
  if (after.key != before.key) {  // written while we read: look again on the next request
    look_again_ = true;
    return;
  }

  // What `dipcal check` reports (query/check.h).
  auto report = check(calendar);
  seen_key_ = before.key;
  auto next = std::make_shared<Snapshot>();
  next->written = before.written;
  if (report.has_errors() || calendar.load().io_error) {
    for (const auto& d : report.all())
      if (d.severity == Severity::error) next->problems.push_back(format_diagnostic(d));
    if (next->problems.empty()) next->problems.push_back("the fixtures could not be read");
    next->unreadable = calendar.load().io_error;
    next->good = snapshot_->good;
    next->generation = snapshot_->generation;
    log_(snapshot_->good ? "the fixtures have problems; still serving the last good calendar:" : "the fixtures have problems:");
    for (const auto& line : next->problems) log_(line);
  } else {
    // A Calendar is worked out whole when it is made: requests on several threads only read it.
    next->good = std::make_shared<const Calendar>(std::move(calendar));
    next->generation = snapshot_->generation + 1;
    if (snapshot_->good) log_("the fixtures changed; serving the new calendar");
  }
  snapshot_ = std::move(next);
}

}  // namespace dipcal::serve

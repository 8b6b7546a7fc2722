// The calendar `dipcal serve` answers from, following its fixture files on disk.
//
// Every request asks current(). It reads, without waiting, what inotify(7) queued for the folders of
// the fixtures (the kernel queues an event before the write or rename that caused it returns, so a
// request that follows an edit sees it); only when something happened there, or inotify is not to
// be had, does it compare a fingerprint of the files' metadata (the list of *.yaml files under the
// paths, each one's size, modification time to the nanosecond and inode: stat calls, no reading)
// with the one of the calendar it holds. When they differ the files are
// loaded and checked as `dipcal check` does (the loader's diagnostics, the dependencies, the temporal
// network). Then:
//   - files that pass become the calendar served, as one immutable snapshot swapped in whole;
//   - files with problems leave the last good calendar in place; the problems (file:line:col) go to
//     the log once and stay on the snapshot, so responses can say that what they serve is older;
//   - files that change while they are read are not used at all; the next request looks again.
// So nothing half-written is ever served: an editor's partial write either fails the check or is
// replaced by the next stat. Snapshots are shared_ptr: a response keeps its calendar alive while a
// reload replaces it for the next one.
#pragma once

#include "dipcal/fixture/load.h"
#include "dipcal/query/calendar.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace dipcal::serve {

struct Snapshot {
  std::shared_ptr<const Calendar> good;  // the newest calendar that passed; null before the first
  std::uint64_t generation = 0;                 // changes whenever `good` does
  Instant written;                               // the newest modification time among the files on disk
  std::vector<std::string> problems;             // why the files on disk are not served, one diagnostic a line
  bool unreadable = false;                       // among the problems, a path that could not be read
};

class LiveCalendar {
 public:
  using Log = std::function<void(const std::string& line)>;

  // Loads once; snapshot()->good is null when that first load has problems (then they are in
  // snapshot()->problems and were logged).
  LiveCalendar(std::vector<std::filesystem::path> paths, LoadLimits limits, Log log);
  ~LiveCalendar();
  LiveCalendar(const LiveCalendar&) = delete;
  LiveCalendar& operator=(const LiveCalendar&) = delete;

  // The snapshot for a request: reloads first when the files changed since the last look.
  std::shared_ptr<const Snapshot> current();

 private:
  struct DiskState {
    std::string key;  // the metadata fingerprint
    Instant written;
  };
  DiskState look() const;
  void reload(const DiskState& before);
  // Adds an inotify watch on every folder under the paths (a file's own folder, for a file).
  void watch();
  // Drains the inotify queue: whether anything happened to the watched folders since the last call.
  bool events_pending();

  std::vector<std::filesystem::path> paths_;
  LoadLimits limits_;
  Log log_;
  std::mutex mutex_;
  std::string seen_key_;  // the fingerprint the snapshot answers for, good or not
  int inotify_ = -1;      // -1: no inotify; every request looks at the files
  bool look_again_ = false;  // the last reload was given up: the files changed while they were read
  std::shared_ptr<const Snapshot> snapshot_;
};

}  // namespace dipcal::serve

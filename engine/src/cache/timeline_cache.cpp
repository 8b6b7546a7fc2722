#include "dipcal/cache/cache.h"

#include "dipcal/version.h"
#include "entry.h"
#include "kept_answer.h"
#include "mapped_file.h"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <link.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <mutex>
#include <system_error>

namespace dipcal {

namespace fs = std::filesystem;

namespace {

// The NT_GNU_BUILD_ID note of the main executable, which dl_iterate_phdr reports first; empty without one.
std::string gnu_build_id() {
  std::string hex;
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void* out) {
        for (int i = 0; i < info->dlpi_phnum; ++i) {
          const auto& segment = info->dlpi_phdr[i];
          if (segment.p_type != PT_NOTE) continue;
          const auto* at = reinterpret_cast<const unsigned char*>(info->dlpi_addr + segment.p_vaddr);
          const auto* end = at + segment.p_memsz;
          auto padded = [](std::size_t n) { return (n + 3) & ~std::size_t{3}; };
          while (at + sizeof(ElfW(Nhdr)) <= end) {
            ElfW(Nhdr) note;
            std::memcpy(&note, at, sizeof note);
            const auto* name = at + sizeof note;
            const auto* desc = name + padded(note.n_namesz);
            if (desc + note.n_descsz > end) break;
            if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
              auto& text = *static_cast<std::string*>(out);
              for (std::size_t k = 0; k < note.n_descsz; ++k) text += fmt::format("{:02x}", desc[k]);
              return 1;
            }
            at = desc + padded(note.n_descsz);
          }
        }
        return 1;  // only the executable, the first object listed
      },
      &hex);
  return hex;
}

// What besides the files' bytes decides a load result.
Fingerprint inputs(const std::vector<fs::path>& paths, const ZoneDb& zones, const LoadLimits& limits, std::string_view program) {
  Fingerprint f;
  f.add(fmt::format("dipcal {}", kVersion));
  f.add(program);
  f.add(zones.version());
  f.add(static_cast<std::uint64_t>(limits.max_file_bytes));
  f.add(static_cast<std::uint64_t>(limits.max_events));
  f.add(static_cast<std::uint64_t>(limits.max_depth));
  f.add(static_cast<std::uint64_t>(limits.max_value_bytes));
  std::error_code ec;
  f.add(fs::current_path(ec).string());  // relative paths name other files elsewhere
  f.add(static_cast<std::uint64_t>(paths.size()));
  for (const auto& p : paths) f.add(p.string());
  return f;
}

std::int64_t nanoseconds(const timespec& t) { return t.tv_sec * 1'000'000'000LL + t.tv_nsec; }

std::optional<detail::FileTimes> times_of(const std::string& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return std::nullopt;
  return detail::FileTimes{static_cast<std::uint64_t>(st.st_size), nanoseconds(st.st_mtim), nanoseconds(st.st_ctim), st.st_ino,
                           static_cast<std::uint64_t>(st.st_dev)};
}

// Whether the file was written within a second of now (file times come from the kernel's coarse
// clock): a second write in the same tick would leave its times and size as they are, so only its
// bytes can tell.
bool racy(const detail::FileTimes& t) {
  timespec now{};
  ::clock_gettime(CLOCK_REALTIME_COARSE, &now);
  return std::max(t.mtime_ns, t.ctime_ns) + 1'000'000'000LL > nanoseconds(now);
}

// A file as just read: its bytes' fingerprint and its times.
detail::FileInput describe(const std::string& name, std::string_view text) {
  detail::FileInput in;
  in.name = name;
  Fingerprint f;
  f.add(text);
  in.print = f.hex();
  if (auto times = times_of(name)) {
    in.times = *times;
    in.racy = racy(*times) || times->size != text.size();
  }
  return in;  // without times: racy, always compared by bytes
}

bool write_entry(const fs::path& folder, const fs::path& entry, const std::string& bytes);

// Files whose bytes were found, by reading them, to be the entry's, with the times they had then
// (taken before reading, when those times were over a second old): an entry stored within a second
// of an edit, or files touched since, are then trusted by their times again. One line each, in a
// file beside the entry: size, mtime, ctime, inode, device (decimal) and the name.
using Verified = std::vector<std::pair<std::string, detail::FileTimes>>;

Verified read_verified(const fs::path& file) {
  Verified out;
  std::ifstream in{file};
  detail::FileTimes t;
  std::string name;
  while (in >> t.size >> t.mtime_ns >> t.ctime_ns >> t.inode >> t.device && in.get() == ' ' && std::getline(in, name))
    out.emplace_back(name, t);
  return out;
}

// Whether the files `listed` now are the ones an entry describes, unchanged: by their times where
// those can vouch for the bytes, else by reading them (and noting in `verified_file` the times
// that vouch for them from then on).
bool unchanged(const std::vector<detail::FileInput>& described, const std::vector<fs::path>& listed, const std::vector<fs::path>& paths,
               const LoadLimits& limits, const fs::path& verified_file) {
  if (described.size() != listed.size()) return false;
  auto verified = read_verified(verified_file);
  std::vector<detail::FileTimes> now(listed.size());
  bool read_needed = false;
  for (std::size_t i = 0; i < listed.size(); ++i) {
    const auto& d = described[i];
    if (d.name != listed[i].string()) return false;
    auto times = times_of(d.name);
    if (!times) return false;
    now[i] = *times;
    bool vouched = (!d.racy && *times == d.times) ||
                   std::find(verified.begin(), verified.end(), std::pair{d.name, *times}) != verified.end();
    read_needed |= !vouched;
  }
  if (!read_needed) return true;
  LoadResult again;
  bool same = true;
  std::size_t seen = 0;
  read_fixture_files(paths, limits, again, [&](std::size_t index, const std::string& name, std::string_view text) {
    Fingerprint f;
    f.add(text);
    same = same && index < described.size() && name == described[index].name && f.hex() == described[index].print;
    ++seen;
  });
  if (!same || seen != described.size() || !again.diagnostics.all().empty()) return false;
  std::string lines;
  for (std::size_t i = 0; i < listed.size(); ++i)
    if (!racy(now[i]))
      lines += fmt::format("{} {} {} {} {} {}\n", now[i].size, now[i].mtime_ns, now[i].ctime_ns, now[i].inode, now[i].device, described[i].name);
  write_entry(verified_file.parent_path(), verified_file, lines);
  return true;
}

// Temporary file in the cache folder, then rename: readers see the whole entry or none. No fsync: an
// entry that a crash leaves short fails its fingerprint and is a miss.
bool write_entry(const fs::path& folder, const fs::path& entry, const std::string& bytes) {
  std::error_code ec;
  // The entries hold the fixtures' contents: a folder this run makes is for its user alone.
  if (fs::create_directories(folder, ec)) fs::permissions(folder, fs::perms::owner_all, ec);
  if (ec) return false;
  std::string temp = (folder / ".entry-XXXXXX").string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) return false;
  std::size_t written = 0;
  while (written < bytes.size()) {
    auto n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  bool ok = ::close(fd) == 0 && written == bytes.size() && ::rename(temp.c_str(), entry.c_str()) == 0;
  if (!ok) ::unlink(temp.c_str());
  return ok;
}

// Keeps the folder from growing: older entries of the same fixture set, temporary files that a
// killed run left an hour or more ago, and beyond kMaxEntries entries the ones written longest ago
// (every fixture set a user ever queried would otherwise stay forever).
constexpr std::size_t kMaxEntries = 32;

void remove_stale(const fs::path& folder, const std::string& set_prefix, const fs::path& keep) {
  std::error_code ec;
  auto now = fs::file_time_type::clock::now();
  std::vector<std::pair<fs::file_time_type, fs::path>> others;
  std::vector<fs::path> answers;
  for (fs::directory_iterator it{folder, ec}, end; !ec && it != end; it.increment(ec)) {
    auto name = it->path().filename().string();
    std::error_code item_ec;
    auto written = it->last_write_time(item_ec);
    if (item_ec) continue;
    if (name.rfind(".entry-", 0) == 0) {
      if (now - written > std::chrono::hours{1}) fs::remove(it->path(), item_ec);
    } else if (it->path().extension() == ".entry" && it->path() != keep) {
      if (name.rfind(set_prefix, 0) == 0) fs::remove(it->path(), item_ec);
      else others.emplace_back(written, it->path());
    } else if (it->path().extension() == ".verified" && name.rfind(set_prefix, 0) == 0 && it->path().stem() != keep.filename()) {
      fs::remove(it->path(), item_ec);
    } else if (it->path().extension() == ".answer") {
      answers.push_back(it->path());
    }
  }
  // Answers name the entry they were printed from: those of this set were printed from an entry
  // just replaced, those of an entry removed below go with it.
  for (const auto& answer : answers) {
    std::error_code item_ec;
    if (answer.filename().string().rfind(set_prefix, 0) == 0) fs::remove(answer, item_ec);
  }
  if (others.size() + 1 <= kMaxEntries) return;
  std::sort(others.begin(), others.end());
  for (std::size_t i = 0; i + kMaxEntries < others.size() + 1; ++i) {
    std::error_code item_ec;
    fs::remove(others[i].second, item_ec);
    fs::remove(fs::path{others[i].second} += ".verified", item_ec);
    auto entry_name = others[i].second.filename().string() + ".";
    for (const auto& answer : answers)
      if (answer.filename().string().rfind(entry_name, 0) == 0) fs::remove(answer, item_ec);
  }
}

}  // namespace

// A whole, unchanged entry: the mapping and the view that reads it.
struct TimelineCache::Found {
  std::unique_ptr<detail::MappedFile> mapped;
  detail::EntryView view;
  fs::path path;
};

TimelineCache::TimelineCache(fs::path folder, std::string program) : folder_{std::move(folder)}, program_{std::move(program)} {}

const std::string& TimelineCache::program_identity() {
  static const std::string identity = [] {
    if (auto id = gnu_build_id(); !id.empty()) return "build-id " + id;
    std::ifstream in{"/proc/self/exe", std::ios::binary};
    std::string bytes{std::istreambuf_iterator<char>{in}, {}};
    if (!in && !in.eof()) return std::string{};
    Fingerprint f;
    f.add(bytes);
    return bytes.empty() ? std::string{} : "executable " + f.hex();
  }();
  return identity;
}

fs::path TimelineCache::default_folder() {
  if (const char* dir = std::getenv("DIPCAL_CACHE_DIR"); dir && *dir) return dir;
  // XDG Base Directory Specification: a relative XDG_CACHE_HOME is invalid and ignored.
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/') return fs::path{xdg} / "dipcal";
  if (const char* home = std::getenv("HOME"); home && *home == '/') return fs::path{home} / ".cache" / "dipcal";
  return {};
}

CompiledTimeline TimelineCache::load(const std::vector<fs::path>& paths, const ZoneDb& zones, const LoadLimits& limits, const LoadHooks& hooks,
                                     const Interest* interest) {
  LoadHooks parse_hooks;
  parse_hooks.progress = hooks.progress;
  if (folder_.empty()) {
    outcome_ = Outcome::uncacheable;
    CompiledTimeline parsed;
    parsed.load = load_fixtures(paths, zones, limits, parse_hooks);
    return parsed;
  }
  auto key = entry_key(paths, zones, limits);
  if (auto found = find_entry(key, paths, limits)) {
    try {
      std::optional<CompiledTimeline> part;
      if (interest) part = found->view.part(*interest, zones);
      outcome_ = Outcome::hit;
      if (part) return std::move(*part);
      found->mapped->populate();
      return found->view.everything(zones);
    } catch (const detail::CorruptEntry&) {
      // parse instead, and replace the entry
    }
  }

  // Parse, noting exactly the bytes parsed and each file's times as they were read: if a file
  // changed since the look above, the entry describes what was actually read.
  std::vector<detail::FileInput> read;
  std::mutex read_mutex;
  parse_hooks.observe = [&](std::size_t index, const std::string& name, std::string_view text) {
    auto input = describe(name, text);
    std::lock_guard lock{read_mutex};
    if (read.size() <= index) read.resize(index + 1);
    read[index] = std::move(input);
  };
  CompiledTimeline compiled;
  compiled.load = load_fixtures(paths, zones, limits, parse_hooks);
  auto files_read = std::count_if(read.begin(), read.end(), [](const detail::FileInput& f) { return !f.name.empty(); });
  if (compiled.load.io_error || static_cast<std::size_t>(files_read) != compiled.load.files.size()) {
    outcome_ = Outcome::uncacheable;  // the answer depends on more than the bytes
    return compiled;
  }
  if (!compiled.load.diagnostics.has_errors()) compiled.windows = solve_windows(compiled.load.timeline);
  compiled.order = chronological_order(compiled.load.timeline, compiled.windows ? &compiled.windows->events : nullptr);
  auto entry = entry_path(key);
  if (!write_entry(folder_, entry, detail::entry_bytes(compiled, key, read))) {
    outcome_ = Outcome::not_stored;
    return compiled;
  }
  outcome_ = Outcome::stored;
  std::error_code ec;
  fs::remove(fs::path{entry} += ".verified", ec);  // it spoke of the entry replaced
  remove_stale(folder_, set_prefix(key), entry);
  return compiled;
}

std::string TimelineCache::entry_key(const std::vector<fs::path>& paths, const ZoneDb& zones, const LoadLimits& limits) const {
  return inputs(paths, zones, limits, program_).hex();
}

// One entry per fixture set (the paths as given, from this folder, read by this program).
std::string TimelineCache::set_prefix(const std::string& key) { return key.substr(0, 16) + "-"; }

fs::path TimelineCache::entry_path(const std::string& key) const { return folder_ / (set_prefix(key) + key + ".entry"); }

std::optional<TimelineCache::Found> TimelineCache::find_entry(const std::string& key, const std::vector<fs::path>& paths,
                                                             const LoadLimits& limits) const {
  LoadResult listing;
  list_fixture_files(paths, listing);
  if (!listing.diagnostics.all().empty()) return std::nullopt;
  auto mapped = std::make_unique<detail::MappedFile>(entry_path(key), std::numeric_limits<std::uintmax_t>::max());
  auto bytes = mapped->bytes();
  if (!bytes) return std::nullopt;
  auto view = detail::EntryView::open(*bytes, key);
  auto verified = entry_path(key);
  verified += ".verified";
  if (!view || !unchanged(view->inputs(), listing.files, paths, limits, verified)) return std::nullopt;
  return Found{std::move(mapped), std::move(*view), entry_path(key)};
}

std::optional<EntryListing> TimelineCache::listing(const std::vector<fs::path>& paths, const ZoneDb& zones, const LoadLimits& limits) {
  if (folder_.empty()) return std::nullopt;
  auto found = find_entry(entry_key(paths, zones, limits), paths, limits);
  if (!found || !found->view.indexed()) return std::nullopt;
  return EntryListing{std::make_unique<EntryListing::Impl>(std::move(*found))};
}

// The arrays a listing reads, each checked whole the first time it is used.
struct EntryListing::Impl {
  explicit Impl(TimelineCache::Found found) : entry{std::move(found)} {}

  template <typename T>
  const T* array(detail::EntrySection s, std::size_t count, const T*& cached) {
    if (!cached) {
      if (entry.view.whole(s).size() != count * sizeof(T)) throw detail::CorruptEntry{};
      cached = entry.view.array<T>(s);
    }
    return cached;
  }
  // Every event's id, in event order, checked to lie within the section.
  void ids() {
    auto n = entry.view.size();
    if (id_starts) return;
    array(detail::kIdStarts, n + 1, id_starts);
    id_text = entry.view.whole(detail::kIds);
    for (std::size_t i = 0; i < n; ++i)
      if (id_starts[i] > id_starts[i + 1] || id_starts[i + 1] > id_text.size()) throw detail::CorruptEntry{};
  }
  void events(const std::uint32_t* listed) { entry.view.check_events({listed, entry.view.size()}); }

  // An answer kept beside the entry under `name`.
  [[nodiscard]] fs::path answer_path(std::string_view name) const {
    auto path = entry.path;
    return path += fmt::format(".{}.answer", name);
  }

  TimelineCache::Found entry;
  std::unique_ptr<detail::MappedFile> kept;  // the answer last read by kept()
  const std::uint32_t* order = nullptr;
  const std::uint32_t* dependency_order = nullptr;
  const std::uint32_t* id_starts = nullptr;
  std::string_view id_text;
  const std::uint32_t* event_zones = nullptr;
  const std::uint8_t* dated = nullptr;
  const detail::WindowRecord* windows = nullptr;
  std::vector<std::string> zone_names;
};

void EntryListing::prepare(Columns columns) {
  auto& m = *impl_;
  auto n = m.entry.view.size();
  m.ids();
  m.events(m.array(detail::kOrder, n, m.order));
  if (columns == Columns::ids) {
    if (m.entry.view.has_dependency_order()) m.events(m.array(detail::kDependencyOrder, n, m.dependency_order));
    return;
  }
  m.array(detail::kEventZones, n, m.event_zones);
  m.array(detail::kDated, n, m.dated);
  m.array(detail::kWindows, n, m.windows);
  m.zone_names = m.entry.view.zone_names();
  for (std::size_t i = 0; i < n; ++i)
    if (m.event_zones[i] >= m.zone_names.size()) throw detail::CorruptEntry{};
}

EntryListing::EntryListing(std::unique_ptr<Impl> impl) : impl_{std::move(impl)} {}
EntryListing::~EntryListing() = default;
EntryListing::EntryListing(EntryListing&&) noexcept = default;
EntryListing& EntryListing::operator=(EntryListing&&) noexcept = default;

bool EntryListing::ready(Columns columns) noexcept {
  try {
    prepare(columns);
    return true;
  } catch (...) {  // a damaged entry (CorruptEntry), or no memory for the zone names
    return false;
  }
}

std::size_t EntryListing::size() const { return impl_->entry.view.size(); }
std::uint32_t EntryListing::chronological(std::size_t k) const { return impl_->order[k]; }
bool EntryListing::has_dependency_order() const { return impl_->entry.view.has_dependency_order(); }
std::uint32_t EntryListing::by_dependency(std::size_t k) const { return impl_->dependency_order[k]; }
std::string_view EntryListing::id(std::uint32_t event) const {
  return impl_->id_text.substr(impl_->id_starts[event], impl_->id_starts[event + 1] - impl_->id_starts[event]);
}
std::string_view EntryListing::zone(std::uint32_t event) const { return impl_->zone_names[impl_->event_zones[event]]; }
bool EntryListing::dated(std::uint32_t event) const { return impl_->dated[event] != 0; }
EventWindow EntryListing::window(std::uint32_t event) const {
  const auto& w = impl_->windows[event];
  auto instant = [](std::int64_t s) { return s == detail::kNone ? std::nullopt : std::optional{Instant::from_unix(s)}; };
  return {{instant(w.start_earliest), instant(w.start_latest)}, {instant(w.end_earliest), instant(w.end_latest)}};
}

std::optional<std::string_view> EntryListing::kept(std::string_view name) {
  impl_->kept = std::make_unique<detail::MappedFile>(impl_->answer_path(name), std::numeric_limits<std::uintmax_t>::max());
  return detail::read_kept_answer(*impl_->kept, impl_->entry.view.identity(), name);
}

KeptStream EntryListing::stream_kept(std::string_view name, const std::function<bool(std::string_view)>& out) {
  impl_->kept = std::make_unique<detail::MappedFile>(impl_->answer_path(name), std::numeric_limits<std::uintmax_t>::max());
  return detail::stream_kept_answer(*impl_->kept, impl_->entry.view.identity(), name, out);
}

AnswerKeeper EntryListing::keep(std::string_view name) const {
  return AnswerKeeper{std::make_unique<detail::AnswerWriter>(impl_->answer_path(name), impl_->entry.view.identity(), name)};
}

AnswerKeeper::AnswerKeeper(std::unique_ptr<detail::AnswerWriter> writer) : writer_{std::move(writer)} {}
AnswerKeeper::~AnswerKeeper() = default;
AnswerKeeper::AnswerKeeper(AnswerKeeper&&) noexcept = default;
AnswerKeeper& AnswerKeeper::operator=(AnswerKeeper&&) noexcept = default;
void AnswerKeeper::add(std::string_view bytes) { writer_->add(bytes); }
void AnswerKeeper::commit() { writer_->commit(); }

std::string serialize_compiled(const CompiledTimeline& compiled, std::string_view key) { return detail::entry_bytes(compiled, key, {}); }

std::optional<CompiledTimeline> deserialize_compiled(std::string_view bytes, std::string_view key, const ZoneDb& zones) {
  auto view = detail::EntryView::open(bytes, key);
  if (!view) return std::nullopt;
  try {
    return view->everything(zones);
  } catch (const detail::CorruptEntry&) {
    return std::nullopt;
  }
}

}  // namespace dipcal

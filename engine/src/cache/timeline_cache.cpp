#include "dipcal/cache.h"

#include "dipcal/version.h"
#include "mapped_file.h"

#include <fmt/format.h>

#include <fcntl.h>
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
    }
  }
  if (others.size() + 1 <= kMaxEntries) return;
  std::sort(others.begin(), others.end());
  for (std::size_t i = 0; i + kMaxEntries < others.size() + 1; ++i) {
    std::error_code item_ec;
    fs::remove(others[i].second, item_ec);
  }
}

}  // namespace

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

CompiledTimeline TimelineCache::load(const std::vector<fs::path>& paths, const ZoneDb& zones, const LoadLimits& limits, const LoadHooks& hooks) {
  LoadHooks parse_hooks;
  parse_hooks.progress = hooks.progress;
  if (folder_.empty()) {
    outcome_ = Outcome::uncacheable;
    return {load_fixtures(paths, zones, limits, parse_hooks), std::nullopt};
  }
  auto base = inputs(paths, zones, limits, program_);
  // One entry per fixture set (the paths as given, from this folder); the key adds the bytes.
  auto set_prefix = base.hex().substr(0, 16) + "-";
  auto entry_for = [&](const Fingerprint& f) { return folder_ / (set_prefix + f.hex() + ".entry"); };

  // The key: the inputs, then each file's name and the fingerprint of its bytes, in load order.
  auto key_of = [&](const std::vector<std::string>& files) {
    auto key = base;
    for (const auto& f : files) key.add(f);
    return key;
  };
  auto file_print = [](const std::string& name, std::string_view text) {
    Fingerprint f;
    f.add(text);
    return name + "\n" + f.hex();
  };

  // The files as they are now: a whole entry under their key is the answer.
  {
    LoadResult listing;
    std::vector<std::string> files;
    read_fixture_files(paths, limits, listing, [&](std::size_t, const std::string& name, std::string_view text) {
      files.push_back(file_print(name, text));
    });
    if (listing.diagnostics.all().empty()) {
      auto now = key_of(files);
      detail::MappedFile entry{entry_for(now), std::numeric_limits<std::uintmax_t>::max()};
      if (auto bytes = entry.bytes()) {
        if (auto cached = deserialize_compiled(*bytes, now.hex(), zones)) {
          outcome_ = Outcome::hit;
          return std::move(*cached);
        }
      }
    }
  }

  // Parse, fingerprinting exactly the bytes parsed: if a file changed since the look above, the
  // entry is stored under what was actually read.
  std::vector<std::string> parsed_files;
  std::mutex parsed_mutex;
  parse_hooks.observe = [&](std::size_t index, const std::string& name, std::string_view text) {
    auto print = file_print(name, text);
    std::lock_guard lock{parsed_mutex};
    if (parsed_files.size() <= index) parsed_files.resize(index + 1);
    parsed_files[index] = std::move(print);
  };
  CompiledTimeline compiled{load_fixtures(paths, zones, limits, parse_hooks), std::nullopt, {}};
  auto files_read = std::count_if(parsed_files.begin(), parsed_files.end(), [](const std::string& p) { return !p.empty(); });
  auto parsed = key_of(parsed_files);
  if (compiled.load.io_error || static_cast<std::size_t>(files_read) != compiled.load.files.size()) {
    outcome_ = Outcome::uncacheable;  // the answer depends on more than the bytes
    return compiled;
  }
  if (!compiled.load.diagnostics.has_errors()) compiled.windows = solve_windows(compiled.load.timeline);
  compiled.order = chronological_order(compiled.load.timeline, compiled.windows ? &compiled.windows->events : nullptr);
  auto entry = entry_for(parsed);
  if (!write_entry(folder_, entry, serialize_compiled(compiled, parsed.hex()))) {
    outcome_ = Outcome::not_stored;
    return compiled;
  }
  outcome_ = Outcome::stored;
  remove_stale(folder_, set_prefix, entry);
  return compiled;
}

}  // namespace dipcal

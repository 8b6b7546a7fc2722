#include "dipcal/load.h"

#include "dipcal/suggest.h"
#include "fixture/event_reader.h"
#include "fixture/yaml_tree.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <system_error>
#include <unordered_map>
#include <utility>

namespace dipcal {

namespace fs = std::filesystem;

namespace {

bool is_fixture_name(const fs::path& p) {
  auto ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

// Expands folders into their fixture files, sorted, without following symlinked folders (a link loop
// must not hang the loader).
void collect(const fs::path& path, LoadResult& out) {
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    out.diagnostics.error(Position{path.string(), 0, 0}, "no such file or folder", "a fixture file or a folder of them");
    out.io_error = true;
    return;
  }
  if (!fs::is_directory(status)) {
    out.files.push_back(path);
    return;
  }
  std::vector<fs::path> found;
  fs::recursive_directory_iterator it{path, fs::directory_options::skip_permission_denied, ec};
  for (; !ec && it != fs::recursive_directory_iterator{}; it.increment(ec)) {
    const auto& entry = *it;
    std::error_code entry_ec;
    if (entry.is_regular_file(entry_ec) && is_fixture_name(entry.path())) found.push_back(entry.path());
  }
  if (ec) {
    out.diagnostics.error(Position{path.string(), 0, 0}, fmt::format("cannot list the folder: {}", ec.message()), "a readable folder");
    out.io_error = true;
  }
  std::sort(found.begin(), found.end());
  out.files.insert(out.files.end(), found.begin(), found.end());
}

// The first byte that is not well-formed UTF-8 or is NUL, as a position; nullopt when clean.
std::optional<Position> bad_byte(std::string_view text, const std::string& file, std::string& what) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    auto here = [&] { return Position{file, line, static_cast<int>(i - line_start + 1)}; };
    if (c == 0) {
      what = "a NUL byte";
      return here();
    }
    if (c == '\n') {
      ++line;
      line_start = ++i;
      continue;
    }
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = n > 0 && i + n <= text.size();
    for (std::size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(text[i + k]) >> 6) == 0x2;
    if (ok && n == 2) ok = c >= 0xC2;                                                       // overlong
    if (ok && n == 3) {
      auto c1 = static_cast<unsigned char>(text[i + 1]);
      ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);                       // overlong, surrogates
    }
    if (ok && n == 4) {
      auto c1 = static_cast<unsigned char>(text[i + 1]);
      ok = c <= 0xF4 && !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);          // overlong, > U+10FFFF
    }
    if (!ok) {
      what = fmt::format("a byte 0x{:02X} that is not UTF-8", c);
      return here();
    }
    i += n;
  }
  return std::nullopt;
}

}  // namespace

void load_fixture_text(std::string_view text, const std::string& file, LoadResult& into, const ZoneDb& zones,
                       const LoadLimits& limits, const std::function<void()>& after_event) {
  std::string what;
  if (auto where = bad_byte(text, file, what)) {
    into.diagnostics.error(*where, fmt::format("the file contains {}", what), "UTF-8 text", "save the file as UTF-8");
    return;
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a byte-order mark is harmless
  detail::YNode root;
  bool saw_events = false;
  std::size_t first_new = into.timeline.size();
  auto on_event = [&](detail::YNode&& node) {
    saw_events = true;
    if (into.timeline.size() >= limits.max_events) {
      if (!std::exchange(into.events_capped, true))
        into.diagnostics.error(Position{file, node.line, node.col}, fmt::format("more than {} events", limits.max_events),
                               "fewer events", "raise the limit with --max-events if this is intended");
      return;
    }
    if (auto e = detail::read_event(node, file, zones, into.diagnostics)) {
      auto clash = into.timeline.index_of(e->id);
      if (clash != Timeline::npos) {
        const auto& other = into.timeline.at(clash);
        auto& d = into.diagnostics.error(e->where, fmt::format("duplicate event id '{}'", e->id), "ids unique across all fixtures",
                                         "rename one of them");
        d.notes.push_back(fmt::format("{}:{}:{}: the other '{}' ({})", other.where.file, other.where.line, other.where.col, e->id, other.title));
        return;
      }
      for (const auto& alias : e->aliases) {
        if (auto other = into.timeline.index_of(alias); other != Timeline::npos || alias == e->id) {
          into.diagnostics.error(e->where, fmt::format("alias '{}' of '{}' is already a name of '{}'", alias, e->id,
                                                       other != Timeline::npos ? into.timeline.at(other).id : e->id),
                                 "names unique across ids and aliases", "drop or change the alias");
          return;
        }
      }
      into.timeline.add(std::move(*e));
    }
    if (after_event) after_event();
  };
  detail::ParseLimits parse_limits{limits.max_depth, limits.max_value_bytes};
  if (!detail::parse_fixture_yaml(text, file, parse_limits, into.diagnostics, root, on_event)) return;
  detail::read_root(root, file, saw_events, into.diagnostics);
  if (root.kind == detail::YNode::Kind::map) {
    for (std::size_t i = 0; i + 1 < root.items.size(); i += 2) {
      if (root.items[i].text != "calendar" || root.items[i + 1].kind != detail::YNode::Kind::map) continue;
      const auto& cal = root.items[i + 1];
      for (std::size_t k = 0; k + 1 < cal.items.size(); k += 2)
        if (cal.items[k].text == "id")
          for (std::size_t e = first_new; e < into.timeline.size(); ++e)
            const_cast<Event&>(into.timeline.at(e)).calendar = cal.items[k + 1].text;
    }
  }
}

void read_fixture_files(const std::vector<fs::path>& paths, const LoadLimits& limits, LoadResult& into, const FixtureVisitor& each) {
  for (const auto& p : paths) collect(p, into);
  std::string text;  // one buffer for every file: the files are read one at a time
  for (const auto& file : into.files) {
    auto name = file.string();
    std::error_code ec;
    auto size = fs::file_size(file, ec);
    if (!ec && size > limits.max_file_bytes) {
      into.diagnostics.error(Position{name, 1, 1}, fmt::format("the file is {} bytes, over the limit of {}", size, limits.max_file_bytes),
                             "a smaller file", "split it, or raise the limit with --max-bytes");
      continue;
    }
    std::ifstream in{file, std::ios::binary};
    if (!in) {
      into.diagnostics.error(Position{name, 0, 0}, "cannot read the file", "a readable fixture", "check its permissions");
      into.io_error = true;
      continue;
    }
    // Read in blocks rather than trusting the size: the file may grow or shrink meanwhile, and a FIFO
    // has no size. The limit still holds for what is actually read.
    text.clear();
    constexpr std::size_t kBlock = 1u << 20;
    while (in && text.size() <= limits.max_file_bytes) {
      auto old_size = text.size();
      text.resize(old_size + kBlock);
      in.read(text.data() + old_size, static_cast<std::streamsize>(kBlock));
      text.resize(old_size + static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) {
      into.diagnostics.error(Position{name, 0, 0}, "cannot read the file", "a readable fixture", "is it a folder or a device?");
      into.io_error = true;
      continue;
    }
    if (text.size() > limits.max_file_bytes) {
      into.diagnostics.error(Position{name, 1, 1}, fmt::format("the file is over the limit of {} bytes", limits.max_file_bytes),
                             "a smaller file", "split it, or raise the limit with --max-bytes");
      continue;
    }
    each(name, text);
  }
}

LoadResult load_fixtures(const std::vector<fs::path>& paths, const ZoneDb& zones, const LoadLimits& limits, const LoadHooks& hooks) {
  LoadResult result;
  std::size_t file = 0;
  std::size_t events = 0;
  std::function<void()> count;
  if (hooks.progress)
    count = [&] {
      if (++events % LoadHooks::kProgressEvents == 0) hooks.progress(events, file, result.files.size());
    };
  read_fixture_files(paths, limits, result, [&](const std::string& name, std::string_view text) {
    if (hooks.observe) hooks.observe(name, text);
    ++file;
    if (hooks.progress) hooks.progress(events, file, result.files.size());
    load_fixture_text(text, name, result, zones, limits, count);
  });
  // Relations may point forward and across files: check their targets once everything is loaded.
  std::optional<std::vector<std::string>> names;
  for (const auto& e : result.timeline.events()) {
    for (const auto& rel : e.relations) {
      if (rel.target.empty() || result.timeline.index_of(rel.target) != Timeline::npos) continue;
      if (!names) names = result.timeline.names();
      result.diagnostics.error(rel.where, fmt::format("'{}' {} unknown event '{}'", e.id, to_string(rel.type), rel.target),
                               "the id or alias of a loaded event", did_you_mean(closest(rel.target, *names)));
    }
  }
  result.diagnostics.sort();
  return result;
}

}  // namespace dipcal

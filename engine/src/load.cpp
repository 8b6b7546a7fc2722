#include "dipcal/load.h"

#include "dipcal/suggest.h"
#include "fixture/event_reader.h"
#include "fixture/yaml_tree.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <mutex>
#include <optional>
#include <set>
#include <system_error>
#include <thread>
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

// The names of events left out for their errors, for the checks across files.
using DroppedNames = std::unordered_map<std::string, const Event*>;

// The event (admitted or left out) that already has `name`, or nullptr.
const Event* holder_of(const LoadResult& into, const DroppedNames& dropped, const std::string& name) {
  if (auto i = into.timeline.index_of(name); i != Timeline::npos) return &into.timeline.at(i);
  auto found = dropped.find(name);
  return found == dropped.end() ? nullptr : found->second;
}

// Reports an id or alias of `e` that another event already has; true when there was one.
bool report_name_clash(LoadResult& into, const DroppedNames& dropped, const Event& e) {
  if (e.id.empty()) return false;
  if (const auto* other = holder_of(into, dropped, e.id)) {
    auto& d = into.diagnostics.error(e.where, fmt::format("duplicate event id '{}'", e.id), "ids unique across all fixtures",
                                     "rename one of them");
    d.notes.push_back(fmt::format("{}:{}:{}: the other '{}' ({})", other->where.file, other->where.line, other->where.col, e.id, other->title));
    return true;
  }
  for (const auto& alias : e.aliases) {
    const auto* other = holder_of(into, dropped, alias);
    if (other || alias == e.id) {
      into.diagnostics.error(e.where, fmt::format("alias '{}' of '{}' is already a name of '{}'", alias, e.id, other ? other->id : e.id),
                             "names unique across ids and aliases", "drop or change the alias");
      return true;
    }
  }
  return false;
}

// Adds an event that was read whole, unless its id or one of its aliases is already a name in
// `into` or of an event left out (reported there).
void admit(LoadResult& into, const DroppedNames& dropped, Event&& e) {
  if (!report_name_clash(into, dropped, e)) into.timeline.add(std::move(e));
}

// Keeps an event left out for its errors, and its names, unless another event already has one of them
// (reported). `into.dropped` must have room: `dropped` points into it.
void note_dropped(LoadResult& into, DroppedNames& dropped, LoadResult::Dropped&& left_out) {
  if (left_out.event.id.empty() || report_name_clash(into, dropped, left_out.event)) return;
  const auto& kept = into.dropped.emplace_back(std::move(left_out)).event;
  dropped.try_emplace(kept.id, &kept);
  for (const auto& alias : kept.aliases) dropped.try_emplace(alias, &kept);
}

void report_cap(LoadResult& into, const Position& where, const LoadLimits& limits) {
  if (!std::exchange(into.events_capped, true))
    into.diagnostics.error(where, fmt::format("more than {} events", limits.max_events), "fewer events",
                           "raise the limit with --max-events if this is intended");
}

// One fixture file into `text`; false, with the reason in `into`, when it cannot be read whole.
bool read_file(const fs::path& file, const LoadLimits& limits, LoadResult& into, std::string& text) {
  auto name = file.string();
  std::error_code ec;
  auto size = fs::file_size(file, ec);
  if (!ec && size > limits.max_file_bytes) {
    into.diagnostics.error(Position{name, 1, 1}, fmt::format("the file is {} bytes, over the limit of {}", size, limits.max_file_bytes),
                           "a smaller file", "split it, or raise the limit with --max-bytes");
    return false;
  }
  std::ifstream in{file, std::ios::binary};
  if (!in) {
    into.diagnostics.error(Position{name, 0, 0}, "cannot read the file", "a readable fixture", "check its permissions");
    into.io_error = true;
    return false;
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
    return false;
  }
  if (text.size() > limits.max_file_bytes) {
    into.diagnostics.error(Position{name, 1, 1}, fmt::format("the file is over the limit of {} bytes", limits.max_file_bytes),
                           "a smaller file", "split it, or raise the limit with --max-bytes");
    return false;
  }
  return true;
}

}  // namespace

namespace {

// Reads the events parse_fixture_yaml hands over into `into`, up to the limit of events.
auto event_reader(LoadResult& into, const FileName& file, const ZoneDb& zones, const LoadLimits& limits,
                  const std::function<void()>& after_event, bool& saw_events) {
  return [&into, &file, &zones, &limits, &after_event, &saw_events](detail::YNode&& node) {
    saw_events = true;
    if (into.timeline.size() >= limits.max_events) {
      report_cap(into, Position{file, node.line, node.col}, limits);
      return;
    }
    Event e;
    if (detail::read_event(node, file, zones, into.diagnostics, e)) admit(into, {}, std::move(e));
    else if (!e.id.empty()) into.dropped.push_back({std::move(e), into.timeline.size()});
    if (after_event) after_event();
  };
}

// The calendar id the root map gives its events, if any.
std::optional<std::string> calendar_id(const detail::YNode& root) {
  if (root.kind != detail::YNode::Kind::map) return std::nullopt;
  std::optional<std::string> id;
  for (std::size_t i = 0; i + 1 < root.items.size(); i += 2) {
    if (root.items[i].text != "calendar" || root.items[i + 1].kind != detail::YNode::Kind::map) continue;
    const auto& cal = root.items[i + 1];
    for (std::size_t k = 0; k + 1 < cal.items.size(); k += 2)
      if (cal.items[k].text == "id") id = cal.items[k + 1].text;
  }
  return id;
}

const detail::YNode* events_value(const detail::YNode& root) {
  if (root.kind != detail::YNode::Kind::map) return nullptr;
  for (std::size_t i = 0; i + 1 < root.items.size(); i += 2)
    if (root.items[i].text == "events") return &root.items[i + 1];
  return nullptr;
}

// One file's events parsed in pieces on up to `threads` threads, appended to `parts` in file order;
// false, with nothing appended, unless the file cuts cleanly and no piece has anything to report —
// then the caller parses it whole, which gives the same events and says what is wrong.
bool load_in_pieces(std::string_view text, const std::string& file_name, std::vector<LoadResult>& parts, const ZoneDb& zones,
                    const LoadLimits& limits, const std::function<void()>& after_event, std::size_t threads) {
  const FileName file{file_name};
  std::string what;
  if (first_bad_text_byte(text, file, what)) return false;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  auto cut = detail::cut_events(text, threads * 2);
  if (!cut) return false;
  detail::ParseLimits parse_limits{limits.max_depth, limits.max_value_bytes};

  // The root must read as it does in the whole file: a map whose `events` is the list cut out.
  detail::YNode root;
  Diagnostics root_diagnostics;
  bool no_events = false;
  auto no_event = [&](detail::YNode&&) { no_events = true; };
  if (!detail::parse_fixture_yaml(cut->root, file, parse_limits, root_diagnostics, root, no_event)) return false;
  detail::read_root(root, file, true, root_diagnostics);
  const auto* events = events_value(root);
  if (!root_diagnostics.all().empty() || no_events || !events || events->kind != detail::YNode::Kind::seq ||
      events->line != cut->events_line)
    return false;
  auto calendar = calendar_id(root);

  std::vector<LoadResult> pieces(cut->pieces.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next++) < pieces.size();) {
      bool saw_events = false;
      detail::YNode piece_root;
      auto on_event = event_reader(pieces[i], file, zones, limits, after_event, saw_events);
      detail::parse_fixture_yaml(cut->pieces[i].text, file, parse_limits, pieces[i].diagnostics, piece_root, on_event,
                                 cut->pieces[i].line_offset);
      if (calendar) pieces[i].timeline.set_calendar(0, *calendar);
    }
  };
  std::vector<std::thread> helpers;
  for (std::size_t t = 1; t < std::min(threads, pieces.size()); ++t) helpers.emplace_back(work);
  work();
  for (auto& t : helpers) t.join();
  for (const auto& piece : pieces)
    if (!piece.diagnostics.all().empty() || !piece.dropped.empty() || piece.events_capped) return false;
  for (auto& piece : pieces) parts.push_back(std::move(piece));
  return true;
}

}  // namespace

void load_fixture_text(std::string_view text, const std::string& file_name, LoadResult& into, const ZoneDb& zones,
                       const LoadLimits& limits, const std::function<void()>& after_event) {
  const FileName file{file_name};  // one name, shared by every position in the file
  std::string what;
  if (auto where = first_bad_text_byte(text, file, what)) {
    into.diagnostics.error(*where, fmt::format("the file contains {}", what), "UTF-8 text", "save the file as UTF-8");
    return;
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a byte-order mark is harmless
  detail::YNode root;
  bool saw_events = false;
  std::size_t first_new = into.timeline.size();
  auto on_event = event_reader(into, file, zones, limits, after_event, saw_events);
  detail::ParseLimits parse_limits{limits.max_depth, limits.max_value_bytes};
  if (!detail::parse_fixture_yaml(text, file, parse_limits, into.diagnostics, root, on_event)) return;
  detail::read_root(root, file, saw_events, into.diagnostics);
  if (auto id = calendar_id(root)) into.timeline.set_calendar(first_new, *id);
}

void list_fixture_files(const std::vector<fs::path>& paths, LoadResult& into) {
  for (const auto& p : paths) collect(p, into);
}

void read_fixture_files(const std::vector<fs::path>& paths, const LoadLimits& limits, LoadResult& into, const FixtureVisitor& each) {
  list_fixture_files(paths, into);
  // Read, not mapped: a fixture truncated by an editor while mapped would kill the process (SIGBUS).
  std::string text;  // one buffer for every file: they are read one at a time
  for (std::size_t i = 0; i < into.files.size(); ++i)
    if (read_file(into.files[i], limits, into, text)) each(i, into.files[i].string(), text);
}

LoadResult load_fixtures(const std::vector<fs::path>& paths, const ZoneDb& zones, const LoadLimits& limits, const LoadHooks& hooks) {
  LoadResult result;
  list_fixture_files(paths, result);

  // Files are read and parsed on up to one thread a core, each into a result of its own; the results
  // are then merged in file order, checking ids and the event cap across files, so that the outcome
  // is the one a load of one file after the other gives. With fewer files than cores, each large
  // file is parsed in pieces instead, one thread a piece, its pieces merged like files.
  const auto files = result.files.size();
  const auto threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<LoadResult> parts;
  std::atomic<std::size_t> next_file{0};
  std::atomic<std::size_t> events{0};
  std::mutex progress_mutex;
  auto report = [&] {
    std::lock_guard lock{progress_mutex};
    hooks.progress(events.load(), std::min(next_file.load(), files), files);
  };
  std::function<void()> count;
  if (hooks.progress)
    count = [&] {
      if (++events % LoadHooks::kProgressEvents == 0) report();
    };
  if (files < threads || hooks.piece_bytes == 0) {
    std::string text;
    for (std::size_t i; (i = next_file++) < files;) {
      if (hooks.progress) report();
      LoadResult whole;
      if (read_file(result.files[i], limits, whole, text)) {
        auto name = result.files[i].string();
        if (hooks.observe) hooks.observe(i, name, text);
        if (hooks.piece_bytes != 0 && text.size() >= hooks.piece_bytes &&
            load_in_pieces(text, name, parts, zones, limits, count, threads))
          continue;
        load_fixture_text(text, name, whole, zones, limits, count);
      }
      parts.push_back(std::move(whole));
    }
  } else {
    parts.resize(files);
    auto work = [&] {
      std::string text;
      for (std::size_t i; (i = next_file++) < files;) {
        if (hooks.progress) report();
        if (!read_file(result.files[i], limits, parts[i], text)) continue;
        auto name = result.files[i].string();
        if (hooks.observe) hooks.observe(i, name, text);
        load_fixture_text(text, name, parts[i], zones, limits, count);
      }
    };
    std::vector<std::thread> helpers;
    for (std::size_t t = 1; t < std::min<std::size_t>(threads, files); ++t) helpers.emplace_back(work);
    work();
    for (auto& t : helpers) t.join();
  }

  std::size_t total = 0;
  for (const auto& part : parts) total += part.timeline.size();
  result.timeline.reserve(std::min(total, limits.max_events));
  // A part's own "more than N events" holds only if no earlier file reached the cap: it is taken out,
  // and put back at its place when the merge reaches the end of that part without having capped.
  auto cap_message = fmt::format("more than {} events", limits.max_events);
  // Left-out events live in result.dropped, which must not move while this map points into it.
  std::size_t dropped_total = 0;
  for (const auto& part : parts) dropped_total += part.dropped.size();
  result.dropped.reserve(dropped_total);
  DroppedNames dropped_names;
  for (auto& part : parts) {
    std::optional<Position> part_cap;
    for (const auto& d : part.diagnostics.all()) {
      if (part.events_capped && d.message == cap_message) {
        part_cap = d.where;
        continue;
      }
      auto& copy = d.severity == Severity::error ? result.diagnostics.error(d.where, d.message, d.expected, d.suggestion)
                                                 : result.diagnostics.warning(d.where, d.message, d.expected, d.suggestion);
      copy.notes = d.notes;
    }
    result.io_error |= part.io_error;
    // Admitted and left-out events in file order, so that the first of two with one name keeps it.
    std::size_t next_dropped = 0, admitted = 0;
    auto drop_until = [&](std::size_t before) {
      for (; next_dropped < part.dropped.size() && part.dropped[next_dropped].admitted_before <= before; ++next_dropped) {
        auto& left_out = part.dropped[next_dropped];
        left_out.admitted_before = result.timeline.size();
        note_dropped(result, dropped_names, std::move(left_out));
      }
    };
    for (auto& e : std::move(part.timeline).take_events()) {
      drop_until(admitted++);
      if (result.timeline.size() >= limits.max_events) {
        report_cap(result, e.where, limits);
        break;
      }
      admit(result, dropped_names, std::move(e));
    }
    drop_until(static_cast<std::size_t>(-1));
    if (part_cap) report_cap(result, *part_cap, limits);
    part = LoadResult{};  // give its memory back before the next
  }
  // Relations may point forward and across files: check their targets once everything is loaded,
  // those of events left out for other errors too. A target that names a left-out event is known (its
  // own errors are reported); suggestions come from every id and alias, left-out events' included.
  std::optional<std::vector<std::string>> names;
  auto check_targets = [&](const Event& e) {
    for (const auto& rel : e.relations) {
      if (rel.target.empty() || holder_of(result, dropped_names, rel.target)) continue;
      if (!names) {
        names = result.timeline.names();
        for (const auto& [name, event] : dropped_names) names->push_back(name);
        std::sort(names->begin(), names->end());
      }
      result.diagnostics.error(rel.where, fmt::format("'{}' {} unknown event '{}'", e.id, to_string(rel.type), rel.target),
                               "the id or alias of a loaded event", did_you_mean(closest(rel.target, *names)));
    }
  };
  for (const auto& e : result.timeline.events()) check_targets(e);
  for (const auto& left_out : result.dropped) check_targets(left_out.event);
  result.diagnostics.sort();
  return result;
}

}  // namespace dipcal

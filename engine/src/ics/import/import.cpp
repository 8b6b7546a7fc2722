// import_calendars: runs the parts of parts.h in order over every VEVENT of the files.
#include "dipcal/ics/import.h"

#include "parts.h"

#include <fmt/format.h>

#include <algorithm>

namespace dipcal::ics {

namespace {

using detail::Input;
using detail::Pending;
using detail::TimeValue;

class Importer {
 public:
  Importer(const std::vector<InputFile>& files, const ImportOptions& options) : files_{files}, options_{options}, zones_{options} {}

  ImportResult run() {
    sources_ = detail::collect_events(files_, log_);
    ImportResult result;
    result.calendar = detail::name_calendar(sources_);
    import_events();
    detail::drop_clashing_aliases(pending_, log_);
    detail::resolve_relations(pending_, log_);
    result.notes = std::move(log_).finish();
    for (auto& p : pending_) result.events.push_back(std::move(p.event));
    return result;
  }

 private:
  // Masters and their overrides (same UID, with RECURRENCE-ID), in input order; an override of a
  // series not in the input is an event of its own.
  void import_events() {
    std::vector<std::string> order;
    std::map<std::string, std::vector<const Input*>> overrides;
    std::map<std::string, const Input*> masters;
    for (const auto& s : sources_) {
      auto uid = detail::text_of(s.event->find("UID"));
      if (s.event->find("RECURRENCE-ID") && !uid.empty()) {
        overrides[uid].push_back(&s);
        continue;
      }
      if (!uid.empty() && masters.count(uid)) {
        log_.note(s, "a second VEVENT with the same UID and no RECURRENCE-ID", true);
        continue;
      }
      if (uid.empty()) uid = fmt::format("#{}", order.size());  // no UID: still one event of its own
      masters.emplace(uid, &s);
      order.push_back(uid);
    }
    for (const auto& uid : order) import_master(*masters.at(uid), uid, overrides[uid]);
    for (const auto& [uid, list] : overrides)
      if (!masters.count(uid))
        for (const auto* s : list) import_single(*s, uid, "");
  }

  // `named_by`: the VEVENT whose summary names the event (a series' master for its overrides).
  void import_single(const Input& s, const std::string& uid, const std::string& id_suffix, bool series = false,
                     const Input* named_by = nullptr) {
    Pending p;
    p.uid = uid;
    p.series = series;
    p.source = &s;
    detail::read_fields(s, p, log_);
    if (!detail::read_time(s, p.event, zones_, log_)) return;
    log_.report_dropped(s);
    p.event.id = ids_.unique_id(named_by ? *named_by : s, id_suffix);
    pending_.push_back(std::move(p));
  }

  void import_master(const Input& s, const std::string& uid, const std::vector<const Input*>& overrides) {
    if (!detail::recurs(s)) {
      import_single(s, uid, "");
      for (const auto* o : overrides) log_.note(*o, "a RECURRENCE-ID of an event that does not recur; left out", true);
      return;
    }
    auto series = detail::expand_series(s, overrides, options_, zones_, log_);
    if (!series) return;
    for (const auto& o : series->occurrences) {
      if (o.replaced_by) import_single(*o.replaced_by, uid, o.suffix, true, &s);
      else import_occurrence(s, uid, o.suffix, o.at);
    }
    auto made = series->occurrences.size();
    if (made > 0) log_.report_dropped(s);
    log_.note(s, fmt::format("recurs ({}); {} occurrence{} between {} and {} imported as events of their own", series->described, made,
                             made == 1 ? "" : "s", to_string(*options_.expand_from), to_string(*options_.expand_to)), false);
  }

  // One occurrence of a series, starting `at`; it lasts as long as the first one.
  void import_occurrence(const Input& s, const std::string& uid, const std::string& suffix, const TimeValue& at) {
    Pending p;
    p.uid = uid;
    p.series = true;
    p.source = &s;
    detail::read_fields(s, p, log_);
    if (!detail::place_occurrence(s, at, zones_, log_, p.event)) return;
    p.event.id = ids_.unique_id(s, suffix);
    p.relations.clear();  // a relation of a series has no single target occurrence
    pending_.push_back(std::move(p));
  }

  const std::vector<InputFile>& files_;
  const ImportOptions& options_;
  detail::ZoneFinder zones_;
  detail::ImportLog log_;
  detail::IdNamer ids_;
  std::vector<Input> sources_;
  std::vector<Pending> pending_;
};

}  // namespace

std::size_t ImportResult::count(ImportNote::Kind kind) const {
  return static_cast<std::size_t>(std::count_if(notes.begin(), notes.end(), [&](const ImportNote& n) { return n.kind == kind; }));
}

ImportResult import_calendars(const std::vector<InputFile>& files, const ImportOptions& options) {
  return Importer{files, options}.run();
}

}  // namespace dipcal::ics

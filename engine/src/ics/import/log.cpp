#include "parts.h"

#include "dipcal/ics/writer.h"

#include <fmt/format.h>

namespace dipcal::ics::detail {

namespace {

// Properties whose meaning a fixture holds (or that dipcal derives again on export, as DTSTAMP):
// the standard ones below and every X-DIPCAL property.
const std::set<std::string, std::less<>> kEventProperties = [] {
  std::set<std::string, std::less<>> names{"UID", "DTSTAMP", "DTSTART", "DTEND", "DURATION", "SUMMARY", "DESCRIPTION", "LOCATION", "GEO",
                                           "URL", "CATEGORIES", "STATUS", "SEQUENCE", "LAST-MODIFIED", "RELATED-TO", "RRULE", "RDATE",
                                           "EXDATE", "RECURRENCE-ID", "ATTENDEE"};
  for (const auto& row : xprop::kRows)
    if (xprop::is_property(row.name)) names.insert(row.text);
  return names;
}();

}  // namespace

std::string text_of(const ContentLine* p) { return p ? unescape_text(p->value) : std::string{}; }

void ImportLog::note(const Input& s, std::string message, bool lost) {
  notes_.push_back({s.file->name, s.event->line, subject(*s.event), std::move(message),
                    lost ? ImportNote::Kind::event_lost : ImportNote::Kind::note});
}

void ImportLog::unknown_property(const std::string& name, const InputFile& file, int line) {
  unknown_[name].push_back({&file, line});
}

void ImportLog::report_dropped(const Input& s) {
  for (const auto& prop : s.event->properties)
    if (!kEventProperties.count(prop.name)) unknown_property(prop.name, *s.file, prop.line);
  for (const auto& child : s.event->children)
    notes_.push_back({s.file->name, child.line, child.name,
                      fmt::format("{} of {}: dipcal has no {}; left out", child.name, subject(*s.event),
                                  child.name == "VALARM" ? "alarms" : "such component"),
                      ImportNote::Kind::left_out});
}

std::vector<ImportNote> ImportLog::finish() && {
  for (const auto& [name, places] : unknown_) {
    const auto* first = places.front().first;
    notes_.push_back({first->name, places.front().second, name,
                      fmt::format("not imported, a fixture has no place for it ({} time{})", places.size(),
                                  places.size() == 1 ? "" : "s"),
                      ImportNote::Kind::note});
  }
  return std::move(notes_);
}

std::string ImportLog::subject(const Component& c) {
  auto title = text_of(c.find("SUMMARY"));
  auto uid = text_of(c.find("UID"));
  std::string text = c.name;
  if (!title.empty()) text += fmt::format(" '{}'", title);
  if (!uid.empty()) text += fmt::format(" (UID {})", uid);
  return text;
}

}  // namespace dipcal::ics::detail

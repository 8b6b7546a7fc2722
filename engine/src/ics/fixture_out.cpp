#include "dipcal/ics/fixture_out.h"

#include "dipcal/time/duration.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace dipcal::ics {

namespace {

// YAML 1.1 line breaks besides \n and \r: NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
bool has_special_break(std::string_view s) {
  return s.find("\xC2\x85") != std::string_view::npos || s.find("\xE2\x80\xA8") != std::string_view::npos ||
         s.find("\xE2\x80\xA9") != std::string_view::npos || s.find("\xEF\xBB\xBF") != std::string_view::npos;
}

bool has_control(std::string_view s, bool allow_newline) {
  return std::any_of(s.begin(), s.end(), [&](char c) {
    auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && !(allow_newline && c == '\n')) || u == 0x7F;
  });
}

// Words YAML 1.1 reads as booleans or null.
bool is_yaml11_word(std::string_view s) {
  static constexpr std::array<std::string_view, 26> kWords{
      "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
      "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL", "~"};
  return std::find(kWords.begin(), kWords.end(), s) != kWords.end();
}

std::string double_quoted(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto u = static_cast<unsigned char>(s[i]);
    if (s[i] == '"') out += "\\\"";
    else if (s[i] == '\\') out += "\\\\";
    else if (s[i] == '\n') out += "\\n";
    else if (s[i] == '\t') out += "\\t";
    else if (u < 0x20 || u == 0x7F) out += fmt::format("\\x{:02X}", u);
    else if (s.substr(i, 2) == "\xC2\x85") out += "\\N", ++i;
    else if (s.substr(i, 3) == "\xE2\x80\xA8") out += "\\L", i += 2;
    else if (s.substr(i, 3) == "\xE2\x80\xA9") out += "\\P", i += 2;
    else if (s.substr(i, 3) == "\xEF\xBB\xBF") out += "\\uFEFF", i += 2;
    else out += s[i];
  }
  return out + "\"";
}

// A multi-line string as a literal block (|-) when that keeps every character, else nullopt.
std::optional<std::string> literal_block(std::string_view s, std::string_view indent) {
  if (s.find('\n') == std::string_view::npos || s.back() == '\n' || s.front() == ' ' || s.front() == '\n' ||
      has_control(s, true) || has_special_break(s) || s.find('\r') != std::string_view::npos)
    return std::nullopt;
  std::string out = "|-";
  std::size_t begin = 0;
  while (begin <= s.size()) {
    auto end = s.find('\n', begin);
    if (end == std::string_view::npos) end = s.size();
    auto line = s.substr(begin, end - begin);
    if (!line.empty() && (line.back() == ' ' || line.back() == '\t')) return std::nullopt;  // trailing blanks are easy to lose
    out += '\n';
    if (!line.empty()) out += std::string{indent} + std::string{line};
    begin = end + 1;
  }
  return out;
}

// The time as the fixture writes it, or empty where the loader could not read it back: a local time
// the zone shows twice needs its offset (docs/FORMAT.md, Time), and an offset of local mean time has
// seconds (Asia/Kathmandu until 1920: +05:41:16), which fixtures do not take.
std::optional<std::string> when_local(const Zone& zone, Instant at) {
  auto local = zone.to_civil(at);
  auto text = to_string(local);
  if (text.size() > 3 && text.substr(text.size() - 3) == ":00") text.resize(text.size() - 3);
  if (zone.resolve(local).kind != LocalKind::unique) {
    auto offset = zone.at(at).offset;
    if (offset % 60 != std::chrono::seconds{0}) return std::nullopt;
    text += offset_to_string(offset);
  }
  return text;
}

std::string number(double v) { return fmt::format("{}", v); }

class FixtureWriter {
 public:
  std::string run(const ImportedCalendar& calendar, const std::vector<Event>& events, std::string_view schema_path,
                  const FixtureNotes& notes) {
    notes_ = &notes;
    out_ = fmt::format("# yaml-language-server: $schema={}\n", schema_path);
    out_ += fmt::format("#\n# {}. Check it with `dipcal check`, then edit it as any fixture.\n\n", notes.made_by);
    if (!calendar.id.empty()) {
      out_ += "calendar:\n";
      out_ += "  id: " + yaml_string(calendar.id) + "\n";
      out_ += "  title: " + yaml_string(calendar.title.empty() ? calendar.id : calendar.title) + "\n";
      if (!calendar.source.empty()) out_ += "  source: " + yaml_string(calendar.source) + "\n";
      out_ += "\n";
    }
    if (events.empty()) {
      out_ += "events: []\n";
      return std::move(out_);
    }
    out_ += "events:\n";
    for (std::size_t i = 0; i < events.size(); ++i) {
      if (i > 0) out_ += "\n";
      event(events[i]);
    }
    return std::move(out_);
  }

 private:
  void field(std::string_view key, std::string_view raw_value, int indent = 4) {
    out_ += std::string(static_cast<std::size_t>(indent), ' ');
    out_ += key;
    out_ += ": ";
    out_ += raw_value;
    out_ += '\n';
  }

  void text_field(std::string_view key, std::string_view value, int indent = 4) {
    auto pad = std::string(static_cast<std::size_t>(indent) + 2, ' ');
    if (auto block = literal_block(value, pad)) field(key, *block, indent);
    else field(key, yaml_string(value), indent);
  }

  static std::string flow_list(const std::vector<std::string>& items) {
    std::vector<std::string> quoted;
    for (const auto& item : items) quoted.push_back(yaml_string(item, true));
    return fmt::format("[{}]", fmt::join(quoted, ", "));
  }

  void event(const Event& e) {
    if (auto it = notes_->comments.find(e.id); it != notes_->comments.end())
      for (const auto& line : it->second) out_ += "  # " + line + "\n";
    out_ += "  - id: " + yaml_string(e.id) + "\n";
    text_field("title", e.title);
    field("kind", std::string{to_string(e.kind)});
    field("status", std::string{to_string(e.status)});
    if (!e.aliases.empty()) field("aliases", flow_list(e.aliases));
    if (const auto* d = std::get_if<AllDay>(&e.time)) {
      field("start", to_string(d->first));
      if (d->last != d->first) field("end", to_string(d->last));
    } else if (const auto* t = std::get_if<Timed>(&e.time)) {
      // A start the zone's clock cannot name is written as the UTC instant; an end as the duration.
      field("start", when_local(e.zone, t->start).value_or(to_rfc3339(t->start)));
      if (t->end != t->start) {
        if (auto end = when_local(e.zone, t->end)) field("end", *end);
        else field("duration", to_iso_duration(std::chrono::duration_cast<std::chrono::seconds>(t->end - t->start)));
      }
    } else if (const auto* w = std::get_if<Window>(&e.time)) {
      if (!w->start_text.empty()) field("start", yaml_string(w->start_text));
      if (!w->end_text.empty()) field("end", yaml_string(w->end_text));
    }
    out_ += "    location:\n";
    if (!e.location.name.empty()) text_field("name", e.location.name, 6);
    if (!e.location.city.empty()) text_field("city", e.location.city, 6);
    if (!e.location.country.empty()) field("country", yaml_string(e.location.country), 6);
    field("zone", yaml_string(e.zone.name()), 6);
    if (e.location.geo) field("geo", fmt::format("{{lat: {}, lon: {}}}", number(e.location.geo->lat), number(e.location.geo->lon)), 6);
    if (!e.actors.empty()) field("actors", flow_list(e.actors));
    if (!e.tags.empty()) field("tags", flow_list(e.tags));
    if (!e.sources.empty()) {
      out_ += "    sources:\n";
      for (const auto& s : e.sources) {
        out_ += "      - outlet: " + yaml_string(s.outlet) + "\n";
        if (!s.url.empty()) field("url", yaml_string(s.url), 8);
        if (!s.published.empty())
          field("published", parse_civil_date(s.published) || parse_offset_date_time(s.published) ? s.published : yaml_string(s.published), 8);
        if (!s.quote.empty()) text_field("quote", s.quote, 8);
      }
    }
    if (!e.notes.empty()) text_field("notes", e.notes);
    if (!e.relations.empty()) {
      out_ += "    relations:\n";
      for (const auto& r : e.relations) {
        out_ += "      - type: " + std::string{to_string(r.type)} + "\n";
        field("event", yaml_string(r.target), 8);
        if (r.gap.min || r.gap.max) {
          std::vector<std::string> bounds;
          if (r.gap.min) bounds.push_back("min: " + to_iso_duration(*r.gap.min));
          if (r.gap.max) bounds.push_back("max: " + to_iso_duration(*r.gap.max));
          field("gap", fmt::format("{{{}}}", fmt::join(bounds, ", ")), 8);
        }
        if (!r.zone.empty()) field("zone", yaml_string(r.zone), 8);
        if (!r.note.empty()) text_field("note", r.note, 8);
      }
    }
    if (e.updated) field("updated", to_rfc3339(*e.updated));
    field("sequence", std::to_string(e.sequence));
  }

  std::string out_;
  const FixtureNotes* notes_ = nullptr;
};

}  // namespace

std::string yaml_string(std::string_view text, bool in_flow) {
  if (text.empty() || has_control(text, false) || has_special_break(text) || is_yaml11_word(text)) return double_quoted(text);
  // Indicators that may not start a plain scalar, and leading digits or signs, which YAML 1.1 may
  // read as a number, a date or a base-60 time.
  static constexpr std::string_view kNoStart = "-?:,[]{}#&*!|>'\"%@`+.0123456789 ";
  if (kNoStart.find(text.front()) != std::string_view::npos) return double_quoted(text);
  if (text.back() == ' ' || text.back() == ':') return double_quoted(text);
  if (text.find(": ") != std::string_view::npos || text.find(" #") != std::string_view::npos) return double_quoted(text);
  if (in_flow && text.find_first_of(",[]{}") != std::string_view::npos) return double_quoted(text);
  return std::string{text};
}

std::string write_fixture(const ImportedCalendar& calendar, const std::vector<Event>& events, std::string_view schema_path,
                          const FixtureNotes& notes) {
  return FixtureWriter{}.run(calendar, events, schema_path, notes);
}

}  // namespace dipcal::ics

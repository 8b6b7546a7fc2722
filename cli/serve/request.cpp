#include "request.h"

#include "dipcal/model/event.h"
#include "dipcal/ics/values.h"
#include "dipcal/ics/writer.h"
#include "dipcal/text/names.h"
#include "dipcal/time/civil.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>

namespace dipcal::serve {

namespace {

// Each parameter, once: which resources take it and whether it may repeat.
enum class Key { from, to, tz, tag, actor, status, alarm };
struct ParameterSpec {
  Key key;
  std::string_view name;
  bool repeatable;
};
constexpr std::array<ParameterSpec, 7> kParameters{{
    {Key::from, "from", false},
    {Key::to, "to", false},
    {Key::tz, "tz", false},
    {Key::tag, "tag", true},
    {Key::actor, "actor", true},
    {Key::status, "status", true},
    {Key::alarm, "alarm", true},
}};

bool takes(Resource resource, Key key) {
  switch (resource) {
    case Resource::calendar: return true;
    case Resource::index:
    case Resource::events: return key != Key::alarm;
    case Resource::event: return false;
    case Resource::until: return key == Key::from || key == Key::tz;
  }
  return false;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// application/x-www-form-urlencoded as browsers write a query: %XX escapes, + for a space. Control
// characters (a NUL above all) are refused: no value of a selection holds one.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      int hi = hex_digit(text[i + 1]), lo = hex_digit(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      c = ' ';
    }
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return std::nullopt;
    out.push_back(c);
  }
  return out;
}

std::string percent_encode(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    // RFC 3986 unreserved characters stay as they are.
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~')
      out.push_back(static_cast<char>(c));
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

RequestError bad(std::string reason) { return RequestError{400, std::move(reason)}; }

std::variant<FeedRequest, RequestError> parse_path(std::string_view raw_path) {
  // An encoded slash or dot could climb out of a folder once decoded; a backslash is a separator on
  // some systems. The server reads no file for any path, but such a target is refused outright.
  std::string lowered{raw_path};
  std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lowered.find("%2f") != std::string::npos || lowered.find("%5c") != std::string::npos || lowered.find("%2e") != std::string::npos ||
      lowered.find('\\') != std::string::npos)
    return bad("the path holds an encoded slash, dot or a backslash; dipcal serves only /, /calendar.ics, /events.json, "
               "/events/ID.json and /until/ID.json");
  if (raw_path.empty() || raw_path.front() != '/') return bad("the request target must start with /");
  if (raw_path.find("//") != std::string_view::npos) return bad("the path holds an empty segment (//)");
  for (std::size_t start = 1; start <= raw_path.size();) {
    auto end = raw_path.find('/', start);
    if (end == std::string_view::npos) end = raw_path.size();
    auto segment = raw_path.substr(start, end - start);
    if (segment == "." || segment == "..") return bad("the path holds a . or .. segment; dipcal reads no files for requests");
    start = end + 1;
  }
  auto decoded = percent_decode(raw_path, false);
  if (!decoded) return bad("the path holds a malformed %-escape or a control character");
  std::string_view path{*decoded};
  FeedRequest request;
  if (path == "/" || path == "/index.html") request.resource = Resource::index;
  else if (path == "/calendar.ics") request.resource = Resource::calendar;
  else if (path == "/events.json") request.resource = Resource::events;
  else {
    constexpr std::string_view kEvents = "/events/", kUntil = "/until/", kJson = ".json";
    auto with = [&](std::string_view prefix) {
      return path.size() > prefix.size() + kJson.size() && path.substr(0, prefix.size()) == prefix &&
             path.substr(path.size() - kJson.size()) == kJson;
    };
    std::string_view prefix;
    if (with(kEvents)) request.resource = Resource::event, prefix = kEvents;
    else if (with(kUntil)) request.resource = Resource::until, prefix = kUntil;
    else return RequestError{404, "no such resource; dipcal serves /, /calendar.ics, /events.json, /events/ID.json and /until/ID.json"};
    auto id = path.substr(prefix.size(), path.size() - prefix.size() - kJson.size());
    // Ids and aliases are slugs (the loader refuses any other): anything else names no event.
    if (!text::is_slug(id)) return RequestError{404, "no such event: an id is lowercase letters, digits and hyphens"};
    request.id = std::string{id};
  }
  return request;
}

std::optional<RequestError> add_parameter(FeedRequest& request, const ParameterSpec& spec, std::string value) {
  auto& s = request.selection;
  switch (spec.key) {
    case Key::from:
      if (request.resource != Resource::until && !parse_civil_date(value))
        return bad(fmt::format("from '{}' is not a date; expected YYYY-MM-DD", value));
      s.from = std::move(value);
      break;
    case Key::to:
      if (!parse_civil_date(value)) return bad(fmt::format("to '{}' is not a date; expected YYYY-MM-DD", value));
      s.to = std::move(value);
      break;
    case Key::tz:
      // The shape of an IANA name; whether the database has it is the caller's question.
      if (value.size() > 64 || value.front() == '/' || value.find("..") != std::string::npos ||
          !std::all_of(value.begin(), value.end(), [](char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '_' || c == '-' || c == '+';
          }))
        return bad(fmt::format("tz '{}' is not a zone name; expected an IANA name such as Asia/Seoul", value));
      s.tz = std::move(value);
      break;
    case Key::tag: s.tags.push_back(std::move(value)); break;
    case Key::actor: s.actors.push_back(std::move(value)); break;
    case Key::status:
      if (!parse_event_status(value))
        return bad(fmt::format("status '{}' is not a status; expected one of {}", value, fmt::join(event_status_names(), ", ")));
      s.statuses.push_back(std::move(value));
      break;
    case Key::alarm: {
      auto offset = ics::parse_alarm_offset(value);
      if (!offset) return bad(fmt::format("alarm '{}' is not an offset from the start; expected -P1D, -PT15M or the like, within a year", value));
      s.alarms.push_back(ics::format_duration(*offset));
      break;
    }
  }
  return std::nullopt;
}

void sort_unique(std::vector<std::string>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

}  // namespace

std::variant<FeedRequest, RequestError> parse_request_target(std::string_view target) {
  if (target.size() > kMaxTargetBytes) return RequestError{414, fmt::format("the request target is over {} bytes", kMaxTargetBytes)};
  auto question = target.find('?');
  auto parsed = parse_path(target.substr(0, question));
  if (std::holds_alternative<RequestError>(parsed)) return parsed;
  auto request = std::get<FeedRequest>(std::move(parsed));
  if (question == std::string_view::npos) return request;

  auto query = target.substr(question + 1);
  std::array<bool, kParameters.size()> seen{};
  std::size_t count = 0;
  while (!query.empty()) {
    auto amp = query.find('&');
    auto pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;  // "a=1&&b=2" and a trailing "&" are harmless
    if (++count > kMaxParameters) return bad(fmt::format("more than {} query parameters", kMaxParameters));
    auto equals = pair.find('=');
    auto name = percent_decode(pair.substr(0, equals), true);
    if (!name) return bad("a parameter name holds a malformed %-escape or a control character");
    auto spec = std::find_if(kParameters.begin(), kParameters.end(), [&](const ParameterSpec& p) { return p.name == *name; });
    if (spec == kParameters.end()) {
      auto shown = name->size() > 40 ? name->substr(0, 40) + "…" : *name;
      return bad(fmt::format("unknown parameter '{}'; this resource takes {}", shown, [&] {
        std::vector<std::string_view> names;
        for (const auto& p : kParameters)
          if (takes(request.resource, p.key)) names.push_back(p.name);
        return names.empty() ? std::string{"none"} : fmt::format("{}", fmt::join(names, ", "));
      }()));
    }
    if (!takes(request.resource, spec->key))
      return bad(fmt::format("parameter '{}' means nothing for {}", spec->name, resource_path(request.resource, request.id)));
    auto& was_seen = seen[static_cast<std::size_t>(spec - kParameters.begin())];
    if (was_seen && !spec->repeatable) return bad(fmt::format("parameter '{}' is given twice; it takes one value", spec->name));
    was_seen = true;
    if (equals == std::string_view::npos) return bad(fmt::format("parameter '{}' has no value", spec->name));
    auto value = percent_decode(pair.substr(equals + 1), true);
    if (!value) return bad(fmt::format("the value of '{}' holds a malformed %-escape or a control character", spec->name));
    if (value->empty()) return bad(fmt::format("parameter '{}' is empty", spec->name));
    if (auto error = add_parameter(request, *spec, std::move(*value))) return *error;
  }
  auto& s = request.selection;
  if (!s.from.empty() && !s.to.empty() && request.resource != Resource::until && s.to < s.from)
    return bad(fmt::format("to {} is before from {}", s.to, s.from));
  for (auto* list : {&s.tags, &s.actors, &s.statuses}) sort_unique(*list);
  // Alarms sort by offset, earliest first, as the writer orders them (cli/export_ics.h).
  std::sort(s.alarms.begin(), s.alarms.end(), [](const std::string& a, const std::string& b) {
    return *ics::parse_alarm_offset(a) < *ics::parse_alarm_offset(b);
  });
  s.alarms.erase(std::unique(s.alarms.begin(), s.alarms.end()), s.alarms.end());
  return request;
}

std::string canonical_query(const Selection& s) {
  std::string query;
  auto add = [&](std::string_view name, const std::string& value) {
    if (value.empty()) return;
    if (!query.empty()) query += '&';
    query += name;
    query += '=';
    query += percent_encode(value);
  };
  add("from", s.from);
  add("to", s.to);
  add("tz", s.tz);
  for (const auto& v : s.tags) add("tag", v);
  for (const auto& v : s.actors) add("actor", v);
  for (const auto& v : s.statuses) add("status", v);
  for (const auto& v : s.alarms) add("alarm", v);
  return query;
}

std::string resource_path(Resource resource, std::string_view id) {
  switch (resource) {
    case Resource::index: return "/";
    case Resource::calendar: return "/calendar.ics";
    case Resource::events: return "/events.json";
    case Resource::event: return fmt::format("/events/{}.json", id);
    case Resource::until: return fmt::format("/until/{}.json", id);
  }
  return "/";
}

}  // namespace dipcal::serve

// What a request to `dipcal serve` asks for, read from its request-target alone (RFC 9110 section
// 7.1; no session, no cookie): which resource, and for the feeds which events, put in one canonical
// form so that the same selection always has the same URL, body and ETag.
//
//   parse_request_target("/calendar.ics?tag=trade-talks&tag=asean&from=2025-10-01")
//     == FeedRequest{Resource::calendar, "", {.from = "2025-10-01", .tags = {"asean", "trade-talks"}}}
//   canonical_query(that.selection) == "from=2025-10-01&tag=asean&tag=trade-talks"
//
// The parameters are those of the CLI's selection (cli/filter.h) — tag, actor, status (each
// repeatable: any of them), from, to — with tz (the output zone), alarm (repeatable, for the
// calendar) and, for /until/ID.json, from as `until --from` takes it. Anything else is refused with a
// reason: an unknown parameter or path, a parameter given twice that is not repeatable, an empty
// value, a malformed %-escape, a bad date, status or alarm, a path with "..", "//", a backslash or an
// encoded slash. Parsing touches no file: ids are checked against the timeline by the caller.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace dipcal::serve {

enum class Resource {
  index,     // GET /: the timeline page with subscribe links
  calendar,  // GET /calendar.ics
  events,    // GET /events.json: list --json
  event,     // GET /events/ID.json: show --json
  until,     // GET /until/ID.json: until --json
};

// The selection, canonical: lists sorted with duplicates removed, alarms in ISO 8601 form
// ("-P1D"), every value checked for form (dates are YYYY-MM-DD; a zone name is checked by the caller).
struct Selection {
  std::string from;  // a date, inclusive (for /until: an event, date or date-time)
  std::string to;
  std::string tz;
  std::vector<std::string> tags;
  std::vector<std::string> actors;
  std::vector<std::string> statuses;
  std::vector<std::string> alarms;

  bool operator==(const Selection&) const = default;
};

struct FeedRequest {
  Resource resource = Resource::index;
  std::string id;  // the event named in /events/ID.json and /until/ID.json
  Selection selection;
};

// A request refused: 400 (malformed) or 404 (no such resource), with a sentence for the body.
struct RequestError {
  int status = 400;
  std::string reason;
};

// Limits on what a target may hold, far above what a subscription URL needs.
inline constexpr std::size_t kMaxTargetBytes = 4096;
inline constexpr std::size_t kMaxParameters = 64;

std::variant<FeedRequest, RequestError> parse_request_target(std::string_view target);

// The selection as a query string, in a fixed order of keys (from, to, tz, tag, actor, status, alarm)
// with each value %-encoded: parse_request_target of "?" + it gives the same selection back.
std::string canonical_query(const Selection& selection);

// The path of a resource, without the query: "/calendar.ics", "/events/busan-trump-xi.json".
std::string resource_path(Resource resource, std::string_view id = {});

}  // namespace dipcal::serve

#include "serve/request.h"

#include <doctest/doctest.h>

using namespace dipcal::serve;

namespace {

FeedRequest ok(std::string_view target) {
  auto parsed = parse_request_target(target);
  if (auto* e = std::get_if<RequestError>(&parsed)) FAIL_CHECK(target << ": " << e->reason);
  REQUIRE(std::holds_alternative<FeedRequest>(parsed));
  return std::get<FeedRequest>(parsed);
}

int refused(std::string_view target) {
  auto parsed = parse_request_target(target);
  if (std::holds_alternative<FeedRequest>(parsed)) FAIL_CHECK(target << " was accepted");
  return std::holds_alternative<RequestError>(parsed) ? std::get<RequestError>(parsed).status : 0;
}

}  // namespace

TEST_CASE("the resources and their paths") {
  CHECK(ok("/").resource == Resource::index);
  CHECK(ok("/index.html").resource == Resource::index);
  CHECK(ok("/calendar.ics").resource == Resource::calendar);
  CHECK(ok("/events.json").resource == Resource::events);
  auto event = ok("/events/busan-trump-xi.json");
  CHECK(event.resource == Resource::event);
  CHECK(event.id == "busan-trump-xi");
  CHECK(ok("/until/busan.json?from=2025-10-26T12:00%2B08:00").selection.from == "2025-10-26T12:00+08:00");
  CHECK(resource_path(Resource::until, "busan") == "/until/busan.json");
  CHECK(refused("/calendar.ICS") == 404);
  CHECK(refused("/calendar.ics/") == 404);
  CHECK(refused("/events/.json") == 404);
  CHECK(refused("/events/Busan.json") == 404);
  // Ids and aliases are slugs: no hyphen at either end, at most 64 characters.
  CHECK(refused("/events/busan-.json") == 404);
  CHECK(refused("/until/-busan.json") == 404);
  CHECK(refused("/events/" + std::string(65, 'a') + ".json") == 404);
  CHECK(ok("/events/" + std::string(64, 'a') + ".json").id == std::string(64, 'a'));
  CHECK(refused("/favicon.ico") == 404);
}

TEST_CASE("a selection is canonical: the same events, the same query") {
  auto a = ok("/calendar.ics?tag=trade-talks&to=2025-11-30&tag=asean&from=2025-10-01&tag=asean&alarm=-PT15M&alarm=-P1D");
  auto b = ok("/calendar.ics?alarm=-P1D&from=2025-10-01&tag=asean&alarm=-PT15M&to=2025-11-30&tag=trade-talks");
  CHECK(a.selection == b.selection);
  CHECK(a.selection.tags == std::vector<std::string>{"asean", "trade-talks"});
  // Earliest first: a day before comes before a quarter of an hour before.
  CHECK(a.selection.alarms == std::vector<std::string>{"-P1D", "-PT15M"});
  CHECK(canonical_query(a.selection) == "from=2025-10-01&to=2025-11-30&tag=asean&tag=trade-talks&alarm=-P1D&alarm=-PT15M");
  // Short forms and a 24-hour day read as the same offset.
  CHECK(ok("/calendar.ics?alarm=-1d").selection.alarms == std::vector<std::string>{"-P1D"});
  CHECK(ok("/calendar.ics?alarm=-PT24H").selection.alarms == std::vector<std::string>{"-P1D"});
  CHECK(canonical_query(ok("/calendar.ics").selection).empty());
}

TEST_CASE("values are decoded as browsers encode them, and encoded back") {
  auto r = ok("/events.json?actor=Li+Chenggang&actor=He%20Lifeng&tz=America%2FNew_York&status=held");
  CHECK(r.selection.actors == std::vector<std::string>{"He Lifeng", "Li Chenggang"});
  CHECK(r.selection.tz == "America/New_York");
  CHECK(canonical_query(r.selection) == "tz=America%2FNew_York&actor=He%20Lifeng&actor=Li%20Chenggang&status=held");
  auto again = ok("/events.json?" + canonical_query(r.selection));
  CHECK(again.selection == r.selection);
  CHECK(ok("/calendar.ics?tag=a&&tag=b&").selection.tags == std::vector<std::string>{"a", "b"});
}

TEST_CASE("malformed and unknown parameters are refused with 400") {
  CHECK(refused("/calendar.ics?colour=red") == 400);
  CHECK(refused("/calendar.ics?from=2025-13-01") == 400);
  CHECK(refused("/calendar.ics?from=2025-10-01&from=2025-10-02") == 400);
  CHECK(refused("/calendar.ics?to=2025-10-01&from=2025-10-02") == 400);
  CHECK(refused("/calendar.ics?tag=") == 400);
  CHECK(refused("/calendar.ics?tag") == 400);
  CHECK(refused("/calendar.ics?tag=%zz") == 400);
  CHECK(refused("/calendar.ics?tag=%4") == 400);
  CHECK(refused("/calendar.ics?tag=a%00b") == 400);
  CHECK(refused("/calendar.ics?status=Held") == 400);
  CHECK(refused("/calendar.ics?alarm=P2Y") == 400);
  CHECK(refused("/calendar.ics?alarm=-P400D") == 400);
  CHECK(refused("/calendar.ics?tz=../../etc/passwd") == 400);
  CHECK(refused("/events.json?alarm=-P1D") == 400);  // an alarm belongs to the calendar only
  CHECK(refused("/events/busan.json?tag=a") == 400);
  std::string many = "/calendar.ics?";
  for (int i = 0; i < 65; ++i) many += "tag=t&";
  CHECK(refused(many) == 400);
  CHECK(refused("/calendar.ics?tag=" + std::string(5000, 'a')) == 414);
}

TEST_CASE("a path that could climb out of a folder is refused before anything is looked up") {
  for (auto target : {"/../etc/passwd", "/events/../../etc/passwd.json", "/%2e%2e/etc/passwd", "/events/%2E%2E%2Fx.json",
                      "/events%2f..%2fcalendar.ics", "/events/a%2Fb.json", "/..\\..\\x", "//etc/passwd", "/./calendar.ics", "calendar.ics",
                      "/calendar.ics%00"})
    CHECK_MESSAGE(refused(target) == 400, target);
}

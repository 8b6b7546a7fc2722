// Temporal expressions of news English (dipcal/draft/temporal.h). Every expected value was counted
// on the October–November 2025 calendar by hand: Sun 26 Oct, Thu 30 Oct, Sat 1 Nov; Kuala Lumpur is
// UTC+8 all year, Seoul UTC+9.
#include "dipcal/draft/temporal.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace dipcal;
using namespace dipcal::draft;

namespace {

std::vector<std::string> values(std::string_view sentence, const char* zone = "Asia/Kuala_Lumpur") {
  Reference ref{*CivilDate::from_ymd(2025, 10, 26), *ZoneDb::system().find(zone)};
  std::vector<std::string> out;
  for (const auto& v : find_temporal(sentence, ref)) out.push_back(v.text);
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("weekdays follow the tense of the verb near them") {
  CHECK(values("Negotiators said on Sunday they had reached a deal.") == V{"2025-10-26"});
  CHECK(values("The leaders will meet on Thursday.") == V{"2025-10-30"});
  CHECK(values("The ministers met on Thursday.") == V{"2025-10-23"});
  CHECK(values("Li said on Sunday the two sides would meet in Busan on Thursday.") == V{"2025-10-26", "2025-10-30"});
  CHECK(values("Sunday Times reporters were barred.").empty());  // a name, not a day
}

TEST_CASE("explicit dates, ranges and imprecise dates") {
  CHECK(values("The meeting is on October 30 in Busan.") == V{"2025-10-30"});
  CHECK(values("The meeting is on Oct. 30.") == V{"2025-10-30"});
  CHECK(values("They meet on 30 October.") == V{"2025-10-30"});
  CHECK(values("The APEC summit runs Oct 31–Nov 1.") == V{"2025-10-31/2025-11-01"});
  CHECK(values("A decision is due next month.") == V{"2025-11"});
  CHECK(values("A round is planned for early November.") == V{"2025-11-01/2025-11-10"});
  CHECK(values("Talks were held last week.") == V{"2025-10-13/2025-10-19"});  // ISO weeks, Monday first
  CHECK(values("China may respond in kind.").empty());  // "may" is a verb here
}

TEST_CASE("times are read in the stated zone, else the dateline's") {
  CHECK(values("They meet at 11 a.m. local time on Thursday.", "Asia/Seoul") == V{"2025-10-30T11:00+09:00"});
  CHECK(values("Talks begin on Thursday at 10:30 GMT.") == V{"2025-10-30T10:30Z"});
}

TEST_CASE("durations and relations are not dates") {
  CHECK(values("The two leaders held a 100-minute meeting.") == V{"PT1H40M"});
  CHECK(values("The G20 holds a two-day summit.") == V{"P2D"});
  CHECK(values("The deal came four days before the meeting.") == V{"before P4D"});
  CHECK(values("The talks were held on the sidelines of the ASEAN summit.") == V{"during"});
  CHECK(values("It lays the groundwork for a summit.") == V{"prepares"});
  CHECK(values("Markets will react when trading resumes.") == V{"after", "2025-10-27"});
}

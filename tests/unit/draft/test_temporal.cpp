// Temporal expressions of news English (dipcal/draft/temporal.h). Every expected value was counted
// on the October–November 2025 calendar by hand: Sun 26 Oct, Thu 30 Oct, Sat 1 Nov; Kuala Lumpur is
// UTC+8 all year, Seoul UTC+9.
#include "dipcal/draft/temporal.h"

#include <doctest/doctest.h>

#include "support/cases.h"

#include <string>
#include <vector>

using namespace dipcal;
using namespace dipcal::draft;

namespace {

// The values find_temporal reads in a sentence, as text, for a report dated Sunday 26 Oct 2025 from a
// place in `zone`.
std::vector<std::string> values(std::string_view sentence, const char* zone) {
  Reference ref{*CivilDate::from_ymd(2025, 10, 26), *ZoneDb::system().find(zone)};
  std::vector<std::string> out;
  for (const auto& v : find_temporal(sentence, ref)) out.push_back(v.text);
  return out;
}

std::vector<std::string> from_kuala_lumpur(std::string_view sentence) { return values(sentence, "Asia/Kuala_Lumpur"); }
std::vector<std::string> from_seoul(std::string_view sentence) { return values(sentence, "Asia/Seoul"); }

}  // namespace

// One table of sentences, grouped by what they show; a failure names the sentence.
TEST_CASE("the values news sentences hold, as read from Kuala Lumpur") {
  testing::check_cases(from_kuala_lumpur, {
      // Weekdays follow the tense of the verb near them.
      {"Negotiators said on Sunday they had reached a deal.", {"2025-10-26"}},
      {"The leaders will meet on Thursday.", {"2025-10-30"}},
      {"The ministers met on Thursday.", {"2025-10-23"}},
      {"Li said on Sunday the two sides would meet in Busan on Thursday.", {"2025-10-26", "2025-10-30"}},
      {"Sunday Times reporters were barred.", {}},  // a name, not a day
      // Explicit dates, ranges and imprecise dates.
      {"The meeting is on October 30 in Busan.", {"2025-10-30"}},
      {"The meeting is on Oct. 30.", {"2025-10-30"}},
      {"They meet on 30 October.", {"2025-10-30"}},
      {"The APEC summit runs Oct 31–Nov 1.", {"2025-10-31/2025-11-01"}},
      {"A decision is due next month.", {"2025-11"}},
      {"A round is planned for early November.", {"2025-11-01/2025-11-10"}},
      {"Talks were held last week.", {"2025-10-13/2025-10-19"}},  // ISO weeks, Monday first
      {"China may respond in kind.", {}},                          // "may" is a verb here
      // Durations and relations are not dates.
      {"The two leaders held a 100-minute meeting.", {"PT1H40M"}},
      {"The G20 holds a two-day summit.", {"P2D"}},
      {"The deal came four days before the meeting.", {"before P4D"}},
      {"The talks were held on the sidelines of the ASEAN summit.", {"during"}},
      {"It lays the groundwork for a summit.", {"prepares"}},
      {"Markets will react when trading resumes.", {"after", "2025-10-27"}},
  });
}

TEST_CASE("times are read in the stated zone, else the dateline's") {
  testing::check_cases(from_seoul, {{"They meet at 11 a.m. local time on Thursday.", {"2025-10-30T11:00+09:00"}}});
  testing::check_cases(from_kuala_lumpur, {{"Talks begin on Thursday at 10:30 GMT.", {"2025-10-30T10:30Z"}}});
}

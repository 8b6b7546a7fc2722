// `dipcal draft`: a news report turned into a fixture (docs/FORMAT.md) that a person confirms.
//
// From each sentence: the events it names (a noun of the kinds in draft.cpp's table — summit,
// talks, meeting, call, visit, deadline, agreement, markets … — with the capitalised words before
// it: "the ASEAN summit", "a planned Trump–Xi meeting"), the temporal expressions of temporal.h
// attached to the event they follow (else to the sentence's main event), and the relations its
// cues state between the main event and the event after the cue ("four days before the meeting").
// With fixtures to link against, an event mentioned as the other end of a relation that is
// already there (by id, alias, title words, place and date) becomes a relation to it, not a copy.
//
// Nothing is invented: an event whose date the text does not give stays undated; an imprecise
// one keeps its EDTF text. Every inference a person should check is listed in `guesses`.
#pragma once

#include "dipcal/draft/article.h"
#include "dipcal/draft/temporal.h"
#include "dipcal/model/event.h"
#include "dipcal/text/parsed.h"
#include "dipcal/model/timeline.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dipcal::draft {

struct DraftOptions {
  std::optional<CivilDate> published;             // --published DATE (else the article's own line)
  std::optional<OffsetDateTime> published_time;  // --published DATETIME
  std::string place;                             // --place: a city (places.h) or an IANA zone
  std::string outlet;
  std::string url;
  const Timeline* against = nullptr;  // --against: fixtures to link mentions to
};

struct Drafted {
  std::vector<Event> events;
  std::map<std::string, std::vector<std::string>> guesses;  // event id → what a person should confirm
  std::vector<std::string> warnings;                         // for the whole report
  Article article;
  Reference reference;
  std::string place;  // the dateline's place as found, "" when none
};

// The drafted events, or why the report cannot be read at all (no publication date, a --place that
// names no zone), with a hint that says which option gives what is missing.
Parsed<Drafted> draft_report(std::string_view text, const DraftOptions& options);

// The fixture's text: the drafted events with a comment over each guess.
std::string write_drafted(const Drafted& drafted, std::string_view schema_path);

}  // namespace dipcal::draft

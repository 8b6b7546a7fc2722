// A news report as plain text or Markdown: its headline, publication date and time, dateline and
// sentences.
//
//   China and US reach preliminary consensus            ← headline (a "# " heading or the first line)
//   Sun Oct 26 2025 3:14 PM GMT+8                       ← publication date (and time, with its offset)
//
//   KUALA LUMPUR, Malaysia (Reuters) - Negotiators ...  ← dateline: the place in capitals, then
//                                                         ":" or "-" or "–" or "(Agency) -"
//
// The publication line is the first line of the head (before the dateline, within the first eight
// lines) that holds a full date with its year in any form find_temporal reads ("October 26, 2025",
// "26 Oct 2025", "2025-10-26", "Sun Oct 26 2025"), or an RFC 3339 date-time.
#pragma once

#include "dipcal/time/civil.h"
#include "dipcal/time/instant.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dipcal::draft {

struct Sentence {
  std::string text;
  int line = 0;  // 1-based line of the article where it starts
};

struct Article {
  std::string headline;
  std::optional<CivilDate> published;
  std::optional<CivilDateTime> published_time;  // local time on the publication line, if given
  std::optional<std::chrono::seconds> published_offset;  // its UTC offset, if written ("GMT+8")
  std::optional<std::string> published_zone;  // a zone named on the line ("KST", "local time"), if any
  int published_line = 0;
  std::string dateline_place;    // "Kuala Lumpur" (title case)
  std::string dateline_country;  // "Malaysia", as written after the comma
  std::string outlet;            // "Reuters", from "(Reuters)", if given
  std::vector<Sentence> sentences;  // of the body, the dateline's prefix removed
};

// Reads `text` (which the caller has checked is UTF-8).
Article read_article(std::string_view text);

// Splits a paragraph into sentences at ". ", "? ", "! " (and quotes after them), not after
// abbreviations ("Oct.", "U.S.", "a.m.", "Mr.") or initials.
std::vector<std::string_view> split_sentences(std::string_view paragraph);

}  // namespace dipcal::draft

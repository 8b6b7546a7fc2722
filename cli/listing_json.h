// The listings of every event from a warm cache entry (cache.h, EntryListing), written straight to
// standard output with the bytes nlohmann::ordered_json::dump(2) gives the same values, so that
// `windows --json` and `order --json` cost about the bytes they print at any size.
#pragma once

#include "dipcal/cache/cache.h"

namespace dipcal::cli {

// Both print the answer kept beside the entry when it is there for the entry as it is now
// (EntryListing::kept), else format it from the listing and keep what they printed; false, having
// printed nothing, when the entry's arrays do not check (the caller loads the calendar instead).
//
// What `windows --json` prints: every event in chronological order with its window.
bool print_windows_json(EntryListing& listing);
// What `order --json` prints: the ids by dependency order (the listing must have one), or by time.
bool print_order_json(EntryListing& listing, bool by_time);

}  // namespace dipcal::cli

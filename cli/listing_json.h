// The listings of every event from a warm cache entry (cache.h, EntryListing), written straight to
// standard output with the bytes nlohmann::ordered_json::dump(2) gives the same values, so that
// `windows --json` and `order --json` cost about the bytes they print at any size.
#pragma once

#include "dipcal/cache/cache.h"

namespace dipcal::cli {

// What `windows --json` prints: every event in chronological order with its window. The listing
// must be ready(Columns::windows).
void print_windows_json(const EntryListing& listing);
// What `order --json` prints: the ids by dependency order (the listing must have one), or by time.
// The listing must be ready(Columns::ids).
void print_order_json(const EntryListing& listing, bool by_time);

}  // namespace dipcal::cli

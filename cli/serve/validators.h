// The validators of a served resource and the conditional requests they answer (RFC 9110 sections
// 8.8 and 13): a strong ETag made from the body's bytes, so the same selection of the same fixtures
// has the same tag in every run of every server; Last-Modified, the newest `updated` of the events
// served; and the decision between 200 and 304.
//
// If-None-Match is evaluated first and, when present, alone (section 13.2.2): `*` or any listed tag
// equal to ours by the weak comparison (13.1.2) answers 304. If-Modified-Since answers 304 only when
// nothing the body is made of can have changed since the date given: the newest `updated` is not
// later, *and* no fixture file was written later (an edit that forgets to bump `updated` still
// changes the body). A client that never got a Last-Modified gets 200: a 304 to any date would
// leave it with an old calendar forever.
//
//   http_date(Instant::from_unix(784111777)) == "Sun, 06 Nov 1994 08:49:37 GMT"
#pragma once

#include "dipcal/time/instant.h"

#include <optional>
#include <string>
#include <string_view>

namespace dipcal::serve {

// A quoted strong entity tag: "\"" + 32 hex digits of the body's 128-bit fingerprint + "\"".
std::string strong_etag(std::string_view body);

// IMF-fixdate (RFC 9110 section 5.6.7).
std::string http_date(Instant at);
// Any of the three forms a recipient must accept: IMF-fixdate, RFC 850 and asctime; nullopt for
// anything else (an invalid If-Modified-Since is ignored, section 13.1.3).
std::optional<Instant> parse_http_date(std::string_view text);

// Whether an If-None-Match field value names `etag` (weak comparison) or is "*".
bool if_none_match_matches(std::string_view field, std::string_view etag);

// Whether an Accept-Encoding field value (section 12.5.3) takes gzip: "gzip", "x-gzip" or "*" with a
// weight above 0 ("gzip;q=0" refuses it, whatever "*" says).
bool accepts_gzip(std::string_view field);

struct Validators {
  std::string etag;
  std::optional<Instant> last_modified;  // the newest `updated` of the selection; none when no event has one
  Instant written;                       // when the newest fixture file was last written
};

// Whether a GET or HEAD with these request fields (nullopt: absent) is answered 304 Not Modified.
bool not_modified(const Validators& validators, std::optional<std::string_view> if_none_match,
                  std::optional<std::string_view> if_modified_since);

}  // namespace dipcal::serve

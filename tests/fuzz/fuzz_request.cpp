// libFuzzer target: what `dipcal serve` reads from a request without HTTP (cli/serve/). The bytes are
// a request-target and, after the first newline, a header field value. An accepted target's
// canonical query reads back as the same selection; the field value goes through every header
// reader. Nothing may crash, hang or read outside the input.
#include "serve/request.h"
#include "serve/validators.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input{reinterpret_cast<const char*>(data), size};
  auto newline = input.find('\n');
  auto target = input.substr(0, newline);
  auto field = newline == std::string_view::npos ? std::string_view{} : input.substr(newline + 1);

  auto parsed = dipcal::serve::parse_request_target(target);
  if (auto* request = std::get_if<dipcal::serve::FeedRequest>(&parsed)) {
    auto canonical = dipcal::serve::resource_path(request->resource, request->id) + "?" + dipcal::serve::canonical_query(request->selection);
    // %-encoding triples a raw byte the target held unencoded: such a canonical form may pass the limit
    // the original stayed under (found by this target; tests/fuzz/regressions/request-canonical-over-limit.txt).
    if (canonical.size() <= dipcal::serve::kMaxTargetBytes) {
      auto again = dipcal::serve::parse_request_target(canonical);
      auto* back = std::get_if<dipcal::serve::FeedRequest>(&again);
      if (!back || back->resource != request->resource || back->id != request->id || !(back->selection == request->selection)) std::abort();
    }
  } else if (std::get<dipcal::serve::RequestError>(parsed).reason.empty()) {
    std::abort();  // a refusal always says why
  }

  if (auto date = dipcal::serve::parse_http_date(field)) {
    if (dipcal::serve::parse_http_date(dipcal::serve::http_date(*date)) != date) std::abort();
  }
  (void)dipcal::serve::accepts_gzip(field);
  (void)dipcal::serve::if_none_match_matches(field, dipcal::serve::strong_etag(target));
  return 0;
}

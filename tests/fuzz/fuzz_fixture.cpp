// libFuzzer target: the whole fixture loader (YAML event parser, tree builder, event reader) on
// arbitrary bytes. It must never crash, hang or report an error without a position in the file.
#include "dipcal/fixture/load.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  dipcal::LoadResult result;
  std::string_view text{reinterpret_cast<const char*>(data), size};
  dipcal::load_fixture_text(text, "fuzz.yaml", result);
  for (const auto& d : result.diagnostics.all())
    if (d.where.file != "fuzz.yaml" || d.where.line < 1 || d.where.col < 1) std::abort();
  if (result.timeline.size() > 0 && result.diagnostics.has_errors() && result.timeline.size() > size) std::abort();
  return 0;
}

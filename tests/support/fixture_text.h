// Fixtures a test writes as YAML text, loaded as the engine loads a file. Each helper fails the test
// (REQUIRE) when the text does not load cleanly, with every diagnostic in the message, so a typo in a
// test's fixture never passes as an answer about fewer events.
#pragma once

#include "dipcal/fixture/load.h"
#include "dipcal/model/diagnostics.h"
#include "dipcal/model/timeline.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

namespace dipcal::testing {

// The load of `yaml` as the file `file` (the name diagnostics give); no loader error allowed.
inline LoadResult load_clean(std::string_view yaml, const std::string& file = "test.yaml") {
  LoadResult r;
  load_fixture_text(yaml, file, r);
  std::string problems;
  for (const auto& d : r.diagnostics.all()) problems += format_diagnostic(d) + '\n';
  REQUIRE_MESSAGE(!r.diagnostics.has_errors(), "the test's fixture does not load:\n" << problems);
  return r;
}

// Its timeline.
inline Timeline timeline_of(std::string_view yaml, const std::string& file = "test.yaml") {
  return load_clean(yaml, file).timeline;
}

}  // namespace dipcal::testing

// Diagnostics: how problems are counted, ordered and written.
#include "dipcal/model/diagnostics.h"

#include <doctest/doctest.h>

using dipcal::Diagnostic;
using dipcal::Diagnostics;
using dipcal::Position;

TEST_CASE("did_you_mean lists the candidates as a sentence") {
  CHECK(dipcal::did_you_mean({}) == "");
  CHECK(dipcal::did_you_mean({"Asia/Seoul"}) == "did you mean Asia/Seoul?");
  CHECK(dipcal::did_you_mean({"a", "b"}) == "did you mean a or b?");
  CHECK(dipcal::did_you_mean({"a", "b", "c"}) == "did you mean a, b or c?");
}

TEST_CASE("format_diagnostic writes file:line:col, the problem, what was expected and the suggestion") {
  Diagnostic d{dipcal::Severity::error, Position{"f.yaml", 3, 5}, "unknown key 'titel' in an event", "one of id, title",
               "did you mean title?", {"f.yaml:9:1: the other one"}};
  CHECK(dipcal::format_diagnostic(d) ==
        "f.yaml:3:5: error: unknown key 'titel' in an event; expected one of id, title; did you mean title?\n"
        "    f.yaml:9:1: the other one");
  Diagnostic bare{dipcal::Severity::warning, Position{"", 0, 0}, "something odd", "", "", {}};
  CHECK(dipcal::format_diagnostic(bare) == "warning: something odd");
  Diagnostic whole_file{dipcal::Severity::error, Position{"gone.yaml", 0, 0}, "no such file or folder", "", "", {}};
  CHECK(dipcal::format_diagnostic(whole_file) == "gone.yaml: error: no such file or folder");
}

TEST_CASE("errors are counted, warnings are not; sort orders by file, line and column, stably") {
  Diagnostics all;
  all.warning(Position{"b.yaml", 1, 1}, "w");
  CHECK_FALSE(all.has_errors());
  all.error(Position{"b.yaml", 2, 1}, "second");
  all.error(Position{"a.yaml", 9, 9}, "first");
  all.error(Position{"b.yaml", 2, 1}, "third, same place as second");
  CHECK(all.error_count() == 3);
  all.sort();
  REQUIRE(all.all().size() == 4);
  CHECK(all.all()[0].message == "first");
  CHECK(all.all()[1].message == "w");
  CHECK(all.all()[2].message == "second");
  CHECK(all.all()[3].message == "third, same place as second");
  Diagnostics more;
  more.error(Position{"c.yaml", 1, 1}, "x");
  all.append(more);
  CHECK(all.error_count() == 4);
}

// Tables of cases for the functions that read or judge one piece of text (parsers, validators, name
// lookups): each row gives the text and what should come of it, and a failed check names the text it
// was given, so one loop serves a whole table without hiding which row failed.
//
//   check_cases(parse_civil_date, {{"2024-02-29", ymd(2024, 2, 29)}});  // read(text) == expected
//   check_accepted(is_slug, {"a", "apec-2025"});                         // read(text) is true, or a value
//   check_refused(parse_rfc3339, {"2025-10-30", ""});                    // read(text) is false, or empty
//
// `read` is anything callable with a std::string_view: a function, or a lambda that fills in the
// other arguments. An overloaded function or one with default arguments needs the lambda.
#pragma once

#include <doctest/doctest.h>

#include <initializer_list>
#include <string_view>
#include <type_traits>

namespace dipcal::testing {

// One row of a table: the text given, and what the function under test returns for it.
template <class Expected>
struct Case {
  std::string_view input;
  Expected expected;
};

// read(row.input) == row.expected for every row. `Expected` is the type `read` returns, so each row's
// expected value is written as that type is built: {"UK", "GB"}, {"2025-10-30", ymd(2025, 10, 30)}.
template <class Read, class Expected = std::invoke_result_t<Read&, std::string_view>>
void check_cases(Read read, std::initializer_list<Case<Expected>> rows) {
  for (const auto& row : rows) {
    CAPTURE(row.input);
    CHECK(read(row.input) == row.expected);
  }
}

// Every text is accepted: read(text) is true, or holds a value.
template <class Read>
void check_accepted(Read read, std::initializer_list<std::string_view> texts) {
  for (auto text : texts) {
    CAPTURE(text);
    CHECK(read(text));
  }
}

// Every text is refused: read(text) is false, or holds no value.
template <class Read>
void check_refused(Read read, std::initializer_list<std::string_view> texts) {
  for (auto text : texts) {
    CAPTURE(text);
    CHECK_FALSE(read(text));
  }
}

}  // namespace dipcal::testing

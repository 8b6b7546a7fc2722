// The one shape of a parser's answer when its caller needs to know why the text was refused: the
// value, or a ParseError that says what is wrong, where in the text, and what to write instead.
// It is C++23's std::expected<T, ParseError> in the little dipcal needs (has_value, value, error,
// * and ->), so that moving to std::expected is a rename.
//
//   Parsed<EdtfRange> r = parse_edtf("2025-13");
//   r.has_value() == false
//   r.error().message == "expected a month 01–12, XX, or a season 21–24",  r.error().offset == 5
//
// A parser that only answers "this form or not" returns std::optional instead: its caller tries the
// next form (a date, then a date-time, then EDTF) or writes the message itself, naming the field and
// the forms it takes, and there is no why to pass on.
//
// This header includes nothing from the engine, so the temporal core (time/) may use it and still
// stand on its own.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace dipcal {

struct ParseError {
  std::string message;  // what is wrong: "year outside 1900–2100"
  // Where in the text the problem starts, 0-based: a diagnostic adds it to the text's column. 0 also
  // when the parser blames the text as a whole.
  std::size_t offset = 0;
  std::string hint;                      // what to write instead; "" when the message says it
  std::vector<std::string> suggestions;  // known names near the one written, best first
};

template <typename T>
class Parsed {
 public:
  // Implicit, as std::expected's are, so that a parser can `return value;` or `return ParseError{…};`.
  Parsed(T value) : value_{std::move(value)} {}                // NOLINT(google-explicit-constructor)
  Parsed(ParseError error) : value_{std::move(error)} {}       // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool has_value() const { return value_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  // value() and * of an error, like error() of a value, throw std::bad_variant_access.
  [[nodiscard]] const T& value() const& { return std::get<0>(value_); }
  [[nodiscard]] T& value() & { return std::get<0>(value_); }
  [[nodiscard]] T&& value() && { return std::get<0>(std::move(value_)); }
  [[nodiscard]] const T& operator*() const& { return value(); }
  [[nodiscard]] T& operator*() & { return value(); }
  [[nodiscard]] T&& operator*() && { return std::move(*this).value(); }
  [[nodiscard]] const T* operator->() const { return &value(); }
  [[nodiscard]] T* operator->() { return &value(); }

  [[nodiscard]] const ParseError& error() const { return std::get<1>(value_); }

 private:
  std::variant<T, ParseError> value_;
};

}  // namespace dipcal

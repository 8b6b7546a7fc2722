// text/parsed.h: a value or the reason there is none, and never both.
#include "dipcal/text/parsed.h"

#include <doctest/doctest.h>

#include <string>
#include <variant>
#include <vector>

using dipcal::ParseError;
using dipcal::Parsed;

namespace {

// A stand-in parser: one digit, or where the text stops being one.
Parsed<int> digit(const std::string& text) {
  if (text.size() != 1) return ParseError{"expected one digit", text.empty() ? 0u : 1u, "write 0 to 9", {}};
  if (text[0] < '0' || text[0] > '9') return ParseError{"not a digit", 0, "", {"0", "9"}};
  return text[0] - '0';
}

}  // namespace

TEST_CASE("Parsed: a value reads like std::expected's") {
  auto seven = digit("7");
  REQUIRE(seven.has_value());
  CHECK(static_cast<bool>(seven));
  CHECK(seven.value() == 7);
  CHECK(*seven == 7);
  CHECK_THROWS_AS((void)seven.error(), std::bad_variant_access);
}

TEST_CASE("Parsed: an error says what, where, and what to write instead") {
  auto two = digit("42");
  REQUIRE_FALSE(two.has_value());
  CHECK(two.error().message == "expected one digit");
  CHECK(two.error().offset == 1);
  CHECK(two.error().hint == "write 0 to 9");
  CHECK(two.error().suggestions.empty());
  CHECK_THROWS_AS((void)two.value(), std::bad_variant_access);

  auto letter = digit("x");
  REQUIRE_FALSE(letter);
  CHECK(letter.error().suggestions == std::vector<std::string>{"0", "9"});
}

TEST_CASE("Parsed: -> and a moved value") {
  Parsed<std::string> text{std::string{"busan"}};
  CHECK(text->size() == 5);
  std::string taken = *std::move(text);
  CHECK(taken == "busan");
}

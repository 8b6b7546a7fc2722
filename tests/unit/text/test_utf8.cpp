// text/utf8.h against the Unicode Standard's Table 3-7 (Well-Formed UTF-8 Byte Sequences): the code
// points of the well-formed sequences were worked out by hand from their bits; every ill-formed one
// breaks a row of the table, named beside it.
#include "dipcal/text/utf8.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using dipcal::text::append_utf8;
using dipcal::text::next_code_point;

namespace {

// The whole of `bytes` read as one code point, or nothing.
std::optional<char32_t> only_code_point(std::string_view bytes) {
  auto cp = next_code_point(bytes, 0);
  if (!cp || cp->length != bytes.size()) return std::nullopt;
  return cp->value;
}

}  // namespace

TEST_CASE("next_code_point: one of each length, and each edge of Table 3-7") {
  CHECK(only_code_point("A") == U'\u0041');
  CHECK(only_code_point(std::string_view{"\0", 1}) == U'\0');
  CHECK(only_code_point("\x7F") == char32_t{0x7F});
  CHECK(only_code_point("\xC2\x80") == char32_t{0x80});      // C2 80: 00010 000000
  CHECK(only_code_point("\xC2\xA9") == char32_t{0xA9});      // ©: 00010 101001
  CHECK(only_code_point("\xDF\xBF") == char32_t{0x7FF});     // 11111 111111
  CHECK(only_code_point("\xE0\xA0\x80") == char32_t{0x800});  // the smallest three-byte form
  CHECK(only_code_point("\xE2\x82\xAC") == char32_t{0x20AC});  // €: 0010 000010 101100
  CHECK(only_code_point("\xED\x9F\xBF") == char32_t{0xD7FF});  // the last before the surrogates
  CHECK(only_code_point("\xEE\x80\x80") == char32_t{0xE000});  // the first after them
  CHECK(only_code_point("\xEF\xBF\xBF") == char32_t{0xFFFF});  // a noncharacter, but well-formed
  CHECK(only_code_point("\xF0\x90\x80\x80") == char32_t{0x10000});
  CHECK(only_code_point("\xF0\x9F\x98\x80") == char32_t{0x1F600});  // 😀: 000 011111 011000 000000
  CHECK(only_code_point("\xF4\x8F\xBF\xBF") == char32_t{0x10FFFF});
}

TEST_CASE("next_code_point: overlong forms are not characters") {
  CHECK_FALSE(next_code_point("\xC0\x80", 0));          // U+0000 in two bytes
  CHECK_FALSE(next_code_point("\xC1\xBF", 0));          // U+007F in two bytes
  CHECK_FALSE(next_code_point("\xE0\x80\xAF", 0));      // '/' in three bytes
  CHECK_FALSE(next_code_point("\xE0\x9F\xBF", 0));      // U+07FF in three bytes
  CHECK_FALSE(next_code_point("\xF0\x8F\xBF\xBF", 0));  // U+FFFF in four bytes
}

TEST_CASE("next_code_point: surrogates and code points past U+10FFFF are not characters") {
  CHECK_FALSE(next_code_point("\xED\xA0\x80", 0));      // U+D800
  CHECK_FALSE(next_code_point("\xED\xBF\xBF", 0));      // U+DFFF
  CHECK_FALSE(next_code_point("\xF4\x90\x80\x80", 0));  // U+110000
  CHECK_FALSE(next_code_point("\xF5\x80\x80\x80", 0));  // F5 starts nothing
  CHECK_FALSE(next_code_point("\xF7\xBF\xBF\xBF", 0));  // U+1FFFFF
  CHECK_FALSE(next_code_point("\xFF", 0));
  CHECK_FALSE(next_code_point("\xFE", 0));
}

TEST_CASE("next_code_point: cut short, a stray continuation, a broken continuation") {
  CHECK_FALSE(next_code_point("\xC2", 0));
  CHECK_FALSE(next_code_point("\xE2\x82", 0));
  CHECK_FALSE(next_code_point("\xF0\x9F\x98", 0));
  CHECK_FALSE(next_code_point("\x80", 0));
  CHECK_FALSE(next_code_point("\xBF", 0));
  CHECK_FALSE(next_code_point("\xE2\x28\xA1", 0));      // '(' where a continuation belongs
  CHECK_FALSE(next_code_point("\xF0\x9F\x98\x41", 0));  // 'A' where the last one belongs
  CHECK_FALSE(next_code_point("\xC2\xC2\xA9", 0));
  // A sequence cut short by the end of a view is cut short, whatever follows in memory.
  std::string_view euro{"\xE2\x82\xAC", 2};
  CHECK_FALSE(next_code_point(euro, 0));
}

TEST_CASE("next_code_point: read from the middle, and nothing past the end") {
  std::string_view text = "a\xE2\x82\xAC" "b";
  auto euro = next_code_point(text, 1);
  REQUIRE(euro);
  CHECK(euro->value == char32_t{0x20AC});
  CHECK(euro->length == 3);
  auto b = next_code_point(text, 4);
  REQUIRE(b);
  CHECK(b->value == U'b');
  CHECK_FALSE(next_code_point(text, 5));
  CHECK_FALSE(next_code_point(text, 2));  // inside the euro sign: a continuation byte
}

TEST_CASE("append_utf8: the bytes of Table 3-7 for one code point of each length and each edge") {
  auto utf8 = [](char32_t c) {
    std::string out;
    append_utf8(out, c);
    return out;
  };
  CHECK(utf8(0x41) == "A");
  CHECK(utf8(0x7F) == "\x7F");
  CHECK(utf8(0x80) == "\xC2\x80");
  CHECK(utf8(0x7FF) == "\xDF\xBF");
  CHECK(utf8(0x800) == "\xE0\xA0\x80");
  CHECK(utf8(0x20AC) == "\xE2\x82\xAC");
  CHECK(utf8(0xFFFD) == "\xEF\xBF\xBD");
  CHECK(utf8(0x10000) == "\xF0\x90\x80\x80");
  CHECK(utf8(0x10FFFF) == "\xF4\x8F\xBF\xBF");
}

// UTF-8 as the Unicode Standard defines it (chapter 3.9, Table 3-7 "Well-Formed UTF-8 Byte
// Sequences"), read one code point at a time and written back. Every reader of text in dipcal — the
// loader's check that a file is text, the XML escaper, the ICS line folder, the label measurer —
// decodes with next_code_point, so they agree on what is a character and what is not.
//
// Well-formed means: the shortest form (C0 80 is not U+0000), no surrogate (ED A0 80, U+D800, is
// not a character), nothing above U+10FFFF (F4 90 80 80), and the whole sequence present.
//
//   next_code_point("\xE2\x82\xAC", 0)   {U+20AC, 3}   the euro sign
//   next_code_point("\xC0\x80", 0)       nullopt       an overlong NUL
//   next_code_point("\xE2\x82", 0)       nullopt       cut short
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dipcal::text {

struct CodePoint {
  char32_t value = 0;
  std::size_t length = 0;  // its bytes in UTF-8, 1 to 4
};

// The code point whose UTF-8 starts at text[at]; nullopt when the bytes there do not begin a
// well-formed sequence, or at is past the end. A reader that goes on after nullopt steps one byte.
std::optional<CodePoint> next_code_point(std::string_view text, std::size_t at);

// `code_point` (at most U+10FFFF, not a surrogate) appended to `out` in UTF-8.
void append_utf8(std::string& out, char32_t code_point);

}  // namespace dipcal::text

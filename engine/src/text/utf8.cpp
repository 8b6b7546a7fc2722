#include "dipcal/text/utf8.h"

namespace dipcal::text {

std::optional<CodePoint> next_code_point(std::string_view text, std::size_t at) {
  if (at >= text.size()) return std::nullopt;
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[at + k]); };
  auto lead = byte(0);
  if (lead < 0x80) return CodePoint{lead, 1};
  // Table 3-7: the lead byte gives the length and its payload bits; only the second byte's range
  // depends on the lead (it is what rules out overlongs, surrogates and code points over U+10FFFF).
  std::size_t length = 0;
  char32_t value = 0;
  unsigned char second_min = 0x80, second_max = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, value = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, value = lead & 0x0F;
    if (lead == 0xE0) second_min = 0xA0;  // below: an overlong form of U+0000..U+07FF
    if (lead == 0xED) second_max = 0x9F;  // above: the surrogates U+D800..U+DFFF
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, value = lead & 0x07;
    if (lead == 0xF0) second_min = 0x90;  // below: an overlong form of U+0000..U+FFFF
    if (lead == 0xF4) second_max = 0x8F;  // above: past U+10FFFF
  } else {
    return std::nullopt;  // a continuation byte, C0, C1 (always overlong) or F5..FF (always too large)
  }
  if (text.size() - at < length) return std::nullopt;
  for (std::size_t k = 1; k < length; ++k) {
    auto b = byte(k);
    if (b < (k == 1 ? second_min : 0x80) || b > (k == 1 ? second_max : 0xBF)) return std::nullopt;
    value = (value << 6) | (b & 0x3F);
  }
  return CodePoint{value, length};
}

void append_utf8(std::string& out, char32_t code_point) {
  auto c = code_point;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace dipcal::text

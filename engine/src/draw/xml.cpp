// XML text: escaping and numbers, for the SVG writer.
#include "dipcal/draw/svg.h"

#include "dipcal/text/utf8.h"

#include <fmt/format.h>

#include <cmath>

namespace dipcal::svg {

using text::append_utf8;
using text::next_code_point;

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    auto cp = next_code_point(text, i);
    if (!cp) {
      append_utf8(out, 0xFFFD);
      ++i;
      continue;
    }
    auto c = cp->value;
    i += cp->length;
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) break;
        append_utf8(out, c);
    }
  }
  return out;
}

std::string number(double value) {
  double rounded = std::round(value * 100) / 100;
  if (rounded == 0) rounded = 0;  // no "-0"
  auto text = fmt::format("{:.2f}", rounded);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

}  // namespace dipcal::svg

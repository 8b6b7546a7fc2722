#include "dipcal/text/names.h"

#include <algorithm>

namespace dipcal::text {

namespace {

bool is_slug_character(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

}  // namespace

bool is_slug(std::string_view text) {
  if (text.empty() || text.size() > kMaxSlugLength || text.front() == '-' || text.back() == '-') return false;
  return std::all_of(text.begin(), text.end(), is_slug_character);
}

std::string slugify(std::string_view text) {
  std::string out;
  bool hyphen = false;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) {
      if (hyphen && !out.empty()) out += '-';
      out += c;
      hyphen = false;
    } else if (u >= 'A' && u <= 'Z') {
      if (hyphen && !out.empty()) out += '-';
      out += static_cast<char>(u - 'A' + 'a');
      hyphen = false;
    } else {
      hyphen = true;
    }
    if (out.size() >= kMaxSlugLength) break;
  }
  while (out.size() > kMaxSlugLength || (!out.empty() && out.back() == '-')) out.pop_back();
  return out;
}

bool is_web_address(std::string_view text) {
  for (std::string_view scheme : {"https://", "http://"})
    if (text.substr(0, scheme.size()) == scheme)
      return text.size() > scheme.size() && text[scheme.size()] != '/' && text.find(' ') == std::string_view::npos;
  return false;
}

}  // namespace dipcal::text

#include "dipcal/ics/reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace dipcal::ics {

const ContentLine* Component::find(std::string_view property) const {
  for (const auto& p : properties)
    if (p.name == property) return &p;
  return nullptr;
}

std::vector<const ContentLine*> Component::all(std::string_view property) const {
  std::vector<const ContentLine*> found;
  for (const auto& p : properties)
    if (p.name == property) found.push_back(&p);
  return found;
}

ParsedStream parse_stream(std::string_view text) {
  ParsedStream out;
  // Components nest only a few levels (VCALENDAR > VEVENT > VALARM); a deeper stack is an attack or
  // a broken file, and is refused rather than followed.
  constexpr std::size_t kMaxDepth = 16;
  std::vector<Component> stack;
  auto upper = [](std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
  };
  for (const auto& raw : unfold(text)) {
    auto parsed = parse_line(raw);
    if (!parsed) {
      out.problems.push_back({raw.line, parsed.error().message});
      continue;
    }
    auto& line = *parsed;
    if (line.name == "BEGIN") {
      if (stack.size() >= kMaxDepth) {
        out.problems.push_back({raw.line, fmt::format("components nested more than {} deep", kMaxDepth)});
        return out;
      }
      stack.push_back(Component{upper(line.value), {}, {}, raw.line});
      continue;
    }
    if (line.name == "END") {
      auto name = upper(line.value);
      if (stack.empty()) {
        out.problems.push_back({raw.line, fmt::format("END:{} without a BEGIN", name)});
        continue;
      }
      // A mismatched END closes the components it skips over, each reported.
      auto match = std::find_if(stack.rbegin(), stack.rend(), [&](const Component& c) { return c.name == name; });
      if (match == stack.rend()) {
        out.problems.push_back({raw.line, fmt::format("END:{} does not close the open {}", name, stack.back().name)});
        continue;
      }
      while (true) {
        auto done = std::move(stack.back());
        stack.pop_back();
        bool last = done.name == name;
        if (!last) out.problems.push_back({done.line, fmt::format("{} is not closed before END:{}", done.name, name)});
        if (stack.empty()) out.calendars.push_back(std::move(done));
        else stack.back().children.push_back(std::move(done));
        if (last) break;
      }
      continue;
    }
    if (stack.empty()) {
      out.problems.push_back({raw.line, fmt::format("{} outside any component", line.name)});
      continue;
    }
    stack.back().properties.push_back(std::move(line));
  }
  while (!stack.empty()) {
    auto done = std::move(stack.back());
    stack.pop_back();
    out.problems.push_back({done.line, fmt::format("{} is not closed at the end of the file", done.name)});
    if (stack.empty()) out.calendars.push_back(std::move(done));
    else stack.back().children.push_back(std::move(done));
  }
  return out;
}

}  // namespace dipcal::ics

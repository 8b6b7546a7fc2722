#include "dipcal/model/diagnostics.h"

#include "dipcal/text/utf8.h"

#include <fmt/format.h>

#include <algorithm>

namespace dipcal {

const std::string& FileName::none() {
  static const std::string empty;
  return empty;
}

Diagnostic& Diagnostics::error(Position where, std::string message, std::string expected, std::string suggestion) {
  ++errors_;
  return items_.emplace_back(Diagnostic{Severity::error, std::move(where), std::move(message), std::move(expected), std::move(suggestion), {}});
}

Diagnostic& Diagnostics::warning(Position where, std::string message, std::string expected, std::string suggestion) {
  return items_.emplace_back(Diagnostic{Severity::warning, std::move(where), std::move(message), std::move(expected), std::move(suggestion), {}});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
  errors_ += other.errors_;
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.where.file, a.where.line, a.where.col) < std::tie(b.where.file, b.where.line, b.where.col);
  });
}

std::string did_you_mean(const std::vector<std::string>& candidates) {
  if (candidates.empty()) return {};
  if (candidates.size() == 1) return fmt::format("did you mean {}?", candidates[0]);
  std::vector<std::string> head(candidates.begin(), candidates.end() - 1);
  return fmt::format("did you mean {} or {}?", fmt::join(head, ", "), candidates.back());
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string text;
  if (!d.where.file.empty()) {
    text = d.where.file.str();
    if (d.where.line > 0) text += fmt::format(":{}:{}", d.where.line, d.where.col);
    text += ": ";
  }
  text += d.severity == Severity::error ? "error: " : "warning: ";
  text += d.message;
  if (!d.expected.empty()) text += fmt::format("; expected {}", d.expected);
  if (!d.suggestion.empty()) text += fmt::format("; {}", d.suggestion);
  for (const auto& note : d.notes) text += fmt::format("\n    {}", note);
  return text;
}

std::optional<Position> first_bad_text_byte(std::string_view text, const FileName& file, std::string& what) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    auto here = [&] { return Position{file, line, static_cast<int>(i - line_start + 1)}; };
    if (c == 0) {
      what = "a NUL byte";
      return here();
    }
    if (c == '\n') {
      ++line;
      line_start = ++i;
      continue;
    }
    auto cp = dipcal::text::next_code_point(text, i);
    if (!cp) {
      what = fmt::format("a byte 0x{:02X} that is not UTF-8", c);
      return here();
    }
    i += cp->length;
  }
  return std::nullopt;
}

}  // namespace dipcal

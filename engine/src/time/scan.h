// A cursor over text for the strict fixed-width parsers of the temporal core.
#pragma once

#include <charconv>
#include <optional>
#include <string_view>

namespace dipcal::detail {

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_{text} {}

  [[nodiscard]] bool done() const { return pos_ == text_.size(); }
  [[nodiscard]] std::size_t pos() const { return pos_; }
  [[nodiscard]] char peek() const { return done() ? '\0' : text_[pos_]; }
  [[nodiscard]] std::string_view rest() const { return text_.substr(pos_); }

  bool eat(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }

  // Exactly `width` ASCII digits.
  std::optional<int> digits(std::size_t width) {
    if (text_.size() - pos_ < width) return std::nullopt;
    int value = 0;
    for (std::size_t i = 0; i < width; ++i) {
      char c = text_[pos_ + i];
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + (c - '0');
    }
    pos_ += width;
    return value;
  }

  // One or more ASCII digits, at most `max_width`.
  std::optional<long long> number(std::size_t max_width = 18) {
    std::size_t end = pos_;
    while (end < text_.size() && end - pos_ < max_width && text_[end] >= '0' && text_[end] <= '9') ++end;
    if (end == pos_) return std::nullopt;
    if (end < text_.size() && text_[end] >= '0' && text_[end] <= '9') return std::nullopt;  // too long
    long long value = 0;
    std::from_chars(text_.data() + pos_, text_.data() + end, value);
    pos_ = end;
    return value;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace dipcal::detail

namespace dipcal {
class CivilDate;
class CivilDateTime;
}  // namespace dipcal

namespace dipcal::detail {
// Defined in civil.cpp: the shared date and date-time grammar, for parsers that continue after it.
std::optional<CivilDate> scan_civil_date(Scanner& s);
std::optional<CivilDateTime> scan_civil_date_time(Scanner& s);
}  // namespace dipcal::detail

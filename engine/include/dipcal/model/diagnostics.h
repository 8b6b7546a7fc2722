// Problems found in the input, each with where it is, what was expected and what might be meant.
#pragma once

#include <fmt/format.h>

#include <compare>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dipcal {

// A fixture file's name as positions carry it. Every value read from a file has a position, and a
// large calendar has millions: the name is shared, so copying a FileName copies a pointer, not the
// name. It reads as the std::string it holds.
class FileName {
 public:
  FileName() = default;
  FileName(std::string name) : name_{std::make_shared<const std::string>(std::move(name))} {}  // NOLINT: implicit on purpose
  FileName(const char* name) : FileName{std::string{name}} {}                                   // NOLINT

  [[nodiscard]] const std::string& str() const { return name_ ? *name_ : none(); }
  operator const std::string&() const { return str(); }  // NOLINT: reads as its name
  [[nodiscard]] bool empty() const { return str().empty(); }

  friend bool operator==(const FileName& a, const FileName& b) { return a.name_ == b.name_ || a.str() == b.str(); }
  friend std::strong_ordering operator<=>(const FileName& a, const FileName& b) { return a.str().compare(b.str()) <=> 0; }

 private:
  static const std::string& none();
  std::shared_ptr<const std::string> name_;
};

// A place in a fixture file; line and column count from 1, as editors show them.
struct Position {
  FileName file;
  int line = 0;
  int col = 0;
};

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  Position where;
  std::string message;     // what is wrong: "unknown zone 'Asia/Seol'"
  std::string expected;    // what would be right: "an IANA zone name such as Asia/Seoul"
  std::string suggestion;  // a likely fix: "did you mean Asia/Seoul?"
  std::vector<std::string> notes;  // further lines: the other places involved, the full cycle, …
};

class Diagnostics {
 public:
  Diagnostic& error(Position where, std::string message, std::string expected = {}, std::string suggestion = {});
  Diagnostic& warning(Position where, std::string message, std::string expected = {}, std::string suggestion = {});

  [[nodiscard]] bool has_errors() const { return errors_ > 0; }
  [[nodiscard]] std::size_t error_count() const { return errors_; }
  [[nodiscard]] const std::vector<Diagnostic>& all() const { return items_; }
  void append(const Diagnostics& other);
  // Stable order for output: by file, line, column, then the order they were found.
  void sort();

 private:
  std::vector<Diagnostic> items_;
  std::size_t errors_ = 0;
};

// "did you mean X?" / "did you mean X, Y or Z?"; empty when there are no candidates.
std::string did_you_mean(const std::vector<std::string>& candidates);

// "file:line:col: error: message; expected …; did you mean …?" plus one indented line per note.
std::string format_diagnostic(const Diagnostic& d);

// The first byte of `text` that is not well-formed UTF-8 (RFC 3629: no overlong forms, surrogates or
// code points past U+10FFFF) or is NUL, as a position in `file`, with `what` saying which; nullopt
// when the text is clean.
std::optional<Position> first_bad_text_byte(std::string_view text, const FileName& file, std::string& what);

}  // namespace dipcal

template <>
struct fmt::formatter<dipcal::FileName> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(const dipcal::FileName& name, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(name.str(), ctx);
  }
};

// RFC 5545 content lines (section 3.1): the text form every iCalendar property takes, written and read.
//
//   NAME;PARAM=value;PARAM="quoted: value":the value
//
// Writing: a line longer than 75 octets is folded (CRLF and one space), never inside a UTF-8
// sequence and never between a backslash and the character it escapes. TEXT values escape `\ ; ,`
// and newlines (section 3.3.11); parameter values that need it are quoted, and the characters a
// quoted value cannot hold are written as RFC 6868 says (^' for ", ^n for a newline, ^^ for ^).
//
//   escape_text("Busan; Gyeongju, KR") == "Busan\\; Gyeongju\\, KR"
//   fold("DESCRIPTION:" + 80 × "x") == "DESCRIPTION:xxx…(63 x)\r\n xxx…(17 x)\r\n"
//
// Reading undoes each step: unfold, split the name, parameters and value, decode RFC 6868 and
// unescape TEXT. Reading is lenient where real files are (bare LF line ends, lower-case names).
#pragma once

#include "dipcal/text/parsed.h"

#include <string>
#include <string_view>
#include <vector>

namespace dipcal::ics {

inline constexpr std::size_t kMaxLineOctets = 75;  // RFC 5545 section 3.1, without the CRLF

struct Parameter {
  std::string name;                 // upper case
  std::vector<std::string> values;  // decoded: quotes removed, RFC 6868 applied
};

struct ContentLine {
  std::string name;  // upper case
  std::vector<Parameter> params;
  std::string value;  // as written (still escaped for TEXT)
  int line = 0;       // the first physical line it came from, counting from 1

  // The first value of a parameter, or "" when absent.
  [[nodiscard]] std::string param(std::string_view key) const;
  [[nodiscard]] bool has_param(std::string_view key) const;
};

// TEXT (section 3.3.11). CR, LF and CRLF become "\n"; other control characters, which TEXT cannot
// carry, become U+FFFD so that nothing in a value can end the line.
std::string escape_text(std::string_view text);
std::string unescape_text(std::string_view value);
// A TEXT list (CATEGORIES): split on unescaped commas, each item unescaped.
std::vector<std::string> split_text_list(std::string_view value);

// A parameter value: bare when it can be, else in double quotes, RFC 6868-encoded.
std::string param_value(std::string_view value);

// The unfolded line "NAME;P=v:value" (no line end).
std::string format_line(const ContentLine& line);
// Folds one unfolded line into physical lines of at most kMaxLineOctets octets, each ending CRLF.
std::string fold(std::string_view line);

// Reading. unfold() joins continuation lines and accepts CRLF or bare LF; parse_line() splits one
// unfolded line, or says why it cannot and at which character.
struct UnfoldedLine {
  std::string text;
  int line = 0;
};
std::vector<UnfoldedLine> unfold(std::string_view stream);
Parsed<ContentLine> parse_line(const UnfoldedLine& in);

// Builds a calendar stream line by line.
class LineWriter {
 public:
  void add(std::string_view name, std::string_view value) { add(name, {}, value); }
  void add(std::string_view name, const std::vector<Parameter>& params, std::string_view value);
  void add_text(std::string_view name, std::string_view text);  // add(name, escape_text(text)), without the copy
  void reserve(std::size_t bytes) { out_.reserve(bytes); }
  [[nodiscard]] const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  std::string line_;  // the unfolded line being written, reused to spare an allocation per line
};

}  // namespace dipcal::ics

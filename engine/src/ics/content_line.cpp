#include "dipcal/ics/content_line.h"

#include "dipcal/text/utf8.h"

#include <algorithm>
#include <cctype>

namespace dipcal::ics {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool is_control(unsigned char c) { return (c < 0x20 && c != '\t') || c == 0x7F; }

std::string upper(std::string_view s) {
  std::string out{s};
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// The length of the indivisible unit at `i`: one character, or a backslash with the character it
// escapes (a fold between them would leave a bare backslash at the end of a physical line). Bytes
// that are not well-formed UTF-8 are no character: they count one by one.
std::size_t unit_at(std::string_view s, std::size_t i) {
  auto length = [&](std::size_t at) {
    auto cp = text::next_code_point(s, at);
    return cp ? cp->length : std::size_t{1};
  };
  if (s[i] == '\\' && i + 1 < s.size()) return 1 + length(i + 1);
  return length(i);
}

}  // namespace

std::string ContentLine::param(std::string_view key) const {
  for (const auto& p : params)
    if (p.name == key && !p.values.empty()) return p.values.front();
  return {};
}

bool ContentLine::has_param(std::string_view key) const {
  return std::any_of(params.begin(), params.end(), [&](const Parameter& p) { return p.name == key; });
}

namespace {

// Section 3.3.11: backslash, semicolon, comma and line ends are escaped; other controls cannot
// appear in TEXT and become U+FFFD.
bool needs_escape(unsigned char c) { return c == '\\' || c == ';' || c == ',' || is_control(c); }

void append_escaped(std::string& out, std::string_view text) {
  std::size_t run = 0;  // start of the stretch that needs no escaping, copied in one piece
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (!needs_escape(c)) continue;
    out.append(text.substr(run, i - run));
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r':
        out += "\\n";
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        break;
      default: out += kReplacement;
    }
    run = i + 1;
  }
  out.append(text.substr(run));
}

}  // namespace

std::string escape_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  append_escaped(out, text);
  return out;
}

std::string unescape_text(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] != '\\' || i + 1 == value.size()) {
      out += value[i];
      continue;
    }
    char next = value[++i];
    if (next == 'n' || next == 'N') out += '\n';
    else if (next == '\\' || next == ';' || next == ',') out += next;
    else {  // not an escape RFC 5545 defines: keep both characters, as most readers do
      out += '\\';
      out += next;
    }
  }
  return out;
}

std::vector<std::string> split_text_list(std::string_view value) {
  std::vector<std::string> items;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= value.size(); ++i) {
    if (i < value.size() && value[i] == '\\') {
      ++i;
      continue;
    }
    if (i == value.size() || value[i] == ',') {
      items.push_back(unescape_text(value.substr(begin, i - begin)));
      begin = i + 1;
    }
  }
  return items;
}

std::string param_value(std::string_view value) {
  bool quote = value.empty();
  std::string body;
  for (char c : value) {
    auto u = static_cast<unsigned char>(c);
    if (c == ';' || c == ':' || c == ',' || c == ' ') quote = true;
    // RFC 6868 section 3: ^ itself, a newline and a double quote are the three encoded characters.
    if (c == '^') body += "^^";
    else if (c == '"') body += "^'", quote = true;
    else if (c == '\n') body += "^n", quote = true;
    else if (c == '\r') continue;
    else if (is_control(u)) body += kReplacement;
    else body += c;
  }
  return quote ? "\"" + body + "\"" : body;
}

namespace {

void append_line(std::string& out, std::string_view name, const std::vector<Parameter>& params, std::string_view value) {
  out += name;
  for (const auto& p : params) {
    out += ';';
    out += p.name;
    out += '=';
    for (std::size_t i = 0; i < p.values.size(); ++i) {
      if (i > 0) out += ',';
      out += param_value(p.values[i]);
    }
  }
  out += ':';
  out += value;
}

void append_folded(std::string& out, std::string_view line) {
  if (line.size() <= kMaxLineOctets) {  // most lines: nothing to fold
    out += line;
    out += "\r\n";
    return;
  }
  std::size_t used = 0;  // octets on the current physical line
  for (std::size_t i = 0; i < line.size();) {
    auto n = unit_at(line, i);
    if (used + n > kMaxLineOctets) {
      out += "\r\n ";
      used = 1;
    }
    out.append(line.substr(i, n));
    used += n;
    i += n;
  }
  out += "\r\n";
}

}  // namespace

std::string format_line(const ContentLine& line) {
  std::string out;
  append_line(out, line.name, line.params, line.value);
  return out;
}

std::string fold(std::string_view line) {
  std::string out;
  out.reserve(line.size() + line.size() / 64 * 3 + 2);
  append_folded(out, line);
  return out;
}

std::vector<UnfoldedLine> unfold(std::string_view stream) {
  std::vector<UnfoldedLine> lines;
  int physical = 0;
  std::size_t pos = 0;
  if (stream.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;  // a byte-order mark
  while (pos < stream.size()) {
    auto end = stream.find('\n', pos);
    if (end == std::string_view::npos) end = stream.size();
    auto text = stream.substr(pos, end - pos);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    ++physical;
    pos = end + 1;
    // Section 3.1: a line that starts with one space or tab continues the previous one.
    if (!text.empty() && (text.front() == ' ' || text.front() == '\t') && !lines.empty()) {
      lines.back().text.append(text.substr(1));
      continue;
    }
    if (text.empty()) continue;  // blank lines are not content lines; real files have them at the end
    lines.push_back(UnfoldedLine{std::string{text}, physical});
  }
  return lines;
}

// Each refusal points at the character where the line stops following section 3.1's grammar.
Parsed<ContentLine> parse_line(const UnfoldedLine& in) {
  std::string_view s = in.text;
  ContentLine out;
  out.line = in.line;
  auto is_name_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; };
  std::size_t i = 0;
  while (i < s.size() && is_name_char(s[i])) ++i;
  if (i == 0) return ParseError{"a content line must start with a property name", i, "", {}};
  out.name = upper(s.substr(0, i));
  while (i < s.size() && s[i] == ';') {
    ++i;
    auto begin = i;
    while (i < s.size() && is_name_char(s[i])) ++i;
    if (i == begin || i == s.size() || s[i] != '=') return ParseError{"a parameter must be NAME=value", i, "", {}};
    Parameter p{upper(s.substr(begin, i - begin)), {}};
    ++i;
    while (true) {
      std::string raw;
      if (i < s.size() && s[i] == '"') {
        auto close = s.find('"', i + 1);
        if (close == std::string_view::npos) return ParseError{"a quoted parameter value is not closed", i, "", {}};
        raw = std::string{s.substr(i + 1, close - i - 1)};
        i = close + 1;
      } else {
        auto begin_value = i;
        while (i < s.size() && s[i] != ';' && s[i] != ':' && s[i] != ',' && s[i] != '"') ++i;
        raw = std::string{s.substr(begin_value, i - begin_value)};
      }
      // RFC 6868: ^n, ^' and ^^; a ^ before anything else stays as it is.
      std::string value;
      for (std::size_t k = 0; k < raw.size(); ++k) {
        if (raw[k] == '^' && k + 1 < raw.size() && (raw[k + 1] == 'n' || raw[k + 1] == '\'' || raw[k + 1] == '^')) {
          char next = raw[++k];
          value += next == 'n' ? '\n' : next == '\'' ? '"' : '^';
        } else {
          value += raw[k];
        }
      }
      p.values.push_back(std::move(value));
      if (i < s.size() && s[i] == ',') {
        ++i;
        continue;
      }
      break;
    }
    out.params.push_back(std::move(p));
  }
  if (i >= s.size() || s[i] != ':') return ParseError{"expected ':' before the value", i, "", {}};
  out.value = std::string{s.substr(i + 1)};
  return out;
}

void LineWriter::add_text(std::string_view name, std::string_view text) {
  line_.clear();
  line_ += name;
  line_ += ':';
  append_escaped(line_, text);
  append_folded(out_, line_);
}

void LineWriter::add(std::string_view name, const std::vector<Parameter>& params, std::string_view value) {
  line_.clear();
  append_line(line_, name, params, value);
  append_folded(out_, line_);
}

}  // namespace dipcal::ics

#include "listing_json.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>

namespace dipcal::cli {

namespace {

// Standard output through one buffer, written in large pieces.
class Out {
 public:
  Out() { text_.reserve(kFlushAt + 4096); }
  ~Out() { flush(); }
  Out(const Out&) = delete;
  Out& operator=(const Out&) = delete;

  std::string& text() { return text_; }
  void maybe_flush() {
    if (text_.size() >= kFlushAt) flush();
  }
  void flush() {
    std::fwrite(text_.data(), 1, text_.size(), stdout);
    text_.clear();
  }

 private:
  static constexpr std::size_t kFlushAt = 1 << 20;
  std::string text_;
};

// A JSON string as nlohmann writes it: as is when nothing in it needs escaping (ids and zone names
// never do), else through nlohmann.
void append_string(std::string& out, std::string_view s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) {
      out += nlohmann::ordered_json(std::string{s}).dump();
      return;
    }
  out += '"';
  out.append(s);
  out += '"';
}

void append_instant(std::string& out, const std::optional<Instant>& at) {
  if (!at) {
    out += "null";
    return;
  }
  out += '"';
  append_rfc3339(out, *at);
  out += '"';
}

}  // namespace

void print_windows_json(const EntryListing& listing) {
  Out out;
  auto& text = out.text();
  if (listing.size() == 0) text += "[]";
  for (std::size_t k = 0; k < listing.size(); ++k) {
    auto i = listing.chronological(k);
    auto w = listing.window(i);
    text += k == 0 ? "[\n  {\n    \"id\": " : ",\n  {\n    \"id\": ";
    append_string(text, listing.id(i));
    text += ",\n    \"zone\": ";
    append_string(text, listing.zone(i));
    text += listing.dated(i) ? ",\n    \"dated\": true,\n    \"earliest_start_utc\": " : ",\n    \"dated\": false,\n    \"earliest_start_utc\": ";
    append_instant(text, w.start.earliest);
    text += ",\n    \"latest_start_utc\": ";
    append_instant(text, w.start.latest);
    text += ",\n    \"earliest_end_utc\": ";
    append_instant(text, w.end.earliest);
    text += ",\n    \"latest_end_utc\": ";
    append_instant(text, w.end.latest);
    text += "\n  }";
    out.maybe_flush();
  }
  text += listing.size() == 0 ? "\n" : "\n]\n";
}

void print_order_json(const EntryListing& listing, bool by_time) {
  Out out;
  auto& text = out.text();
  if (listing.size() == 0) text += "[]";
  for (std::size_t k = 0; k < listing.size(); ++k) {
    text += k == 0 ? "[\n  " : ",\n  ";
    append_string(text, listing.id(by_time ? listing.chronological(k) : listing.by_dependency(k)));
    out.maybe_flush();
  }
  text += listing.size() == 0 ? "\n" : "\n]\n";
}

}  // namespace dipcal::cli

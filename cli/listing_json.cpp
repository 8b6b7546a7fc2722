#include "listing_json.h"

#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace dipcal::cli {

namespace {

// The bytes a JSON string cannot hold as they are (nlohmann escapes these; bytes from 0x80 on are
// UTF-8, which it checks).
constexpr auto kNotPlain = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c) table[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
  return table;
}();

// A JSON string as nlohmann writes it: as is when nothing in it needs escaping (ids and zone names
// never do), else through nlohmann.
void append_string(std::string& out, std::string_view s) {
  for (unsigned char c : s)
    if (kNotPlain[c]) {
      out += nlohmann::ordered_json(std::string{s}).dump();
      return;
    }
  auto at = out.size();
  out.resize(at + s.size() + 2);
  out[at] = '"';
  if (!s.empty()) std::memcpy(out.data() + at + 1, s.data(), s.size());
  out[at + s.size() + 1] = '"';
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

using Sink = std::function<void(std::string_view)>;

// The array's items [0, count) as nlohmann's dump(2) writes them, each by `item(out, k)` after
// its separator, then the closing bracket, into `write`. Items are written in batches, each batch's
// parts on one thread a core and written out in order: the time is the formatting's, shared, and
// the writing's.
void print_array(std::size_t count, const Sink& write, const std::function<void(std::string&, std::size_t)>& item) {
  if (count == 0) {
    write("[]\n");
    return;
  }
  constexpr std::size_t kPart = 16384;
  auto threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
  std::vector<std::string> parts(threads);
  for (std::size_t batch = 0; batch < count; batch += kPart * threads) {
    auto format = [&](std::size_t t) {
      auto& out = parts[t];
      out.clear();
      auto first = batch + t * kPart, last = std::min(count, first + kPart);
      for (auto k = first; k < last; ++k) {
        out.append(k == 0 ? std::string_view{"[\n  "} : std::string_view{",\n  "});
        item(out, k);
      }
    };
    {
      std::vector<std::jthread> helpers;
      for (std::size_t t = 1; t < threads && batch + t * kPart < count; ++t) helpers.emplace_back(format, t);
      format(0);
    }
    for (const auto& p : parts)
      if (!p.empty()) write(p);
    for (auto& p : parts) p.clear();
  }
  write("\n]\n");
}

// Where standard output stands, when what is written there from now on can be taken back: a
// regular file, which ftruncate returns to that length.
std::optional<off_t> undoable_stdout() {
  if (std::fflush(stdout) != 0) return std::nullopt;
  struct stat st {};
  auto fd = fileno(stdout);
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  auto at = ::lseek(fd, 0, SEEK_CUR);
  if (at < 0) return std::nullopt;
  return at;
}

// The answer kept under `name`, or `format`'s, printed and kept. Into a regular file the kept
// answer is written while it is checked, and taken back if a part of it does not check; anywhere
// else (a pipe, a terminal) it is checked whole before the first byte goes out.
bool print_kept(EntryListing& listing, std::string_view name, EntryListing::Columns columns, const std::function<void(const Sink&)>& format) {
  if (auto start = undoable_stdout()) {
    auto streamed = listing.stream_kept(name, [](std::string_view run) { return std::fwrite(run.data(), 1, run.size(), stdout) == run.size(); });
    if (streamed == KeptStream::whole) return true;
    if (streamed == KeptStream::broken) {
      if (std::ferror(stdout)) return true;  // standard output failed; the command reports it (app.cpp)
      std::fflush(stdout);
      if (::ftruncate(fileno(stdout), *start) != 0 || std::fseek(stdout, *start, SEEK_SET) != 0) return true;
    }
  } else if (auto kept = listing.kept(name)) {
    std::fwrite(kept->data(), 1, kept->size(), stdout);
    return true;
  }
  if (!listing.ready(columns)) return false;
  auto keeper = listing.keep(name);
  format([&](std::string_view bytes) {
    std::fwrite(bytes.data(), 1, bytes.size(), stdout);
    keeper.add(bytes);
  });
  keeper.commit();
  return true;
}

}  // namespace

bool print_windows_json(EntryListing& listing) {
  return print_kept(listing, "windows-json", EntryListing::Columns::windows, [&](const Sink& write) {
    print_array(listing.size(), write, [&](std::string& out, std::size_t k) {
      auto i = listing.chronological(k);
      auto w = listing.window(i);
      out += "{\n    \"id\": ";
      append_string(out, listing.id(i));
      out += ",\n    \"zone\": ";
      append_string(out, listing.zone(i));
      out += listing.dated(i) ? ",\n    \"dated\": true,\n    \"earliest_start_utc\": " : ",\n    \"dated\": false,\n    \"earliest_start_utc\": ";
      append_instant(out, w.start.earliest);
      out += ",\n    \"latest_start_utc\": ";
      append_instant(out, w.start.latest);
      out += ",\n    \"earliest_end_utc\": ";
      append_instant(out, w.end.earliest);
      out += ",\n    \"latest_end_utc\": ";
      append_instant(out, w.end.latest);
      out += "\n  }";
    });
  });
}

bool print_order_json(EntryListing& listing, bool by_time) {
  return print_kept(listing, by_time ? "order-time-json" : "order-json", EntryListing::Columns::ids, [&](const Sink& write) {
    print_array(listing.size(), write, [&](std::string& out, std::size_t k) {
      append_string(out, listing.id(by_time ? listing.chronological(k) : listing.by_dependency(k)));
    });
  });
}

}  // namespace dipcal::cli

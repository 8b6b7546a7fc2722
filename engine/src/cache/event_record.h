// The cache entry's records (cache/entry.h): events and diagnostics written field by field, in this
// machine's byte order, each readable on its own. Strings are a 32-bit length and their bytes;
// optionals a flag byte and the value; lists a 32-bit count and their items; positions name their
// file by its number in the entry's file table. Reading checks every length against the bytes left
// and every enum against its range, so a damaged record is refused, never half read.
#pragma once

#include "dipcal/model/diagnostics.h"
#include "dipcal/model/event.h"

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dipcal::detail {

// The file names positions refer to, numbered in order of first use.
class FileTable {
 public:
  std::uint32_t index_of(const FileName& file) {
    auto [it, added] = numbers_.try_emplace(file.str(), static_cast<std::uint32_t>(names_.size()));
    if (added) names_.push_back(file.str());
    return it->second;
  }
  [[nodiscard]] const std::vector<std::string>& names() const { return names_; }

 private:
  std::unordered_map<std::string, std::uint32_t> numbers_;
  std::vector<std::string> names_;
};

class Writer {
 public:
  explicit Writer(FileTable& files) : files_{files} {}

  void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void u32(std::uint32_t v) { raw(&v, sizeof v); }
  void i64(std::int64_t v) { raw(&v, sizeof v); }
  void f64(double v) { raw(&v, sizeof v); }
  void flag(bool v) { u8(v ? 1 : 0); }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  void strings(const std::vector<std::string>& list) {
    u32(static_cast<std::uint32_t>(list.size()));
    for (const auto& s : list) str(s);
  }
  template <typename E>
  void enumeration(E e) {
    u8(static_cast<std::uint8_t>(e));
  }
  void instant(Instant i) { i64(i.unix_seconds()); }
  void date(CivilDate d) { i64(d.days().time_since_epoch().count()); }
  template <typename T, typename F>
  void optional(const std::optional<T>& v, F write) {
    flag(v.has_value());
    if (v) write(*v);
  }
  void position(const Position& p) {
    u32(files_.index_of(p.file));
    u32(static_cast<std::uint32_t>(p.line));
    u32(static_cast<std::uint32_t>(p.col));
  }

  std::string& out() { return out_; }

 private:
  void raw(const void* p, std::size_t n) { out_.append(static_cast<const char*>(p), n); }

  std::string out_;
  FileTable& files_;
};

class Reader {
 public:
  Reader(std::string_view in, const std::vector<FileName>& files) : in_{in}, files_{files} {}

  [[nodiscard]] bool ok() const { return ok_; }
  [[nodiscard]] bool at_end() const { return ok_ && pos_ == in_.size(); }
  void fail() { ok_ = false; }

  std::uint8_t u8() {
    std::uint8_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  std::uint32_t u32() {
    std::uint32_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  std::int64_t i64() {
    std::int64_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  double f64() {
    double v = 0;
    raw(&v, sizeof v);
    return v;
  }
  bool flag() {
    auto v = u8();
    if (v > 1) fail();
    return v == 1;
  }
  std::string str() {
    auto n = u32();
    if (!take(n)) return {};
    std::string s{in_.substr(pos_, n)};
    pos_ += n;
    return s;
  }
  std::string_view view(std::size_t n) {
    if (!take(n)) return {};
    auto v = in_.substr(pos_, n);
    pos_ += n;
    return v;
  }
  // A list's length: each item takes at least one byte, so a count beyond the bytes left is damage
  // (and must not become a huge allocation).
  std::size_t count() {
    auto n = u32();
    if (n > in_.size() - pos_) fail();
    return ok_ ? n : 0;
  }
  std::vector<std::string> strings() {
    std::vector<std::string> list(count());
    for (auto& s : list) s = str();
    return list;
  }
  template <typename E>
  E enumeration(E last) {
    auto v = u8();
    if (v > static_cast<std::uint8_t>(last)) fail();
    return static_cast<E>(v);
  }
  Instant instant() { return Instant::from_unix(i64()); }
  CivilDate date() { return CivilDate{date::local_days{date::days{i64()}}}; }
  template <typename F>
  auto optional(F read) -> std::optional<decltype(read())> {
    if (!flag()) return std::nullopt;
    return read();
  }
  Position position() {
    Position p;
    auto index = u32();
    if (index >= files_.size()) {
      fail();
      return p;
    }
    p.file = files_[index];
    p.line = static_cast<int>(u32());
    p.col = static_cast<int>(u32());
    return p;
  }

 private:
  bool take(std::size_t n) {
    if (!ok_ || in_.size() - pos_ < n) ok_ = false;
    return ok_;
  }
  void raw(void* p, std::size_t n) {
    if (!take(n)) return;
    std::memcpy(p, in_.data() + pos_, n);
    pos_ += n;
  }

  std::string_view in_;
  std::size_t pos_ = 0;
  bool ok_ = true;
  const std::vector<FileName>& files_;  // shared by every position that names them
};

void write_event(Writer& w, const Event& e);

// Events back from their records; zones are found by name in `zones` once each.
class EventReader {
 public:
  EventReader(const ZoneDb& zones, const std::vector<FileName>& files) : zones_{zones}, files_{files} {}

  // The event of one record's bytes; nullopt when they are not exactly one whole record, or name a
  // zone the database no longer has.
  std::optional<Event> read(std::string_view record);

 private:
  Zone zone(Reader& r, const std::string& name);

  const ZoneDb& zones_;
  const std::vector<FileName>& files_;
  std::unordered_map<std::string, Zone> seen_;
};

void write_diagnostic(Writer& w, const Diagnostic& d);
void read_diagnostic(Reader& r, Diagnostics& into);

}  // namespace dipcal::detail

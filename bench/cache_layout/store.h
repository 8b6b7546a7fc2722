// What every layout answers, and the pieces the layouts that read a mapped file share. A Store is
// opened once per process, as dipcal opens its cache entry once per run.
#pragma once

#include "workload.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cache_layout {

class Store {
 public:
  virtual ~Store() = default;
  // Exact match on an id or an alias.
  virtual std::optional<std::uint32_t> find(std::string_view name) = 0;
  // The one event whose id starts with `prefix`; empty when none or several do.
  virtual std::optional<std::uint32_t> find_prefix(std::string_view prefix) = 0;
  virtual Event event(std::uint32_t index) = 0;
  virtual std::string id(std::uint32_t index) = 0;
  // Events stating a relation whose target is `index`, once per such relation, in index order.
  virtual std::vector<std::uint32_t> referrers(std::uint32_t index) = 0;
  // Dated events overlapping [from_s, to_s), in chronological order.
  virtual std::vector<std::uint32_t> touching(std::int64_t from_s, std::int64_t to_s) = 0;
  // Every event's window line (append_window_line) in chronological order, handed to `sink`
  // whenever `buffer` passes a megabyte, as a command printing to stdout would.
  virtual void scan(std::string& buffer, void (*sink)(std::string&)) = 0;
};

// One row of the benchmark: a file format and a way of opening it.
struct Layout {
  std::string_view name;
  std::string_view file;  // layouts that read the same file share it and its write figures
  void (*write)(std::vector<Event>& events, const std::string& path);
  std::unique_ptr<Store> (*open)(const std::string& path);
};
const std::vector<Layout>& layouts();
const Layout* find_layout(std::string_view name);

void write_handmade(std::vector<Event>& events, const std::string& path);
std::unique_ptr<Store> open_handmade(const std::string& path);
void write_flatbuffers(std::vector<Event>& events, const std::string& path);
std::unique_ptr<Store> open_flatbuffers(const std::string& path);
std::unique_ptr<Store> open_flatbuffers_verified(const std::string& path);
void write_capnp(std::vector<Event>& events, const std::string& path);
std::unique_ptr<Store> open_capnp(const std::string& path);
void write_sqlite(std::vector<Event>& events, const std::string& path);
std::unique_ptr<Store> open_sqlite(const std::string& path);
std::unique_ptr<Store> open_sqlite_mmap(const std::string& path);

// A whole file mapped read-only. Throws unless it is a regular file of at least `min_bytes`: the
// size is checked before mapping, so a truncated entry fails here rather than with SIGBUS later.
class MappedFile {
 public:
  MappedFile(const std::string& path, std::size_t min_bytes);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  [[nodiscard]] const char* data() const { return data_; }
  [[nodiscard]] std::size_t size() const { return size_; }

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

// Binary searches over a sorted sequence of `count` keys that `key_at(k)` reads in place; shared
// by the layouts whose indexes are sorted arrays.

// The first position whose key is at least `key` (`count` when none is): ids and aliases by their
// text, events in chronological order by their start.
template <class KeyAt, class Key>
std::uint32_t first_at_least(std::uint32_t count, KeyAt key_at, const Key& key) {
  std::uint32_t lo = 0, hi = count;
  while (lo < hi) {
    const auto mid = lo + (hi - lo) / 2;
    if (key_at(mid) < key) lo = mid + 1; else hi = mid;
  }
  return lo;
}

template <class KeyAt>
std::optional<std::uint32_t> search_exact(std::uint32_t count, KeyAt key_at, std::string_view key) {
  const auto text = [&](std::uint32_t k) { return std::string_view(key_at(k)); };
  const auto lo = first_at_least(count, text, key);
  if (lo < count && text(lo) == key) return lo;
  return std::nullopt;
}

template <class KeyAt>
std::optional<std::uint32_t> search_unique_prefix(std::uint32_t count, KeyAt key_at, std::string_view prefix) {
  const auto text = [&](std::uint32_t k) { return std::string_view(key_at(k)); };
  const auto lo = first_at_least(count, text, prefix);
  const auto starts = [&](std::uint32_t k) { return k < count && text(k).starts_with(prefix); };
  if (starts(lo) && !starts(lo + 1)) return lo;
  return std::nullopt;
}

}  // namespace cache_layout

// A regular file mapped read-only into memory, for reading a large file without zero-filling and
// copying a buffer for it: the cache reads its entry this way on every warm run. Only for files no
// one truncates in place: touching a page that a truncation removed raises SIGBUS. Cache entries
// are only ever replaced by rename or unlinked, which leave a mapping whole; fixtures, which
// editors may rewrite in place, are read with read() instead.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

namespace dipcal::detail {

class MappedFile {
 public:
  // Maps the file if it is a regular file no larger than `max_bytes`; bytes() is empty otherwise.
  MappedFile(const std::filesystem::path& path, std::uintmax_t max_bytes);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  [[nodiscard]] std::optional<std::string_view> bytes() const { return bytes_; }
  // Maps every page now, for a caller about to read the whole file: one call rather than a page
  // fault at a time. Without it, pages are mapped as they are read, with no read-ahead.
  void populate() const;
  // The same for the pages holding bytes [offset, offset + length), for one of several threads
  // each reading its own part.
  void populate(std::size_t offset, std::size_t length) const;

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
  std::optional<std::string_view> bytes_;
};

}  // namespace dipcal::detail

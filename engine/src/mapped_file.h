// A regular file mapped read-only into memory, for reading large files without copying them: the
// cache reads every fixture file to fingerprint it, and its entry, on every warm run.
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

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
  std::optional<std::string_view> bytes_;
};

}  // namespace dipcal::detail

#include "mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

namespace dipcal::detail {

MappedFile::MappedFile(const std::filesystem::path& path, std::uintmax_t max_bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::uintmax_t>(st.st_size) <= max_bytes) {
    size_ = static_cast<std::size_t>(st.st_size);
    if (size_ == 0) {
      bytes_ = std::string_view{};
    } else {
      void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
      if (p != MAP_FAILED) {
        data_ = p;
        bytes_ = std::string_view{static_cast<const char*>(p), size_};
        // A question reads a few scattered blocks: no read-ahead around them, and no 2 MiB mappings
        // of the page cache's large folios, which would count 2 MiB of RSS for each block read.
        ::madvise(p, size_, MADV_RANDOM);
        ::madvise(p, size_, MADV_NOHUGEPAGE);
      }
    }
  }
  ::close(fd);
}

void MappedFile::populate() const {
  if (!data_) return;
  ::madvise(data_, size_, MADV_SEQUENTIAL);
  populate(0, size_);
}

void MappedFile::populate(std::size_t offset, std::size_t length) const {
  if (!data_ || offset >= size_) return;
  static const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  auto first = offset / page * page;
  auto at = static_cast<char*>(data_) + first;
  length = std::min(size_, offset + length) - first;
#ifdef MADV_POPULATE_READ
  if (::madvise(at, length, MADV_POPULATE_READ) == 0) return;  // every page mapped in one call (Linux 5.14)
#endif
  ::madvise(at, length, MADV_WILLNEED);
}

MappedFile::~MappedFile() {
  if (data_) ::munmap(data_, size_);
}

}  // namespace dipcal::detail

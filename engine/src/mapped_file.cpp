#include "mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

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
      // MAP_POPULATE maps every page now, in one call, rather than one page fault at a time.
      void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      if (p != MAP_FAILED) {
        data_ = p;
        bytes_ = std::string_view{static_cast<const char*>(p), size_};
      }
    }
  }
  ::close(fd);
}

MappedFile::~MappedFile() {
  if (data_) ::munmap(data_, size_);
}

}  // namespace dipcal::detail

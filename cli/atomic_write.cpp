#include "atomic_write.h"

#include "session.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <csignal>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace dipcal::cli {

namespace {

[[noreturn]] void fail(const std::filesystem::path& target, const char* what, int error) {
  throw UsageError{fmt::format("cannot write {}: {}{}", target.string(), what, error ? std::string{": "} + std::strerror(error) : "")};
}

// The temporary file being written, for the signal handler: SIGINT or SIGTERM mid-write removes it
// and then ends the process as the signal would have (the target is untouched either way).
char pending_temp[4096];
volatile std::sig_atomic_t pending = 0;

extern "C" void remove_pending_temp(int signal_number) {
  if (pending) ::unlink(pending_temp);
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

// Removes the temporary file unless released: every early exit, thrown or not, cleans up.
class TempFile {
 public:
  explicit TempFile(std::string path) : path_{std::move(path)} {
    if (path_.size() < sizeof pending_temp) {
      std::memcpy(pending_temp, path_.c_str(), path_.size() + 1);
      pending = 1;
      previous_int_ = std::signal(SIGINT, remove_pending_temp);
      previous_term_ = std::signal(SIGTERM, remove_pending_temp);
    }
  }
  ~TempFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
    if (pending) {
      pending = 0;
      std::signal(SIGINT, previous_int_);
      std::signal(SIGTERM, previous_term_);
    }
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  void release() { path_.clear(); }

 private:
  std::string path_;
  void (*previous_int_)(int) = SIG_DFL;
  void (*previous_term_)(int) = SIG_DFL;
};

}  // namespace

void write_file_atomically(const std::filesystem::path& target, std::string_view contents, Overwrite overwrite) {
  auto folder = target.parent_path().empty() ? std::filesystem::path{"."} : target.parent_path();
  if (overwrite == Overwrite::refuse && std::filesystem::exists(target))
    throw UsageError{fmt::format("{} exists; give --force to replace it", target.string())};
  // Same folder, so that the final rename stays on one file system and is atomic.
  std::string name = ".";
  name += target.filename().string();
  name += ".tmp.XXXXXX";
  std::string temp = (folder / name).string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) fail(target, "cannot create a temporary file beside it", errno);
  TempFile guard{temp};
  // mkstemp creates the file 0600; give it the mode a new file would get (0666 less the umask).
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  const char* data = contents.data();
  std::size_t left = contents.size();
  while (left > 0) {
    auto n = ::write(fd, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int error = errno;
      ::close(fd);
      fail(target, "write failed", error);
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    int error = errno;
    ::close(fd);
    fail(target, "fsync failed", error);
  }
  if (::close(fd) != 0) fail(target, "close failed", errno);
  if (overwrite == Overwrite::refuse) {
    // link() refuses an existing name, so a file that appeared meanwhile is not replaced either.
    if (::link(temp.c_str(), target.c_str()) != 0) {
      if (errno == EEXIST) throw UsageError{fmt::format("{} exists; give --force to replace it", target.string())};
      fail(target, "cannot create it", errno);
    }
  } else if (::rename(temp.c_str(), target.c_str()) != 0) {
    fail(target, "cannot rename the temporary file over it", errno);
  } else {
    guard.release();
  }
  // Make the new directory entry durable too.
  int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

void write_output(const std::string& output, std::string_view text, std::string_view what, Overwrite overwrite) {
  if (!output.empty() && output != "-") {
    write_file_atomically(output, text, overwrite);
    return;
  }
  std::fwrite(text.data(), 1, text.size(), stdout);
  // A large fwrite goes straight to write(2): its failure leaves the error flag, not a buffer to flush.
  if (std::fflush(stdout) != 0 || std::ferror(stdout))
    throw UsageError{what.empty() ? std::string{"cannot write to standard output"} : fmt::format("cannot write {} to standard output", what)};
}

}  // namespace dipcal::cli

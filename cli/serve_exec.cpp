// serve_feeds in dipcal itself (serve_feeds.h): dipcal-serve, installed beside dipcal, is run in this
// process's place with the same arguments, so the server keeps the process id its caller knows.
#include "serve_feeds.h"

#include <fmt/format.h>

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace dipcal::cli {

namespace {

// The arguments this process was started with, as the kernel keeps them: NUL-terminated, in order.
std::vector<std::string> own_arguments() {
  std::ifstream in{"/proc/self/cmdline", std::ios::binary};
  std::string all{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
  std::vector<std::string> arguments;
  for (std::size_t from = 0; from < all.size();) {
    auto end = all.find('\0', from);
    if (end == std::string::npos) end = all.size();
    arguments.push_back(all.substr(from, end - from));
    from = end + 1;
  }
  return arguments;
}

}  // namespace

int serve_feeds(const ServeOptions&, Session&) {
  std::error_code ec;
  auto server = std::filesystem::read_symlink("/proc/self/exe", ec).parent_path() / "dipcal-serve";
  auto arguments = own_arguments();
  if (ec || arguments.empty()) throw UsageError{"cannot read this process's own arguments (/proc/self) to start dipcal-serve"};
  arguments.front() = server.string();
  std::vector<char*> argv;
  for (auto& a : arguments) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::fflush(stdout);
  std::fflush(stderr);
  ::execv(argv.front(), argv.data());
  throw UsageError{fmt::format("cannot run {}: {}; `dipcal serve` runs it from the folder dipcal is in", server.string(), std::strerror(errno))};
}

}  // namespace dipcal::cli

// A fresh folder under the system's temporary directory, removed with everything in it when the test
// ends, a failed REQUIRE included (the destructor runs as doctest unwinds). Its name is a prefix and
// a random number, so tests run in parallel never share one.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <system_error>

namespace dipcal::testing {

struct TempFolder {
  std::filesystem::path path;

  explicit TempFolder(std::string_view prefix = "dipcal-test-") {
    std::random_device rd;
    path = std::filesystem::temp_directory_path() / (std::string{prefix} + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path);
  }
  ~TempFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  // Writes `text`, byte for byte, to the file `name` in the folder; returns its path.
  std::filesystem::path write(const std::string& name, std::string_view text) const {
    auto file = path / name;
    std::ofstream out{file, std::ios::binary};
    out << text;
    return file;
  }
};

}  // namespace dipcal::testing

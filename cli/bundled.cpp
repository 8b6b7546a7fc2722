#include "bundled.h"

#include <fstream>
#include <string>
#include <system_error>

namespace dipcal::cli {

namespace fs = std::filesystem;

namespace {

BundledPaths find_bundled_paths() {
  std::error_code ec;
  fs::path folder = fs::read_symlink("/proc/self/exe", ec).parent_path();
  if (std::ifstream marker{folder / "dipcal-source-dir"}) {
    std::string source;
    std::getline(marker, source);
    fs::path root{source};
    return {root / "fixtures", root / "schemas" / "dipcal-fixture.schema.json", root / "data" / "windowsZones.tsv"};
  }
  // DIPCAL_DATA_FROM_BIN is the relative path from the installed bin/ to share/dipcal ("../share/dipcal").
  fs::path share = (folder / DIPCAL_DATA_FROM_BIN).lexically_normal();
  return {share / "examples", share / "schemas" / "dipcal-fixture.schema.json", share / "windowsZones.tsv"};
}

}  // namespace

const BundledPaths& bundled_paths() {
  static const BundledPaths paths = find_bundled_paths();
  return paths;
}

}  // namespace dipcal::cli

// Where the data that ships with dipcal lies: the bundled fixtures, the fixture JSON Schema and the
// Windows zone table that `import ics` reads.
//
// No path is compiled in. They are found from the executable's own place (/proc/self/exe):
// - installed, as <prefix>/bin/dipcal: under <prefix>/share/dipcal (examples/, schemas/, windowsZones.tsv);
// - in a build folder: CMake writes a file `dipcal-source-dir` beside the executable naming the
//   source tree, whose fixtures/, schemas/ and data/ are used, so `scripts/dipcal` reads the clone's
//   fixtures/ and an edit there needs no rebuild.
#pragma once

#include <filesystem>

namespace dipcal::cli {

struct BundledPaths {
  std::filesystem::path fixtures;       // the default fixture folder
  std::filesystem::path schema;         // dipcal-fixture.schema.json
  std::filesystem::path windows_zones;  // windowsZones.tsv (CLDR's Windows → IANA table)
};

const BundledPaths& bundled_paths();

}  // namespace dipcal::cli

// What `dipcal --version` says about the build besides the version: the git commit it was made from.
#pragma once

#include <string_view>

namespace dipcal::cli {

// The commit's short hash, with "-dirty" when the tree had changes; "unknown" outside a git checkout.
// Written at build time by cmake/build_info.cmake into the build folder.
std::string_view build_commit();

}  // namespace dipcal::cli

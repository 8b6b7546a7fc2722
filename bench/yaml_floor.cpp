// The floor under any loader built on yaml-cpp: a bare YAML::Parser with an event handler that does
// nothing, over the same files dipcal loads. `bench/run` measures dipcal's cold load against it.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

class NullHandler final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override { ++scalars; }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
  std::size_t scalars = 0;
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    std::filesystem::path p{argv[i]};
    if (std::filesystem::is_directory(p)) {
      for (const auto& e : std::filesystem::recursive_directory_iterator{p})
        if (e.path().extension() == ".yaml") files.push_back(e.path());
    } else {
      files.push_back(p);
    }
  }
  NullHandler handler;
  for (const auto& f : files) {
    // Read the file into memory first, as dipcal's loader does.
    std::ifstream in{f, std::ios::binary};
    std::string text{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
    std::istringstream stream{text};
    YAML::Parser parser{stream};
    while (parser.HandleNextDocument(handler)) {
    }
  }
  std::cout << files.size() << " files, " << handler.scalars << " scalars\n";
}

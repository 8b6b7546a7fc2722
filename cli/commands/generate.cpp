// dipcal generate --events N [--seed S] -o DIR: a synthetic calendar for benchmarks and tests.
#include "../atomic_write.h"
#include "../commands.h"
#include "../progress.h"

#include "dipcal/fixture/generate.h"

#include <fmt/format.h>


namespace dipcal::cli {

namespace {

struct GenerateCliOptions {
  GenerateOptions engine;
  std::string out;
  bool force = false;

  void add_options(CLI::App& command) {
    command.add_option("--events", engine.events, "How many events")->required()->check(CLI::Range(std::size_t{1}, std::size_t{10'000'000}));
    command.add_option("--seed", engine.seed, "Seed: the same seed gives the same files (default 1)");
    command.add_option("--relations-per-event", engine.relations_per_event, "Average relations per event (default 1.5)")
        ->check(CLI::Range(0.0, 8.0));
    command.add_option("--events-per-file", engine.events_per_file, "Events per fixture file (default 10000)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{10'000'000}));
    command.add_option("-o,--output", out, "Folder to write the fixtures into (created if missing)")->required();
    command.add_flag("--force", force, "Overwrite files of an earlier run");
  }
};

int run_generate(const GenerateCliOptions& options, Session&) {
  namespace fs = std::filesystem;
  fs::path dir{options.out};
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw UsageError{fmt::format("cannot create {}: {}", dir.string(), ec.message())};
  std::size_t files = 0;
  std::size_t relations = 0;
  {
    TerminalProgress progress;
    relations = generate_calendar(options.engine, [&](const std::string& name, const std::string& text) {
      write_file_atomically(dir / name, text, options.force ? Overwrite::allow : Overwrite::refuse);
      ++files;
      auto written = std::min(options.engine.events, files * options.engine.events_per_file);
      progress.show(fmt::format("generating: {} of {} events", written, options.engine.events));
    });
  }
  fmt::print("wrote {} events with {} relations in {} file{} under {}\n", options.engine.events, relations, files, files == 1 ? "" : "s",
             dir.string());
  return kOk;
}

}  // namespace

Runner setup_generate(CLI::App& command) { return bind_options<GenerateCliOptions>(command, run_generate); }

}  // namespace dipcal::cli

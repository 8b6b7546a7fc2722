#include "app.h"

#include "build_info.h"
#include "commands.h"
#include "dipcal/version.h"
#include "session.h"
#include "usage_hint.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>

namespace dipcal::cli {

int run(int argc, char** argv) {
  CLI::App app{"dipcal — what happens when, what depends on what, and how many days stand between events, in every time zone",
               "dipcal"};
  app.set_version_flag("--version", [] {
    return fmt::format("dipcal {}\ntzdata {}\ncommit {}", kVersion, ZoneDb::system().version(), build_commit());
  }, "Print the version, the zone database's version and the build's git commit");
  app.require_subcommand(1);
  app.fallthrough();  // global options may follow the command: `dipcal show busan --tz America/New_York`

  GlobalOptions global;
  app.add_option("--fixtures", global.fixtures, "Fixture file or folder (repeatable; default $DIPCAL_FIXTURES, else the bundled fixtures/)");
  app.add_option("--tz", global.tz, "Output zone, an IANA name (default $TZ, else UTC)");
  app.add_option("--now", global.now, "Fix the clock: 2025-10-26T12:00+08:00, or a local time read in --tz (default: the system clock)");
  app.add_option("--max-bytes", global.limits.max_file_bytes, "Refuse fixture files larger than this (default 256 MiB)");
  app.add_option("--max-events", global.limits.max_events, "Refuse to load more events than this (default 5 000 000)");
  app.add_option("--max-value-bytes", global.limits.max_value_bytes, "Refuse a single YAML value longer than this (default 1 MiB)");
  app.add_flag("--no-cache", global.no_cache,
               "Parse the fixtures even when the cache has them (cache: $DIPCAL_CACHE_DIR, else $XDG_CACHE_HOME/dipcal, else ~/.cache/dipcal)");

  Runner selected;
  for (const auto& spec : command_table()) {
    auto* command = app.add_subcommand(spec.name, spec.summary);
    auto runner = spec.setup(*command);
    command->callback([&selected, runner] { selected = runner; });
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 2.1.2 names neither the command nor the option meant; say which, when one is near.
    if (e.get_exit_code() != 0) {
      if (auto hint = usage_hint(app, std::vector<std::string>(argv + 1, argv + argc)); !hint.empty()) {
        std::fprintf(stderr, "dipcal: error: %s\nRun with --help for more information.\n", hint.c_str());
        return kUsage;
      }
    }
    int code = app.exit(e);
    return code == 0 ? kOk : kUsage;
  }
  try {
    Session session{global};
    int code = selected(session);
    // An answer that did not reach standard output whole (a full disk, a closed descriptor) is an
    // I/O error, whatever the command found.
    bool flushed = std::fflush(stdout) == 0;
    int reason = errno;
    if (!flushed || std::ferror(stdout)) {
      std::fprintf(stderr, "dipcal: error: cannot write to standard output%s\n",
                   flushed ? "" : fmt::format(": {}", std::strerror(reason)).c_str());
      return kUsage;
    }
    return code;
  } catch (const UsageError& e) {
    std::fflush(stdout);
    std::fprintf(stderr, "dipcal: error: %s\n", e.message.c_str());
    return kUsage;
  } catch (const LoadFailed& e) {
    return e.code;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "dipcal: internal error: %s\n", e.what());
    return kUsage;
  }
}

}  // namespace dipcal::cli

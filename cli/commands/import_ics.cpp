// dipcal import ics FILE… [-o FIXTURE.yaml] [--force] [--expand-from DATE --expand-to DATE]: iCalendar
// files as a fixture (engine: dipcal/ics/import.h and fixture_out.h). Every component left out is
// reported; the exit code is 1 when an event was, and the fixture is checked as `dipcal check` would.
#include "../bundled.h"
#include "../commands.h"
#include "../fixture_output.h"

#include "dipcal/ics/fixture_out.h"
#include "dipcal/ics/import.h"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>

namespace dipcal::cli {

namespace {

namespace fs = std::filesystem;

struct ImportIcsOptions {
  std::vector<std::string> files;
  FixtureOutput output;
  std::string expand_from;
  std::string expand_to;

  void add_options(CLI::App& command) {
    command.add_option("files", files, "iCalendar files to import (one fixture from all of them)")->required();
    output.add_options(command);
    command.add_option("--expand-from", expand_from, "Expand recurring events from this date (YYYY-MM-DD, inclusive)");
    command.add_option("--expand-to", expand_to, "… to this date (inclusive)");
  }
};

// Files larger than this are not calendars a person exports; they are refused, not read into memory.
constexpr std::uintmax_t kMaxFileBytes = 256u << 20;

CivilDate date_option(const std::string& text, const char* option) {
  auto d = parse_civil_date(text);
  if (!d) throw UsageError{fmt::format("{} '{}' is not a date; expected YYYY-MM-DD between {} and {}", option, text, kFirstYear, kLastYear)};
  return *d;
}

int run_import_ics(const ImportIcsOptions& options, Session& session) {
  const auto& output = options.output;
  refuse_to_replace(output);
  if (options.expand_from.empty() != options.expand_to.empty())
    throw UsageError{"--expand-from and --expand-to go together: recurring events are expanded over a stated range"};
  ics::ImportOptions import_options;
  if (!options.expand_from.empty()) {
    import_options.expand_from = date_option(options.expand_from, "--expand-from");
    import_options.expand_to = date_option(options.expand_to, "--expand-to");
    if (*import_options.expand_to < *import_options.expand_from) throw UsageError{"--expand-to is before --expand-from"};
  }
  // Only an explicit --tz places floating times: $TZ is where the user is, not where the events are.
  import_options.default_zone = session.chosen_zone();
  auto windows = ics::WindowsZones::load(bundled_paths().windows_zones);
  if (auto* why = std::get_if<std::string>(&windows)) throw UsageError{*why};
  import_options.windows = &std::get<ics::WindowsZones>(windows);

  std::vector<ics::InputFile> inputs;
  for (const auto& file : options.files) inputs.push_back({file, ics::parse_stream(read_input_file(file, kMaxFileBytes, "an import"))});
  auto result = ics::import_calendars(inputs, import_options);
  for (const auto& n : result.notes)
    std::fprintf(stderr, "%s:%d: %s %s: %s\n", n.file.c_str(), n.line, n.kind == ics::ImportNote::Kind::note ? "note:" : "left out:",
                 n.subject.c_str(), n.message.c_str());

  auto text = ics::write_fixture(result.calendar, result.events, schema_path_for(output));
  // What check would say: the fixture is loaded from memory before it is written.
  LoadResult check;
  load_fixture_text(text, output.to_file() ? output.path : "<import>", check);
  print_diagnostics(check.diagnostics);
  // Only a fixture check takes is written: one it refuses would only move the problem to the next run.
  if (check.diagnostics.has_errors()) {
    std::fprintf(stderr, "dipcal: the fixture was not written: check would refuse it (above)\n");
    return kProblems;
  }
  write_fixture_output(output, text);
  auto lost = result.count(ics::ImportNote::Kind::event_lost);
  auto others = result.count(ics::ImportNote::Kind::left_out);
  std::string left_out;
  if (lost) left_out += fmt::format("; {} event{} left out", lost, lost == 1 ? "" : "s");
  if (others) left_out += fmt::format("; {} other component{} left out", others, others == 1 ? "" : "s");
  std::fprintf(stderr, "dipcal: imported %zu event%s from %zu file%s%s\n", result.events.size(), result.events.size() == 1 ? "" : "s",
               inputs.size(), inputs.size() == 1 ? "" : "s", left_out.empty() ? "" : (left_out + " (reported above)").c_str());
  return lost > 0 || check.diagnostics.has_errors() ? kProblems : kOk;
}

}  // namespace

Runner setup_import_ics(CLI::App& command) { return bind_options<ImportIcsOptions>(command, run_import_ics); }

}  // namespace dipcal::cli

// dipcal draft ARTICLE… [--published DATE|DATETIME] [--place CITY|ZONE] [--outlet NAME] [--url URL]
// [--against FIXTURES] [-o FIXTURE] [--force]: news reports drafted into one fixture (engine:
// dipcal/draft/draft.h). The fixture is checked as `dipcal check` would, with the --against fixtures;
// a report with no dates gives an empty fixture and a warning.
#include "../commands.h"
#include "../fixture_output.h"

#include "dipcal/draft/draft.h"
#include "dipcal/fixture/load.h"

#include <fmt/format.h>

#include <cstdio>

namespace dipcal::cli {

namespace {

struct DraftCommandOptions {
  std::vector<std::string> articles;
  std::string published;
  std::string place;
  std::string outlet;
  std::string url;
  std::vector<std::string> against;
  FixtureOutput output;

  void add_options(CLI::App& command) {
    command.add_option("articles", articles, "News reports, plain text or Markdown in UTF-8 (one fixture from all)")->required();
    command.add_option("--published", published, "Publication date or date-time, when the report has no date line");
    command.add_option("--place", place, "The dateline's city or an IANA zone, when the report has no dateline");
    command.add_option("--outlet", outlet, "The outlet, for each event's sources");
    command.add_option("--url", url, "The report's address, for each event's sources");
    command.add_option("--against", against, "Fixtures (files or folders) whose events mentions link to");
    output.add_options(command);
  }
};

// A news report is a few kilobytes; anything this large is not one.
constexpr std::uintmax_t kMaxArticleBytes = 16u << 20;

std::string read_article_file(const std::string& path) {
  auto bytes = read_input_file(path, kMaxArticleBytes, "a news report");
  std::string what;
  if (auto where = first_bad_text_byte(bytes, FileName{path}, what))
    throw UsageError{fmt::format("{}:{}:{}: not UTF-8 text: {}; dipcal draft reads plain text or Markdown saved as UTF-8 "
                                 "(convert it first, e.g. iconv -f WINDOWS-1252 -t UTF-8)",
                                 path, where->line, where->col, what)};
  return bytes;
}

int run_draft(const DraftCommandOptions& options, Session& session) {
  const auto& output = options.output;
  refuse_to_replace(output);
  draft::DraftOptions engine_options;
  if (!options.published.empty()) {
    if (auto d = parse_civil_date(options.published)) engine_options.published = *d;
    else if (auto t = parse_offset_date_time(options.published)) engine_options.published_time = *t;
    else
      throw UsageError{fmt::format("--published '{}' is neither a date (YYYY-MM-DD) nor a date-time with its offset "
                                   "(2025-10-26T15:14+08:00)",
                                   options.published)};
  }
  engine_options.place = options.place;
  engine_options.outlet = options.outlet;
  engine_options.url = options.url;
  const Timeline* against = nullptr;
  if (!options.against.empty()) {
    const auto& loaded = session.calendar_as_is(options.against);
    if (!loaded.clean()) {
      print_diagnostics(loaded.diagnostics());
      throw UsageError{"the --against fixtures have errors (above): fix them first"};
    }
    against = &loaded.timeline();
  }
  engine_options.against = against;

  std::vector<Event> events;
  std::map<std::string, std::vector<std::string>> guesses;
  std::vector<std::string> warnings;
  draft::Drafted all;
  for (const auto& file : options.articles) {
    auto text = read_article_file(file);
    auto result = draft::draft_report(text, engine_options);
    if (!result) throw UsageError{fmt::format("{}: {}; {}", file, result.error().message, result.error().hint)};
    auto& drafted = *result;
    for (const auto& w : drafted.warnings) std::fprintf(stderr, "%s: warning: %s\n", file.c_str(), w.c_str());
    for (auto& e : drafted.events) {
      // Two reports may name the same event: the second gets its own id, a person merges them.
      std::string id = e.id;
      for (int n = 2; std::any_of(all.events.begin(), all.events.end(), [&](const Event& x) { return x.id == id; }); ++n)
        id = fmt::format("{}-{}", e.id, n);
      if (id != e.id) {
        if (auto it = drafted.guesses.find(e.id); it != drafted.guesses.end()) all.guesses[id] = it->second;
        e.id = id;
      } else if (auto it = drafted.guesses.find(e.id); it != drafted.guesses.end()) {
        all.guesses[id] = it->second;
      }
      all.events.push_back(std::move(e));
    }
  }
  auto text = draft::write_drafted(all, schema_path_for(output));
  // What check would say, with the --against fixtures beside it.
  LoadResult check;
  if (against)
    for (const auto& e : against->events()) check.timeline.add(e);
  load_fixture_text(text, output.to_file() ? output.path : "<draft>", check);
  print_diagnostics(check.diagnostics);
  write_fixture_output(output, text);
  std::size_t guessed = 0;
  for (const auto& [id, lines] : all.guesses) guessed += lines.size();
  std::fprintf(stderr, "dipcal: drafted %zu event%s from %zu report%s; %zu guess%s to confirm (marked with comments)\n",
               all.events.size(), all.events.size() == 1 ? "" : "s", options.articles.size(), options.articles.size() == 1 ? "" : "s",
               guessed, guessed == 1 ? "" : "es");
  return check.diagnostics.has_errors() ? kProblems : kOk;
}

}  // namespace

Runner setup_draft(CLI::App& command) { return bind_options<DraftCommandOptions>(command, run_draft); }

}  // namespace dipcal::cli

// dipcal complete -- WORD…: what may come next on a command line, for the shell completions in
// completions/ (hidden from --help). The words are those after `dipcal`, the last one the word being
// completed (empty after a space). The first line printed says how the shell completes:
//   words    the lines that follow, each "candidate<TAB>description" (the description may be empty)
//   files    a file or folder path: the shell's own file completion
//   folders  a folder path
// Commands and options are read from the CLI's own parser, so they cannot drift from --help; event
// ids, aliases and tags come from the fixtures in effect (--fixtures on the line being completed, else
// $DIPCAL_FIXTURES, else the bundled ones); zone names from the system's zone database.
#include "../commands.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <set>
#include <string_view>

namespace dipcal::cli {

namespace {

struct CompleteOptions {
  std::vector<std::string> words;
};

// What a value of an option or a positional argument names.
enum class ValueKind { none, path, folder, zone, event, tag, choice };

ValueKind kind_of(const CLI::Option& option, const CLI::App& command) {
  if (option.get_positional() && !option.nonpositional()) {
    // Positional arguments are named by what they are (EVENT, EVENT_A, EVENTS; paths, files, ARTICLE).
    auto name = option.get_name();
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (name == "paths" || name == "files" || name == "articles") return ValueKind::path;
    if (name.rfind("event", 0) == 0 || name == "target") return ValueKind::event;
    return ValueKind::none;
  }
  if (option.check_lname("fixtures")) return ValueKind::path;
  if (option.check_lname("output")) return command.get_name() == "generate" ? ValueKind::folder : ValueKind::path;
  if (option.check_lname("tz")) return ValueKind::zone;
  if (option.check_lname("tag")) return ValueKind::tag;
  if (option.check_lname("from") && command.get_name() == "until") return ValueKind::event;
  if (option.get_type_name().find(":{") != std::string::npos) return ValueKind::choice;
  return ValueKind::none;
}

// "TEXT:{dot,mermaid}" → dot, mermaid (CLI::IsMember's description).
std::vector<std::string> choices_of(const CLI::Option& option) {
  auto type = option.get_type_name();
  auto open = type.find(":{"), close = type.find('}', open);
  std::vector<std::string> choices;
  if (open == std::string::npos || close == std::string::npos) return choices;
  std::string_view list{type.data() + open + 2, close - open - 2};
  while (!list.empty()) {
    auto comma = list.find(',');
    choices.emplace_back(list.substr(0, comma));
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return choices;
}

bool takes_value(const CLI::Option& option) { return option.get_type_size_max() > 0; }

bool is_hidden(const CLI::App& app) { return app.get_group().empty(); }

// An option of `command` or of the commands it falls through to (the global options are the root's).
const CLI::Option* find_option(const CLI::App* command, const std::string& name) {
  for (; command; command = command->get_parent())
    if (auto* option = command->get_option_no_throw(name); option && option->nonpositional()) return option;
  return nullptr;
}

const CLI::App* subcommand_named(const CLI::App& command, const std::string& name) {
  auto found = command.get_subcommands([&](const CLI::App* a) { return a->get_name() == name && !is_hidden(*a); });
  return found.empty() ? nullptr : found.front();
}

struct Line {
  const CLI::App* command = nullptr;  // the innermost command named so far
  const CLI::Option* pending = nullptr;  // an option whose value is being completed
  std::map<const CLI::App*, std::size_t> positionals;  // how many each command has been given
  GlobalOptions global;  // --fixtures as given on the line
};

Line read_line(const CLI::App& root, const std::vector<std::string>& words) {
  Line line;
  line.command = &root;
  bool only_positionals = false;
  for (const auto& word : words) {
    if (line.pending) {
      if (line.pending->check_lname("fixtures")) line.global.fixtures.push_back(word);
      line.pending = nullptr;
    } else if (word == "--" && !only_positionals) {
      only_positionals = true;
    } else if (!only_positionals && word.size() > 1 && word[0] == '-') {
      auto equals = word.find('=');
      auto* option = find_option(line.command, word.substr(0, equals));
      if (!option) continue;
      if (equals != std::string::npos) {
        if (option->check_lname("fixtures")) line.global.fixtures.push_back(word.substr(equals + 1));
      } else if (takes_value(*option)) {
        line.pending = option;
      }
    } else if (auto* sub = line.positionals[line.command] == 0 ? subcommand_named(*line.command, word) : nullptr) {
      line.command = sub;
    } else {
      ++line.positionals[line.command];
    }
  }
  return line;
}

// The positional argument that the next word fills, if any.
const CLI::Option* next_positional(const CLI::App& command, std::size_t given) {
  for (const auto* option : command.get_options([](const CLI::Option* o) { return o->get_positional() && !o->nonpositional(); })) {
    auto most = static_cast<std::size_t>(std::max(option->get_items_expected_max(), 0));
    if (given < most) return option;
    given -= most;
  }
  return nullptr;
}

void print_words(const std::vector<std::pair<std::string, std::string>>& candidates) {
  fmt::print("words\n");
  for (const auto& [word, description] : candidates) fmt::print("{}\t{}\n", word, description);
}

void print_values(ValueKind kind, const CLI::Option* option, const Line& line) {
  std::vector<std::pair<std::string, std::string>> candidates;
  switch (kind) {
    case ValueKind::path: fmt::print("files\n"); return;
    case ValueKind::folder: fmt::print("folders\n"); return;
    case ValueKind::none: break;
    case ValueKind::choice:
      for (auto& choice : choices_of(*option)) candidates.emplace_back(choice, "");
      break;
    case ValueKind::zone:
      for (const auto& name : ZoneDb::system().names()) candidates.emplace_back(name, "");
      break;
    case ValueKind::event:
    case ValueKind::tag: {
      // Quietly: a completion prints candidates or nothing, never the fixtures' problems.
      // The fixtures as a run with these options would load them; a path that cannot be read gives no
      // candidates (the shell discards what is printed on stderr).
      Session session{line.global};
      const Timeline* timeline = nullptr;
      try {
        timeline = &session.calendar_as_is().timeline();
      } catch (const UsageError&) {
        break;
      }
      const auto& events = timeline->events();
      if (kind == ValueKind::event) {
        for (const auto& e : events) {
          candidates.emplace_back(e.id, e.title);
          for (const auto& alias : e.aliases) candidates.emplace_back(alias, e.title);
        }
      } else {
        std::set<std::string> tags;
        for (const auto& e : events) tags.insert(e.tags.begin(), e.tags.end());
        for (const auto& tag : tags) candidates.emplace_back(tag, "");
      }
      break;
    }
  }
  print_words(candidates);
}

// The options of `command` and of the commands it falls through to, the global ones last.
void print_options(const CLI::App& innermost) {
  std::vector<std::pair<std::string, std::string>> candidates;
  for (const auto* command = &innermost; command; command = command->get_parent())
    for (const auto* option : command->get_options([](const CLI::Option* o) { return o->nonpositional(); })) {
      if (command != &innermost && option == command->get_help_ptr()) continue;  // --help is the command's own
      for (const auto& name : option->get_lnames()) candidates.emplace_back("--" + name, option->get_description());
      for (const auto& name : option->get_snames()) candidates.emplace_back("-" + name, option->get_description());
    }
  print_words(candidates);
}

int run_complete(const CompleteOptions& options, const CLI::App& root) {
  std::vector<std::string> words = options.words;
  std::string current = words.empty() ? std::string{} : words.back();
  if (!words.empty()) words.pop_back();
  auto line = read_line(root, words);

  if (line.pending) {
    print_values(kind_of(*line.pending, *line.command), line.pending, line);
    return kOk;
  }
  if (!current.empty() && current[0] == '-') {
    print_options(*line.command);
    return kOk;
  }
  auto given = line.positionals[line.command];
  auto subcommands = line.command->get_subcommands([](const CLI::App* a) { return !is_hidden(*a); });
  if (given == 0 && !subcommands.empty()) {
    std::vector<std::pair<std::string, std::string>> candidates;
    for (const auto* sub : subcommands) candidates.emplace_back(sub->get_name(), sub->get_description());
    print_words(candidates);
    return kOk;
  }
  // With every positional argument given, what may follow is an option.
  const auto* positional = next_positional(*line.command, given);
  if (positional)
    print_values(kind_of(*positional, *line.command), positional, line);
  else
    print_options(*line.command);
  return kOk;
}

}  // namespace

Runner setup_complete(CLI::App& command) {
  auto options = std::make_shared<CompleteOptions>();
  command.group("");  // hidden: for the shell completion scripts, not for people
  command.add_option("words", options->words, "The words after `dipcal`, the last one being completed");
  const CLI::App& root = *command.get_parent();
  return [options, &root](Session&) { return run_complete(*options, root); };
}

}  // namespace dipcal::cli

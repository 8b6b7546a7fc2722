#include "usage_hint.h"

#include "dipcal/model/diagnostics.h"
#include "dipcal/text/suggest.h"

#include <fmt/format.h>

namespace dipcal::cli {

namespace {

std::vector<std::string> option_names(CLI::App& command) {
  std::vector<std::string> names;
  for (const auto* opt : command.get_options())
    for (const auto& name : opt->get_lnames()) names.push_back("--" + name);
  return names;
}

}  // namespace

std::string usage_hint(CLI::App& app, const std::vector<std::string>& args) {
  CLI::App* current = &app;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto& arg = args[i];
    if (arg == "--") break;
    if (arg.size() > 1 && arg[0] == '-') {
      auto name = arg.substr(0, arg.find('='));
      const CLI::Option* opt = current->get_option_no_throw(name);
      if (!opt && current != &app) opt = app.get_option_no_throw(name);  // global options may follow the command
      if (!opt) {
        auto candidates = option_names(*current);
        if (current != &app)
          for (auto& global : option_names(app)) candidates.push_back(global);
        auto near = closest(name, candidates);
        return fmt::format("unknown option '{}'{}{}", name, current == &app ? "" : " for " + current->get_name(),
                           near.empty() ? "" : "; " + did_you_mean(near));
      }
      if (arg.find('=') == std::string::npos && opt->get_items_expected_max() > 0) ++i;  // its value
      continue;
    }
    auto commands = current->get_subcommands([](CLI::App*) { return true; });
    if (commands.empty()) continue;  // an argument of the command
    std::vector<std::string> names;
    CLI::App* chosen = nullptr;
    for (auto* command : commands) {
      names.push_back(command->get_name());
      if (command->get_name() == arg) chosen = command;
    }
    if (!chosen)
      return fmt::format("unknown command '{}'{}; {}", arg, current == &app ? "" : " for " + current->get_name(),
                         closest(arg, names).empty() ? fmt::format("the commands are {}", fmt::join(names, ", "))
                                                     : did_you_mean(closest(arg, names)));
    current = chosen;
  }
  return {};
}

}  // namespace dipcal::cli

// dipcal path A B [--json]: every dependency chain from A to B, each link with its relation, and the
// chain's smallest total gap (the sum of the links' minimum gaps). Exit 1 when there is none, 2 when A
// and B are the same event (as for between).
#include "../commands.h"

#include "dipcal/reasoning/graph.h"
#include "dipcal/text/time_words.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace dipcal::cli {

namespace {

struct PathOptions {
  std::string from;
  std::string to;
  std::size_t limit = 1000;
  bool json = false;

  void add_options(CLI::App& command) {
    command.add_option("EVENT_A", from, "The prerequisite end of the chains (id, alias or unique prefix)")->required();
    command.add_option("EVENT_B", to, "The dependent end")->required();
    command.add_option("--limit", limit, "Stop after this many chains (default 1000)")->check(CLI::PositiveNumber);
    command.add_flag("--json", json,
                     "Print {from, to, chains: [{events, links: [{from, to, relation, reads, stated_by, gap_min_seconds, where}], "
                     "min_total_gap_seconds}]}");
  }
};

std::string position(const Position& p) { return fmt::format("{}:{}:{}", p.file, p.line, p.col); }

int run_path(const PathOptions& options, Session& session) {
  const auto& calendar = session.calendar();
  const auto& timeline = calendar.timeline();
  auto from = find_event(timeline, options.from);
  auto to = find_event(timeline, options.to);
  if (from == to)
    throw UsageError{fmt::format("'{}' and '{}' are the same event, {}; a chain needs two", options.from, options.to, timeline.at(from).id)};
  DependencyGraph graph{timeline, calendar.chronological()};
  auto chains = graph.chains(from, to, options.limit);
  const auto& links = graph.links();
  if (options.json) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& c : chains) {
      // Built apart and moved in: a reference into an ordered_json object dies when a key is added.
      auto events = nlohmann::ordered_json::array({timeline.at(from).id});
      auto js = nlohmann::ordered_json::array();
      for (auto l : c.links) {
        const auto& link = links[l];
        events.push_back(timeline.at(link.dependent).id);
        js.push_back({{"from", timeline.at(link.prerequisite).id}, {"to", timeline.at(link.dependent).id},
                      {"relation", std::string{to_string(link.type)}}, {"reads", std::string{link.word()}},
                      {"stated_by", timeline.at(link.owner).id}, {"gap_min_seconds", link.gap.min ? link.gap.min->count() : 0},
                      {"where", position(link.where)}});
      }
      out.push_back({{"events", std::move(events)}, {"links", std::move(js)}, {"min_total_gap_seconds", c.min_total_gap.count()}});
    }
    nlohmann::ordered_json j{{"from", timeline.at(from).id}, {"to", timeline.at(to).id}, {"chains", std::move(out)}};
    fmt::print("{}\n", j.dump(2));
    return chains.empty() ? kProblems : kOk;
  }
  const auto& a = timeline.at(from).id;
  const auto& b = timeline.at(to).id;
  if (chains.empty()) {
    fmt::print("no dependency chain from {} to {}\n", a, b);
    if (!graph.chains(to, from, 1).empty()) fmt::print("but {} depends on {}: try dipcal path {} {}\n", a, b, b, a);
    return kProblems;
  }
  fmt::print("{} chain{} from {} to {}:\n", chains.size(), chains.size() == 1 ? "" : "s", a, b);
  for (std::size_t n = 0; n < chains.size(); ++n) {
    const auto& c = chains[n];
    std::string path = a;
    for (auto l : c.links) path += fmt::format(" —{}→ {}", links[l].word(), timeline.at(links[l].dependent).id);
    fmt::print("{}. {}\n", n + 1, path);
    fmt::print("   smallest total gap: {}\n", c.min_total_gap.count() == 0 ? std::string{"none required"} : text::duration_text(c.min_total_gap));
    for (auto l : c.links) fmt::print("   {}: {}\n", position(links[l].where), links[l].stated(timeline));
  }
  if (chains.size() == options.limit) fmt::print("(stopped at {} chains; raise --limit for more)\n", options.limit);
  return kOk;
}

}  // namespace

Runner setup_path(CLI::App& command) { return bind_options<PathOptions>(command, run_path); }

}  // namespace dipcal::cli

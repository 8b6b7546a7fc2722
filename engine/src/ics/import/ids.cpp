#include "parts.h"

#include "dipcal/ics/writer.h"
#include "dipcal/text/names.h"

#include <fmt/format.h>

namespace dipcal::ics::detail {

std::string IdNamer::unique_id(const Input& s, const std::string& suffix) {
  auto base = text_of(s.event->find(xprop::text(xprop::id)));
  if (!text::is_slug(base)) base = text::slugify(text_of(s.event->find("SUMMARY")));
  if (base.empty()) base = text::slugify(text_of(s.event->find("UID")));
  if (base.empty()) base = "event";
  // Room for the suffix and a counter within the 64 characters of a slug.
  auto room = 64 - suffix.size() - 4;
  if (base.size() > room) base = base.substr(0, room);
  while (!base.empty() && base.back() == '-') base.pop_back();
  auto id = base + suffix;
  for (int n = 2; taken_.count(id); ++n) id = fmt::format("{}{}-{}", base, suffix, n);
  taken_.insert(id);
  return id;
}

void drop_clashing_aliases(std::vector<Pending>& pending, ImportLog& log) {
  std::set<std::string> names;
  for (const auto& p : pending) names.insert(p.event.id);
  for (auto& p : pending) {
    std::vector<std::string> kept;
    for (const auto& alias : p.event.aliases) {
      if (names.insert(alias).second) kept.push_back(alias);
      else log.note(*p.source, fmt::format("alias '{}' is already a name of another event; left out", alias), false);
    }
    p.event.aliases = std::move(kept);
  }
}

}  // namespace dipcal::ics::detail

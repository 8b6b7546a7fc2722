#include "parts.h"

#include "dipcal/ics/writer.h"

#include <fmt/format.h>

namespace dipcal::ics::detail {

namespace {

using std::chrono::seconds;

// A relation dipcal cannot hold is noted at its own line: the event is kept without it.
void bad_relation(const Input& s, const ContentLine& p, std::string message, ImportLog& log) {
  log.add({s.file->name, p.line, ImportLog::subject(*s.event), message + "; the relation is left out", ImportNote::Kind::note});
}

// The relation type of a RELATED-TO: X-DIPCAL-TYPE when dipcal wrote it, else its RELTYPE (section
// 3.2.15, PARENT by default; RFC 9253 adds DEPENDS-ON and the four FINISHTOSTART… names).
std::optional<RelationType> related_to_type(const ContentLine& p, const Input& s, ImportLog& log) {
  auto dipcal_type = p.param(xprop::text(xprop::relation_type));
  auto reltype = p.param("RELTYPE");
  if (reltype.empty()) reltype = "PARENT";
  if (!dipcal_type.empty()) {
    auto t = parse_relation_type(dipcal_type);
    if (!t) bad_relation(s, p, fmt::format("X-DIPCAL-TYPE={} is not a dipcal relation", dipcal_type), log);
    return t;
  }
  if (reltype == "PARENT") return RelationType::during;
  if (reltype == "CHILD") return RelationType::contains;
  if (reltype == "DEPENDS-ON") return RelationType::after;  // RFC 9253: this event depends on (comes after) the other
  if (auto t = parse_relation_type(reltype); t && reltype.find("TO") != std::string::npos) return t;
  bad_relation(s, p, fmt::format("RELATED-TO;RELTYPE={} has no dipcal relation (PARENT, CHILD, DEPENDS-ON and "
                                 "RFC 9253's FINISHTOSTART, STARTTOSTART, FINISHTOFINISH, STARTTOFINISH do)", reltype), log);
  return std::nullopt;
}

// A GAP (or X-DIPCAL-GAP-MAX) as a bound of the relation; a negative or unreadable one is noted and
// dropped, and the relation is kept without it.
std::optional<seconds> gap_of(const Input& s, const std::string& text, const char* what, ImportLog& log) {
  if (text.empty()) return std::nullopt;
  auto d = parse_ics_duration(text);
  if (!d || d->negative) {
    log.note(s, fmt::format("{} {} is not a duration dipcal can hold (gaps are never negative); the relation keeps no such bound", what, text), false);
    return std::nullopt;
  }
  return seconds{d->days * 86400LL} + d->time;
}

}  // namespace

std::optional<Relation> relation_of(const ContentLine& p, const Input& s, ImportLog& log) {
  Relation r;
  if (p.name == "RELATED-TO") {
    auto t = related_to_type(p, s, log);
    if (!t) return std::nullopt;
    r.type = *t;
  } else {
    auto dipcal_type = p.param(xprop::text(xprop::relation_type));
    auto t = parse_relation_type(dipcal_type);
    if (!t) {
      bad_relation(s, p, fmt::format("X-DIPCAL-RELATION without a known X-DIPCAL-TYPE ('{}')", dipcal_type), log);
      return std::nullopt;
    }
    r.type = *t;
  }
  r.gap.min = gap_of(s, p.has_param(xprop::text(xprop::gap_min)) ? p.param(xprop::text(xprop::gap_min)) : p.param("GAP"), "GAP", log);
  r.gap.max = gap_of(s, p.param(xprop::text(xprop::gap_max)), "X-DIPCAL-GAP-MAX", log);
  r.zone = p.param(xprop::text(xprop::relation_zone));
  r.note = p.param(xprop::text(xprop::relation_note));
  return r;
}

void resolve_relations(std::vector<Pending>& pending, ImportLog& log) {
  std::map<std::string, std::vector<std::size_t>> by_uid;
  for (std::size_t i = 0; i < pending.size(); ++i) by_uid[pending[i].uid].push_back(i);
  for (auto& p : pending) {
    for (auto& [relation, target_uid] : p.relations) {
      auto it = by_uid.find(target_uid);
      if (it == by_uid.end()) {
        log.note(*p.source, fmt::format("{} relation to UID {}, which is not among the imported events; left out",
                                        to_string(relation.type), target_uid), false);
        continue;
      }
      if (it->second.size() != 1 || pending[it->second.front()].series) {
        log.note(*p.source, fmt::format("{} relation to UID {}, a recurring event: no single occurrence to point at; left out",
                                        to_string(relation.type), target_uid), false);
        continue;
      }
      relation.target = pending[it->second.front()].event.id;
      p.event.relations.push_back(std::move(relation));
    }
  }
}

}  // namespace dipcal::ics::detail

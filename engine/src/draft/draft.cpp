#include "dipcal/draft/draft.h"

#include "tokens.h"

#include "dipcal/ics/fixture_out.h"
#include "dipcal/ics/import.h"
#include "dipcal/places/places.h"
#include "dipcal/time/duration.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>

namespace dipcal::draft {

namespace {

using detail::Token;
using std::chrono::seconds;

// ---------------------------------------------------------------------------------------------
// The nouns (and a few verbs) that name an event, one row each.

struct KindWord {
  std::string_view word;
  EventKind kind;
  bool verb = false;  // "met", "will meet": an event named by its verb; its title comes from the names
};

constexpr std::array<KindWord, 44> kKindWords{{
    {"summit", EventKind::summit}, {"summits", EventKind::summit}, {"conference", EventKind::summit},
    {"assembly", EventKind::summit}, {"forum", EventKind::summit}, {"cop", EventKind::summit},
    {"talks", EventKind::talks}, {"negotiations", EventKind::talks}, {"round", EventKind::talks},
    {"meeting", EventKind::meeting}, {"debate", EventKind::meeting}, {"session", EventKind::meeting},
    {"dinner", EventKind::meeting}, {"call", EventKind::call}, {"phone", EventKind::call}, {"videoconference", EventKind::call},
    {"visit", EventKind::visit}, {"trip", EventKind::visit}, {"tour", EventKind::visit},
    {"deadline", EventKind::deadline}, {"expiry", EventKind::deadline}, {"ultimatum", EventKind::deadline},
    {"consensus", EventKind::announcement}, {"agreement", EventKind::announcement}, {"deal", EventKind::announcement},
    {"accord", EventKind::announcement}, {"declaration", EventKind::announcement}, {"statement", EventKind::announcement},
    {"announcement", EventKind::announcement}, {"communique", EventKind::announcement}, {"signing", EventKind::announcement},
    {"ceasefire", EventKind::other}, {"truce", EventKind::other}, {"ceremony", EventKind::other},
    {"election", EventKind::election}, {"vote", EventKind::election}, {"referendum", EventKind::election},
    {"trading", EventKind::market}, {"markets", EventKind::market},
    {"met", EventKind::meeting, true}, {"meet", EventKind::meeting, true}, {"visited", EventKind::visit, true},
    {"spoke", EventKind::call, true}, {"talked", EventKind::call, true},
}};

// Forums named without a noun after them: "on the sidelines of APEC".
constexpr std::array<std::string_view, 12> kForums{"apec", "asean", "g20", "g7", "nato", "unga", "brics", "sco", "davos", "opec", "cop30", "cop29"};

// Lower-case words that belong to an event's name before its noun.
constexpr std::array<std::string_view, 40> kModifiers{
    "preliminary", "bilateral", "trade", "economic", "leaders", "leaders'", "phone", "telephone", "video", "state", "official",
    "emergency", "annual", "ministerial", "foreign", "defence", "defense", "security", "peace", "climate", "nuclear",
    "tariff", "first", "second", "third", "fourth", "fifth", "new", "joint", "final", "fresh", "direct", "high", "level",
    "ministers", "ministers'", "working", "general", "framework", "ceasefire"};

// Words in capitals that start sentences or name no event.
constexpr std::array<std::string_view, 16> kNotNames{"the", "a", "an", "on", "in", "at", "but", "and", "after", "before", "during",
                                                     "it", "they", "he", "she", "negotiators"};

// Words that say nothing about which event is meant, left out when linking by title.
constexpr std::array<std::string_view, 22> kGeneric{"the", "a", "an", "of", "and", "on", "in", "talks", "meeting", "summit",
                                                    "trade", "economic", "planned", "us", "u.s", "china", "round", "leaders",
                                                    "leaders'", "related", "fifth", "between"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

const KindWord* kind_word(const Token& t) {
  for (const auto& k : kKindWords)
    if (t.lower == k.word) return &k;
  if (t.lower.size() > 3 && t.lower.compare(0, 3, "cop") == 0 && std::isdigit(static_cast<unsigned char>(t.lower[3]))) return &kKindWords[5];
  return nullptr;
}

struct Mention {
  std::size_t first = 0;  // tokens
  std::size_t last = 0;   // one past
  std::string title;
  EventKind kind = EventKind::other;
  std::string place;
  std::string zone;
  std::string country;
  std::vector<std::string> actors;
  std::vector<std::string> words;  // lower-case, for linking
  bool verb = false;
};

std::string text_of(std::string_view s, const std::vector<Token>& t, std::size_t first, std::size_t last) {
  if (first >= last) return {};
  return std::string{s.substr(t[first].begin, t[last - 1].end - t[first].begin)};
}

bool is_name_token(const Token& t) { return t.capital && !t.digits && !in(kNotNames, t.lower) && detail::weekday_number(t.lower) < 0 && !detail::month_number(t.lower); }

// A run of capitalised words from k: "Donald Trump", "Xi Jinping", "Kuala Lumpur".
std::size_t name_run(const std::vector<Token>& t, std::size_t k) {
  std::size_t e = k;
  while (e < t.size() && (is_name_token(t[e]) || (e > k && (t[e].lower == "–" || t[e].lower == "-") && e + 1 < t.size() && is_name_token(t[e + 1]))))
    ++e;
  return e;
}

std::optional<places::Place> place_at(std::string_view s, const std::vector<Token>& t, std::size_t k, std::size_t& end) {
  std::size_t e = name_run(t, k);
  // The longest run that names a place: "Kuala Lumpur", then "Kuala".
  for (; e > k; --e)
    if (auto p = places::find_place(text_of(s, t, k, e))) {
      end = e;
      return p;
    }
  return std::nullopt;
}

// Every event mention of a sentence.
std::vector<Mention> find_mentions(std::string_view s, const std::vector<Token>& t) {
  std::vector<Mention> out;
  std::size_t covered = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const auto* kw = kind_word(t[i]);
    bool forum = !kw && in(kForums, t[i].lower) && t[i].capital;
    if (!kw && !forum) continue;
    if (kw && kw->word == "trading" && !(i + 1 < t.size() && (t[i + 1].lower == "resumes" || t[i + 1].lower == "reopens"))) continue;
    if (kw && kw->word == "markets" && i > 0 && t[i - 1].lower == "when") continue;
    if (kw && kw->word == "round" && !(i + 1 < t.size() && t[i + 1].lower == "of")) continue;
    if (kw && kw->word == "phone" && i + 1 < t.size() && t[i + 1].lower == "call") continue;  // "phone call": the noun is "call"
    if (kw && kw->word == "call" && i + 1 < t.size() && (t[i + 1].lower == "for" || t[i + 1].lower == "on")) continue;  // "call for …"
    if (kw && kw->word == "deal" && i + 1 < t.size() && t[i + 1].lower == "with") continue;
    // A forum followed by a noun is that noun's modifier.
    if (forum && i + 1 < t.size() && kind_word(t[i + 1]) && !kind_word(t[i + 1])->verb) continue;
    Mention m;
    m.kind = kw ? kw->kind : EventKind::summit;
    m.verb = kw && kw->verb;
    std::size_t first = i;
    if (!m.verb) {
      while (first > covered) {
        const auto& p = t[first - 1];
        bool take = is_name_token(p) || in(kModifiers, p.lower) ||
                    (p.digits && detail::day_number(p.lower) == 0 && p.lower.size() > 2 && std::isalpha(static_cast<unsigned char>(p.lower.back()))) ||
                    ((p.lower == "–" || p.lower == "-") && first >= 2 && (is_name_token(t[first - 2]) || in(kModifiers, t[first - 2].lower)));
        if (p.capital && first - 1 == 0 && !in(kModifiers, p.lower) && !places::find_place(p.lower)) {
          // A capital that only starts the sentence ("Officials …") is not part of the name.
          take = take && !(p.lower == "officials" || p.lower == "negotiators");
        }
        if (!take) break;
        --first;
      }
    }
    m.first = first;
    m.last = i + 1;
    std::string title;
    if (m.verb) {
      // "Trump and Xi met": the names before the verb make the title.
      std::vector<std::string> names;
      for (std::size_t k = i >= 8 ? i - 8 : 0; k < i; ++k) {
        if (!is_name_token(t[k])) continue;
        auto e = name_run(t, k);
        std::size_t place_end = 0;
        if (!place_at(s, t, k, place_end)) names.push_back(text_of(s, t, k, e));
        k = e;
      }
      if (names.empty()) continue;
      m.actors = names;
      std::string joined;
      for (const auto& n : names) joined += (joined.empty() ? "" : "–") + n.substr(n.rfind(' ') == std::string::npos ? 0 : n.rfind(' ') + 1);
      static constexpr std::array<std::string_view, 11> kVerbNoun{"meeting", "meeting", "visit", "call", "call", "", "", "", "", "", ""};
      std::string_view noun = m.kind == EventKind::visit ? kVerbNoun[2] : m.kind == EventKind::call ? kVerbNoun[3] : kVerbNoun[0];
      title = joined + " " + std::string{noun};
    } else {
      title = text_of(s, t, first, i + 1);
      if (title == "phone" || title == "call") title = "Phone call";
      if (m.kind == EventKind::market && i + 1 < t.size()) title += " " + t[i + 1].lower;  // "trading resumes"
    }
    // "… in Busan", "… in Kuala Lumpur" after the mention, or a place inside it.
    for (std::size_t k = first; k < std::min(t.size(), i + 12); ++k) {
      if (k > i && (t[k].lower == "." || t[k].lower == ";")) break;
      bool after_in = k > i && k > 0 && (t[k - 1].lower == "in" || t[k - 1].lower == "at");
      if (!(k <= i || after_in) || !t[k].capital) continue;
      std::size_t end = 0;
      if (auto p = place_at(s, t, k, end)) {
        m.place = std::string{p->name};
        m.zone = std::string{p->zone};
        m.country = std::string{p->country};
        break;
      }
    }
    // Participants: "between A and B", "A–B meeting", "with A".
    for (std::size_t k = first; k < i; ++k)
      if (is_name_token(t[k]) && !places::find_place(t[k].lower) && !in(kForums, t[k].lower) && !t[k].all_caps) m.actors.push_back(text_of(s, t, k, k + 1));
    if (i + 1 < t.size() && (t[i + 1].lower == "between" || t[i + 1].lower == "with")) {
      for (std::size_t k = i + 2; k < std::min(t.size(), i + 10); ++k) {
        if (!is_name_token(t[k])) {
          if (t[k].lower == "and" || t[k].lower == ",") continue;
          break;
        }
        auto e = name_run(t, k);
        m.actors.push_back(text_of(s, t, k, e));
        k = e - 1;
      }
    }
    if (!title.empty()) title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
    m.title = title;
    for (std::size_t k = first; k <= i; ++k)
      if (t[k].lower != "–" && t[k].lower != "-") m.words.push_back(t[k].lower);
    for (const auto& a : m.actors) m.words.push_back(detail::tokenize(a).back().lower);
    if (!m.place.empty()) m.words.push_back(places::fold_name(m.place));
    covered = i + 1;
    out.push_back(std::move(m));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The drafted events, built sentence by sentence.

struct Pending {
  Event event;
  std::string key;  // title words, to find the same event named again
  std::optional<TemporalValue> when;
  std::optional<seconds> length;
  std::vector<std::string> notes;
  std::vector<std::string> guesses;
  std::string linked;  // id in --against, when the mention names an event already there
  Tense tense = Tense::unknown;
};

std::string key_of(const Mention& m) {
  std::string key;
  for (const auto& w : m.words)
    if (w != "the" && w != "a" && w != "planned" && w != "preliminary") key += w + " ";
  return key;
}

// How well an existing event matches a mention: title words, kind, place, date.
int link_score(const Mention& m, const Event& e, const std::optional<TemporalValue>& when, const std::string& dateline_city) {
  std::set<std::string> words;
  auto add = [&](std::string_view text) {
    for (const auto& tok : detail::tokenize(text))
      if (!tok.digits || tok.lower.size() > 2) words.insert(tok.lower);
  };
  add(e.title);
  add(e.id);
  for (const auto& a : e.aliases) add(a);
  add(e.location.city);
  int distinctive = 0, generic = 0;
  for (const auto& w : m.words) {
    if (!words.count(w) && !words.count(places::fold_name(w))) continue;
    if (in(kGeneric, w)) ++generic;
    else ++distinctive;
  }
  bool same_kind = m.kind == e.kind || (m.kind == EventKind::meeting && e.kind == EventKind::bilateral);
  auto city = m.place.empty() ? dateline_city : m.place;
  bool same_place = !city.empty() && places::fold_name(city) == places::fold_name(e.location.city);
  std::optional<bool> same_date;
  if (when && when->first) {
    if (const auto* d = std::get_if<AllDay>(&e.time)) same_date = *when->first >= d->first && *when->first <= d->last;
    else if (const auto* t = std::get_if<Timed>(&e.time)) same_date = e.zone.to_civil(t->start).date() == *when->first;
  }
  if (same_date == false) return 0;
  int score = distinctive * 3 + generic + (same_kind ? 1 : 0) + (same_place ? 2 : 0) + (same_date == true ? 2 : 0);
  // A generic title ("the talks") links only with its place and date agreeing.
  // Without a date, the place and kind must agree (a person checks the link in the notes).
  if (distinctive == 0 && !(same_place && same_kind)) return 0;
  return score;
}

class Drafter {
 public:
  Drafter(const DraftOptions& options, Drafted& out) : options_{options}, out_{out} {}

  void sentence(const Sentence& s) {
    auto tokens = detail::tokenize(s.text);
    auto values = find_temporal(s.text, out_.reference);
    auto mentions = find_mentions(s.text, tokens);
    auto token_at = [&](std::size_t byte) {
      std::size_t k = 0;
      while (k < tokens.size() && tokens[k].begin < byte) ++k;
      return k;
    };
    // Anchors: the first mention after each relation cue.
    std::vector<std::optional<std::size_t>> anchor_of(values.size());
    std::set<std::size_t> anchors;
    for (std::size_t v = 0; v < values.size(); ++v) {
      if (values[v].kind != ValueKind::relation) continue;
      auto at = token_at(values[v].end);
      for (std::size_t m = 0; m < mentions.size(); ++m)
        if (mentions[m].last > at && mentions[m].first <= at + 10) {
          anchor_of[v] = m;
          anchors.insert(m);
          break;
        }
    }
    std::optional<std::size_t> main;
    for (std::size_t m = 0; m < mentions.size(); ++m)
      if (!anchors.count(m)) {
        main = m;
        break;
      }
    std::vector<std::size_t> pending_of(mentions.size());
    for (std::size_t m = 0; m < mentions.size(); ++m) pending_of[m] = admit(mentions[m], s, tokens, anchors.count(m) > 0, main && *main == m);

    // Dates to the mention just before them (within eight words), else to the main mention.
    for (auto& v : values) {
      if (v.kind == ValueKind::relation || v.kind == ValueKind::time_of_day) continue;
      auto at = token_at(v.begin);
      std::optional<std::size_t> target;
      if (v.kind == ValueKind::duration) {
        for (std::size_t m = 0; m < mentions.size(); ++m)
          if (mentions[m].first >= token_at(v.end) && mentions[m].first <= token_at(v.end) + 2) target = m;
      }
      if (!target)
        for (std::size_t m = mentions.size(); m-- > 0;)
          if (mentions[m].last <= at && at - mentions[m].last <= 8) {
            target = m;
            break;
          }
      if (!target) target = main;
      if (!target && v.construction == "trading resumes") continue;
      if (!target) continue;
      auto& p = pending_[pending_of[*target]];
      auto phrase = std::string{s.text.substr(v.begin, v.end - v.begin)};
      if (v.kind == ValueKind::duration) {
        if (!p.length) p.length = v.duration, p.notes.push_back(fmt::format("length from \"{}\"", phrase));
        continue;
      }
      // The first date given wins (a person reconciles others), except that a stated date replaces a guess.
      if (p.when && !(p.when->certainty == Certainty::guess && v.certainty != Certainty::guess)) continue;
      if (p.when) p.guesses.clear(), p.notes.pop_back();
      p.when = v;
      p.tense = tense_at(s.text, v.begin);
      p.notes.push_back(fmt::format("date from \"{}\" ({})", phrase, v.why));
      if (v.certainty == Certainty::guess) p.guesses.push_back(fmt::format("guess: \"{}\" read as {} ({})", phrase, v.text, v.why));
    }

    // Relations from the main mention (or the report's first event) to the anchor (or the report's
    // first event, for a cue with no event after it: "when trading resumes").
    for (std::size_t v = 0; v < values.size(); ++v) {
      const auto& r = values[v];
      if (r.kind != ValueKind::relation) continue;
      std::optional<std::size_t> from = main ? std::optional<std::size_t>{pending_of[*main]} : std::nullopt;
      std::optional<std::size_t> to = anchor_of[v] ? std::optional<std::size_t>{pending_of[*anchor_of[v]]} : std::nullopt;
      if (!to) {
        if (!lead_ || (from && *from == *lead_)) continue;
        to = lead_;
      }
      if (!from) from = sentence_subject_;
      if (!from || *from == *to) continue;
      auto phrase = std::string{s.text.substr(r.begin, r.end - r.begin)};
      Relation rel;
      rel.type = r.relation;
      auto& target = pending_[*to];
      rel.target = target.linked.empty() ? target.event.id : target.linked;
      if (r.gap) {
        // A gap in calendar days is between dates; a relation's gap runs from this event's end to
        // the other's start, one day less for an all-day event (docs/FORMAT.md).
        if (r.gap_in_days) {
          auto days = *r.gap / std::chrono::hours{24};
          if (days > 1) rel.gap.min = std::chrono::hours{24} * (days - 1);
          rel.gap.max = *r.gap;
        } else {
          rel.gap.min = *r.gap;
          rel.gap.max = *r.gap;
        }
      }
      rel.note = fmt::format("\"{}\"", phrase) + (r.gap && r.gap_in_days ? " (calendar days)" : "");
      auto& source = pending_[*from];
      bool duplicate = std::any_of(source.event.relations.begin(), source.event.relations.end(),
                                   [&](const Relation& x) { return x.type == rel.type && x.target == rel.target; });
      if (!duplicate) source.event.relations.push_back(std::move(rel));
      if (r.construction == "trading resumes" && source.event.kind == EventKind::market)
        source.guesses.push_back("guess: markets reopen on the next weekday; check the exchange's holidays");
    }
    if (main) {
      sentence_subject_ = pending_of[*main];
      if (!lead_) lead_ = pending_of[*main];
    }
  }

  void finish() {
    auto published = published_text();
    for (auto& p : pending_) {
      if (!p.linked.empty()) continue;
      auto& e = p.event;
      if (p.when) set_time(p, e);
      bool past = p.tense == Tense::past || (p.when && p.when->last && *p.when->last < out_.reference.published);
      bool future = p.tense == Tense::future || (p.when && p.when->first && *p.when->first > out_.reference.published);
      e.status = past && !future ? EventStatus::held : EventStatus::tentative;
      if (!p.when) p.notes.push_back("no date in the report: left undated");
      e.sources.front().published = published;
      e.notes = fmt::format("Drafted by dipcal draft. {}.", fmt::join(p.notes, "; "));
      if (!p.guesses.empty()) out_.guesses[e.id] = p.guesses;
      out_.events.push_back(std::move(e));
    }
  }

  std::vector<Pending> pending_;

 private:
  std::string published_text() const {
    if (out_.article.published_time && out_.article.published_offset) {
      auto t = to_string(*out_.article.published_time).substr(0, 16);
      return t + (*out_.article.published_offset == seconds{0} ? std::string{"Z"} : offset_to_string(*out_.article.published_offset));
    }
    return to_string(out_.reference.published);
  }

  void set_time(Pending& p, Event& e) {
    const auto& v = *p.when;
    if (v.kind == ValueKind::date_time && v.local_time) {
      // The time as stated, in the zone it was stated in; the event keeps its own zone.
      OffsetDateTime odt{*v.local_time, v.offset};
      auto start = odt.instant();
      e.time = Timed{start, start + (p.length ? *p.length : seconds{0})};
      if (v.zone_name && !v.zone_name->empty() && (*v.zone_name)[0] != '+' && (*v.zone_name)[0] != '-' && *v.zone_name != "Z")
        if (auto z = ZoneDb::system().find(*v.zone_name); z && e.location.zone.empty()) e.zone = *z, e.location.zone = z->name();
    } else if (v.kind == ValueKind::date && v.first) {
      auto last = *v.first;
      if (p.length && p.length->count() % 86400 == 0 && p.length->count() > 0)
        last = v.first->plus_days(static_cast<int>(p.length->count() / 86400) - 1);
      e.time = AllDay{*v.first, last};
    } else if (v.construction == "range" && v.first && v.last) {
      e.time = AllDay{*v.first, *v.last};  // "Oct 31–Nov 1": every day of it
    } else {
      Window w;
      w.start_text = v.text;  // "2025-11", "2025-11-01/2025-11-10": somewhere in it, EDTF
      e.time = w;
    }
  }

  std::size_t admit(const Mention& m, const Sentence& s, const std::vector<Token>& tokens, bool is_anchor, bool is_main) {
    auto key = key_of(m);
    // The same event named again: the same words, or a bare noun ("the meeting") after a fuller name.
    for (std::size_t k = pending_.size(); k-- > 0;) {
      const auto& p = pending_[k];
      if (p.key == key || (m.words.size() == 1 && p.event.kind == m.kind && !m.verb && m.words.front() != "trading")) return k;
    }
    Pending p;
    p.key = key;
    auto& e = p.event;
    e.time = Window{};  // undated until the text gives a date
    e.title = m.title;
    e.kind = m.kind;
    e.actors = m.actors;
    e.location.city = m.place;
    e.location.country = m.country;
    if (!m.zone.empty()) {
      if (auto z = ZoneDb::system().find(m.zone)) e.zone = *z, e.location.zone = m.zone;
    }
    if (e.location.zone.empty()) {
      e.zone = out_.reference.zone;
      e.location.zone = out_.reference.zone.name();
      if (m.place.empty() && !out_.place.empty() && !is_anchor) {
        e.location.city = out_.place;
        if (auto pl = places::find_place(out_.place)) e.location.country = std::string{pl->country};
      }
    }
    std::sort(e.actors.begin(), e.actors.end());
    e.actors.erase(std::unique(e.actors.begin(), e.actors.end()), e.actors.end());
    Source src;
    src.outlet = !options_.outlet.empty() ? options_.outlet : !out_.article.outlet.empty() ? out_.article.outlet : "unknown outlet";
    src.url = options_.url;
    src.quote = quote(s.text);
    e.sources.push_back(std::move(src));
    e.tags.push_back("drafted");
    // Linking: an event already in --against.
    if (options_.against) {
      int best = 0;
      const Event* found = nullptr;
      for (const auto& existing : options_.against->events()) {
        int score = link_score(m, existing, std::nullopt, out_.place);
        if (score > best) best = score, found = &existing;
      }
      if (found && best >= 4) {
        if (is_anchor || !is_main) p.linked = found->id;
        else p.guesses.push_back(fmt::format("may be the same event as {} in the fixtures; merge them if so", found->id));
      }
    }
    std::string base = ics::slugify(e.title);
    if (base.empty()) base = "event";
    std::string id = base;
    for (int n = 2; taken(id); ++n) id = fmt::format("{}-{}", base, n);
    if (p.linked.empty()) ids_.insert(id);
    e.id = id;
    (void)tokens;
    pending_.push_back(std::move(p));
    return pending_.size() - 1;
  }

  bool taken(const std::string& id) const {
    return ids_.count(id) > 0 || (options_.against && options_.against->index_of(id) != Timeline::npos);
  }

  static std::string quote(std::string_view sentence) {
    constexpr std::size_t kMax = 200;
    if (sentence.size() <= kMax) return std::string{sentence};
    auto cut = sentence.rfind(' ', kMax);
    // Never cut inside a UTF-8 sequence: a space is ASCII.
    return std::string{sentence.substr(0, cut == std::string_view::npos ? kMax : cut)} + " …";
  }

  const DraftOptions& options_;
  Drafted& out_;
  std::set<std::string> ids_;
  std::optional<std::size_t> lead_;
  std::optional<std::size_t> sentence_subject_;
};

// The zone of --place (a city or an IANA zone) or of the dateline's city.
std::optional<Zone> zone_for(std::string_view place, std::string& city) {
  if (auto z = ZoneDb::system().find(place)) return z;
  if (auto p = places::find_place(place)) {
    city = std::string{p->name};
    return ZoneDb::system().find(p->zone);
  }
  return std::nullopt;
}

}  // namespace

std::variant<Drafted, DraftError> draft_report(std::string_view text, const DraftOptions& options) {
  Drafted out;
  out.article = read_article(text);
  const auto& a = out.article;
  // Where: --place, else the dateline's city.
  Zone zone;
  if (!options.place.empty()) {
    std::string city;
    auto z = zone_for(options.place, city);
    if (!z) return DraftError{fmt::format("--place '{}' is neither a city dipcal knows nor an IANA zone", options.place),
                              "give a zone such as Asia/Kuala_Lumpur"};
    zone = *z;
    out.place = city.empty() ? a.dateline_place : city;
  } else if (!a.dateline_place.empty()) {
    std::string city;
    if (auto z = zone_for(a.dateline_place, city)) {
      zone = *z;
      out.place = city;
    } else {
      out.warnings.push_back(fmt::format("the dateline's place '{}' is not one dipcal knows: times are read in UTC; give --place ZONE",
                                         a.dateline_place));
      out.place = a.dateline_place;
    }
  } else {
    out.warnings.push_back("no dateline and no --place: times are read in UTC; give --place CITY or ZONE");
  }
  // When: --published, else the article's own line.
  std::optional<CivilDate> published = options.published;
  if (options.published_time) {
    published = options.published_time->local.date();
    out.article.published_time = options.published_time->local;
    out.article.published_offset = options.published_time->offset;
  }
  if (!published) published = a.published;
  if (!published)
    return DraftError{"no publication date: the report has no date line under its headline",
                      "give --published YYYY-MM-DD (or a date-time with its offset)"};
  // A publication time with an offset gives the day in the dateline's zone.
  if (!options.published && out.article.published_time && out.article.published_offset) {
    OffsetDateTime odt{*out.article.published_time, *out.article.published_offset};
    published = zone.to_civil(odt.instant()).date();
  }
  out.reference = Reference{*published, zone};
  Drafter drafter{options, out};
  for (const auto& s : a.sentences) drafter.sentence(s);
  drafter.finish();
  bool dated = std::any_of(out.events.begin(), out.events.end(), [](const Event& e) { return e.dated() || !std::get<Window>(e.time).start_text.empty(); });
  if (!dated) {
    out.events.clear();
    out.guesses.clear();
    out.warnings.push_back("the report gives no date for any event: the fixture is empty");
  }
  return out;
}

std::string write_drafted(const Drafted& drafted, std::string_view schema_path) {
  ics::FixtureNotes notes;
  notes.made_by = "Drafted by `dipcal draft` from a news report. Every date and relation comes from a phrase quoted in its notes;\n"
                  "# each comment marks a guess a person should confirm";
  notes.comments = drafted.guesses;
  return ics::write_fixture({}, drafted.events, schema_path, notes);
}

}  // namespace dipcal::draft

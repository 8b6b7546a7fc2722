#include "dipcal/draft/draft.h"

#include "tokens.h"

#include "dipcal/ics/fixture_out.h"
#include "dipcal/places/places.h"
#include "dipcal/text/names.h"
#include "dipcal/time/duration.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>
#include <unordered_map>

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

constexpr KindWord kKindWords[] = {
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
    {"plenary", EventKind::meeting}, {"segment", EventKind::meeting}, {"parade", EventKind::other},
    {"presidency", EventKind::other}, {"inauguration", EventKind::other}, {"funeral", EventKind::other},
};

// Forums named without a noun after them: "on the sidelines of APEC".
constexpr std::array<std::string_view, 10> kForums{"apec", "asean", "g20", "g7", "nato", "unga", "brics", "sco", "davos", "opec"};



// Lower-case words that belong to an event's name before its noun.
constexpr std::array<std::string_view, 44> kModifiers{"closing", "opening", "military", "hostage",
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

// "COP30", "COP29": the climate conferences by number.
bool is_cop(std::string_view w) { return w.size() > 3 && w.substr(0, 3) == "cop" && std::isdigit(static_cast<unsigned char>(w[3])); }

bool is_forum_word(std::string_view w) { return in(kForums, w) || is_cop(w); }
bool is_forum(const Token& t) { return t.capital && (in(kForums, t.lower) || is_cop(t.lower)); }

const KindWord* kind_word(const Token& t) {
  static const auto kByWord = [] {
    std::unordered_map<std::string_view, const KindWord*> map;
    for (const auto& k : kKindWords) map.emplace(k.word, &k);
    return map;
  }();
  auto it = kByWord.find(t.lower);
  return it == kByWord.end() ? nullptr : it->second;
}

// places::find_place folds each name through ICU, which costs more than all the rest of a sentence;
// reports name the same few places again and again, so the answers are kept (per thread).
std::optional<places::Place> place_named(std::string_view name) {
  static thread_local std::unordered_map<std::string, std::optional<places::Place>> known;
  auto it = known.find(std::string{name});
  if (it == known.end()) it = known.emplace(std::string{name}, places::find_place(name)).first;
  return it->second;
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
  bool verb = false;   // named by its verb ("met"): the title comes from the names around it
  bool bare = false;   // a noun or forum alone ("the summit", "NATO"): another mention may complete it
  std::string noun;    // the kind word as written, lower-case
};

// Words of a title that do not tell one event from another.
constexpr std::array<std::string_view, 12> kTitleNoise{"the", "a", "an", "planned", "preliminary", "first", "second", "third",
                                                      "new", "fresh", "final", "their"};

std::string strip_noise(std::string_view title) {
  std::string out;
  for (const auto& tok : detail::tokenize(title)) {
    if (in(kTitleNoise, tok.lower)) continue;
    auto word = title.substr(tok.begin, tok.end - tok.begin);
    bool after_dash = !out.empty() && (out.back() == '-' || (out.size() >= 3 && out.compare(out.size() - 3, 3, "–") == 0));
    if (!out.empty() && word != "–" && word != "-" && !after_dash && word != "'s") out += ' ';
    out += word;
  }
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

// Auxiliaries between a subject and its verb, left out of a title made from the subject.
constexpr std::array<std::string_view, 14> kAuxiliaries{"will", "would", "'ll", "shall", "is", "are", "was", "were", "expected",
                                                       "to", "due", "set", "be", "also"};
constexpr std::array<std::string_view, 9> kPronouns{"they", "he", "she", "we", "it", "both", "two", "sides", "leaders"};

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
    if (auto p = place_named(text_of(s, t, k, e))) {
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
    bool forum = !kw && is_forum(t[i]);
    if (!kw && !forum) continue;
    // "summit session", "peace summit": a noun before another is its modifier.
    if (kw && !kw->verb && i + 1 < t.size() && kind_word(t[i + 1]) && !kind_word(t[i + 1])->verb && t[i + 1].lower != "trading") continue;
    if (kw && kw->word == "trading" && !(i + 1 < t.size() && (t[i + 1].lower == "resumes" || t[i + 1].lower == "reopens"))) continue;
    if (kw && kw->word == "markets" && i > 0 && t[i - 1].lower == "when") continue;
    if (kw && kw->word == "round" && !(i + 1 < t.size() && t[i + 1].lower == "of")) continue;
    if (kw && kw->word == "phone" && i + 1 < t.size() && t[i + 1].lower == "call") continue;  // "phone call": the noun is "call"
    // "call for …", "call on X to …" are verbs, unless an article or modifier makes "call" a noun.
    if (kw && kw->word == "call" && i + 1 < t.size() && (t[i + 1].lower == "for" || t[i + 1].lower == "on") &&
        !(i > 0 && (t[i - 1].lower == "a" || t[i - 1].lower == "the" || in(kModifiers, t[i - 1].lower))))
      continue;
    if (kw && kw->word == "deal" && i + 1 < t.size() && t[i + 1].lower == "with") continue;
    // A forum followed by a noun is that noun's modifier.
    if (forum) {
      bool modifier = false;
      for (std::size_t k = i + 1; k < std::min(t.size(), i + 4); ++k) {
        if (kind_word(t[k]) && !kind_word(t[k])->verb) modifier = true;
        if (modifier || !(in(kModifiers, t[k].lower) || t[k].lower == "-" || t[k].lower == "–")) break;
      }
      if (modifier) continue;
    }
    Mention m;
    m.kind = kw ? kw->kind : EventKind::summit;
    m.verb = kw && kw->verb;
    m.noun = t[i].lower;
    // "will visit", "to meet": a noun used as a verb.
    static constexpr std::array<std::string_view, 8> kBeforeVerb{"will", "would", "to", "'ll", "shall", "may", "did", "could"};
    if (kw && !m.verb && i > 0 && in(kBeforeVerb, t[i - 1].lower) &&
        (m.kind == EventKind::visit || m.kind == EventKind::call || m.kind == EventKind::meeting))
      m.verb = true;
    std::size_t first = i;
    if (!m.verb) {
      while (first > covered) {
        const auto& p = t[first - 1];
        bool take = is_name_token(p) || in(kModifiers, p.lower) || (kind_word(p) && !kind_word(p)->verb) ||
                    (p.digits && detail::day_number(p.lower) == 0 && p.lower.size() > 2 && std::isalpha(static_cast<unsigned char>(p.lower.back()))) ||
                    ((p.lower == "–" || p.lower == "-") && first >= 2 && (is_name_token(t[first - 2]) || in(kModifiers, t[first - 2].lower)));
        if (p.capital && first - 1 == 0 && !in(kModifiers, p.lower) && !place_named(p.lower)) {
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
    if (forum) m.bare = true;
    if (m.verb) {
      // "Trump and Xi met", "Zelensky is expected to meet Trump": the people around the verb make
      // the title; without names, the subject does ("Foreign ministers met" → "Foreign ministers meeting").
      std::size_t start = i;
      while (start > 0 && start + 12 > i && t[start - 1].lower != "," && t[start - 1].lower != "that" && t[start - 1].lower != ";") --start;
      std::vector<std::string> names;
      bool only_names = true;
      std::string subject;
      for (std::size_t k = start; k < i; ++k) {
        if (in(kAuxiliaries, t[k].lower)) continue;
        if (is_name_token(t[k])) {
          auto e = name_run(t, k);
          std::size_t place_end = 0;
          if (!place_at(s, t, k, place_end)) names.push_back(text_of(s, t, k, e));
          subject += (subject.empty() ? "" : " ") + text_of(s, t, k, e);
          k = e - 1;
          continue;
        }
        if (t[k].lower != "and" && t[k].lower != "the") only_names = false;
        if (t[k].lower == "the" && subject.empty()) continue;
        subject += (subject.empty() ? "" : " ") + text_of(s, t, k, k + 1);
      }
      if (i + 1 < t.size() && is_name_token(t[i + 1])) names.push_back(text_of(s, t, i + 1, name_run(t, i + 1)));  // "meet Trump"
      static constexpr std::array<std::string_view, 3> kVerbNoun{"meeting", "visit", "call"};
      std::string_view noun = m.kind == EventKind::visit ? kVerbNoun[1] : m.kind == EventKind::call ? kVerbNoun[2] : kVerbNoun[0];
      if (!names.empty() && only_names) {
        m.actors = names;
        std::string joined;
        for (const auto& n : names) joined += (joined.empty() ? "" : "–") + n.substr(n.rfind(' ') == std::string::npos ? 0 : n.rfind(' ') + 1);
        title = joined + " " + std::string{noun};
      } else {
        auto words = detail::tokenize(subject);
        if (words.empty() || std::all_of(words.begin(), words.end(), [](const Token& w) { return in(kPronouns, w.lower) || w.lower == "the"; })) continue;
        m.actors = names;
        title = strip_noise(subject + " " + std::string{noun});
      }
      m.noun = std::string{noun};
      m.first = start;
    } else {
      title = text_of(s, t, first, i + 1);
      m.bare = first == i;
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
    // "Trump–Xi meeting": the names joined by a dash are the participants ("General Assembly" names none).
    bool joined = false;
    for (std::size_t k = first; k < i; ++k) joined = joined || t[k].lower == "–" || t[k].lower == "-";
    for (std::size_t k = first; joined && k < i; ++k)
      if (is_name_token(t[k]) && !place_named(t[k].lower) && !in(kForums, t[k].lower) && !t[k].all_caps) m.actors.push_back(text_of(s, t, k, k + 1));
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
  std::optional<CivilDate> until;
  std::vector<std::string> notes;
  std::vector<std::string> guesses;
  std::string linked;  // id in --against, when the mention names an event already there
  Tense tense = Tense::unknown;
};

// The same event named twice has the same key: its title's words, lower-case, without noise.
std::string key_of(const Mention& m) {
  std::string key;
  for (const auto& tok : detail::tokenize(m.title))
    if (!in(kTitleNoise, tok.lower) && tok.lower != "–" && tok.lower != "-") key += tok.lower + " ";
  return key;
}

// Whether every word of `key` is a word of `other` (keys are words each followed by a space).
bool words_within(const std::string& key, const std::string& other) {
  std::size_t begin = 0;
  while (begin < key.size()) {
    auto end = key.find(' ', begin);
    if (other.find(" " + key.substr(begin, end - begin + 1)) == std::string::npos &&
        other.compare(0, end - begin + 1, key, begin, end - begin + 1) != 0)
      return false;
    begin = end + 1;
  }
  return true;
}

bool similar_kind(EventKind a, EventKind b) {
  auto gathering = [](EventKind k) { return k == EventKind::summit || k == EventKind::meeting || k == EventKind::talks; };
  return a == b || (gathering(a) && gathering(b));
}

// Two mentions of one sentence that name one event: a bare noun or forum and a fuller name of the
// same kind ("a two-day summit …, the first G20 summit"; "NATO leaders … for a summit"), or an event
// named by its verb and by a noun ("Trump and Putin will meet …, their first summit").
// Returns, for each mention, the one it merges into (itself when none).
std::vector<std::size_t> merge_mentions(std::vector<Mention>& mentions, const std::set<std::size_t>& apart) {
  std::vector<std::size_t> into(mentions.size());
  for (std::size_t k = 0; k < mentions.size(); ++k) into[k] = k;
  for (std::size_t a = 0; a < mentions.size(); ++a) {
    if (into[a] != a || apart.count(a)) continue;
    for (std::size_t b = a + 1; b < mentions.size(); ++b) {
      if (into[b] != b || apart.count(b)) continue;
      auto& x = mentions[a];
      auto& y = mentions[b];
      const auto& v = x.verb ? x : y;
      const auto& n = x.verb ? y : x;
      bool verb_and_noun = x.verb != y.verb && (v.kind == n.kind || (v.kind == EventKind::meeting && similar_kind(v.kind, n.kind)));
      bool bare_and_full = !x.verb && !y.verb && x.kind == y.kind && (x.bare || y.bare);
      if (!verb_and_noun && !bare_and_full) continue;
      auto& verb = x.verb ? x : y;
      auto& noun = x.verb ? y : x;
      std::string title;
      if (verb_and_noun) {
        title = verb.actors.empty() ? strip_noise(noun.title) : strip_noise(verb.title.substr(0, verb.title.rfind(' ')) + " " + strip_noise(noun.title));
        if (!noun.bare && !verb.actors.empty() && noun.title.find(verb.actors.front()) != std::string::npos) title = strip_noise(noun.title);
        x.kind = noun.kind;
      } else if (x.bare && y.bare) {
        bool x_forum = is_forum_word(x.noun), y_forum = is_forum_word(y.noun);
        title = x_forum == y_forum ? strip_noise(x.title) : strip_noise((x_forum ? x.title : y.title) + " " + (x_forum ? y.noun : x.noun));
      } else {
        title = strip_noise(x.bare ? y.title : x.title);
      }
      x.title = title;
      x.verb = false;
      x.bare = false;
      for (const auto& actor : y.actors) x.actors.push_back(actor);
      if (x.place.empty()) x.place = y.place, x.zone = y.zone, x.country = y.country;
      for (const auto& w : y.words) x.words.push_back(w);
      into[b] = a;
    }
  }
  return into;
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

// Verbs that report speech: a date right after them dates the statement.
constexpr std::array<std::string_view, 12> kReportingVerbs{"said", "told", "announced", "reported", "confirmed", "stated",
                                                          "added", "wrote", "declared", "says", "tweeted", "posted"};

bool reporting_date(const std::vector<Token>& tokens, std::size_t at) {
  for (std::size_t k = at, n = 0; k-- > 0 && n < 3; ++n) {
    if (in(kReportingVerbs, tokens[k].lower)) return true;
    if (tokens[k].lower != "on" && tokens[k].lower != "reporters" && tokens[k].lower != "journalists") return false;
  }
  return false;
}

// Whether a later value replaces the date an event has: a stated date replaces a guess, and a span
// replaces a single day inside it ("worked on Wednesday" … "runs from November 10 to 21").
bool replaces(const TemporalValue& have, const TemporalValue& next) {
  if (have.certainty == Certainty::guess && next.certainty != Certainty::guess && next.first) return true;
  return have.kind == ValueKind::date && next.construction == "range" && next.first && next.last && have.first &&
         *next.first <= *have.first && *have.first <= *next.last;
}

class Drafter {
 public:
  Drafter(const DraftOptions& options, Drafted& out) : options_{options}, out_{out} {}

  void sentence(const Sentence& s) {
    auto tokens = detail::tokenize(s.text);
    auto values = detail::find_temporal_in(s.text, tokens, out_.reference);
    auto mentions = find_mentions(s.text, tokens);
    std::vector<std::size_t> into(mentions.size());
    for (std::size_t m = 0; m < mentions.size(); ++m) into[m] = m;
    auto token_at = [&](std::size_t byte) {
      std::size_t k = 0;
      while (k < tokens.size() && tokens[k].begin < byte) ++k;
      return k;
    };
    // Anchors: the first mention after each relation cue. The event a "during" names contains the
    // main one, and a date after it dates the main one ("met on the sidelines of X on Tuesday").
    std::vector<std::optional<std::size_t>> anchor_of(values.size());
    std::set<std::size_t> anchors;
    std::set<std::size_t> containers;
    for (std::size_t v = 0; v < values.size(); ++v) {
      if (values[v].kind != ValueKind::relation) continue;
      auto at = token_at(values[v].end);
      for (std::size_t m = 0; m < mentions.size(); ++m)
        if (into[m] == m && mentions[m].last > at && mentions[m].first <= at + 10) {
          anchor_of[v] = m;
          anchors.insert(m);
          if (values[v].relation == RelationType::during) containers.insert(m);
          break;
        }
    }
    // "the general debate of the 80th General Assembly": the second names where the first happens.
    for (std::size_t m = 1; m < mentions.size(); ++m) {
      auto gap_start = mentions[m - 1].last;
      if (gap_start < mentions[m].first && tokens[gap_start].lower == "of") containers.insert(m);
    }
    {
      std::set<std::size_t> apart = anchors;
      apart.insert(containers.begin(), containers.end());
      into = merge_mentions(mentions, apart);
    }
    std::optional<std::size_t> main;
    for (std::size_t m = 0; m < mentions.size(); ++m)
      if (into[m] == m && !anchors.count(m) && !containers.count(m)) {
        main = m;
        break;
      }
    std::vector<std::size_t> pending_of(mentions.size());
    for (std::size_t m = 0; m < mentions.size(); ++m)
      if (into[m] == m) pending_of[m] = admit(mentions[m], s, anchors.count(m) > 0 || containers.count(m) > 0, main && *main == m);
    for (std::size_t m = 0; m < mentions.size(); ++m) pending_of[m] = pending_of[into[m]];

    for (auto& v : values) {
      if (v.kind == ValueKind::relation || v.kind == ValueKind::time_of_day) continue;
      auto at = token_at(v.begin);
      std::optional<std::size_t> target;
      if (v.kind == ValueKind::duration) {
        // "a two-day summit": the length of the event it precedes, else of the one before it.
        for (std::size_t m = 0; m < mentions.size(); ++m)
          if (mentions[m].first >= token_at(v.end) && mentions[m].first <= token_at(v.end) + 2) target = m;
      }
      bool reported = reporting_date(tokens, at);
      if (!target && !reported)
        for (std::size_t m = mentions.size(); m-- > 0;)
          if (mentions[m].last <= at && at - mentions[m].last <= 8) {
            if (!containers.count(m)) target = m;
            break;
          }
      // A date after a reporting verb ("said on Sunday") dates what was said: an agreement or a
      // statement, not a summit that the statement was about.
      if (!target && main && (!reported || mentions[*main].kind == EventKind::announcement)) target = main;
      if (!target) continue;
      auto& p = pending_[pending_of[*target]];
      if (!p.linked.empty()) continue;
      auto phrase = std::string{s.text.substr(v.begin, v.end - v.begin)};
      if (v.kind == ValueKind::duration) {
        if (!p.length) p.length = v.duration, p.notes.push_back(fmt::format("length from \"{}\"", phrase));
        continue;
      }
      if (at > 0 && (tokens[at - 1].lower == "until" || tokens[at - 1].lower == "through") && p.when && v.first) {
        p.until = v.first;  // "runs until Monday, September 29": the last day
        p.notes.push_back(fmt::format("last day from \"until {}\"", phrase));
        continue;
      }
      if (p.when && !replaces(*p.when, v)) {
        // A time with no day of its own ("due to begin at 11 a.m. local time") on the event's day.
        if (v.construction == "time on the publication day" && p.when->kind == ValueKind::date && v.local_time && p.when->first) {
          auto combined = find_temporal(s.text.substr(v.begin, v.end - v.begin), Reference{*p.when->first, out_.reference.zone});
          if (!combined.empty() && combined.front().kind == ValueKind::date_time) {
            auto day_note = p.when->why;
            p.when = combined.front();
            p.when->certainty = Certainty::inferred;
            p.when->why = day_note + "; the time from a later sentence";
            p.notes.push_back(fmt::format("time from \"{}\"", phrase));
          }
        }
        continue;
      }
      if (p.when) p.guesses.clear(), p.notes.pop_back();
      p.when = v;
      p.tense = detail::tense_near(tokens, at, at);
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
          // "72 hours after": exact only between two timed events; an all-day end or start may lie
          // anywhere in its day, so only the upper bound is written (the note keeps the words).
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
    for (auto& p : pending_)
      if (p.linked.empty() && p.when) set_time(p, p.event);
    for (auto& p : pending_)
      if (p.linked.empty()) drop_impossible_relations(p);
    for (auto& p : pending_) {
      if (!p.linked.empty()) continue;
      auto& e = p.event;
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

  // The civil days an event covers in its own zone; empty when it is undated or imprecise.
  static std::optional<std::pair<CivilDate, CivilDate>> days_of(const Event& e) {
    if (const auto* d = std::get_if<AllDay>(&e.time)) return std::pair{d->first, d->last};
    if (const auto* t = std::get_if<Timed>(&e.time)) return std::pair{e.zone.to_civil(t->start).date(), e.zone.to_civil(t->end).date()};
    return std::nullopt;
  }

  const Event* event_named(const std::string& id) const {
    for (const auto& p : pending_)
      if (p.linked.empty() && p.event.id == id) return &p.event;
    if (options_.against)
      if (auto index = options_.against->index_of(id); index != Timeline::npos) return &options_.against->at(index);
    return nullptr;
  }

  // A cue that the known dates contradict ("… in Busan, on the sidelines of APEC" read as this
  // event during APEC, which came later) more likely describes another event of the sentence: the
  // relation is left out and the comment says so.
  void drop_impossible_relations(Pending& p) {
    auto mine = days_of(p.event);
    if (!mine) return;
    auto& relations = p.event.relations;
    for (auto it = relations.begin(); it != relations.end();) {
      const auto* other = event_named(it->target);
      auto theirs = other ? days_of(*other) : std::nullopt;
      bool possible = true;
      if (theirs) {
        switch (it->type) {
          case RelationType::during: possible = mine->first >= theirs->first && mine->second <= theirs->second; break;
          case RelationType::before:
          case RelationType::prepares: possible = mine->second <= theirs->first; break;
          case RelationType::after: possible = mine->first >= theirs->second; break;
          default: break;
        }
      }
      if (possible) {
        ++it;
        continue;
      }
      p.guesses.push_back(fmt::format("left out: {} {} ({}), which the dates rule out; it may describe another event of the sentence",
                                      to_string(it->type), it->target, it->note));
      it = relations.erase(it);
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
      auto last = p.until && *p.until > *v.first ? *p.until : *v.first;
      if (p.length && p.length->count() % 86400 == 0 && p.length->count() > 0)
        last = v.first->plus_days(static_cast<int>(p.length->count() / 86400) - 1);
      e.time = AllDay{*v.first, last};
    } else if ((v.construction == "range" || v.construction == "weekday range") && v.first && v.last) {
      e.time = AllDay{*v.first, *v.last};  // "Oct 31–Nov 1": every day of it
    } else {
      Window w;
      w.start_text = v.text;  // "2025-11", "2025-11-01/2025-11-10": somewhere in it, EDTF
      e.time = w;
    }
  }

  std::size_t admit(const Mention& m, const Sentence& s, bool is_anchor, bool is_main) {
    auto key = key_of(m);
    // The same event named again: the same words, or a bare noun ("the meeting") after a fuller name.
    for (std::size_t k = pending_.size(); k-- > 0;) {
      const auto& p = pending_[k];
      // "the meeting" after "a planned meeting between …": the same noun, named bare.
      bool same_noun = m.bare && !p.key.empty() && p.key.size() > m.noun.size() &&
                       p.key.compare(p.key.size() - m.noun.size() - 1, m.noun.size(), m.noun) == 0;
      // "the General Assembly" after "the 80th UN General Assembly": all its words in the earlier name.
      bool shorter_name = !m.verb && !m.bare && !p.key.empty() && words_within(key, p.key);
      if (p.key == key || same_noun || shorter_name) return k;
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
        if (auto pl = place_named(out_.place)) e.location.country = std::string{pl->country};
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
    std::string base = text::slugify(e.title);
    if (base.empty()) base = "event";
    std::string id = base;
    for (int n = 2; taken(id); ++n) id = fmt::format("{}-{}", base, n);
    if (p.linked.empty()) ids_.insert(id);
    e.id = id;
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
  if (auto p = place_named(place)) {
    city = std::string{p->name};
    return ZoneDb::system().find(p->zone);
  }
  return std::nullopt;
}

}  // namespace

Parsed<Drafted> draft_report(std::string_view text, const DraftOptions& options) {
  Drafted out;
  out.article = read_article(text);
  const auto& a = out.article;
  // Where: --place, else the dateline's city.
  Zone zone;
  if (!options.place.empty()) {
    std::string city;
    auto z = zone_for(options.place, city);
    if (!z) return ParseError{fmt::format("--place '{}' is neither a city dipcal knows nor an IANA zone", options.place), 0,
                              "give a zone such as Asia/Kuala_Lumpur", {}};
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
    return ParseError{"no publication date: the report has no date line under its headline", 0,
                      "give --published YYYY-MM-DD (or a date-time with its offset)", {}};
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

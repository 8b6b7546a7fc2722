// Cap'n Proto: the entry is built by a MallocMessageBuilder and written with writeMessageToFd; it is
// read in place from a mapping by a FlatArrayMessageReader. Every pointer is bounds-checked as it is
// followed, so there is no verifying pass to pay for; the traversal limit, which guards against a
// message that points at itself, is lifted because a full scan legitimately reads the whole file.
#include "entry.capnp.h"
#include "store.h"

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <fcntl.h>
#include <unistd.h>

#include <stdexcept>

namespace cache_layout {
namespace {

std::string_view sv(capnp::Text::Reader t) { return {t.begin(), t.size()}; }

class CapnpStore final : public Store {
 public:
  explicit CapnpStore(const std::string& path)
      : file_(path, sizeof(capnp::word)),
        reader_(kj::ArrayPtr<const capnp::word>(reinterpret_cast<const capnp::word*>(file_.data()),
                                                file_.size() / sizeof(capnp::word)),
                capnp::ReaderOptions{UINT64_MAX, 64}),
        entry_(reader_.getRoot<cp::Entry>()),
        events_(entry_.getEvents()),
        count_(events_.size()) {
    if (entry_.getById().size() != count_ || entry_.getByStart().size() != count_ ||
        entry_.getReferrerOffsets().size() != count_ + 1) {
      throw std::runtime_error("index sizes disagree with the event count");
    }
  }

  // The reader's destructor may throw (kj's convention); a Store's may not.
  ~CapnpStore() noexcept override {}

  std::optional<std::uint32_t> find(std::string_view name) override {
    const auto ids = entry_.getById();
    if (auto k = search_exact(count_, [&](auto k) { return sv(events_[ids[k]].getId()); }, name)) return ids[*k];
    const auto aliases = entry_.getAliases();
    if (auto k = search_exact(aliases.size(), [&](auto k) { return sv(aliases[k].getKey()); }, name)) {
      return aliases[*k].getEvent();
    }
    return std::nullopt;
  }

  std::optional<std::uint32_t> find_prefix(std::string_view prefix) override {
    const auto ids = entry_.getById();
    if (auto k = search_unique_prefix(count_, [&](auto k) { return sv(events_[ids[k]].getId()); }, prefix)) return ids[*k];
    return std::nullopt;
  }

  Event event(std::uint32_t index) override {
    const auto c = events_[index];
    Event e;
    e.id = sv(c.getId());
    e.title = sv(c.getTitle());
    e.zone = sv(entry_.getZones()[c.getZone()]);
    e.kind = c.getKind();
    e.status = c.getStatus();
    e.dating = static_cast<Dating>(c.getDating());
    e.start_s = c.getStartS();
    e.end_s = c.getEndS();
    e.first_day = c.getFirstDay();
    e.last_day = c.getLastDay();
    e.window = window_of(c);
    for (auto t : c.getAliases()) e.aliases.emplace_back(sv(t));
    for (auto t : c.getTags()) e.tags.emplace_back(sv(t));
    for (auto t : c.getActors()) e.actors.emplace_back(sv(t));
    for (auto r : c.getRelations()) {
      Relation rel{r.getType(), r.getTarget(), std::nullopt, std::nullopt};
      if (r.getHasGapMin()) rel.gap_min_s = r.getGapMinS();
      if (r.getHasGapMax()) rel.gap_max_s = r.getGapMaxS();
      e.relations.push_back(rel);
    }
    e.location = sv(c.getLocation());
    e.outlet = sv(c.getOutlet());
    e.url = sv(c.getUrl());
    e.quote = sv(c.getQuote());
    e.rank = c.getRank();
    return e;
  }

  std::string id(std::uint32_t index) override { return std::string(sv(events_[index].getId())); }

  std::vector<std::uint32_t> referrers(std::uint32_t index) override {
    const auto offsets = entry_.getReferrerOffsets();
    const auto referrers = entry_.getReferrers();
    std::vector<std::uint32_t> out;
    for (auto k = offsets[index]; k < offsets[index + 1]; ++k) out.push_back(referrers[k]);
    return out;
  }

  std::vector<std::uint32_t> touching(std::int64_t from_s, std::int64_t to_s) override {
    const auto order = entry_.getByStart();
    const auto key = [&](std::uint32_t k) { return chronological_key(events_[order[k]]); };
    std::vector<std::uint32_t> out;
    for (auto k = first_at_least(count_, key, from_s - entry_.getMaxSpanS()); k < count_ && key(k) < to_s; ++k) {
      const auto c = events_[order[k]];
      if (c.getDating() != static_cast<std::uint8_t>(Dating::window) && c.getEndS() > from_s) out.push_back(order[k]);
    }
    return out;
  }

  void scan(std::string& buffer, void (*sink)(std::string&)) override {
    const auto order = entry_.getByStart();
    for (std::uint32_t k = 0; k < count_; ++k) {
      const auto c = events_[order[k]];
      append_window_line(buffer, sv(c.getId()),
                         windows_of(static_cast<Dating>(c.getDating()), c.getStartS(), c.getEndS(), window_of(c)));
      if (buffer.size() > (1U << 20)) sink(buffer);
    }
  }

 private:
  static std::array<std::int64_t, 4> window_of(cp::Event::Reader c) {
    return {c.getEarliestStart(), c.getLatestStart(), c.getEarliestEnd(), c.getLatestEnd()};
  }
  static std::int64_t chronological_key(cp::Event::Reader c) {
    return c.getDating() == static_cast<std::uint8_t>(Dating::window) ? c.getEarliestStart() : c.getStartS();
  }

  MappedFile file_;
  capnp::FlatArrayMessageReader reader_;
  cp::Entry::Reader entry_;
  capnp::List<cp::Event>::Reader events_;
  std::uint32_t count_;
};

void set_list(capnp::List<std::uint32_t>::Builder to, const std::vector<std::uint32_t>& from) {
  for (std::uint32_t k = 0; k < from.size(); ++k) to.set(k, from[k]);
}

void set_texts(capnp::List<capnp::Text>::Builder to, const std::vector<std::string>& from) {
  for (std::uint32_t k = 0; k < from.size(); ++k) to.set(k, capnp::Text::Reader(from[k].data(), from[k].size()));
}

}  // namespace

void write_capnp(std::vector<Event>& events, const std::string& path) {
  const Indexes ix = build_indexes(events);
  capnp::MallocMessageBuilder message;
  auto entry = message.initRoot<cp::Entry>();
  const auto count = static_cast<std::uint32_t>(events.size());
  auto list = entry.initEvents(count);
  for (std::uint32_t i = 0; i < count; ++i) {
    const Event& e = events[i];
    auto c = list[i];
    c.setId(capnp::Text::Reader(e.id.data(), e.id.size()));
    set_texts(c.initAliases(static_cast<unsigned>(e.aliases.size())), e.aliases);
    c.setTitle(capnp::Text::Reader(e.title.data(), e.title.size()));
    c.setZone(zone_index(e.zone));
    c.setKind(e.kind);
    c.setStatus(e.status);
    c.setDating(static_cast<std::uint8_t>(e.dating));
    c.setStartS(e.start_s);
    c.setEndS(e.end_s);
    c.setFirstDay(e.first_day);
    c.setLastDay(e.last_day);
    c.setEarliestStart(e.window[0]);
    c.setLatestStart(e.window[1]);
    c.setEarliestEnd(e.window[2]);
    c.setLatestEnd(e.window[3]);
    set_texts(c.initTags(static_cast<unsigned>(e.tags.size())), e.tags);
    set_texts(c.initActors(static_cast<unsigned>(e.actors.size())), e.actors);
    auto relations = c.initRelations(static_cast<unsigned>(e.relations.size()));
    for (std::uint32_t k = 0; k < e.relations.size(); ++k) {
      const auto& r = e.relations[k];
      relations[k].setType(r.type);
      relations[k].setTarget(r.target);
      relations[k].setHasGapMin(r.gap_min_s.has_value());
      relations[k].setHasGapMax(r.gap_max_s.has_value());
      relations[k].setGapMinS(r.gap_min_s.value_or(0));
      relations[k].setGapMaxS(r.gap_max_s.value_or(0));
    }
    c.setLocation(capnp::Text::Reader(e.location.data(), e.location.size()));
    c.setOutlet(capnp::Text::Reader(e.outlet.data(), e.outlet.size()));
    c.setUrl(capnp::Text::Reader(e.url.data(), e.url.size()));
    c.setQuote(capnp::Text::Reader(e.quote.data(), e.quote.size()));
    c.setRank(e.rank);
  }
  set_texts(entry.initZones(static_cast<unsigned>(zone_names().size())), zone_names());
  set_list(entry.initById(count), ix.by_id);
  // Cap'n Proto cannot point two fields at one text: an alias's key is a second copy.
  auto aliases = entry.initAliases(static_cast<unsigned>(ix.aliases.size()));
  for (std::uint32_t k = 0; k < ix.aliases.size(); ++k) {
    aliases[k].setKey(capnp::Text::Reader(ix.aliases[k].key.data(), ix.aliases[k].key.size()));
    aliases[k].setEvent(ix.aliases[k].event);
  }
  set_list(entry.initByStart(count), ix.by_start);
  set_list(entry.initReferrerOffsets(count + 1), ix.referrer_offsets);
  set_list(entry.initReferrers(static_cast<unsigned>(ix.referrers.size())), ix.referrers);
  entry.setMaxSpanS(ix.max_span_s);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) throw std::runtime_error("cannot write " + path);
  capnp::writeMessageToFd(fd, message);
  ::close(fd);
}

std::unique_ptr<Store> open_capnp(const std::string& path) { return std::make_unique<CapnpStore>(path); }

}  // namespace cache_layout

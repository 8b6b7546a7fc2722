// FlatBuffers: the entry is built in memory by a FlatBufferBuilder and written whole; it is read in
// place from a mapping through GetRoot. Unverified, a damaged file can send an accessor outside the
// mapping; the Verifier that prevents it visits every table and string, so it reads the whole file
// on open, however small the question.
#include "entry_generated.h"
#include "store.h"

#include <fstream>
#include <stdexcept>

namespace cache_layout {
namespace {

std::string_view sv(const flatbuffers::String* s) { return s ? s->string_view() : std::string_view(); }

template <class T>
std::uint32_t size_of(const flatbuffers::Vector<T>* v) { return v ? v->size() : 0; }

class FlatbuffersStore final : public Store {
 public:
  FlatbuffersStore(const std::string& path, bool verify) : file_(path, sizeof(flatbuffers::uoffset_t)) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(file_.data());
    if (!fb::EntryBufferHasIdentifier(bytes)) throw std::runtime_error("not a FlatBuffers entry");
    if (verify) {
      // The default limit of a million tables is below a million events with their relations.
      flatbuffers::Verifier verifier(bytes, file_.size(), 64, 1U << 30);
      if (!fb::VerifyEntryBuffer(verifier)) throw std::runtime_error("entry fails verification");
    }
    entry_ = fb::GetEntry(bytes);
    events_ = entry_->events();
    count_ = size_of(events_);
    if (size_of(entry_->by_id()) != count_ || size_of(entry_->by_start()) != count_ ||
        size_of(entry_->referrer_offsets()) != count_ + 1) {
      throw std::runtime_error("index sizes disagree with the event count");
    }
  }

  std::optional<std::uint32_t> find(std::string_view name) override {
    const auto* ids = entry_->by_id();
    if (auto k = search_exact(count_, [&](auto k) { return sv(events_->Get(ids->Get(k))->id()); }, name)) {
      return ids->Get(*k);
    }
    if (const auto* aliases = entry_->aliases()) {
      // LookupByKey wants a NUL-terminated key.
      if (const auto* alias = aliases->LookupByKey(std::string(name).c_str())) return alias->event();
    }
    return std::nullopt;
  }

  std::optional<std::uint32_t> find_prefix(std::string_view prefix) override {
    const auto* ids = entry_->by_id();
    if (auto k = search_unique_prefix(count_, [&](auto k) { return sv(events_->Get(ids->Get(k))->id()); }, prefix)) {
      return ids->Get(*k);
    }
    return std::nullopt;
  }

  Event event(std::uint32_t index) override {
    const fb::Event& f = *events_->Get(index);
    Event e;
    e.id = sv(f.id());
    e.title = sv(f.title());
    e.zone = sv(entry_->zones()->Get(f.zone()));
    e.kind = f.kind();
    e.status = f.status();
    e.dating = static_cast<Dating>(f.dating());
    e.start_s = f.start_s();
    e.end_s = f.end_s();
    e.first_day = f.first_day();
    e.last_day = f.last_day();
    if (const auto* w = f.window()) e.window = {w->earliest_start(), w->latest_start(), w->earliest_end(), w->latest_end()};
    for (auto [from, to] : {std::pair{f.aliases(), &e.aliases}, {f.tags(), &e.tags}, {f.actors(), &e.actors}}) {
      for (std::uint32_t k = 0; k < size_of(from); ++k) to->emplace_back(sv(from->Get(k)));
    }
    for (std::uint32_t k = 0; k < size_of(f.relations()); ++k) {
      const auto& r = *f.relations()->Get(k);
      e.relations.push_back({r.type(), r.target(), r.gap_min_s(), r.gap_max_s()});
    }
    e.location = sv(f.location());
    e.outlet = sv(f.outlet());
    e.url = sv(f.url());
    e.quote = sv(f.quote());
    e.rank = f.rank();
    return e;
  }

  std::string id(std::uint32_t index) override { return std::string(sv(events_->Get(index)->id())); }

  std::vector<std::uint32_t> referrers(std::uint32_t index) override {
    const auto* offsets = entry_->referrer_offsets();
    std::vector<std::uint32_t> out;
    for (auto k = offsets->Get(index); k < offsets->Get(index + 1); ++k) out.push_back(entry_->referrers()->Get(k));
    return out;
  }

  std::vector<std::uint32_t> touching(std::int64_t from_s, std::int64_t to_s) override {
    const auto* order = entry_->by_start();
    const auto key = [&](std::uint32_t k) { return chronological_key(*events_->Get(order->Get(k))); };
    std::vector<std::uint32_t> out;
    for (auto k = first_at_least(count_, key, from_s - entry_->max_span_s()); k < count_ && key(k) < to_s; ++k) {
      const auto& f = *events_->Get(order->Get(k));
      if (f.dating() != static_cast<std::uint8_t>(Dating::window) && f.end_s() > from_s) out.push_back(order->Get(k));
    }
    return out;
  }

  void scan(std::string& buffer, void (*sink)(std::string&)) override {
    const auto* order = entry_->by_start();
    for (std::uint32_t k = 0; k < count_; ++k) {
      const auto& f = *events_->Get(order->Get(k));
      std::array<std::int64_t, 4> window{};
      if (const auto* w = f.window()) window = {w->earliest_start(), w->latest_start(), w->earliest_end(), w->latest_end()};
      append_window_line(buffer, sv(f.id()), windows_of(static_cast<Dating>(f.dating()), f.start_s(), f.end_s(), window));
      if (buffer.size() > (1U << 20)) sink(buffer);
    }
  }

 private:
  static std::int64_t chronological_key(const fb::Event& f) {
    if (f.dating() != static_cast<std::uint8_t>(Dating::window)) return f.start_s();
    return f.window() ? f.window()->earliest_start() : 0;
  }

  MappedFile file_;
  const fb::Entry* entry_ = nullptr;
  const flatbuffers::Vector<flatbuffers::Offset<fb::Event>>* events_ = nullptr;
  std::uint32_t count_ = 0;
};

}  // namespace

void write_flatbuffers(std::vector<Event>& events, const std::string& path) {
  const Indexes ix = build_indexes(events);
  flatbuffers::FlatBufferBuilder b(1U << 20);
  const auto strings = [&](const std::vector<std::string>& items) {
    std::vector<flatbuffers::Offset<flatbuffers::String>> offsets;
    for (const auto& s : items) offsets.push_back(b.CreateString(s));
    return offsets;
  };
  // An alias index entry points at the string its event's alias list already holds.
  std::vector<std::vector<flatbuffers::Offset<flatbuffers::String>>> alias_strings(events.size());
  std::vector<flatbuffers::Offset<fb::Event>> offsets;
  offsets.reserve(events.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
    const auto id = b.CreateString(e.id);
    alias_strings[i] = strings(e.aliases);
    const auto aliases = b.CreateVector(alias_strings[i]);
    const auto title = b.CreateString(e.title);
    const auto tags = b.CreateVector(strings(e.tags));
    const auto actors = b.CreateVector(strings(e.actors));
    std::vector<flatbuffers::Offset<fb::Relation>> relation_offsets;
    const auto gap = [](const std::optional<std::int64_t>& s) { return s ? flatbuffers::Optional<std::int64_t>(*s) : flatbuffers::nullopt; };
    for (const auto& r : e.relations) relation_offsets.push_back(fb::CreateRelation(b, r.type, r.target, gap(r.gap_min_s), gap(r.gap_max_s)));
    const auto relations = b.CreateVector(relation_offsets);
    const auto location = b.CreateString(e.location), outlet = b.CreateString(e.outlet);
    const auto url = b.CreateString(e.url), quote = b.CreateString(e.quote);
    const fb::Window window(e.window[0], e.window[1], e.window[2], e.window[3]);
    // The generated CreateEvent adds the fields largest first, as FlatBuffers packs them best.
    offsets.push_back(fb::CreateEvent(b, id, aliases, title, zone_index(e.zone), e.kind, e.status, static_cast<std::uint8_t>(e.dating),
                                      e.start_s, e.end_s, e.first_day, e.last_day, e.dating == Dating::window ? &window : nullptr, tags,
                                      actors, relations, location, outlet, url, quote, e.rank));
  }
  const auto events_vector = b.CreateVector(offsets);
  const auto zones = b.CreateVector(strings(zone_names()));
  std::vector<flatbuffers::Offset<fb::Alias>> alias_offsets;
  for (const auto& a : ix.aliases) {
    const auto& own = events[a.event].aliases;
    const auto position = std::find(own.begin(), own.end(), a.key) - own.begin();
    alias_offsets.push_back(fb::CreateAlias(b, alias_strings[a.event][position], a.event));
  }
  const auto aliases = b.CreateVector(alias_offsets);  // already in key order
  const auto entry = fb::CreateEntry(b, events_vector, zones, b.CreateVector(ix.by_id), aliases,
                                     b.CreateVector(ix.by_start), b.CreateVector(ix.referrer_offsets),
                                     b.CreateVector(ix.referrers), ix.max_span_s);
  fb::FinishEntryBuffer(b, entry);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(b.GetBufferPointer()), b.GetSize());
  if (!out.flush()) throw std::runtime_error("cannot write " + path);
}

std::unique_ptr<Store> open_flatbuffers(const std::string& path) {
  return std::make_unique<FlatbuffersStore>(path, false);
}
std::unique_ptr<Store> open_flatbuffers_verified(const std::string& path) {
  return std::make_unique<FlatbuffersStore>(path, true);
}

}  // namespace cache_layout

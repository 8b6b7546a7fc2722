// SQLite: one row per event, side tables for its lists and relations, and B-tree indexes for the
// questions (id, alias, chronological key, relation target). Each process opens a fresh read-only
// connection and prepares only the statements its question uses, as a dipcal run would.
#include "store.h"

#include <sqlite3.h>

#include <cstdio>
#include <stdexcept>

namespace cache_layout {
namespace {

class Database {
 public:
  Database(const std::string& path, int flags) {
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) fail("open");
  }
  ~Database() {
    for (auto* s : statements_) sqlite3_finalize(s);
    sqlite3_close(db_);
  }
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(sql);
  }
  // Statements are prepared on first use and kept; `slot` names one per call site.
  sqlite3_stmt* statement(std::size_t slot, const char* sql) {
    if (slot >= statements_.size()) statements_.resize(slot + 1, nullptr);
    auto*& s = statements_[slot];
    if (!s && sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK) fail(sql);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return s;
  }
  bool step(sqlite3_stmt* s) {
    const int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail("step");
    return rc == SQLITE_ROW;
  }
  [[noreturn]] void fail(const char* what) { throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db_)); }

 private:
  sqlite3* db_ = nullptr;
  std::vector<sqlite3_stmt*> statements_;
};

std::string_view text(sqlite3_stmt* s, int column) {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, column));
  return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(s, column))) : std::string_view();
}
void bind(sqlite3_stmt* s, int column, std::string_view value) {
  sqlite3_bind_text(s, column, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
}
void bind(sqlite3_stmt* s, int column, std::int64_t value) { sqlite3_bind_int64(s, column, value); }
void bind(sqlite3_stmt* s, int column, std::optional<std::int64_t> value) {
  if (value) sqlite3_bind_int64(s, column, *value); else sqlite3_bind_null(s, column);
}
std::optional<std::int64_t> optional_int(sqlite3_stmt* s, int column) {
  if (sqlite3_column_type(s, column) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_int64(s, column);
}

enum Slot { by_id, by_alias, prefix, event_row, event_aliases, event_lists, event_relations, event_id,
            by_target, by_time, chronological, meta };

class SqliteStore final : public Store {
 public:
  SqliteStore(const std::string& path, bool mmap) : db_(path, SQLITE_OPEN_READONLY) {
    // Large enough to map any entry here whole; 0 (the default) reads pages into SQLite's cache.
    if (mmap) db_.exec("PRAGMA mmap_size=17179869184");
  }

  std::optional<std::uint32_t> find(std::string_view name) override {
    auto* s = db_.statement(by_id, "SELECT idx FROM event WHERE id = ?1");
    bind(s, 1, name);
    if (db_.step(s)) return static_cast<std::uint32_t>(sqlite3_column_int64(s, 0));
    s = db_.statement(by_alias, "SELECT event FROM alias WHERE key = ?1");
    bind(s, 1, name);
    if (db_.step(s)) return static_cast<std::uint32_t>(sqlite3_column_int64(s, 0));
    return std::nullopt;
  }

  std::optional<std::uint32_t> find_prefix(std::string_view p) override {
    // The first two ids from the prefix on: unique when the first starts with it and the second does not.
    auto* s = db_.statement(prefix, "SELECT idx, id FROM event WHERE id >= ?1 ORDER BY id LIMIT 2");
    bind(s, 1, p);
    if (!db_.step(s) || !text(s, 1).starts_with(p)) return std::nullopt;
    const auto found = static_cast<std::uint32_t>(sqlite3_column_int64(s, 0));
    if (db_.step(s) && text(s, 1).starts_with(p)) return std::nullopt;
    return found;
  }

  Event event(std::uint32_t index) override {
    Event e;
    auto* s = db_.statement(event_row,
                            "SELECT id, title, (SELECT name FROM zone WHERE idx = event.zone), kind, status, dating, "
                            "start_s, end_s, first_day, last_day, w0, w1, w2, w3, location, outlet, url, quote, rank "
                            "FROM event WHERE idx = ?1");
    bind(s, 1, std::int64_t{index});
    if (!db_.step(s)) throw std::runtime_error("no such event");
    e.id = text(s, 0);
    e.title = text(s, 1);
    e.zone = text(s, 2);
    e.kind = static_cast<std::uint8_t>(sqlite3_column_int(s, 3));
    e.status = static_cast<std::uint8_t>(sqlite3_column_int(s, 4));
    e.dating = static_cast<Dating>(sqlite3_column_int(s, 5));
    e.start_s = sqlite3_column_int64(s, 6);
    e.end_s = sqlite3_column_int64(s, 7);
    e.first_day = sqlite3_column_int(s, 8);
    e.last_day = sqlite3_column_int(s, 9);
    for (int b = 0; b < 4; ++b) e.window[b] = sqlite3_column_int64(s, 10 + b);
    e.location = text(s, 14);
    e.outlet = text(s, 15);
    e.url = text(s, 16);
    e.quote = text(s, 17);
    e.rank = static_cast<std::uint32_t>(sqlite3_column_int64(s, 18));
    s = db_.statement(event_aliases, "SELECT key FROM alias WHERE event = ?1 ORDER BY pos");
    bind(s, 1, std::int64_t{index});
    while (db_.step(s)) e.aliases.emplace_back(text(s, 0));
    s = db_.statement(event_lists, "SELECT kind, value FROM list WHERE event = ?1 ORDER BY kind, pos");
    bind(s, 1, std::int64_t{index});
    while (db_.step(s)) (sqlite3_column_int(s, 0) == 0 ? e.tags : e.actors).emplace_back(text(s, 1));
    s = db_.statement(event_relations,
                      "SELECT type, target, gap_min_s, gap_max_s FROM relation WHERE event = ?1 ORDER BY pos");
    bind(s, 1, std::int64_t{index});
    while (db_.step(s)) {
      e.relations.push_back({static_cast<std::uint8_t>(sqlite3_column_int(s, 0)),
                             static_cast<std::uint32_t>(sqlite3_column_int64(s, 1)), optional_int(s, 2),
                             optional_int(s, 3)});
    }
    return e;
  }

  std::string id(std::uint32_t index) override {
    auto* s = db_.statement(event_id, "SELECT id FROM event WHERE idx = ?1");
    bind(s, 1, std::int64_t{index});
    if (!db_.step(s)) throw std::runtime_error("no such event");
    return std::string(text(s, 0));
  }

  std::vector<std::uint32_t> referrers(std::uint32_t index) override {
    auto* s = db_.statement(by_target, "SELECT event FROM relation WHERE target = ?1 ORDER BY event, pos");
    bind(s, 1, std::int64_t{index});
    std::vector<std::uint32_t> out;
    while (db_.step(s)) out.push_back(static_cast<std::uint32_t>(sqlite3_column_int64(s, 0)));
    return out;
  }

  std::vector<std::uint32_t> touching(std::int64_t from_s, std::int64_t to_s) override {
    auto* m = db_.statement(meta, "SELECT max_span_s FROM meta");
    const std::int64_t max_span_s = db_.step(m) ? sqlite3_column_int64(m, 0) : 0;
    auto* s = db_.statement(by_time,
                            "SELECT idx FROM event WHERE chrono_key >= ?1 AND chrono_key < ?2 AND dating != 2 "
                            "AND end_s > ?3 ORDER BY chrono_key, idx");
    bind(s, 1, from_s - max_span_s);
    bind(s, 2, to_s);
    bind(s, 3, from_s);
    std::vector<std::uint32_t> out;
    while (db_.step(s)) out.push_back(static_cast<std::uint32_t>(sqlite3_column_int64(s, 0)));
    return out;
  }

  void scan(std::string& buffer, void (*sink)(std::string&)) override {
    auto* s = db_.statement(chronological,
                            "SELECT id, dating, start_s, end_s, w0, w1, w2, w3 FROM event ORDER BY chrono_key, idx");
    while (db_.step(s)) {
      const std::array<std::int64_t, 4> window{sqlite3_column_int64(s, 4), sqlite3_column_int64(s, 5),
                                               sqlite3_column_int64(s, 6), sqlite3_column_int64(s, 7)};
      append_window_line(buffer, text(s, 0),
                         windows_of(static_cast<Dating>(sqlite3_column_int(s, 1)), sqlite3_column_int64(s, 2),
                                    sqlite3_column_int64(s, 3), window));
      if (buffer.size() > (1U << 20)) sink(buffer);
    }
  }

 private:
  Database db_;
};

constexpr const char* kSchema = R"(
  CREATE TABLE zone(idx INTEGER PRIMARY KEY, name TEXT NOT NULL);
  CREATE TABLE event(idx INTEGER PRIMARY KEY, id TEXT NOT NULL, title TEXT, zone INT, kind INT, status INT,
                     dating INT, start_s INT, end_s INT, first_day INT, last_day INT, w0 INT, w1 INT, w2 INT,
                     w3 INT, chrono_key INT, location TEXT, outlet TEXT, url TEXT, quote TEXT, rank INT);
  CREATE TABLE alias(key TEXT PRIMARY KEY, event INT, pos INT) WITHOUT ROWID;
  CREATE TABLE list(event INT, kind INT, pos INT, value TEXT, PRIMARY KEY(event, kind, pos)) WITHOUT ROWID;
  CREATE TABLE relation(event INT, pos INT, type INT, target INT, gap_min_s INT, gap_max_s INT,
                        PRIMARY KEY(event, pos)) WITHOUT ROWID;
  CREATE TABLE meta(max_span_s INT);
)";
// Built after the rows are in: one sort per index instead of a B-tree insert per row.
constexpr const char* kIndexes = R"(
  CREATE UNIQUE INDEX event_id ON event(id);
  CREATE INDEX event_chrono ON event(chrono_key);
  CREATE INDEX alias_event ON alias(event, pos);
  CREATE INDEX relation_target ON relation(target);
)";

}  // namespace

void write_sqlite(std::vector<Event>& events, const std::string& path) {
  std::remove(path.c_str());
  Database db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  db.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
  db.exec(kSchema);
  db.exec("BEGIN");
  // Ranks come from the shared index builder; SQLite's own indexes are built by SQLite.
  const Indexes ix = build_indexes(events);
  for (std::size_t k = 0; k < zone_names().size(); ++k) {
    auto* z = db.statement(0, "INSERT INTO zone VALUES (?1, ?2)");
    bind(z, 1, static_cast<std::int64_t>(k));
    bind(z, 2, std::string_view(zone_names()[k]));
    db.step(z);
  }
  for (std::uint32_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
    auto* s = db.statement(1, "INSERT INTO event VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                              "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)");
    bind(s, 1, std::int64_t{i});
    bind(s, 2, std::string_view(e.id));
    bind(s, 3, std::string_view(e.title));
    bind(s, 4, std::int64_t{zone_index(e.zone)});
    bind(s, 5, std::int64_t{e.kind});
    bind(s, 6, std::int64_t{e.status});
    bind(s, 7, static_cast<std::int64_t>(e.dating));
    bind(s, 8, e.start_s);
    bind(s, 9, e.end_s);
    bind(s, 10, std::int64_t{e.first_day});
    bind(s, 11, std::int64_t{e.last_day});
    for (int b = 0; b < 4; ++b) {
      bind(s, 12 + b, e.dating == Dating::window ? std::optional(e.window[b]) : std::nullopt);
    }
    bind(s, 16, chronological_key(e));
    bind(s, 17, std::string_view(e.location));
    bind(s, 18, std::string_view(e.outlet));
    bind(s, 19, std::string_view(e.url));
    bind(s, 20, std::string_view(e.quote));
    bind(s, 21, std::int64_t{e.rank});
    db.step(s);
    for (std::size_t k = 0; k < e.aliases.size(); ++k) {
      auto* a = db.statement(2, "INSERT INTO alias VALUES (?1, ?2, ?3)");
      bind(a, 1, std::string_view(e.aliases[k]));
      bind(a, 2, std::int64_t{i});
      bind(a, 3, static_cast<std::int64_t>(k));
      db.step(a);
    }
    for (int kind = 0; kind < 2; ++kind) {
      const auto& list = kind == 0 ? e.tags : e.actors;
      for (std::size_t k = 0; k < list.size(); ++k) {
        auto* l = db.statement(3, "INSERT INTO list VALUES (?1, ?2, ?3, ?4)");
        bind(l, 1, std::int64_t{i});
        bind(l, 2, std::int64_t{kind});
        bind(l, 3, static_cast<std::int64_t>(k));
        bind(l, 4, std::string_view(list[k]));
        db.step(l);
      }
    }
    for (std::size_t k = 0; k < e.relations.size(); ++k) {
      const auto& r = e.relations[k];
      auto* rs = db.statement(4, "INSERT INTO relation VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
      bind(rs, 1, std::int64_t{i});
      bind(rs, 2, static_cast<std::int64_t>(k));
      bind(rs, 3, std::int64_t{r.type});
      bind(rs, 4, std::int64_t{r.target});
      bind(rs, 5, r.gap_min_s);
      bind(rs, 6, r.gap_max_s);
      db.step(rs);
    }
  }
  auto* m = db.statement(5, "INSERT INTO meta VALUES (?1)");
  bind(m, 1, ix.max_span_s);
  db.step(m);
  db.exec(kIndexes);
  db.exec("COMMIT");
}

std::unique_ptr<Store> open_sqlite(const std::string& path) { return std::make_unique<SqliteStore>(path, false); }
std::unique_ptr<Store> open_sqlite_mmap(const std::string& path) { return std::make_unique<SqliteStore>(path, true); }

}  // namespace cache_layout

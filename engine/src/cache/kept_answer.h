// Answers kept beside a cache entry: the bytes a listing of every event printed (`windows --json`
// is 278 MB at a million events), printed again while the entry they came from stands, instead of
// formatting millions of values once more.
//
// File: the answer · one 64-bit check (cache.h, Fingerprint) per MiB of it · a trailer naming the
// entry (EntryView::identity), the question (a check of its name) and the answer's size. Written to a temporary file and renamed, so a
// reader sees a whole file or none; read only when it names the entry mapped now and every block
// checks, so a damaged, short or stale file is never printed: the listing is formatted instead, and
// kept anew.
#pragma once

#include "mapped_file.h"

#include "dipcal/cache/cache.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dipcal::detail {

// The answer to `name` kept in `file` for the entry `entry`, checked whole (on one thread a core);
// nullopt when there is none for that entry and name, or it does not check. The view lives as long
// as `file`.
std::optional<std::string_view> read_kept_answer(const MappedFile& file, std::uint64_t entry, std::string_view name);

// The same answer handed to `out` while it is checked: runs of checked blocks, in order, while the
// blocks after them are checked on the other cores, so the time is the writing's rather than the
// checking's and then the writing's. `out` returns false to stop.
KeptStream stream_kept_answer(const MappedFile& file, std::uint64_t entry, std::string_view name,
                            const std::function<bool(std::string_view)>& out);

// Writes an answer as it is printed: `add` its bytes in order, then `commit` renames the file into
// place. Nothing is kept if anything fails, or without commit; printing never waits on a failure.
class AnswerWriter {
 public:
  AnswerWriter(std::filesystem::path target, std::uint64_t entry, std::string_view name);
  ~AnswerWriter();
  AnswerWriter(const AnswerWriter&) = delete;
  AnswerWriter& operator=(const AnswerWriter&) = delete;

  void add(std::string_view bytes);
  void commit();

 private:
  void write_block(std::string_view block);

  std::filesystem::path target_;
  std::string temp_;
  int fd_ = -1;
  std::uint64_t entry_;
  std::uint64_t name_;
  std::uint64_t size_ = 0;
  std::string pending_;  // less than a block, waiting for the rest of it
  std::vector<std::uint64_t> checks_;
};

}  // namespace dipcal::detail

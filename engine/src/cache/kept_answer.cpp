#include "kept_answer.h"

#include "entry.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <functional>
#include <thread>

namespace dipcal::detail {

namespace {

constexpr std::size_t kAnswerBlock = 1u << 20;
constexpr char kAnswerMagic[8] = {'d', 'i', 'p', 'c', 'a', 'l', 'A', '1'};

struct Trailer {
  char magic[8];
  std::uint64_t entry;
  std::uint64_t name;
  std::uint64_t size;  // of the answer; the checks before the trailer follow from it
};

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    auto n = ::write(fd, bytes.data(), bytes.size());
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

namespace {

// A kept answer whose trailer names the entry and question asked for: its bytes and their checks,
// a block each, not yet compared.
struct Found {
  std::string_view answer;
  const char* checks;
  std::size_t blocks;

  [[nodiscard]] std::string_view block(std::size_t b) const { return answer.substr(b * kAnswerBlock, kAnswerBlock); }
  [[nodiscard]] bool checks_out(std::size_t b) const {
    std::uint64_t expected;
    std::memcpy(&expected, checks + b * 8, 8);
    return check_of(block(b)) == expected;
  }
};

std::optional<Found> find(const MappedFile& file, std::uint64_t entry, std::string_view name) {
  auto bytes = file.bytes();
  if (!bytes || bytes->size() < sizeof(Trailer)) return std::nullopt;
  Trailer t;
  std::memcpy(&t, bytes->data() + bytes->size() - sizeof t, sizeof t);
  if (!std::equal(std::begin(kAnswerMagic), std::end(kAnswerMagic), t.magic) || t.entry != entry || t.name != check_of(name)) return std::nullopt;
  auto blocks = (t.size + kAnswerBlock - 1) / kAnswerBlock;
  if (t.size > bytes->size() || bytes->size() - t.size != blocks * 8 + sizeof t) return std::nullopt;
  return Found{bytes->substr(0, t.size), bytes->data() + t.size, blocks};
}

std::size_t cores() { return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8); }

}  // namespace

std::optional<std::string_view> read_kept_answer(const MappedFile& file, std::uint64_t entry, std::string_view name) {
  auto found = find(file, entry, name);
  if (!found) return std::nullopt;
  file.populate();
  std::atomic<bool> whole{true};
  std::atomic<std::size_t> next{0};
  auto check = [&] {
    for (std::size_t b; whole && (b = next++) < found->blocks;)
      if (!found->checks_out(b)) whole = false;
  };
  {
    std::vector<std::jthread> helpers;
    for (std::size_t k = 1; k < std::min(cores(), found->blocks); ++k) helpers.emplace_back(check);
    check();
  }
  if (!whole) return std::nullopt;
  return found->answer;
}

KeptStream stream_kept_answer(const MappedFile& file, std::uint64_t entry, std::string_view name,
                            const std::function<bool(std::string_view)>& out) {
  auto found = find(file, entry, name);
  if (!found) return KeptStream::none;
  enum : std::uint8_t { unchecked, good, bad };
  std::vector<std::atomic<std::uint8_t>> state(found->blocks);
  std::atomic<bool> stop{false};
  std::atomic<std::size_t> next{0};
  // Each helper takes the next block, maps its pages in one call and checks it; the blocks come
  // due in order, so the writer below rarely waits.
  auto check = [&] {
    for (std::size_t b; !stop && (b = next++) < found->blocks;) {
      auto block = found->block(b);
      file.populate(static_cast<std::size_t>(block.data() - found->answer.data()), block.size());
      state[b] = found->checks_out(b) ? good : bad;
      state[b].notify_one();
    }
  };
  auto result = KeptStream::whole;
  {
    std::vector<std::jthread> helpers;
    // The writing takes a core of its own: one fewer checks, and at least one.
    for (std::size_t k = 0; k < std::max<std::size_t>(1, cores() - 1) && k < found->blocks; ++k) helpers.emplace_back(check);
    for (std::size_t b = 0; b < found->blocks;) {
      state[b].wait(unchecked);
      if (state[b] == bad) {
        result = b == 0 ? KeptStream::none : KeptStream::broken;
        break;
      }
      auto end = b + 1;
      while (end < found->blocks && state[end] == good) ++end;
      if (!out(found->answer.substr(b * kAnswerBlock, (end - b) * kAnswerBlock))) {
        result = KeptStream::broken;
        break;
      }
      b = end;
    }
    stop = true;
  }
  return result;
}

AnswerWriter::AnswerWriter(std::filesystem::path target, std::uint64_t entry, std::string_view name)
    : target_{std::move(target)}, entry_{entry}, name_{check_of(name)} {
  // Named like the entry's own temporary files, so that one a killed run leaves is cleared with them.
  temp_ = (target_.parent_path() / ".entry-XXXXXX").string();
  fd_ = ::mkstemp(temp_.data());
}

AnswerWriter::~AnswerWriter() {
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(temp_.c_str());
  }
}

void AnswerWriter::write_block(std::string_view block) {
  checks_.push_back(check_of(block));
  if (!write_all(fd_, block)) {
    ::close(fd_);
    ::unlink(temp_.c_str());
    fd_ = -1;
  }
}

void AnswerWriter::add(std::string_view bytes) {
  if (fd_ < 0) return;
  size_ += bytes.size();
  if (!pending_.empty()) {
    auto take = std::min(bytes.size(), kAnswerBlock - pending_.size());
    pending_.append(bytes.substr(0, take));
    bytes.remove_prefix(take);
    if (pending_.size() < kAnswerBlock) return;
    write_block(pending_);
    pending_.clear();
  }
  for (; bytes.size() >= kAnswerBlock && fd_ >= 0; bytes.remove_prefix(kAnswerBlock)) write_block(bytes.substr(0, kAnswerBlock));
  pending_.assign(bytes);
}

void AnswerWriter::commit() {
  if (fd_ < 0) return;
  if (!pending_.empty()) write_block(pending_);
  if (fd_ < 0) return;
  Trailer t;
  std::memcpy(t.magic, kAnswerMagic, sizeof t.magic);
  t.entry = entry_;
  t.name = name_;
  t.size = size_;
  std::string tail(reinterpret_cast<const char*>(checks_.data()), checks_.size() * 8);
  tail.append(reinterpret_cast<const char*>(&t), sizeof t);
  bool ok = write_all(fd_, tail);
  ok = ::close(fd_) == 0 && ok;
  fd_ = -1;
  if (!ok || ::rename(temp_.c_str(), target_.c_str()) != 0) ::unlink(temp_.c_str());
}

}  // namespace dipcal::detail

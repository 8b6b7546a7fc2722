#include "kept_answer.h"

#include "entry.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstring>
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

std::optional<std::string_view> read_kept_answer(const MappedFile& file, std::uint64_t entry, std::string_view name) {
  auto bytes = file.bytes();
  if (!bytes || bytes->size() < sizeof(Trailer)) return std::nullopt;
  Trailer t;
  std::memcpy(&t, bytes->data() + bytes->size() - sizeof t, sizeof t);
  if (!std::equal(std::begin(kAnswerMagic), std::end(kAnswerMagic), t.magic) || t.entry != entry || t.name != check_of(name)) return std::nullopt;
  auto blocks = (t.size + kAnswerBlock - 1) / kAnswerBlock;
  if (t.size > bytes->size() || bytes->size() - t.size != blocks * 8 + sizeof t) return std::nullopt;
  auto answer = bytes->substr(0, t.size);
  auto checks = bytes->data() + t.size;

  file.populate();
  std::atomic<bool> whole{true};
  std::atomic<std::size_t> next{0};
  auto check = [&] {
    for (std::size_t b; whole && (b = next++) < blocks;) {
      std::uint64_t expected;
      std::memcpy(&expected, checks + b * 8, 8);
      if (check_of(answer.substr(b * kAnswerBlock, kAnswerBlock)) != expected) whole = false;
    }
  };
  {
    std::vector<std::jthread> helpers;
    auto threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
    for (std::size_t k = 1; k < std::min<std::size_t>(threads, blocks); ++k) helpers.emplace_back(check);
    check();
  }
  if (!whole) return std::nullopt;
  return answer;
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

#include "dipcal/cache/cache.h"

#include <fmt/format.h>

#include <bit>
#include <cstring>

namespace dipcal {

namespace {

// Odd 64-bit constants from xxHash and MurmurHash3: their bits are well spread, which is all the
// multiplications need.
constexpr std::uint64_t kPrime1 = 0x9E3779B185EBCA87ull;
constexpr std::uint64_t kPrime2 = 0xC2B2AE3D27D4EB4Full;
constexpr std::uint64_t kPrime3 = 0x165667B19E3779F9ull;
constexpr std::uint64_t kPrime4 = 0x85EBCA77C2B2AE63ull;

// MurmurHash3's 64-bit finaliser: every input bit affects every output bit.
constexpr std::uint64_t fmix64(std::uint64_t k) {
  k ^= k >> 33;
  k *= 0xFF51AFD7ED558CCDull;
  k ^= k >> 33;
  k *= 0xC4CEB9FE1A85EC53ull;
  k ^= k >> 33;
  return k;
}

// One 64-bit word into one lane: multiply, rotate, multiply (xxHash64's round).
constexpr std::uint64_t round(std::uint64_t lane, std::uint64_t word) { return std::rotl(lane + word * kPrime2, 31) * kPrime1; }

}  // namespace

void Fingerprint::add(std::uint64_t value) {
  lanes_[0] = round(lanes_[0], value);
  lanes_[1] = round(lanes_[1], value ^ kPrime3);
  length_ += 8;
}

void Fingerprint::add(std::string_view bytes) {
  // The length first, so that "ab" + "c" and "a" + "bc" differ.
  add(static_cast<std::uint64_t>(bytes.size()));
  const char* p = bytes.data();
  std::size_t n = bytes.size();
  // The four lanes in locals: kept in the members, every round would store and reload them.
  std::uint64_t a = lanes_[0], b = lanes_[1], c = lanes_[2], d = lanes_[3];
  for (; n >= 32; p += 32, n -= 32) {
    std::uint64_t words[4];
    std::memcpy(words, p, 32);
    a = round(a, words[0]);
    b = round(b, words[1]);
    c = round(c, words[2]);
    d = round(d, words[3]);
  }
  lanes_[0] = a;
  lanes_[1] = b;
  lanes_[2] = c;
  lanes_[3] = d;
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    lanes_[2] = round(lanes_[2], word);
  }
  if (n > 0) {
    std::uint64_t word = 0;
    std::memcpy(&word, p, n);
    lanes_[3] = round(lanes_[3], word ^ kPrime4);
  }
  length_ += bytes.size();
}

std::uint64_t Fingerprint::word() const {
  return fmix64(std::rotl(lanes_[0], 1) + std::rotl(lanes_[1], 7) + std::rotl(lanes_[2], 12) + std::rotl(lanes_[3], 18) + length_);
}

std::string Fingerprint::hex() const {
  auto high = word();
  auto low = fmix64((lanes_[0] * kPrime3) ^ (lanes_[1] * kPrime4) ^ (lanes_[2] * kPrime1) ^ (lanes_[3] * kPrime2) ^ high);
  return fmt::format("{:016x}{:016x}", high, low);
}

}  // namespace dipcal

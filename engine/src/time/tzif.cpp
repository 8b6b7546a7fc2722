#include "tzif.h"

namespace dipcal::detail {

namespace {

// Section 3.1: "TZif", a version octet, 15 unused octets and six four-octet counts.
constexpr std::size_t kHeaderSize = 44;

std::uint64_t read_be(std::string_view bytes, std::size_t at, std::size_t size) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < size; ++i) value = value << 8 | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

struct Header {
  char version = 0;  // '\0' for version 1, then '2', '3', '4'
  std::uint32_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;

  // The octets of the data block that follows, whose times are `time_size` octets (section 3.2).
  // Counts are below 2^32, so the sum cannot overflow.
  [[nodiscard]] std::uint64_t data_size(std::uint64_t time_size) const {
    return std::uint64_t{timecnt} * (time_size + 1) + std::uint64_t{typecnt} * 6 + charcnt + std::uint64_t{leapcnt} * (time_size + 4) +
           isstdcnt + isutcnt;
  }
};

std::optional<Header> read_header(std::string_view bytes, std::size_t at) {
  if (bytes.size() - at < kHeaderSize || bytes.substr(at, 4) != "TZif") return std::nullopt;
  Header h;
  h.version = bytes[at + 4];
  auto count = [&](std::size_t i) { return static_cast<std::uint32_t>(read_be(bytes, at + 20 + 4 * i, 4)); };
  h.isutcnt = count(0);
  h.isstdcnt = count(1);
  h.leapcnt = count(2);
  h.timecnt = count(3);
  h.typecnt = count(4);
  h.charcnt = count(5);
  if (h.version != '\0' && h.version < '2') return std::nullopt;
  // Section 3.1: at least one type and one designation octet; the indicators, if any, one per type.
  if (h.typecnt == 0 || h.charcnt == 0) return std::nullopt;
  if ((h.isutcnt != 0 && h.isutcnt != h.typecnt) || (h.isstdcnt != 0 && h.isstdcnt != h.typecnt)) return std::nullopt;
  // A transition type is one octet, so at most 256 types can be named.
  if (h.typecnt > 256) return std::nullopt;
  return h;
}

// The data block of `h` at `at`, whose size the caller has checked.
std::optional<Tzif> read_data(std::string_view bytes, std::size_t at, const Header& h, std::size_t time_size) {
  Tzif tz;
  tz.transitions.reserve(h.timecnt);
  for (std::uint32_t i = 0; i < h.timecnt; ++i, at += time_size) {
    auto raw = read_be(bytes, at, time_size);
    // Two's complement of the time's own width.
    auto time = time_size == 4 ? std::int64_t{static_cast<std::int32_t>(raw)} : static_cast<std::int64_t>(raw);
    if (!tz.transitions.empty() && time <= tz.transitions.back().unix_seconds()) return std::nullopt;
    tz.transitions.push_back(Instant::from_unix(time));
  }
  tz.transition_types.reserve(h.timecnt);
  for (std::uint32_t i = 0; i < h.timecnt; ++i, ++at) {
    auto type = static_cast<std::uint8_t>(bytes[at]);
    if (type >= h.typecnt) return std::nullopt;
    tz.transition_types.push_back(type);
  }
  auto designations = bytes.substr(at + std::size_t{h.typecnt} * 6, h.charcnt);
  tz.types.reserve(h.typecnt);
  for (std::uint32_t i = 0; i < h.typecnt; ++i, at += 6) {
    auto utoff = static_cast<std::int32_t>(read_be(bytes, at, 4));
    auto isdst = static_cast<unsigned char>(bytes[at + 4]);
    std::size_t desigidx = static_cast<unsigned char>(bytes[at + 5]);
    // Section 3.2: utoff is never -2^31, isdst is 0 or 1, and the designation is a NUL-terminated
    // string inside the designation octets.
    if (utoff == INT32_MIN || isdst > 1 || desigidx >= h.charcnt) return std::nullopt;
    auto end = designations.find('\0', desigidx);
    if (end == std::string_view::npos) return std::nullopt;
    tz.types.push_back(TzifType{std::chrono::seconds{utoff}, isdst == 1, std::string{designations.substr(desigidx, end - desigidx)}});
  }
  return tz;
}

}  // namespace

std::optional<Tzif> parse_tzif(std::string_view bytes) {
  auto first = read_header(bytes, 0);
  if (!first) return std::nullopt;
  std::size_t at = kHeaderSize;
  if (bytes.size() - at < first->data_size(4)) return std::nullopt;
  if (first->version == '\0') return read_data(bytes, at, *first, 4);

  // Version 2+: skip the 32-bit block to the second header and its 64-bit block.
  at += first->data_size(4);
  auto second = read_header(bytes, at);
  if (!second || second->version == '\0') return std::nullopt;
  at += kHeaderSize;
  if (bytes.size() - at < second->data_size(8)) return std::nullopt;
  auto tz = read_data(bytes, at, *second, 8);
  if (!tz) return std::nullopt;

  // Section 3.3: the footer is a newline, the TZ string (possibly empty), and a newline.
  at += second->data_size(8);
  if (at >= bytes.size() || bytes[at] != '\n') return std::nullopt;
  auto end = bytes.find('\n', at + 1);
  if (end == std::string_view::npos) return std::nullopt;
  tz->footer = std::string{bytes.substr(at + 1, end - at - 1)};
  return tz;
}

}  // namespace dipcal::detail

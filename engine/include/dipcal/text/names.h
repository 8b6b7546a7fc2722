// The two rules a name in a fixture follows, in one place: a slug (event ids, aliases, tags, the
// calendar id) and a web address (a source's url, the calendar's source). The loader refuses what
// breaks them; the ICS importer keeps only what passes them, so that what it writes loads; the CLI
// checks --source and --base-url with the same rule.
//
//   is_slug("busan-trump-xi")                 true
//   is_slug("Busan")                          false: upper case
//   slugify("Trump–Xi meeting, Busan")        "trump-xi-meeting-busan"
//   is_web_address("https://apnews.com/x")    true
//   is_web_address("https:///x")              false: no host
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dipcal::text {

inline constexpr std::size_t kMaxSlugLength = 64;

// Lower-case ASCII letters, digits and hyphens, 1 to 64 characters, neither first nor last a hyphen.
bool is_slug(std::string_view text);

// A slug made from any text: ASCII letters (lowered) and digits kept, each run of anything else one
// hyphen, cut to 64 characters; empty when nothing is left. Whatever it returns is a slug or empty.
std::string slugify(std::string_view text);

// http:// or https:// (in lower case), then a host (the character after "//" is not '/'), and no space.
bool is_web_address(std::string_view text);

}  // namespace dipcal::text

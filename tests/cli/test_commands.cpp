// Every command run in-process (cli/app.h), on the bundled timeline, with answers worked out by hand
// from the fixture's dates and the zones' offsets noted beside each check. The end-to-end tests run
// the built binary as well; these drive the same code without a process, as CLI11's tests do.
#include "app.h"

#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const std::string kSeed = std::string{DIPCAL_SOURCE_DIR} + "/fixtures";

struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

std::string read_all(std::FILE* f) {
  std::string text;
  std::rewind(f);
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) text.append(buffer, n);
  return text;
}

// Runs `dipcal ARGS…` in this process with standard output and error caught in temporary files.
Run run_dipcal(std::vector<std::string> args) {
  args.insert(args.begin(), "dipcal");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  std::fflush(stdout);
  std::fflush(stderr);
  std::FILE* out = std::tmpfile();
  std::FILE* err = std::tmpfile();
  REQUIRE(out);
  REQUIRE(err);
  int saved_out = ::dup(1), saved_err = ::dup(2);
  ::dup2(::fileno(out), 1);
  ::dup2(::fileno(err), 2);
  Run run;
  run.code = dipcal::cli::run(static_cast<int>(argv.size()), argv.data());
  std::fflush(stdout);
  std::fflush(stderr);
  ::dup2(saved_out, 1);
  ::dup2(saved_err, 2);
  ::close(saved_out);
  ::close(saved_err);
  run.out = read_all(out);
  run.err = read_all(err);
  std::fclose(out);
  std::fclose(err);
  return run;
}

// dipcal with the seed timeline, no cache, and the given arguments.
Run seed(std::vector<std::string> args) {
  std::vector<std::string> all{"--no-cache", "--fixtures", kSeed};
  all.insert(all.end(), args.begin(), args.end());
  return run_dipcal(all);
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "dipcal-commands-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("check: the seed is clean, a duplicate id is a located problem") {
  auto ok = seed({"check"});
  CHECK(ok.code == 0);
  CHECK(ok.out == "ok: 12 events in 1 file, no problems\n");
  auto bad = run_dipcal({"--no-cache", "check", std::string{DIPCAL_SOURCE_DIR} + "/tests/cli/fixtures/bad/duplicate-id.yaml"});
  CHECK(bad.code == 1);
  CHECK(has(bad.err, "duplicate-id.yaml:"));
}

TEST_CASE("list: a day in New York holds the all-day events of that date and a Tokyo opening of the next") {
  // 26 Oct in New York: the KL talks (25–26 Oct), the ASEAN summit (26–28 Oct) and the announcement
  // (26 Oct) keep their own dates; the Tokyo open at 09:00 JST on the 27th is 00:00Z = 20:00 EDT on
  // the 26th. Busan (30 Oct) is not. In order: KL 24 Oct 16:00Z; the summit and the announcement both
  // at 25 Oct 16:00Z (midnight +08:00), by id; Tokyo 27 Oct 00:00Z.
  auto r = seed({"--tz", "America/New_York", "list", "--from", "2025-10-26", "--to", "2025-10-26", "--json"});
  CHECK(r.code == 0);
  auto kl = r.out.find("\"kl-trade-talks\""), asean = r.out.find("\"asean-summit-47\""),
       announced = r.out.find("\"kl-consensus-announced\""), tokyo = r.out.find("\"asia-markets-reopen\"");
  REQUIRE(kl != std::string::npos);
  REQUIRE(asean != std::string::npos);
  REQUIRE(announced != std::string::npos);
  REQUIRE(tokyo != std::string::npos);
  CHECK(kl < asean);
  CHECK(asean < announced);
  CHECK(announced < tokyo);
  CHECK_FALSE(has(r.out, "busan-trump-xi"));
  CHECK_FALSE(has(r.out, "geneva-talks"));
}

TEST_CASE("show: Busan's start in its zone, in --tz and in UTC") {
  // 11:00 KST (+09:00) = 02:00Z = 22:00 EDT (−04:00) the day before.
  auto r = seed({"--tz", "America/New_York", "show", "busan"});
  CHECK(r.code == 0);
  CHECK(has(r.out, "Thu 30 Oct 2025 11:00 KST = Wed 29 Oct 2025 22:00 EDT = Thu 30 Oct 2025 02:00 UTC"));
}

TEST_CASE("until: four days from the Kuala Lumpur talks to Busan; six days ago from 5 Nov") {
  // The talks end on Sun 26 Oct (all day, kept); 11:00 KST on the 30th is the 30th in Seoul.
  auto r = seed({"until", "busan", "--from", "kl-trade-talks", "--json"});
  CHECK(r.code == 0);
  CHECK(has(r.out, "\"calendar_days\": 4"));
  CHECK(has(r.out, "\"zone\": \"Asia/Seoul\""));
  auto later = seed({"--now", "2025-11-05T09:00+09:00", "until", "busan"});
  CHECK(has(later.out, "was 6 days ago"));
}

TEST_CASE("until: one clock per run, an offset-less --now read in --tz for every target") {
  // --now 2025-10-26T08:00 with --tz UTC is 08:00Z. Busan starts 11:00 KST (+09:00) on 30 Oct =
  // 02:00Z: 3 days 18 hours later, 324,000 s. The Tokyo open, 09:00 JST (+09:00) on 27 Oct = 00:00Z:
  // 16 hours later, 57,600 s. Read in each target's own zone instead, 08:00 would be 23:00Z on the 25th.
  auto busan = seed({"--tz", "UTC", "--now", "2025-10-26T08:00", "until", "busan", "--json"});
  auto tokyo = seed({"--tz", "UTC", "--now", "2025-10-26T08:00", "until", "asia-markets-reopen", "--json"});
  CHECK(has(busan.out, "\"elapsed_seconds\": 324000"));
  CHECK(has(tokyo.out, "\"elapsed_seconds\": 57600"));
}

TEST_CASE("until: an event under way says which day it is") {
  // The ASEAN summit runs 26-28 Oct (all day, Kuala Lumpur); 27 Oct is its second day of three.
  auto r = seed({"until", "asean-summit-47", "--from", "2025-10-27", "--json"});
  CHECK(r.code == 0);
  CHECK(has(r.out, "\"under_way\": {\n    \"day\": 2,\n    \"days\": 3\n  }"));
}

TEST_CASE("between: from both ends") {
  auto r = seed({"between", "busan", "kl-trade-talks"});
  CHECK(r.code == 0);
  CHECK(has(r.out, "busan-trump-xi starts 4 days after the end of kl-trade-talks"));
  CHECK(has(r.out, "kl-trade-talks ends 4 days before the start of busan-trump-xi"));
  CHECK(seed({"between", "busan", "busan-trump-xi"}).code == 2);  // the same event twice
}

TEST_CASE("order and path: Geneva depends on nothing and leads to Busan") {
  auto order = seed({"order", "--json"});
  CHECK(order.code == 0);
  CHECK(order.out.find("\"geneva-talks\"") < order.out.find("\"busan-trump-xi\""));
  auto path = seed({"path", "geneva-talks", "busan-trump-xi"});
  CHECK(path.code == 0);
  CHECK(has(path.out, "geneva-talks"));
  CHECK(has(path.out, "busan-trump-xi"));
}

TEST_CASE("agenda: 30 Oct in Seoul has Busan, and the follow-up round possibly") {
  // The follow-up round may start from 12:40 KST on the 30th (Busan's end), so it is possibly on it.
  auto r = seed({"--tz", "Asia/Seoul", "agenda", "--on", "2025-10-30"});
  CHECK(r.code == 0);
  CHECK(has(r.out, "Thu 30 Oct 2025 (Asia/Seoul)"));
  CHECK(has(r.out, "busan-trump-xi"));
  auto possibly = r.out.find("possibly");
  REQUIRE(possibly != std::string::npos);
  CHECK(r.out.find("follow-up-round", possibly) != std::string::npos);
  CHECK_FALSE(has(r.out, "apec-leaders-2025"));  // 31 Oct, its own date
}

TEST_CASE("windows: the follow-up round within 30 days after Busan") {
  // Busan ends 12:40 KST = 03:40Z on 30 Oct; thirty days later is 29 Nov 03:40Z.
  auto r = seed({"windows", "follow-up-round", "--json"});
  CHECK(r.code == 0);
  CHECK(has(r.out, "\"earliest_start_utc\": \"2025-10-30T03:40:00Z\""));
  CHECK(has(r.out, "\"latest_start_utc\": \"2025-11-29T03:40:00Z\""));
}

TEST_CASE("graph: DOT and Mermaid") {
  CHECK(seed({"graph"}).out.rfind("digraph", 0) == 0);
  CHECK(has(seed({"graph", "--format", "mermaid"}).out, "flowchart"));
}

TEST_CASE("export ics, svg and html; import ics gives the events back") {
  TempDir dir;
  auto ics = (dir.path / "seed.ics").string();
  CHECK(seed({"export", "ics", "-o", ics}).code == 0);
  std::ifstream in{ics};
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str().rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
  CHECK(has(text.str(), "X-DIPCAL-ID:busan-trump-xi"));
  CHECK(has(seed({"--now", "2025-10-26T12:00+08:00", "export", "svg"}).out, "<svg"));
  CHECK(has(seed({"--now", "2025-10-26T12:00+08:00", "export", "html"}).out, "<html"));
  auto fixture = (dir.path / "back.yaml").string();
  auto back = run_dipcal({"import", "ics", ics, "-o", fixture});
  CHECK(back.code == 0);
  CHECK(run_dipcal({"--no-cache", "check", fixture}).out == "ok: 12 events in 1 file, no problems\n");
}

TEST_CASE("export ics --source and serve --base-url: a web address with a host, as a fixture's source") {
  for (std::string address : {"https://", "https:///feed.ics", "https://example.org/a b", "example.org"}) {
    CAPTURE(address);
    auto source = seed({"export", "ics", "--source", address});
    CHECK(source.code == 2);
    CHECK(has(source.err, "--source '" + address + "' is not a web address"));
    auto base = seed({"serve", "--port", "0", "--base-url", address});  // refused before it listens
    CHECK(base.code == 2);
    CHECK(has(base.err, "--base-url '" + address + "' is not a web address"));
  }
  CHECK(has(seed({"export", "ics", "--source", "https://example.org/feed.ics"}).out, "SOURCE;VALUE=URI:https://example.org/feed.ics\r\n"));
}

TEST_CASE("generate: a synthetic calendar that checks clean") {
  TempDir dir;
  auto folder = (dir.path / "generated").string();
  CHECK(run_dipcal({"generate", "--events", "50", "--seed", "3", "-o", folder}).code == 0);
  CHECK(run_dipcal({"--no-cache", "check", folder}).out == "ok: 50 events in 1 file, no problems\n");
}

TEST_CASE("usage errors exit 2") {
  CHECK(run_dipcal({"no-such-command"}).code == 2);
  auto unknown = seed({"show", "no-such-event"});
  CHECK(unknown.code == 2);
  CHECK(has(unknown.err, "no event named 'no-such-event'"));
}

TEST_CASE("draft: the seed's report retold links to Busan, four days ahead; no overwrite without --force") {
  TempDir dir;
  auto drafted = (dir.path / "drafted.yaml").string();
  auto article = std::string{DIPCAL_SOURCE_DIR} + "/tests/draft/articles/seed-kuala-lumpur.txt";
  auto run = run_dipcal({"--no-cache", "draft", article, "--against", kSeed, "-o", drafted});
  CHECK(run.code == 0);
  // Sun 26 Oct 2025 (the report's Sunday) to Thu 30 Oct 2025 (Busan): four calendar days.
  auto until = run_dipcal({"--no-cache", "--fixtures", kSeed, "--fixtures", drafted, "until", "busan", "--from", "preliminary-consensus"});
  CHECK(until.code == 0);
  CHECK(has(until.out, "is 4 days after the end of preliminary-consensus"));
  auto again = run_dipcal({"draft", article, "-o", drafted});
  CHECK(again.code == 2);
  CHECK(has(again.err, "--force"));
}

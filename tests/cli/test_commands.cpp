// Every command run in-process (cli/app.h), on the bundled timeline, with answers worked out by hand
// from the fixture's dates and the zones' offsets noted beside each check. The end-to-end tests run
// the built binary as well; these drive the same code without a process, as CLI11's tests do.
#include "app.h"

#include <doctest/doctest.h>

#include <httplib.h>

#include "support/temp_folder.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
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

// Standard output and error sent to temporary files while it lives: what dipcal prints is caught,
// whichever thread prints it.
class CapturedOutput {
 public:
  CapturedOutput() {
    out_ = std::tmpfile();
    err_ = std::tmpfile();
    REQUIRE(out_);
    REQUIRE(err_);
    std::cout.flush();  // doctest's reports so far, which would otherwise land in the caught output
    std::cerr.flush();
    std::fflush(stdout);
    std::fflush(stderr);
    saved_out_ = ::dup(1);
    saved_err_ = ::dup(2);
    ::dup2(::fileno(out_), 1);
    ::dup2(::fileno(err_), 2);
  }
  CapturedOutput(const CapturedOutput&) = delete;
  CapturedOutput& operator=(const CapturedOutput&) = delete;
  ~CapturedOutput() {
    restore();
    std::fclose(out_);
    std::fclose(err_);
  }

  // Standard output so far, read without moving the offset the writers share.
  std::string out_so_far() const {
    std::fflush(stdout);
    std::string text;
    char buffer[4096];
    for (ssize_t n; (n = ::pread(::fileno(out_), buffer, sizeof buffer, static_cast<off_t>(text.size()))) > 0;)
      text.append(buffer, static_cast<std::size_t>(n));
    return text;
  }

  // The run's result: output and error as written, the terminal's descriptors back in place.
  Run finish(int code) {
    restore();
    return Run{code, read_all(out_), read_all(err_)};
  }

 private:
  void restore() {
    if (saved_out_ < 0) return;
    std::cout.flush();
    std::cerr.flush();
    std::fflush(stdout);
    std::fflush(stderr);
    ::dup2(saved_out_, 1);
    ::dup2(saved_err_, 2);
    ::close(saved_out_);
    ::close(saved_err_);
    saved_out_ = saved_err_ = -1;
  }

  std::FILE* out_ = nullptr;
  std::FILE* err_ = nullptr;
  int saved_out_ = -1;
  int saved_err_ = -1;
};

// An argv for cli::run: "dipcal", then ARGS….
struct Argv {
  std::vector<std::string> words;
  std::vector<char*> pointers;
  explicit Argv(std::vector<std::string> args) : words{std::move(args)} {
    words.insert(words.begin(), "dipcal");
    for (auto& w : words) pointers.push_back(w.data());
  }
  int argc() { return static_cast<int>(pointers.size()); }
  char** argv() { return pointers.data(); }
};

// Runs `dipcal ARGS…` in this process with standard output and error caught in temporary files.
Run run_dipcal(std::vector<std::string> args) {
  Argv argv{std::move(args)};
  CapturedOutput captured;
  int code = dipcal::cli::run(argv.argc(), argv.argv());
  return captured.finish(code);
}

// dipcal with the seed timeline, no cache, and the given arguments.
Run seed(std::vector<std::string> args) {
  std::vector<std::string> all{"--no-cache", "--fixtures", kSeed};
  all.insert(all.end(), args.begin(), args.end());
  return run_dipcal(all);
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// dipcal with the seed timeline and `args`: checks that it succeeds and prints each of `parts`
// somewhere in its standard output, and returns the run for any further checks.
Run seed_prints(std::vector<std::string> args, std::initializer_list<std::string> parts) {
  auto run = seed(std::move(args));
  CHECK(run.code == 0);
  for (const auto& part : parts) {
    CAPTURE(part);
    CHECK(has(run.out, part));
  }
  return run;
}

std::string read_file(const fs::path& path) {
  std::ifstream in{path};
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

// `dipcal ARGS…` (a serve command with --port 0) run in a thread of this process until stop(). It is
// stopped as a terminal stops it, with SIGTERM: the command takes the signal in a thread of its own
// (sigwait), so SIGTERM is blocked here first, in this thread and so in every thread started from it,
// and sent to the process.
class ServeInProcess {
 public:
  explicit ServeInProcess(std::vector<std::string> args) : argv_{std::move(args)} {
    sigemptyset(&term_);
    sigaddset(&term_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &term_, &saved_mask_);
    captured_ = std::make_unique<CapturedOutput>();
    server_ = std::thread{[this] {
      code_ = dipcal::cli::run(argv_.argc(), argv_.argv());
      ended_ = true;
    }};
    // Once it listens, the command prints "dipcal: serving http://127.0.0.1:PORT/ (feed …)".
    const std::string serving = "serving http://127.0.0.1:";
    for (auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds{30}; !ended_ && std::chrono::steady_clock::now() < give_up;
         std::this_thread::sleep_for(std::chrono::milliseconds{10})) {
      auto out = captured_->out_so_far();
      if (auto at = out.find(serving); at != std::string::npos && out.find('/', at + serving.size()) != std::string::npos) {
        port_ = std::stoi(out.substr(at + serving.size()));
        break;
      }
    }
  }
  ServeInProcess(const ServeInProcess&) = delete;
  ServeInProcess& operator=(const ServeInProcess&) = delete;
  ~ServeInProcess() { stop(); }

  int port() const { return port_; }  // 0: it never listened

  // SIGTERM, then what the command printed and its exit code.
  Run stop() {
    if (!server_.joinable()) return run_;
    if (!ended_) ::kill(::getpid(), SIGTERM);
    server_.join();
    // A signal the command ended too early to take would stay pending and end this process once unblocked.
    timespec no_wait{};
    while (sigtimedwait(&term_, nullptr, &no_wait) == SIGTERM) {
    }
    run_ = captured_->finish(code_);
    pthread_sigmask(SIG_SETMASK, &saved_mask_, nullptr);
    return run_;
  }

 private:
  Argv argv_;
  sigset_t term_{};
  sigset_t saved_mask_{};
  std::unique_ptr<CapturedOutput> captured_;
  std::thread server_;
  std::atomic<bool> ended_ = false;
  int code_ = -1;
  int port_ = 0;
  Run run_;
};

// What a GET answered; status 0 when it got no answer.
struct Reply {
  int status = 0;
  std::string etag;
  std::string content_type;
  std::string body;
};

Reply get(httplib::Client& client, const std::string& target, const httplib::Headers& headers = {}) {
  Reply reply;
  if (auto res = client.Get(target, headers)) {
    reply.status = res->status;
    reply.etag = res->get_header_value("ETag");
    reply.content_type = res->get_header_value("Content-Type");
    reply.body = res->body;
  }
  return reply;
}

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
  seed_prints({"--tz", "America/New_York", "show", "busan"},
              {"Thu 30 Oct 2025 11:00 KST = Wed 29 Oct 2025 22:00 EDT = Thu 30 Oct 2025 02:00 UTC"});
}

TEST_CASE("until: four days from the Kuala Lumpur talks to Busan; six days ago from 5 Nov") {
  // The talks end on Sun 26 Oct (all day, kept); 11:00 KST on the 30th is the 30th in Seoul.
  seed_prints({"until", "busan", "--from", "kl-trade-talks", "--json"},
              {"\"calendar_days\": 4", "\"zone\": \"Asia/Seoul\""});
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
  seed_prints({"until", "asean-summit-47", "--from", "2025-10-27", "--json"},
              {"\"under_way\": {\n    \"day\": 2,\n    \"days\": 3\n  }"});
}

TEST_CASE("between: from both ends") {
  seed_prints({"between", "busan", "kl-trade-talks"},
              {"busan-trump-xi starts 4 days after the end of kl-trade-talks",
               "kl-trade-talks ends 4 days before the start of busan-trump-xi"});
  CHECK(seed({"between", "busan", "busan-trump-xi"}).code == 2);  // the same event twice
}

TEST_CASE("order and path: Geneva depends on nothing and leads to Busan") {
  auto order = seed({"order", "--json"});
  CHECK(order.code == 0);
  CHECK(order.out.find("\"geneva-talks\"") < order.out.find("\"busan-trump-xi\""));
  seed_prints({"path", "geneva-talks", "busan-trump-xi"}, {"geneva-talks", "busan-trump-xi"});
}

TEST_CASE("agenda: 30 Oct in Seoul has Busan, and the follow-up round possibly") {
  // The follow-up round may start from 12:40 KST on the 30th (Busan's end), so it is possibly on it.
  auto r = seed_prints({"--tz", "Asia/Seoul", "agenda", "--on", "2025-10-30"},
                       {"Thu 30 Oct 2025 (Asia/Seoul)", "busan-trump-xi"});
  auto possibly = r.out.find("possibly");
  REQUIRE(possibly != std::string::npos);
  CHECK(r.out.find("follow-up-round", possibly) != std::string::npos);
  CHECK_FALSE(has(r.out, "apec-leaders-2025"));  // 31 Oct, its own date
}

TEST_CASE("windows: the follow-up round within 30 days after Busan") {
  // Busan ends 12:40 KST = 03:40Z on 30 Oct; thirty days later is 29 Nov 03:40Z.
  seed_prints({"windows", "follow-up-round", "--json"},
              {"\"earliest_start_utc\": \"2025-10-30T03:40:00Z\"", "\"latest_start_utc\": \"2025-11-29T03:40:00Z\""});
}

TEST_CASE("graph: DOT and Mermaid") {
  CHECK(seed({"graph"}).out.rfind("digraph", 0) == 0);
  CHECK(has(seed({"graph", "--format", "mermaid"}).out, "flowchart"));
}

TEST_CASE("export ics, svg and html; import ics gives the events back") {
  dipcal::testing::TempFolder dir{"dipcal-commands-"};
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
  dipcal::testing::TempFolder dir{"dipcal-commands-"};
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
  dipcal::testing::TempFolder dir{"dipcal-commands-"};
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

TEST_CASE("draft: a report without a date line, dated by --published, placed by --place") {
  // Published Wed 7 May 2025; "will meet on Saturday" is the Saturday after it: Sat 10 May 2025
  // (1 May 2025 was a Thursday, so 7 May a Wednesday). Geneva's zone is Europe/Zurich.
  dipcal::testing::TempFolder dir{"dipcal-commands-"};
  auto article = dir.path / "geneva.txt";
  std::ofstream{article} << "US and Chinese officials to meet in Geneva\n\n"
                            "Negotiators from the United States and China will meet on Saturday in Geneva for talks on tariffs.\n";
  auto drafted = dir.path / "drafted.yaml";
  auto run = run_dipcal({"--no-cache", "draft", article.string(), "--published", "2025-05-07", "--place", "Geneva", "-o", drafted.string()});
  CHECK(run.code == 0);
  auto fixture = read_file(drafted);
  CHECK(has(fixture, "start: 2025-05-10\n"));
  CHECK(has(fixture, "zone: Europe/Zurich"));
  CHECK(has(fixture, "published: 2025-05-07\n"));
  CHECK(run_dipcal({"--no-cache", "check", drafted.string()}).code == 0);
}

TEST_CASE("complete: an event after until, the options of until after a hyphen") {
  // The seed has 12 ids and 13 aliases; the shell keeps those that start with the word, so all come.
  auto events = run_dipcal({"complete", "--", "--fixtures", kSeed, "until", "bus"});
  CHECK(events.code == 0);
  CHECK(events.out.rfind("words\n", 0) == 0);
  CHECK(has(events.out, "\nbusan-trump-xi\tTrump–Xi meeting, Busan\n"));
  CHECK(has(events.out, "\nbusan\tTrump–Xi meeting, Busan\n"));
  CHECK(has(events.out, "\nkuala-lumpur-talks\t"));
  CHECK(count(events.out, "\n") == 1 + 12 + 13);

  auto options = run_dipcal({"complete", "--", "until", "--fr"});
  CHECK(options.code == 0);
  CHECK(options.out.rfind("words\n", 0) == 0);
  CHECK(has(options.out, "\n--from\t"));
  CHECK(has(options.out, "\n--json\t"));
  CHECK(has(options.out, "\n--tz\t"));  // a global option: it may come after the command too
  CHECK_FALSE(has(options.out, "\n--on\t"));  // agenda's
  CHECK_FALSE(has(options.out, "\n--port\t"));  // serve's

  // The commands after `dipcal`; complete itself is hidden.
  auto commands = run_dipcal({"complete", "--", ""});
  CHECK(has(commands.out, "\nuntil\t"));
  CHECK(has(commands.out, "\nserve\t"));
  CHECK_FALSE(has(commands.out, "\ncomplete\t"));
}

TEST_CASE("serve: the seed's feed, a 304 for the copy a client holds, and a count from the KL talks") {
  ServeInProcess server{{"--no-cache", "--fixtures", kSeed, "serve", "--host", "127.0.0.1", "--port", "0"}};
  Reply feed, again, until, missing;
  if (server.port() != 0) {
    httplib::Client client{"127.0.0.1", server.port()};
    feed = get(client, "/calendar.ics");
    again = get(client, "/calendar.ics", {{"If-None-Match", feed.etag}});
    until = get(client, "/until/busan-trump-xi.json?from=kl-trade-talks");
    missing = get(client, "/until/no-such-event.json");
  }
  auto run = server.stop();
  REQUIRE(server.port() != 0);
  CHECK(run.code == 0);
  CHECK(has(run.err, "dipcal: stopped"));

  CHECK(feed.status == 200);
  CHECK(feed.content_type == "text/calendar; charset=utf-8");
  CHECK(feed.body.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
  CHECK(count(feed.body, "BEGIN:VEVENT\r\n") == 12);
  // UUID v5 in the URL namespace of "urn:dipcal:us-china-trade-2025:<id>" (ics/uid.h), from Python's
  // uuid.uuid5(uuid.NAMESPACE_URL, …).
  CHECK(has(feed.body, "UID:013555dd-190b-5d87-bbc3-e999a1a49f23\r\n"));  // busan-trump-xi
  CHECK(has(feed.body, "UID:b66cec01-cc5d-513e-b0b7-e28e90463f98\r\n"));  // kl-trade-talks
  CHECK(feed.etag.size() > 2);
  CHECK(feed.etag.front() == '"');  // a strong validator

  CHECK(again.status == 304);
  CHECK(again.etag == feed.etag);
  CHECK(again.body.empty());

  // The talks end Sun 26 Oct in Kuala Lumpur; Busan is Thu 30 Oct in Seoul: four calendar days.
  CHECK(until.status == 200);
  CHECK(until.content_type == "application/json");
  CHECK(has(until.body, "\"calendar_days\": 4"));
  CHECK(missing.status == 404);

  // One log line a request, with its status.
  CHECK(has(run.err, "GET /calendar.ics 200 "));
  CHECK(has(run.err, "GET /calendar.ics 304 "));
}

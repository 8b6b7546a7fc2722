// The HTTP side of `dipcal serve` (commands/serve.cpp): the calendar as live feeds over HTTP/1.1
// (cpp-httplib), for calendar apps to subscribe to. Linked into dipcal-serve and the tests; dipcal runs
// dipcal-serve in its place (serve_exec.cpp), so that no other command loads cpp-httplib (serve_feeds.h).
//
//   GET /calendar.ics?…   exactly what `export ics` writes for the same selection (cli/export_ics.h)
//   GET /events.json?…    exactly what `list --json` prints
//   GET /events/ID.json   exactly what `show --json ID` prints (ID an id or alias)
//   GET /                 a page: the events, and links to subscribe to the feed of the selection
//
// What a request asks for is read by serve/request.h, answered from the snapshot of serve/
// live_calendar.h, and validated by serve/validators.h; this file only speaks HTTP. A rendered body is
// kept per selection until the calendar changes, so a feed's 200s and 304s cost a lookup.
#include "serve_feeds.h"

#include "commands.h"
#include "export_ics.h"
#include "event_json.h"
#include "serve/live_calendar.h"
#include "serve/request.h"
#include "serve/validators.h"
#include "show_json.h"
#include "timeline_drawing.h"
#include "until_json.h"

#include "dipcal/version.h"

#include "dipcal/draw/svg.h"
#include "dipcal/text/names.h"

#include <fmt/format.h>
#include <httplib.h>
#include <zlib.h>

#include <pthread.h>
#include <signal.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace dipcal::cli {

namespace {

// One representation of a resource for one selection of one calendar, with its gzip form made on
// the first request that accepts it.
struct Rendered {
  std::string content_type;
  std::string body;
  std::string etag;
  std::optional<Instant> last_modified;
  std::once_flag gzip_once;
  std::string gzip_body;
  std::string gzip_etag;

  const std::string& gzipped() {
    std::call_once(gzip_once, [this] {
      z_stream z{};
      // windowBits 15 + 16 writes a gzip header; its MTIME stays 0, so the bytes depend on the body alone.
      if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) throw std::bad_alloc{};
      gzip_body.resize(deflateBound(&z, body.size()));
      z.next_in = reinterpret_cast<Bytef*>(body.data());
      z.avail_in = static_cast<uInt>(body.size());
      z.next_out = reinterpret_cast<Bytef*>(gzip_body.data());
      z.avail_out = static_cast<uInt>(gzip_body.size());
      deflate(&z, Z_FINISH);
      gzip_body.resize(z.total_out);
      deflateEnd(&z);
      gzip_etag = serve::strong_etag(gzip_body);
    });
    return gzip_body;
  }
};

// A resource the request names does not exist in this calendar: 404.
struct NotFound {
  std::string message;
};

// Response headers cannot hold a line break; a problem's text can.
std::string one_line(std::string text) {
  for (auto& c : text)
    if (c == '\r' || c == '\n') c = ' ';
  return text;
}

class FeedServer {
 public:
  // `now`: the clock /until counts from when it is fixed (--now), else each request's time.
  FeedServer(const ServeOptions& options, const Zone& zone, std::optional<Instant> now, serve::LiveCalendar& calendar, std::string base_url)
      : options_{options}, calendar_{calendar}, base_url_{std::move(base_url)}, default_zone_{zone}, now_{now},
        refresh_{refresh_arg(options.feed.refresh)} {}

  void handle(const httplib::Request& req, httplib::Response& res) {
    res.set_header("Access-Control-Allow-Origin", "*");
    if (req.headers.size() > kMaxHeaders) return refuse(res, 431, fmt::format("more than {} header fields", kMaxHeaders));
    std::size_t header_bytes = 0;
    for (const auto& [name, value] : req.headers) header_bytes += name.size() + value.size() + 4;
    if (header_bytes > kMaxHeaderBytes) return refuse(res, 431, fmt::format("the header fields are over {} bytes", kMaxHeaderBytes));
    if (req.method == "OPTIONS") {  // a CORS preflight, or a plain question about the methods
      res.status = 204;
      res.set_header("Allow", "GET, HEAD, OPTIONS");
      res.set_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
      res.set_header("Access-Control-Allow-Headers", "If-None-Match, If-Modified-Since");
      res.set_header("Access-Control-Max-Age", "86400");
      return;
    }
    if (req.method != "GET" && req.method != "HEAD") {
      res.set_header("Allow", "GET, HEAD, OPTIONS");
      return refuse(res, 405, fmt::format("{} is not served; dipcal serve answers GET, HEAD and OPTIONS", req.method));
    }
    auto parsed = serve::parse_request_target(req.target);
    if (auto* error = std::get_if<serve::RequestError>(&parsed)) return refuse(res, error->status, error->reason);
    const auto& request = std::get<serve::FeedRequest>(parsed);

    auto snapshot = calendar_.current();
    std::shared_ptr<Rendered> rendered;
    try {
      rendered = render(*snapshot, request);
    } catch (const UsageError& e) {
      return refuse(res, 400, e.message);
    } catch (const NotFound& e) {
      return refuse(res, 404, e.message);
    }
    if (!snapshot->problems.empty())
      res.set_header("X-Dipcal-Stale", one_line(fmt::format("the fixtures have {} problem{}; serving the last calendar without problems: {}",
                                                            snapshot->problems.size(), snapshot->problems.size() == 1 ? "" : "s",
                                                            snapshot->problems.front())));
    bool gzip = req.has_header("Accept-Encoding") && serve::accepts_gzip(req.get_header_value("Accept-Encoding"));
    const auto& body = gzip ? rendered->gzipped() : rendered->body;
    const auto& etag = gzip ? rendered->gzip_etag : rendered->etag;
    res.set_header("ETag", etag);
    if (rendered->last_modified) res.set_header("Last-Modified", serve::http_date(*rendered->last_modified));
    res.set_header("Cache-Control", "no-cache");  // store, but ask again each time: the answer is usually a 304
    res.set_header("Vary", "Accept-Encoding");
    res.set_header("Access-Control-Expose-Headers", "ETag, Last-Modified, X-Dipcal-Stale");
    std::optional<std::string> inm, ims;
    if (req.has_header("If-None-Match")) inm = req.get_header_value("If-None-Match");
    if (req.has_header("If-Modified-Since")) ims = req.get_header_value("If-Modified-Since");
    if (serve::not_modified({etag, rendered->last_modified, snapshot->written}, inm, ims)) {
      res.status = 304;
      return;
    }
    res.status = 200;
    if (gzip) res.set_header("Content-Encoding", "gzip");
    // A content provider of known length: httplib sends the kept bytes as they are, with no copy and
    // no compression of its own (which would change the bytes the ETag names).
    res.set_content_provider(body.size(), rendered->content_type.c_str(),
                             [rendered, &body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                               return sink.write(body.data() + offset, length);
                             });
    sent_bytes_ = req.method == "HEAD" ? 0 : body.size();
  }

  static thread_local std::size_t sent_bytes_;

 private:
  static constexpr std::size_t kMaxHeaders = 64;
  static constexpr std::size_t kMaxHeaderBytes = 16 * 1024;
  // Bodies kept for later requests, at most this many bytes (and their gzip forms): a client that asks
  // for ever new selections makes the server forget them all, not grow.
  static constexpr std::size_t kMaxKeptBytes = 64u << 20;

  void refuse(httplib::Response& res, int status, const std::string& reason) {
    res.status = status;
    res.set_content(reason + "\n", "text/plain; charset=utf-8");
    sent_bytes_ = reason.size() + 1;
  }

  std::shared_ptr<Rendered> render(const serve::Snapshot& snapshot, const serve::FeedRequest& request) {
    auto key = serve::resource_path(request.resource, request.id) + "?" + serve::canonical_query(request.selection);
    {
      std::lock_guard lock{mutex_};
      if (kept_generation_ != snapshot.generation || kept_bytes_ > kMaxKeptBytes) kept_.clear(), kept_bytes_ = 0, kept_generation_ = snapshot.generation;
      // A count from now changes with the clock: it is worked out for each request, never kept.
      if (auto it = kept_.find(key); it != kept_.end() && request.resource != serve::Resource::until) return it->second;
    }
    auto rendered = std::make_shared<Rendered>();
    const auto& calendar = *snapshot.good;
    const auto& timeline = calendar.timeline();
    const auto& s = request.selection;
    auto zone = default_zone_;
    if (!s.tz.empty()) {
      auto found = ZoneDb::system().find(s.tz);
      if (!found) throw UsageError{fmt::format("tz '{}' is not a zone of the time zone database", s.tz)};
      zone = *found;
    }
    // /until's from= is where the count starts, not a filter.
    EventFilter filter{request.resource == serve::Resource::until ? std::string{} : s.from, s.to, s.tags, s.actors, s.statuses};
    auto selection = request.resource == serve::Resource::until ? SelectedEvents{} : select(calendar, filter.selection(), zone);
    for (const auto& chosen : selection.events)
      if (const auto& u = timeline.at(chosen.event).updated; u && (!rendered->last_modified || *u > *rendered->last_modified))
        rendered->last_modified = u;
    auto query = serve::canonical_query(s);
    switch (request.resource) {
      case serve::Resource::calendar: {
        IcsSettings settings;
        settings.name = options_.feed.name;
        if (!options_.base_url.empty()) settings.source = base_url_ + "/calendar.ics" + (query.empty() ? "" : "?" + query);
        settings.refresh = refresh_;
        for (const auto& a : s.alarms) settings.alarms.push_back(*ics::parse_alarm_offset(a));
        rendered->content_type = "text/calendar; charset=utf-8";
        rendered->body = write_ics(calendar, selection, settings).text;
        break;
      }
      case serve::Resource::event: {
        auto index = timeline.index_of(request.id);
        if (index == Timeline::npos) throw NotFound{fmt::format("no event has the id or alias '{}'", request.id)};
        rendered->content_type = "application/json";
        rendered->body = show_json(calendar, index).dump(2) + "\n";
        rendered->last_modified = timeline.at(index).updated;
        break;
      }
      case serve::Resource::until: {
        auto index = timeline.index_of(request.id);
        if (index == Timeline::npos) throw NotFound{fmt::format("no event has the id or alias '{}'", request.id)};
        auto now = request_now();
        std::optional<Zone> chosen;
        if (!s.tz.empty()) chosen = zone;
        rendered->content_type = "application/json";
        rendered->body = until_json(calendar, index, s.from, now, chosen).dump(2) + "\n";
        break;
      }
      case serve::Resource::events: {
        auto out = nlohmann::ordered_json::array();
        for (const auto& chosen : selection.events)
          out.push_back(event_json(timeline.at(chosen.event), false, calendar.window_of(chosen.event)));
        rendered->content_type = "application/json";
        rendered->body = out.dump(2) + "\n";
        break;
      }
      default: {
        rendered->content_type = "text/html; charset=utf-8";
        rendered->body = index_page(snapshot, s, zone, query);
        break;
      }
    }
    rendered->etag = serve::strong_etag(rendered->body);
    std::lock_guard lock{mutex_};
    if (request.resource != serve::Resource::until && kept_generation_ == snapshot.generation && kept_.emplace(key, rendered).second)
      kept_bytes_ += rendered->body.size();
    return rendered;
  }

  // The clock of a request: --now when it was given, else the time of the request.
  Instant request_now() const {
    return now_ ? *now_ : Instant{std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())};
  }

  // `export html`'s page of the selection, with the links to subscribe to its feed and, when the files
  // on disk have problems, a note that says what is served instead.
  std::string index_page(const serve::Snapshot& snapshot, const serve::Selection& s, const Zone& zone, const std::string& query) const {
    auto feed = base_url_ + "/calendar.ics" + (query.empty() ? "" : "?" + query);
    auto webcal = feed.substr(0, feed.find("://")) == "https" ? "webcal" + feed.substr(5) : "webcal" + feed.substr(4);
    std::string before;
    if (!snapshot.problems.empty()) {
      before += "<section class=\"stale\" role=\"alert\">\n<p>The fixtures on disk have problems; this is the last calendar that had none.</p>\n<pre>";
      for (const auto& p : snapshot.problems) before += svg::escape(p) + "\n";
      before += "</pre>\n</section>\n";
    }
    before += fmt::format("<p class=\"subscribe\">Subscribe: <a href=\"{0}\">{0}</a> · <a href=\"{1}\">{1}</a></p>\n", svg::escape(webcal),
                          svg::escape(feed));
    DrawingOptions drawing;
    drawing.filter = EventFilter{s.from, s.to, s.tags, s.actors, s.statuses};
    drawing.title = options_.feed.name;
    return timeline_page(draw_timeline(drawing, *snapshot.good, zone, request_now()), drawing, before);
  }

  const ServeOptions& options_;
  serve::LiveCalendar& calendar_;
  std::string base_url_;
  Zone default_zone_;
  std::optional<Instant> now_;
  std::chrono::seconds refresh_;
  std::mutex mutex_;
  std::uint64_t kept_generation_ = 0;
  std::map<std::string, std::shared_ptr<Rendered>> kept_;
  std::size_t kept_bytes_ = 0;
};

thread_local std::size_t FeedServer::sent_bytes_ = 0;
thread_local std::chrono::steady_clock::time_point request_started{};

}  // namespace

int serve_feeds(const ServeOptions& options, Session& session) {
  const auto& global = session.options();
  // SIGINT and SIGTERM are taken by one thread that stops the server: blocked here, before httplib
  // starts its workers, so that every thread inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto log = [](const std::string& line) { std::fprintf(stderr, "dipcal: %s\n", line.c_str()); };
  serve::LiveCalendar calendar{fixture_paths(global), global.limits, log};
  if (auto first = calendar.current(); !first->good) {
    if (first->unreadable) throw UsageError{"could not read the fixtures"};
    throw LoadFailed{kProblems};
  }

  httplib::Server server;
  // Headers and body go out in two writes: without TCP_NODELAY the second waits for the client's
  // delayed ACK (40 ms on Linux) on every response with a body.
  server.set_tcp_nodelay(true);
  int port = options.port;
  if (port == 0) port = server.bind_to_any_port(options.host);
  else if (!server.bind_to_port(options.host, port)) port = -1;
  if (port < 0) throw UsageError{fmt::format("cannot listen on {}:{}", options.host, options.port)};
  auto host = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  auto own_url = fmt::format("http://{}:{}", host, port);
  auto base_url = options.base_url.empty() ? own_url : options.base_url;
  while (base_url.size() > 1 && base_url.back() == '/') base_url.pop_back();

  std::optional<Instant> now;
  if (!global.now.empty()) now = session.now();
  FeedServer feeds{options, session.zone(), now, calendar, base_url};
  server.set_keep_alive_max_count(1000);
  server.set_payload_max_length(64 * 1024);
  server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
    request_started = std::chrono::steady_clock::now();
    FeedServer::sent_bytes_ = 0;
    try {
      feeds.handle(req, res);
    } catch (const std::exception& e) {
      res.status = 500;
      res.set_content(std::string{"internal error: "} + e.what() + "\n", "text/plain; charset=utf-8");
    }
    return httplib::Server::HandlerResponse::Handled;
  });
  // One line a request, requests httplib refused itself (a request line too long…) included.
  server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    auto started = std::exchange(request_started, {});
    auto ms = started == std::chrono::steady_clock::time_point{}
                  ? std::string{"-"}
                  : fmt::format("{:.2f}", std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
    auto bytes = res.body.empty() ? std::exchange(FeedServer::sent_bytes_, 0) : res.body.size();
    auto target = req.target.size() > 200 ? req.target.substr(0, 200) + "…" : req.target;
    std::fprintf(stderr, "%s %s %d %zu %s ms\n", req.method.empty() ? "-" : req.method.c_str(), target.empty() ? "-" : target.c_str(),
                 res.status, bytes, ms.c_str());
  });

  std::thread stopper{[&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    if (signal != 0) server.stop();
  }};
  std::printf("dipcal: serving %s/ (feed %s/calendar.ics)\n", own_url.c_str(), base_url.c_str());
  std::fflush(stdout);
  bool listened = server.listen_after_bind();
  // A stop that did not come from a signal (listen failed): wake the stopper so it can be joined.
  if (stopper.joinable()) {
    pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
  }
  std::fprintf(stderr, "dipcal: stopped\n");
  return listened ? kOk : kUsage;
}


}  // namespace dipcal::cli

// What `dipcal serve` runs once its options are read (commands/serve.cpp): the feeds over HTTP.
//
// serve_feeds is defined twice, and each program links one: feed_server.cpp, the server itself on
// cpp-httplib, in dipcal-serve and in the tests; serve_exec.cpp in dipcal, which runs dipcal-serve in
// its own place with the same arguments. cpp-httplib brings OpenSSL and brotli, whose loading and
// start cost about 3 ms, more than the process start of every other command.
#pragma once

#include "export_ics.h"
#include "session.h"

#include <string>

namespace dipcal::cli {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string base_url;
  FeedOptions feed{.name = {}, .refresh = "PT1H"};

  void add_options(CLI::App& command);  // commands/serve.cpp
};

// Serves until SIGINT or SIGTERM; the exit code.
int serve_feeds(const ServeOptions& options, Session& session);

}  // namespace dipcal::cli

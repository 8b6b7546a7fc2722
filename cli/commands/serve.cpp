// dipcal serve [--host 127.0.0.1] [--port 8080] [--base-url URL] [--name NAME] [--refresh PT1H]: the
// calendar as live feeds over HTTP/1.1, for calendar apps to subscribe to. The options are read and
// checked here; the server is serve_feeds (serve_feeds.h, feed_server.cpp).
#include "../commands.h"
#include "../serve_feeds.h"

#include "dipcal/text/names.h"

#include <fmt/format.h>

namespace dipcal::cli {

namespace {

int run_serve(const ServeOptions& options, Session& session) {
  if (!options.base_url.empty() && !text::is_web_address(options.base_url))
    throw UsageError{"--base-url '" + options.base_url + "' is not a web address; expected https://…"};
  if (options.port < 0 || options.port > 65535) throw UsageError{fmt::format("--port {} is not a port; expected 0 to 65535", options.port)};
  return serve_feeds(options, session);
}

}  // namespace

void ServeOptions::add_options(CLI::App& command) {
  command.add_option("--host", host, "The address to listen on")->capture_default_str();
  command.add_option("--port", port, "The port to listen on; 0 picks a free one (the URL is printed)")->capture_default_str();
  command.add_option("--base-url", base_url, "The public address of the server behind a reverse proxy, for links and SOURCE");
  feed.add_options(command);
}

Runner setup_serve(CLI::App& command) { return bind_options<ServeOptions>(command, run_serve); }

}  // namespace dipcal::cli

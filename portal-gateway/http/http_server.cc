#include "portal-gateway/http/http_server.h"

#include <pthread.h>
#include <sched.h>

#include <algorithm>
#include <boost/asio/ssl.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "portal-gateway/http/session.h"
#include "portal-gateway/http/streamed_request.h"

namespace cim::gateway {

int HalfTheCores() {
  // The cores this process may use (a container's CPU set), not all of the machine's. Fewer
  // threads than cores cost less CPU per request: each wake-up then finds more work.
  cpu_set_t cpus;
  const int cores = sched_getaffinity(0, sizeof(cpus), &cpus) == 0
                        ? CPU_COUNT(&cpus)
                        : static_cast<int>(std::thread::hardware_concurrency());
  return std::max(1, cores / 2);
}

HttpServer::HttpServer(const HttpServerOptions& options, Handler handler, StreamRouter router)
    : options_(options),
      handler_(std::move(handler)),
      router_(std::move(router)),
      acceptor_(ioc_) {}

absl::StatusOr<std::unique_ptr<HttpServer>> HttpServer::Start(const HttpServerOptions& options,
                                                              Handler handler,
                                                              StreamRouter router) {
  std::unique_ptr<HttpServer> server(
      new HttpServer(options, std::move(handler), std::move(router)));
  if (!options.tls_certificate_file.empty() || !options.tls_key_file.empty()) {
    auto tls = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
    tls->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                     asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                     asio::ssl::context::no_tlsv1_1);
    beast::error_code tls_ec;
    tls->use_certificate_chain_file(options.tls_certificate_file, tls_ec);
    if (!tls_ec) tls->use_private_key_file(options.tls_key_file, asio::ssl::context::pem, tls_ec);
    if (tls_ec) {
      return absl::InvalidArgumentError(absl::StrCat("TLS certificate ",
                                                     options.tls_certificate_file, " and key ",
                                                     options.tls_key_file, ": ", tls_ec.message()));
    }
    server->tls_ = std::move(tls);
  }
  beast::error_code ec;
  const auto address = asio::ip::make_address(options.address, ec);
  if (ec) return absl::InvalidArgumentError(absl::StrCat("bad address ", options.address));
  tcp::endpoint endpoint(address, static_cast<unsigned short>(options.port));
  server->acceptor_.open(endpoint.protocol(), ec);
  if (!ec) server->acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) server->acceptor_.bind(endpoint, ec);
  if (!ec) server->acceptor_.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", options.address, ":", options.port, ": ", ec.message()));
  }
  server->port_ = server->acceptor_.local_endpoint().port();
  server->Accept();
  const int threads = options.threads > 0 ? options.threads : HalfTheCores();
  for (int i = 0; i < threads; ++i) {
    ++server->io_threads_running_;
    server->threads_.emplace_back([s = server.get()] {
      pthread_setname_np(pthread_self(), "cim-http");
      s->ioc_.run();
      --s->io_threads_running_;
    });
  }
  return server;
}

void HttpServer::Accept() {
  acceptor_.async_accept(asio::make_strand(ioc_), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (!stopping_) Accept();
      return;
    }
    if (tls_) {
      std::make_shared<Session<TlsStream>>(std::move(socket), *this, *tls_)->Start();
    } else {
      std::make_shared<Session<beast::tcp_stream>>(std::move(socket), *this)->Start();
    }
    Accept();
  });
}

void HttpServer::Shutdown(absl::Duration grace) {
  if (stopping_.exchange(true)) return;
  asio::post(ioc_, [this] {
    beast::error_code ec;
    acceptor_.close(ec);
  });
  const absl::Time deadline = absl::Now() + grace;
  while (in_flight_ > 0 && absl::Now() < deadline) absl::SleepFor(absl::Milliseconds(10));
  ioc_.stop();
}

void HttpServer::Wait() {
  for (std::thread& t : threads_) {
    if (t.joinable()) t.join();
  }
}

HttpServer::~HttpServer() {
  Shutdown(absl::ZeroDuration());
  Wait();
  // Stream handlers still running see the stopped server at their next network call and end;
  // they use this server until then.
  while (streams_ > 0) absl::SleepFor(absl::Milliseconds(1));
  // Connections still waiting for an answer close now, while the I/O context exists.
  absl::flat_hash_map<const void*, std::shared_ptr<void>> waiting;
  {
    absl::MutexLock lock(&gate_->mu);
    gate_->open = false;
    waiting.swap(gate_->waiting);
  }
}

}  // namespace cim::gateway

#include "server/app/metrics_endpoint.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace cim {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

struct MetricsEndpoint::Io {
  explicit Io(std::function<std::string()> render_fn) : render(std::move(render_fn)) {}

  // Accepts connections one after the other and answers each once.
  void Accept() {
    acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;  // stopping
      if (ec) return Accept();  // e.g. out of descriptors for now: keep serving
      auto stream = std::make_shared<beast::tcp_stream>(std::move(socket));
      auto buffer = std::make_shared<beast::flat_buffer>();
      auto request = std::make_shared<http::request<http::string_body>>();
      stream->expires_after(std::chrono::seconds(5));
      http::async_read(*stream, *buffer, *request,
                       [this, stream, buffer, request](beast::error_code ec, size_t) {
                         if (!ec) Answer(stream, *request);
                       });
      Accept();
    });
  }

  void Answer(const std::shared_ptr<beast::tcp_stream>& stream,
              const http::request<http::string_body>& request) {
    auto response = std::make_shared<http::response<http::string_body>>();
    response->version(request.version());
    response->keep_alive(false);
    if (request.method() == http::verb::get && request.target() == "/metrics") {
      response->result(http::status::ok);
      response->set(http::field::content_type, "text/plain; version=0.0.4");
      response->body() = render();
    } else {
      response->result(http::status::not_found);
      response->set(http::field::content_type, "text/plain");
      response->body() = "only GET /metrics is served here\n";
    }
    response->prepare_payload();
    http::async_write(*stream, *response, [stream, response](beast::error_code, size_t) {
      beast::error_code ignored;
      stream->socket().shutdown(tcp::socket::shutdown_both, ignored);
    });
  }

  asio::io_context ioc{1};
  tcp::acceptor acceptor{ioc};
  std::function<std::string()> render;
};

absl::StatusOr<std::unique_ptr<MetricsEndpoint>> MetricsEndpoint::Start(
    const std::string& address, std::function<std::string()> render) {
  const size_t colon = address.rfind(':');
  int port = -1;
  if (colon == std::string::npos || !absl::SimpleAtoi(address.substr(colon + 1), &port) ||
      port < 0 || port > 65535) {
    return absl::InvalidArgumentError(
        absl::StrCat("metrics address '", address, "': expected host:port"));
  }
  std::string host_text = address.substr(0, colon);
  if (host_text.size() > 2 && host_text.front() == '[' && host_text.back() == ']') {
    host_text = host_text.substr(1, host_text.size() - 2);  // [::1]:9464
  }
  std::unique_ptr<MetricsEndpoint> endpoint(new MetricsEndpoint());
  endpoint->io_ = std::make_unique<Io>(std::move(render));
  Io& io = *endpoint->io_;
  beast::error_code ec;
  const asio::ip::address host = asio::ip::make_address(host_text, ec);
  if (ec) {
    return absl::InvalidArgumentError(
        absl::StrCat("metrics address '", address, "': ", ec.message()));
  }
  const tcp::endpoint local(host, static_cast<unsigned short>(port));
  io.acceptor.open(local.protocol(), ec);
  if (!ec) io.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) io.acceptor.bind(local, ec);
  if (!ec) io.acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return absl::UnavailableError(
        absl::StrCat("cannot serve metrics on ", address, ": ", ec.message()));
  }
  endpoint->port_ = io.acceptor.local_endpoint().port();
  io.Accept();
  endpoint->thread_ = std::thread([&io] { io.ioc.run(); });
  return endpoint;
}

MetricsEndpoint::~MetricsEndpoint() {
  if (io_ == nullptr) return;
  io_->ioc.stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace cim

#include "tests/testing/http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"

namespace cim::testing {

namespace beast = boost::beast;
namespace http = beast::http;
namespace asio = boost::asio;

std::string HttpResult::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

HttpResult HttpSend(int port, const std::string& method, const std::string& target,
                    const std::string& body,
                    const std::vector<std::pair<std::string, std::string>>& headers) {
  HttpResult result;
  try {
    asio::io_context ioc;
    beast::tcp_stream stream(ioc);
    stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"),
                                           static_cast<unsigned short>(port)));
    http::request<http::string_body> req(http::string_to_verb(method), target, 11);
    if (req.method() == http::verb::unknown) req.method_string(method);
    req.set(http::field::host, "127.0.0.1");
    for (const auto& [k, v] : headers) req.set(k, v);
    if (!body.empty()) {
      req.body() = body;
      if (req.find(http::field::content_type) == req.end()) {
        req.set(http::field::content_type, "application/json");
      }
    }
    req.prepare_payload();
    http::write(stream, req);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    http::read(stream, buffer, parser);
    auto res = parser.release();
    result.status = res.result_int();
    for (const auto& field : res) {
      result.headers.emplace(absl::AsciiStrToLower(std::string(field.name_string())),
                             std::string(field.value()));
    }
    result.body = res.body();
    beast::error_code ec;
    stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ec);
  } catch (const std::exception&) {
    result.status = 0;
  }
  return result;
}

std::string HttpSendRaw(int port, const std::string& bytes) {
  try {
    asio::io_context ioc;
    asio::ip::tcp::socket socket(ioc);
    socket.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"),
                                           static_cast<unsigned short>(port)));
    asio::write(socket, asio::buffer(bytes));
    std::string out;
    beast::error_code ec;
    char chunk[4096];
    for (;;) {
      size_t n = socket.read_some(asio::buffer(chunk), ec);
      out.append(chunk, n);
      if (ec) break;
    }
    return out;
  } catch (const std::exception& e) {
    return std::string("error: ") + e.what();
  }
}

struct SseClient::Impl {
  asio::io_context ioc;
  beast::tcp_stream stream{ioc};
  beast::flat_buffer buffer;
  http::response_parser<http::buffer_body> parser;
  bool ended = false;

  // Runs one asynchronous step for up to timeout_ms; false on timeout or error.
  template <class Op>
  bool Run(Op op, int timeout_ms) {
    beast::error_code result = asio::error::would_block;
    op([&](beast::error_code ec, size_t) { result = ec; });
    ioc.restart();
    ioc.run_for(std::chrono::milliseconds(timeout_ms));
    if (result == asio::error::would_block) {
      stream.cancel();
      ioc.restart();
      ioc.run();
      return false;
    }
    return !result || result == http::error::need_buffer;
  }
};

SseClient::SseClient(int port, const std::string& target,
                     const std::vector<std::pair<std::string, std::string>>& headers)
    : impl_(std::make_unique<Impl>()) {
  try {
    impl_->stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"),
                                                  static_cast<unsigned short>(port)));
    http::request<http::empty_body> req(http::verb::get, target, 11);
    req.set(http::field::host, "127.0.0.1");
    req.set(http::field::accept, "text/event-stream");
    for (const auto& [k, v] : headers) req.set(k, v);
    http::write(impl_->stream, req);
    impl_->parser.body_limit(64 * 1024 * 1024);
    if (!impl_->Run(
            [&](auto h) {
              http::async_read_header(impl_->stream, impl_->buffer, impl_->parser, h);
            },
            10000)) {
      return;
    }
    const auto& res = impl_->parser.get();
    response_.status = res.result_int();
    for (const auto& field : res) {
      response_.headers.emplace(absl::AsciiStrToLower(std::string(field.name_string())),
                                std::string(field.value()));
    }
    if (response_.status != 200) {
      // The whole (JSON error) body.
      while (!impl_->parser.is_done()) {
        char chunk[4096];
        impl_->parser.get().body().data = chunk;
        impl_->parser.get().body().size = sizeof(chunk);
        const bool ok = impl_->Run(
            [&](auto h) { http::async_read_some(impl_->stream, impl_->buffer, impl_->parser, h); },
            5000);
        response_.body.append(chunk, sizeof(chunk) - impl_->parser.get().body().size);
        if (!ok) break;
      }
    }
  } catch (const std::exception&) {
    response_.status = 0;
  }
}

SseClient::~SseClient() = default;

std::optional<SseEvent> SseClient::Next(int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (true) {
    // A complete event: lines up to a blank line.
    while (true) {
      const size_t end = text_.find("\n\n");
      if (end == std::string::npos) break;
      const std::string block = text_.substr(0, end);
      text_.erase(0, end + 2);
      SseEvent event;
      bool any = false;
      for (absl::string_view line : absl::StrSplit(block, '\n')) {
        if (absl::StartsWith(line, ":")) {
          ++comments_;
          continue;
        }
        const size_t colon = line.find(':');
        const absl::string_view name = line.substr(0, colon);
        absl::string_view value = colon == absl::string_view::npos ? "" : line.substr(colon + 1);
        if (absl::StartsWith(value, " ")) value.remove_prefix(1);
        if (name == "id") event.id = std::string(value), any = true;
        if (name == "event") event.event = std::string(value), any = true;
        if (name == "data") {
          if (!event.data.empty()) event.data += "\n";
          event.data += std::string(value);
          any = true;
        }
      }
      if (any && (!event.data.empty() || !event.event.empty())) return event;
    }
    const int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                          deadline - std::chrono::steady_clock::now())
                                          .count());
    if (response_.status != 200 || impl_->parser.is_done() || left <= 0) return std::nullopt;
    char chunk[4096];
    impl_->parser.get().body().data = chunk;
    impl_->parser.get().body().size = sizeof(chunk);
    const bool ok = impl_->Run(
        [&](auto h) { http::async_read_some(impl_->stream, impl_->buffer, impl_->parser, h); },
        left);
    text_.append(chunk, sizeof(chunk) - impl_->parser.get().body().size);
    if (!ok && text_.find("\n\n") == std::string::npos) return std::nullopt;
  }
}

}  // namespace cim::testing

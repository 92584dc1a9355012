// A minimal blocking HTTP/1.1 client (Boost.Beast) for gateway tests over real sockets.
#ifndef CIM_TESTS_TESTING_HTTP_CLIENT_H_
#define CIM_TESTS_TESTING_HTTP_CLIENT_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cim::testing {

struct HttpResult {
  int status = 0;
  std::multimap<std::string, std::string> headers;  // lowercase names
  std::string body;
  std::string header(const std::string& lowercase_name) const;
};

// Sends one request to 127.0.0.1:port and reads the response (empty status 0 on I/O error).
HttpResult HttpSend(int port, const std::string& method, const std::string& target,
                    const std::string& body = "",
                    const std::vector<std::pair<std::string, std::string>>& headers = {});

// Sends raw bytes and returns the raw response text (for malformed-HTTP tests).
std::string HttpSendRaw(int port, const std::string& bytes);

struct SseEvent {
  std::string id;
  std::string event;  // "" for the default ("message")
  std::string data;
};

// A Server-Sent Events client: GET `target`, then events one at a time, each within a timeout.
class SseClient {
 public:
  SseClient(int port, const std::string& target,
            const std::vector<std::pair<std::string, std::string>>& headers = {});
  ~SseClient();
  // The response: status 0 on I/O error. For a non-200 answer, body holds it.
  const HttpResult& response() const { return response_; }
  // The next event (comments skipped), or nullopt if none came within `timeout_ms` or the
  // stream ended.
  std::optional<SseEvent> Next(int timeout_ms);
  // Comment lines (": heartbeat") seen so far.
  int comments() const { return comments_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  HttpResult response_;
  std::string text_;  // received, not yet parsed
  int comments_ = 0;
};

}  // namespace cim::testing

#endif  // CIM_TESTS_TESTING_HTTP_CLIENT_H_

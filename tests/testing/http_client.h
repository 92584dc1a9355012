// A minimal blocking HTTP/1.1 client (Boost.Beast) for gateway tests over real sockets.
#ifndef CIM_TESTS_TESTING_HTTP_CLIENT_H_
#define CIM_TESTS_TESTING_HTTP_CLIENT_H_

#include <map>
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

}  // namespace cim::testing

#endif  // CIM_TESTS_TESTING_HTTP_CLIENT_H_

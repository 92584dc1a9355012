// A minimal HTTP endpoint for Prometheus: GET /metrics answers with the text a callback renders;
// anything else is 404. One thread serves every connection, each closed after its answer
// (scrapes are rare and small). It has no access control: bind it to loopback or a private
// network, never to a public address.
#ifndef CIM_SERVER_APP_METRICS_ENDPOINT_H_
#define CIM_SERVER_APP_METRICS_ENDPOINT_H_

#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "absl/status/statusor.h"

namespace cim {

class MetricsEndpoint {
 public:
  // Listens on `address` (host:port; port 0 picks one). UNAVAILABLE if it cannot be bound.
  static absl::StatusOr<std::unique_ptr<MetricsEndpoint>> Start(
      const std::string& address, std::function<std::string()> render);
  ~MetricsEndpoint();  // stops serving

  int port() const { return port_; }

 private:
  struct Io;
  MetricsEndpoint() = default;

  std::unique_ptr<Io> io_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_APP_METRICS_ENDPOINT_H_

// The gateway's access log: one JSON line per request (time, peer, method, path without the
// query, status, milliseconds, request id), written to stderr with a single write.
#ifndef CIM_PORTAL_GATEWAY_HTTP_ACCESS_LOG_H_
#define CIM_PORTAL_GATEWAY_HTTP_ACCESS_LOG_H_

#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace cim::gateway {

struct AccessLogEntry {
  absl::Time start;
  absl::Duration took;
  absl::string_view peer;
  absl::string_view method;
  absl::string_view target;  // the query is left out
  int status = 0;
  absl::string_view request_id;  // "-" when there is none
};

// The entry as one line of JSON ending in a newline. Text fields are escaped to ASCII, so a
// client's bytes can neither break the line nor the log reader's terminal.
std::string AccessLogLine(const AccessLogEntry& entry);

// Writes `line` to stderr with a single write, so lines of concurrent requests never interleave.
void WriteAccessLog(const std::string& line);

}  // namespace cim::gateway

#endif  // CIM_PORTAL_GATEWAY_HTTP_ACCESS_LOG_H_

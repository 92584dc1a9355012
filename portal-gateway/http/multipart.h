// An incremental multipart/form-data parser (RFC 7578): fed the request body as it arrives,
// it reports each part's header and its content in pieces, holding back only what could be
// the start of the next boundary. Uploads stream through it without being buffered.
#ifndef CIM_PORTAL_GATEWAY_HTTP_MULTIPART_H_
#define CIM_PORTAL_GATEWAY_HTTP_MULTIPART_H_

#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace cim::gateway {

struct MultipartPart {
  std::string name;          // the form field's name
  std::string filename;      // the file's name, for file parts
  bool is_file = false;      // a filename parameter was present
  std::string content_type;  // as the client declared it (not trusted)
};

// The boundary of a "multipart/form-data; boundary=..." Content-Type. INVALID_ARGUMENT for
// another type or a missing or malformed boundary.
absl::StatusOr<std::string> MultipartBoundary(absl::string_view content_type);

class MultipartParser {
 public:
  // Each callback may return an error, which stops parsing and is returned by Feed.
  struct Callbacks {
    std::function<absl::Status(const MultipartPart&)> part;
    std::function<absl::Status(absl::string_view)> data;
    std::function<absl::Status()> part_end;
  };
  MultipartParser(const std::string& boundary, Callbacks callbacks);

  // Parses the next piece of the body. INVALID_ARGUMENT for malformed input.
  absl::Status Feed(absl::string_view data);
  // After the last piece: INVALID_ARGUMENT unless the closing boundary was seen.
  absl::Status Finish() const;

 private:
  enum class State { kDelimiter, kAfterDelimiter, kHeaders, kBody, kDone };
  absl::Status ParseHeaders(absl::string_view block);

  const std::string delimiter_;  // "\r\n--" + boundary
  Callbacks callbacks_;
  State state_ = State::kDelimiter;
  std::string pending_;  // bytes not yet consumed
};

}  // namespace cim::gateway

#endif  // CIM_PORTAL_GATEWAY_HTTP_MULTIPART_H_

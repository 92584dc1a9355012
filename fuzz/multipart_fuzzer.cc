// Fuzzes the streaming multipart/form-data parser: any body, fed in pieces whose sizes the
// input chooses. Property besides memory safety: the data reported is the same however the
// body is split.
#include <cstdint>
#include <string>

#include "portal-gateway/http/multipart.h"

namespace {

// Everything the parser reports, as text.
std::string Parse(const std::string& body, size_t piece) {
  std::string log;
  cim::gateway::MultipartParser parser("xyz", {.part =
                                                   [&](const cim::gateway::MultipartPart& p) {
                                                     log +=
                                                         "[part " + p.name + "|" + p.filename + "]";
                                                     return absl::OkStatus();
                                                   },
                                               .data =
                                                   [&](absl::string_view d) {
                                                     log.append(d.data(), d.size());
                                                     return absl::OkStatus();
                                                   },
                                               .part_end =
                                                   [&] {
                                                     log += "[end]";
                                                     return absl::OkStatus();
                                                   }});
  for (size_t at = 0; at < body.size(); at += piece) {
    if (!parser.Feed(absl::string_view(body).substr(at, piece)).ok()) return log + "[error]";
  }
  return log + (parser.Finish().ok() ? "[done]" : "[unfinished]");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const size_t piece = 1 + data[0] % 64;
  const std::string body(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::string whole = Parse(body, body.size() + 1);
  const std::string split = Parse(body, piece);
  // An error may be found at a different point, but never different data before it.
  const bool whole_error = whole.find("[error]") != std::string::npos;
  const bool split_error = split.find("[error]") != std::string::npos;
  if (!whole_error && !split_error && whole != split) __builtin_trap();
  (void)cim::gateway::MultipartBoundary(body);
  return 0;
}

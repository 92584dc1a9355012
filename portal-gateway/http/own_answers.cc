#include "portal-gateway/http/own_answers.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "portal-gateway/http/http_status.h"

namespace cim::gateway {
namespace {

// gRPC codes, as the error body names them.
constexpr int kInvalidArgument = 3;
constexpr int kResourceExhausted = 8;
constexpr int kUnavailable = 14;

HttpResponse Closing(HttpResponse response, const AddHeaders& add_headers) {
  if (add_headers) add_headers(response);
  response.keep_alive(false);
  response.prepare_payload();
  return response;
}

}  // namespace

HttpResponse BodyTooLargeAnswer(size_t limit, const AddHeaders& add_headers) {
  return Closing(JsonError(HttpRequest(), kResourceExhausted,
                           absl::StrCat("request body larger than ", limit, " bytes"), "-", 413),
                 add_headers);
}

HttpResponse MalformedRequestAnswer(absl::string_view problem, const AddHeaders& add_headers) {
  return Closing(JsonError(HttpRequest(), kInvalidArgument,
                           absl::StrCat("malformed HTTP request: ", problem), "-", 400),
                 add_headers);
}

HttpResponse BusyAnswer(absl::string_view message, const AddHeaders& add_headers) {
  HttpResponse response = JsonError(HttpRequest(), kUnavailable, message, "-", 503);
  response.set(http::field::retry_after, "1");
  return Closing(std::move(response), add_headers);
}

}  // namespace cim::gateway

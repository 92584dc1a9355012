// Status helpers shared by every layer: field-level INVALID_ARGUMENT errors and RETURN/ASSIGN
// macros. (The mapping to grpc::Status is server/rpc/grpc_status.h.)
#ifndef CIM_LIB_STATUS_UTIL_H_
#define CIM_LIB_STATUS_UTIL_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace cim {

// Collects field violations for one request; ToStatus() yields INVALID_ARGUMENT carrying a
// google.rpc.BadRequest payload (OK when nothing was added).
class FieldErrors {
 public:
  void Add(std::string field, std::string description);
  bool empty() const { return violations_.empty(); }
  // (field, description) pairs in the order they were added.
  const std::vector<std::pair<std::string, std::string>>& violations() const { return violations_; }
  // OK if no violation was added; otherwise INVALID_ARGUMENT whose message lists the violations.
  absl::Status ToStatus() const;

 private:
  std::vector<std::pair<std::string, std::string>> violations_;
};

// NOT_FOUND for the `what` with `id`, e.g. ("fund_request", 12): "fund request 12 not found" in
// the reader's words. `what` names a catalog noun `thing.<what>` (lib/catalogs).
absl::Status NotFoundError(absl::string_view what, int64_t id);

// ABORTED for an edit of the `what` with `id` that someone else changed since the caller read it
// ("partner 7 was changed by someone else; reload and retry"); `what` as for NotFoundError.
absl::Status ChangedSinceReadError(absl::string_view what, int64_t id);

// OK for an id > 0; otherwise INVALID_ARGUMENT with the violation "`field`: required".
absl::Status RequireId(int64_t id, const char* field);

// Type URL under which field violations travel in an absl::Status payload.
inline constexpr absl::string_view kBadRequestTypeUrl = "type.googleapis.com/google.rpc.BadRequest";

}  // namespace cim

#define CIM_STATUS_CONCAT_INNER_(a, b) a##b
#define CIM_STATUS_CONCAT_(a, b) CIM_STATUS_CONCAT_INNER_(a, b)

#define CIM_RETURN_IF_ERROR(expr)                               \
  do {                                                          \
    if (absl::Status _cim_status = (expr); !_cim_status.ok()) { \
      return _cim_status;                                       \
    }                                                           \
  } while (0)

#define CIM_ASSIGN_OR_RETURN(lhs, expr) \
  CIM_ASSIGN_OR_RETURN_IMPL_(CIM_STATUS_CONCAT_(_cim_statusor_, __LINE__), lhs, expr)

// `lhs` may be a declaration ("const Foo foo") and `statusor` names a variable: neither can be
// parenthesised.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define CIM_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                               \
  if (!statusor.ok()) return statusor.status();         \
  lhs = std::move(statusor).value()
// NOLINTEND(bugprone-macro-parentheses)

#endif  // CIM_LIB_STATUS_UTIL_H_

// Keyset pagination shared by every List RPC: page sizes, opaque page tokens that carry the
// last id of a page, and filling a response from rows fetched with one extra row.
#ifndef CIM_SERVER_COMMON_PAGINATION_H_
#define CIM_SERVER_COMMON_PAGINATION_H_

#include <google/protobuf/repeated_ptr_field.h>

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "server/common/status_util.h"

namespace cim {

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 500;

// The page size to use for a request's `page_size` (0 → default); adds a violation for
// "page_size" if it is out of range.
int PageSize(int requested, FieldErrors& errors);

// Page tokens are opaque to clients; these encode the last id of a page.
std::string EncodePageToken(int64_t last_id);
// INVALID_ARGUMENT (field page_token) for a token not made by EncodePageToken. Empty → 0.
absl::StatusOr<int64_t> DecodePageToken(const std::string& token);

// Moves up to `page_size` of `rows` (fetched with limit page_size + 1) into `items` and returns
// the next page token ("" on the last page). Rows need an id().
template <typename Row>
std::string FillPage(std::vector<Row> rows, int page_size,
                     google::protobuf::RepeatedPtrField<Row>* items) {
  std::string next;
  if (static_cast<int>(rows.size()) > page_size) {
    rows.resize(page_size);
    next = EncodePageToken(rows.back().id());
  }
  for (Row& row : rows) *items->Add() = std::move(row);
  return next;
}

}  // namespace cim

#endif  // CIM_SERVER_COMMON_PAGINATION_H_

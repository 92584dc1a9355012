// Keyset pagination shared by every List RPC: page sizes, opaque page tokens that carry the
// last id (or offset) of a page bound to the list and filters that issued it, and filling a
// response from rows fetched with one extra row.
#ifndef CIM_LIB_PAGINATION_H_
#define CIM_LIB_PAGINATION_H_

#include <google/protobuf/message.h>
#include <google/protobuf/repeated_ptr_field.h>

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "lib/status_util.h"

namespace cim {

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 500;

// The page size to use for a request's `page_size` (0 → default); adds a violation for
// "page_size" if it is out of range.
int PageSize(int requested, FieldErrors& errors);

// Page tokens are opaque to clients. A token carries a position (the last id of a page, or an
// offset) and a digest of the request that issued it: its type and every field but page_token
// and page_size. So it continues only the same list with the same filters.
std::string EncodePageToken(int64_t position, const google::protobuf::Message& request);
// The position in `request`'s page_token (0 when empty). INVALID_ARGUMENT (field page_token) for
// a token not made by EncodePageToken, or made for another list or other filters.
absl::StatusOr<int64_t> DecodePageToken(const google::protobuf::Message& request);

// Moves up to `page_size` of `rows` (fetched with limit page_size + 1) into `items` and returns
// the next page token for `request` ("" on the last page). Rows need an id().
template <typename Row>
std::string FillPage(std::vector<Row> rows, int page_size,
                     google::protobuf::RepeatedPtrField<Row>* items,
                     const google::protobuf::Message& request) {
  std::string next;
  if (static_cast<int>(rows.size()) > page_size) {
    rows.resize(page_size);
    next = EncodePageToken(rows.back().id(), request);
  }
  for (Row& row : rows) *items->Add() = std::move(row);
  return next;
}

}  // namespace cim

#endif  // CIM_LIB_PAGINATION_H_

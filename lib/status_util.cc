#include "lib/status_util.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/rpc/error_details.pb.h"

namespace cim {

void FieldErrors::Add(std::string field, std::string description) {
  violations_.emplace_back(std::move(field), std::move(description));
}

absl::Status FieldErrors::ToStatus() const {
  if (violations_.empty()) return absl::OkStatus();
  google::rpc::BadRequest bad_request;
  std::vector<std::string> parts;
  for (const auto& [field, description] : violations_) {
    auto* v = bad_request.add_field_violations();
    v->set_field(field);
    v->set_description(description);
    parts.push_back(absl::StrCat(field, ": ", description));
  }
  absl::Status status(absl::StatusCode::kInvalidArgument,
                      absl::StrCat("invalid request: ", absl::StrJoin(parts, "; ")));
  status.SetPayload(kBadRequestTypeUrl, absl::Cord(bad_request.SerializeAsString()));
  return status;
}

absl::Status RequireId(int64_t id, const char* field) {
  if (id > 0) return absl::OkStatus();
  FieldErrors errors;
  errors.Add(field, "required");
  return errors.ToStatus();
}

}  // namespace cim

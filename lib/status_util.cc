#include "lib/status_util.h"

#include "absl/strings/str_cat.h"
#include "google/rpc/error_details.pb.h"
#include "lib/phrase.h"

namespace cim {

void FieldErrors::Add(std::string field, std::string description) {
  violations_.emplace_back(std::move(field), std::move(description));
}

absl::Status FieldErrors::ToStatus() const {
  if (violations_.empty()) return absl::OkStatus();
  google::rpc::BadRequest bad_request;
  for (const auto& [field, description] : violations_) {
    auto* v = bad_request.add_field_violations();
    v->set_field(field);
    v->set_description(description);
  }
  // "invalid request: a: x; b: y" as a phrase, whose descriptions may be phrases too.
  std::string violations;
  for (size_t i = violations_.size(); i-- > 0;) {
    const std::string one = Phrase("error.violation")
                                .Text("field", violations_[i].first)
                                .Text("description", violations_[i].second);
    violations = violations.empty()
                     ? one
                     : Phrase("error.violations").Text("first", one).Text("rest", violations).str();
  }
  absl::Status status(absl::StatusCode::kInvalidArgument,
                      Phrase("error.invalid_request").Text("violations", violations).str());
  status.SetPayload(kBadRequestTypeUrl, absl::Cord(bad_request.SerializeAsString()));
  return status;
}

absl::Status NotFoundError(absl::string_view what, int64_t id) {
  return absl::NotFoundError(
      Phrase("error.not_found").Text("what", what).Text("id", absl::StrCat(id)).str());
}

absl::Status RequireId(int64_t id, const char* field) {
  if (id > 0) return absl::OkStatus();
  FieldErrors errors;
  errors.Add(field, "required");
  return errors.ToStatus();
}

}  // namespace cim

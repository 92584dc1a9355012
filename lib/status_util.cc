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

namespace {

// "error.not_found" and the like: the thing's catalog noun, then its id.
std::string AboutThing(absl::string_view key, absl::string_view what, int64_t id) {
  return Phrase(key)
      .Text("what", Phrase(absl::StrCat("thing.", what)).str())
      .Text("id", absl::StrCat(id))
      .str();
}

}  // namespace

absl::Status NotFoundError(absl::string_view what, int64_t id) {
  return absl::NotFoundError(AboutThing("error.not_found", what, id));
}

absl::Status ChangedSinceReadError(absl::string_view what, int64_t id) {
  return absl::AbortedError(AboutThing("error.changed_since_read", what, id));
}

absl::Status RequireId(int64_t id, const char* field) {
  if (id > 0) return absl::OkStatus();
  FieldErrors errors;
  errors.Add(field, "required");
  return errors.ToStatus();
}

}  // namespace cim

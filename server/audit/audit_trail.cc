#include "server/audit/audit_trail.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "lib/pagination.h"
#include "lib/phrase.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"

namespace cim {
namespace {

constexpr int kVerifyBatch = 2000;

absl::Status MayRead(const Principal& caller) {
  if (caller.role == cim::v1::ROLE_PROGRAM_ADMIN || caller.role == cim::v1::ROLE_FINANCE) {
    return absl::OkStatus();
  }
  return absl::PermissionDeniedError("only program admins and finance read the audit trail");
}

// A training module's quiz names its correct answers, which only program admins see
// (recognition.proto): for other readers the snapshot's "quiz_json" value is replaced.
std::string RedactQuiz(std::string json) {
  constexpr char kKey[] = "\"quiz_json\":\"";
  const size_t start = json.find(kKey);
  if (start == std::string::npos) return json;
  const size_t from = start + sizeof(kKey) - 1;
  size_t end = from;
  while (end < json.size() && json[end] != '"') end += json[end] == '\\' ? 2 : 1;
  if (end >= json.size() || end == from) return json;
  json.replace(from, end - from, "(hidden: only program admins see quiz answers)");
  return json;
}

}  // namespace

cim::v1::AuditRecord ToProto(const AuditRecord& r) {
  cim::v1::AuditRecord out;
  out.set_seq(r.id);
  SetTimestamp(r.at, out.mutable_time());
  out.set_actor_user_id(r.actor_user_id);
  out.set_actor_role(static_cast<cim::v1::Role>(r.role));
  out.set_actor_partner_id(r.partner_id);
  out.set_rpc(r.rpc);
  out.set_entity_type(r.entity_type);
  out.set_entity_id(r.entity_id);
  out.set_before_json(r.before_json);
  out.set_after_json(r.after_json);
  out.set_request_id(r.request_id);
  out.set_client_address(r.client_address);
  out.set_prev_hash(r.prev_hash);
  out.set_hash(r.hash);
  return out;
}

absl::StatusOr<cim::v1::ListAuditRecordsResponse> AuditTrail::List(
    const Principal& caller, const cim::v1::ListAuditRecordsRequest& request) {
  CIM_RETURN_IF_ERROR(MayRead(caller));
  FieldErrors errors;
  AuditFilter filter;
  filter.limit = PageSize(request.page_size(), errors) + 1;
  absl::StatusOr<int64_t> after = DecodePageToken(request);
  if (!after.ok()) errors.Add("page_token", "not a page token of this list");
  if (request.actor_user_id() < 0) errors.Add("actor_user_id", "must not be negative");
  if (request.actor_partner_id() < 0) errors.Add("actor_partner_id", "must not be negative");
  if (!request.entity_id().empty() && request.entity_type().empty()) {
    errors.Add("entity_id", "needs entity_type");
  }
  for (const auto& [field, value] :
       {std::pair{"rpc", &request.rpc()}, std::pair{"entity_type", &request.entity_type()},
        std::pair{"entity_id", &request.entity_id()},
        std::pair{"request_id", &request.request_id()}}) {
    if (value->size() > 80) errors.Add(field, "at most 80 characters");
  }
  if (request.has_from_time()) filter.from = FromTimestamp(request.from_time());
  if (request.has_to_time()) filter.to = FromTimestamp(request.to_time());
  if (filter.from && filter.to && *filter.from > *filter.to) {
    errors.Add("from_time", "must not be after to_time");
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  filter.actor_user_id = request.actor_user_id();
  filter.actor_partner_id = request.actor_partner_id();
  filter.rpc = request.rpc();
  filter.entity_type = request.entity_type();
  filter.entity_id = request.entity_id();
  filter.request_id = request.request_id();
  filter.before_row = *after;
  CIM_ASSIGN_OR_RETURN(std::vector<AuditRecord> records, repository_.List(filter));
  cim::v1::ListAuditRecordsResponse out;
  const int page_size = filter.limit - 1;
  if (static_cast<int>(records.size()) > page_size) {
    records.resize(page_size);
    out.set_next_page_token(EncodePageToken(records.back().row_id, request));
  }
  for (const AuditRecord& r : records) {
    cim::v1::AuditRecord& record = *out.add_records() = ToProto(r);
    if (caller.role != cim::v1::ROLE_PROGRAM_ADMIN && r.entity_type == "training_modules") {
      record.set_before_json(RedactQuiz(record.before_json()));
      record.set_after_json(RedactQuiz(record.after_json()));
    }
  }
  return out;
}

absl::Status AuditTrail::SealPending() {
  while (true) {
    CIM_ASSIGN_OR_RETURN(const int sealed, repository_.Seal(kVerifyBatch));
    if (sealed < kVerifyBatch) return absl::OkStatus();
  }
}

absl::StatusOr<cim::v1::VerifyAuditTrailResponse> AuditTrail::Verify(const Principal& caller) {
  CIM_RETURN_IF_ERROR(MayRead(caller));
  return VerifyAll();
}

absl::StatusOr<cim::v1::VerifyAuditTrailResponse> AuditTrail::VerifyAll() {
  // The head first: records committed while the walk runs lie beyond it and are left for the
  // next verification.
  CIM_ASSIGN_OR_RETURN(const AuditHead head, repository_.Head());
  cim::v1::VerifyAuditTrailResponse out;
  out.set_head_seq(head.seq);
  out.set_head_hash(head.hash);
  const auto broken = [&](int64_t seq, std::string problem) {
    out.set_intact(false);
    out.set_broken_seq(seq);
    out.set_problem(std::move(problem));
    return out;
  };
  std::string prev_hash = kAuditGenesis;
  int64_t prev_seq = 0;
  while (prev_seq < head.seq) {
    CIM_ASSIGN_OR_RETURN(std::vector<AuditRecord> batch,
                         repository_.ReadChain(prev_seq, kVerifyBatch));
    while (!batch.empty() && batch.back().id > head.seq) batch.pop_back();
    if (batch.empty()) break;
    for (const AuditRecord& r : batch) {
      if (r.id != prev_seq + 1) {
        return broken(prev_seq + 1, Phrase("audit.missing")
                                        .Count("count", r.id - 1 - prev_seq)
                                        .Text("first", absl::StrCat(prev_seq + 1))
                                        .Text("last", absl::StrCat(r.id - 1)));
      }
      prev_seq = r.id;
    }
    if (std::optional<AuditBreak> b = VerifyAuditChain(batch, prev_hash, std::nullopt)) {
      return broken(b->record_id, b->reason);
    }
    prev_hash = batch.back().hash;
    out.set_records_checked(out.records_checked() + static_cast<int64_t>(batch.size()));
  }
  if (prev_seq < head.seq) {
    return broken(prev_seq + 1, Phrase("audit.ends_before_head")
                                    .Text("first", absl::StrCat(prev_seq + 1))
                                    .Text("last", absl::StrCat(head.seq)));
  }
  if (prev_hash != head.hash) {
    return broken(head.seq, Phrase("audit.head_replaced").Text("record", absl::StrCat(head.seq)));
  }
  out.set_intact(true);
  return out;
}

}  // namespace cim

#include "server/audit/audit_chain.h"

#include "absl/strings/str_cat.h"
#include "lib/phrase.h"
#include "lib/sha256.h"

namespace cim {
namespace {

// "<length>:<bytes>;": unambiguous however the fields' bytes look.
void Field(std::string& out, absl::string_view value) {
  absl::StrAppend(&out, value.size(), ":", value, ";");
}

}  // namespace

std::string AuditHash(const AuditRecord& r, const std::string& prev_hash) {
  std::string bytes;
  Field(bytes, prev_hash);
  Field(bytes, absl::StrCat(r.id));
  Field(bytes, absl::StrCat(absl::ToUnixMicros(r.at)));
  Field(bytes, absl::StrCat(r.actor_user_id));
  Field(bytes, absl::StrCat(r.role));
  Field(bytes, absl::StrCat(r.partner_id));
  Field(bytes, r.rpc);
  Field(bytes, r.entity_type);
  Field(bytes, r.entity_id);
  Field(bytes, r.before_json);
  Field(bytes, r.after_json);
  Field(bytes, r.request_id);
  Field(bytes, r.client_address);
  return Sha256Hex(bytes);
}

std::optional<AuditBreak> VerifyAuditChain(const std::vector<AuditRecord>& records,
                                           const std::string& start_hash,
                                           const std::optional<std::string>& head_hash) {
  std::string prev = start_hash;
  int64_t prev_id = 0;
  for (const AuditRecord& r : records) {
    if (r.id <= prev_id) {
      return AuditBreak{r.id, Phrase("audit.out_of_order")
                                  .Text("record", absl::StrCat(r.id))
                                  .Text("previous", absl::StrCat(prev_id))};
    }
    if (r.prev_hash != prev) {
      return AuditBreak{r.id, Phrase("audit.not_following").Text("record", absl::StrCat(r.id))};
    }
    if (AuditHash(r, r.prev_hash) != r.hash) {
      return AuditBreak{r.id, Phrase("audit.record_changed").Text("record", absl::StrCat(r.id))};
    }
    prev = r.hash;
    prev_id = r.id;
  }
  if (head_hash && *head_hash != prev) {
    return AuditBreak{0, Phrase("audit.end_deleted")};
  }
  return std::nullopt;
}

}  // namespace cim

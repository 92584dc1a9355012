// The audit trail's tamper evidence: each record carries a SHA-256 over its own fields and the
// previous record's hash, so editing a record breaks its hash and deleting or reordering
// records breaks the chain. Pure C++: the trail's storage and the verification RPC build on
// these (issue 5).
#ifndef CIM_SERVER_AUDIT_AUDIT_CHAIN_H_
#define CIM_SERVER_AUDIT_AUDIT_CHAIN_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"

namespace cim {

// One state change, as recorded.
struct AuditRecord {
  int64_t id = 0;      // the chain position (seq; 0 until sealed)
  int64_t row_id = 0;  // the storage row (commit-independent; not hashed)
  absl::Time at;
  int64_t actor_user_id = 0;
  int role = 0;  // cim.v1.Role
  int64_t partner_id = 0;
  std::string rpc;  // "/cim.v1.ClaimService/ApproveClaim"
  std::string entity_type;
  std::string entity_id;
  std::string before_json;  // "" when the entity is new
  std::string after_json;   // "" when it was deleted
  std::string request_id;
  std::string client_address;
  // The previous record's hash (kAuditGenesis for the first), and this record's.
  std::string prev_hash;
  std::string hash;
};

// The prev_hash of the first record: 64 zeros.
inline constexpr char kAuditGenesis[] =
    "0000000000000000000000000000000000000000000000000000000000000000";

// The 64-character hex SHA-256 of `prev_hash` and every field of `record` but its hash,
// each length-prefixed so that no two different records hash the same bytes.
std::string AuditHash(const AuditRecord& record, const std::string& prev_hash);

// Where a chain stops being intact.
struct AuditBreak {
  int64_t record_id = 0;  // the first record that does not verify (0: the chain's end)
  std::string reason;
};

// Checks `records` (ascending id, the whole trail or a part starting after a record whose
// hash is `start_hash`): each must link to the one before and hash to its stored hash. With
// `head_hash` (the newest hash as kept beside the trail), the last record must carry it,
// which also catches deleting records at the end. Returns the first break, or nullopt.
std::optional<AuditBreak> VerifyAuditChain(const std::vector<AuditRecord>& records,
                                           const std::string& start_hash,
                                           const std::optional<std::string>& head_hash);

}  // namespace cim

#endif  // CIM_SERVER_AUDIT_AUDIT_CHAIN_H_

// Claim rules: validation of sale claims against their program and the catalog, duplicate and
// conflict keys, the review state machine and segregation of duties. Pure C++.
#ifndef CIM_SERVER_CLAIM_CLAIM_RULES_H_
#define CIM_SERVER_CLAIM_CLAIM_RULES_H_

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "cim/v1/claim_service.pb.h"
#include "cim/v1/program.pb.h"
#include "lib/principal.h"
#include "lib/status_util.h"
#include "server/program/reward_engine.h"

namespace cim {

using cim::v1::Claim;
using cim::v1::ClaimStatus;

inline constexpr int kMaxClaimLines = 200;
inline constexpr int kMaxClaimAttachments = 10;
inline constexpr int64_t kMaxLineQuantity = 1'000'000;
// A unit price above this multiple of the product's list price is refused as a likely typo.
inline constexpr int kMaxPriceOverList = 10;

// Adds a violation (named "claim.<field>") for every bad field of a sale claim submitted to
// `program` on `today`: invoice number and date (inside the program's dates, not in the future),
// customer, currency (the program's), lines (known, active, eligible SKUs; quantities 1 to
// 1,000,000; prices > 0 and at most 10× list price), notes and attachment ids.
// `products` holds the catalog entries of the claim's SKUs.
void ValidateSaleClaim(const Claim& claim, const cim::v1::Program& program,
                       const absl::flat_hash_map<std::string, cim::v1::Product>& products,
                       absl::CivilDay today, FieldErrors& errors);

// The claim's lines as the rules engine reads them. Call only on a validated claim.
SaleClaim ToSaleClaim(const Claim& claim);

// The invoice number as duplicates are detected: upper case, without spaces, '-', '/', '.'.
std::string InvoiceKey(absl::string_view invoice_number);
// The customer name as conflicts are detected: lower case letters and digits only.
std::string CustomerKey(absl::string_view customer_name);
// A hash of everything a submission says (idempotency: same key, same body).
std::string SubmissionHash(const cim::v1::SubmitClaimRequest& request, int64_t partner_id);

// What a reviewer or partner does to a claim.
enum class ClaimAction { kStartReview, kApprove, kReject, kRequestInfo, kResubmit };

// The status `action` leads to from `from`; FAILED_PRECONDITION naming both if not allowed:
// start review from SUBMITTED; approve, reject and request info from SUBMITTED or IN_REVIEW;
// resubmit from NEEDS_INFO.
absl::StatusOr<ClaimStatus> NextStatus(ClaimStatus from, ClaimAction action);

// OK if `reviewer` may decide on a claim of `partner_id` submitted by `submitted_by`: channel
// managers and program admins who are neither the submitter nor a user of that partner.
// PERMISSION_DENIED otherwise.
absl::Status CheckMayReview(const Principal& reviewer, int64_t partner_id, int64_t submitted_by);

// "SUBMITTED", "IN_REVIEW", ...
std::string ClaimStatusName(ClaimStatus status);

}  // namespace cim

#endif  // CIM_SERVER_CLAIM_CLAIM_RULES_H_

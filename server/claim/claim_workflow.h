// Claim submission, review and proof: who may do what to which claim, validation, idempotency,
// and the approval that turns a claim into ledger entries through the rules engine.
// Pure C++ over the repositories; clock injected.
#ifndef CIM_SERVER_CLAIM_CLAIM_WORKFLOW_H_
#define CIM_SERVER_CLAIM_CLAIM_WORKFLOW_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "cim/v1/claim_service.pb.h"
#include "lib/batcher.h"
#include "lib/clock.h"
#include "lib/principal.h"
#include "server/claim/claim_repository.h"
#include "server/claim/claim_rules.h"
#include "server/identity/partner_repository.h"
#include "server/program/product_repository.h"
#include "server/program/program_repository.h"

namespace cim {

class ClaimWorkflow {
 public:
  ClaimWorkflow(ClaimRepository& claims, ProgramRepository& programs, ProductRepository& products,
                PartnerRepository& partners, const Clock& clock);

  // Partner roles submit for their partner, service accounts for a named partner. Returns the
  // stored claim (the earlier one for a replayed idempotency key). See
  // ClaimService.SubmitClaim for the errors. Concurrent submissions are checked and stored
  // together (one read of programs, enrollments and products, one transaction).
  absl::StatusOr<Claim> Submit(const Principal& caller, const cim::v1::SubmitClaimRequest& request);
  // NOT_FOUND for a claim of another partner (partner roles).
  absl::StatusOr<Claim> Get(const Principal& caller, int64_t claim_id);
  absl::StatusOr<cim::v1::ListClaimsResponse> List(const Principal& caller,
                                                   const cim::v1::ListClaimsRequest& request);
  // The submitting partner edits a NEEDS_INFO claim and sends it back to review.
  absl::StatusOr<Claim> Resubmit(const Principal& caller,
                                 const cim::v1::ResubmitClaimRequest& request);
  // Start review, approve, reject or request info (reviewers; segregation of duties).
  // Approval posts the rewards in the same transaction; FAILED_PRECONDITION if the budget
  // cannot cover them. Concurrent decisions are taken together, one after the other in one
  // transaction (see ClaimRepository::DecideMany).
  absl::StatusOr<Claim> Review(const Principal& caller, const cim::v1::ReviewClaimRequest& request,
                               ClaimAction action);

  // Stores a proof file for the caller's partner (or the named partner, for service accounts).
  // INVALID_ARGUMENT for a bad name, an empty or too large file, or a type other than PDF, PNG
  // or JPEG.
  absl::StatusOr<Attachment> Upload(const Principal& caller,
                                    const cim::v1::AttachmentMetadata& metadata,
                                    const std::string& bytes);
  // Streams an attachment to `sink` (metadata first) if the caller may see it; NOT_FOUND
  // otherwise.
  absl::Status Download(const Principal& caller, int64_t attachment_id,
                        const std::function<void(const Attachment&)>& on_metadata,
                        const std::function<bool(const std::string&)>& on_chunk);

  // Sends `emit` the status changes of the claims the caller may see, oldest first: those
  // after request.after_event_id (or, for 0, only those from now on), then new ones, checking
  // every `poll`. Returns OK when `wait(poll)` returns false (the caller went away) or `emit`
  // returns false; INVALID_ARGUMENT for negative ids; UNAVAILABLE if the database is.
  absl::Status Watch(const Principal& caller, const cim::v1::WatchClaimEventsRequest& request,
                     absl::Duration poll, const std::function<bool(absl::Duration)>& wait,
                     const std::function<bool(const cim::v1::ClaimEventNotice&)>& emit);

 private:
  // A submission waiting for its batch.
  struct SubmitJob {
    const Principal* caller;
    const cim::v1::SubmitClaimRequest* request;
    int64_t partner_id;
    std::string hash;
  };
  // A review decision waiting for its batch.
  struct ReviewJob {
    const Principal* caller;
    const cim::v1::ReviewClaimRequest* request;
    ClaimAction action;
    std::optional<AuditActor> audit;  // the caller's, for the batch that decides it
  };
  using Products = absl::flat_hash_map<std::string, cim::v1::Product>;

  // Validates the content of `claim` for `program` (lines against `products`, attachments of
  // `partner_id`), and fills line amounts and the total (and `attachments`, when given, with
  // the attachments' metadata). INVALID_ARGUMENT with every violation.
  absl::Status ValidateContent(Claim& claim, const cim::v1::Program& program, int64_t partner_id,
                               const Products& products, std::vector<Attachment>* attachments);
  // Checks a batch of submissions (one read of their programs, enrollments and products); one
  // claim to store, or the error, per job.
  std::vector<absl::StatusOr<NewClaim>> CheckBatch(std::vector<SubmitJob>& jobs);
  // (program id, partner id) of each enrollment → the terms version the partner accepted last.
  using EnrolledTerms = absl::flat_hash_map<std::pair<int64_t, int64_t>, int32_t>;
  // The claim a submission would store, after checking its program, enrollment (with the
  // current terms accepted) and content against the batch's reads.
  absl::StatusOr<NewClaim> Prepare(const SubmitJob& job,
                                   const absl::flat_hash_map<int64_t, cim::v1::Program>& programs,
                                   const EnrolledTerms& enrolled, const Products& products);
  // Takes a batch of review decisions; one result per job.
  std::vector<absl::StatusOr<Claim>> ReviewBatch(std::vector<ReviewJob>& jobs);
  // The claim as `caller` may see it: partner roles do not learn other partners' identities.
  static Claim ViewFor(const Principal& caller, Claim claim);
  // The approval decision: rewards from every rule, totals and budget draw.
  absl::StatusOr<ClaimDecision> Approve(const Claim& claim, const cim::v1::Program& program,
                                        int64_t actor, DecisionContext& context);

  ClaimRepository& claims_;
  ProgramRepository& programs_;
  ProductRepository& products_;
  PartnerRepository& partners_;
  const Clock& clock_;
  // Submissions pass two stages, each batched: checks, then storage. While one batch is being
  // stored, the next is being checked.
  Batcher<SubmitJob, absl::StatusOr<NewClaim>> checks_;
  Batcher<NewClaim, absl::StatusOr<InsertOutcome>> stores_;
  Batcher<ReviewJob, absl::StatusOr<Claim>> reviews_;
};

}  // namespace cim

#endif  // CIM_SERVER_CLAIM_CLAIM_WORKFLOW_H_

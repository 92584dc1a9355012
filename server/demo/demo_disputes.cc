#include "server/demo/demo_disputes.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "lib/clock.h"
#include "lib/principal.h"
#include "lib/status_util.h"
#include "server/dispute/dispute_workflow.h"

namespace cim {
namespace {

absl::StatusOr<Principal> Person(UserRepository& users, const std::string& email) {
  CIM_ASSIGN_OR_RETURN(UserRecord record, users.GetByEmail(email));
  return Principal{.user_id = record.user.id(),
                   .email = record.user.email(),
                   .display_name = record.user.display_name(),
                   .role = record.user.role(),
                   .partner_id = record.user.partner_id()};
}

}  // namespace

absl::StatusOr<int> LoadDemoDisputes(DisputeRepository& disputes, ProgramRepository& programs,
                                     LedgerRepository& ledger, UserRepository& users,
                                     absl::Time today) {
  CIM_ASSIGN_OR_RETURN(const Principal rep, Person(users, "rosa.larsen@amstel.example"));
  CIM_ASSIGN_OR_RETURN(const Principal admin, Person(users, "admin@amstel.example"));
  CIM_ASSIGN_OR_RETURN(const Principal manager, Person(users, "channel.manager@vendor.example"));
  CIM_ASSIGN_OR_RETURN(const Principal finance, Person(users, "finance@vendor.example"));
  // Amstel's money rewards, newest first (its admin reads them all).
  CIM_ASSIGN_OR_RETURN(
      std::vector<LedgerEntry> rewards,
      ledger.List({.partner_id = rep.partner_id, .account = cim::v1::LEDGER_ACCOUNT_PAYABLE}, 0,
                  50));
  std::vector<LedgerEntry> claimed;
  for (const LedgerEntry& e : rewards) {
    if (e.claim_id() != 0 && e.program_id() != 0 && e.amount()[0] != '-') claimed.push_back(e);
  }
  CIM_ASSIGN_OR_RETURN(std::vector<Enrollment> enrollments,
                       programs.ListEnrollments({.partner_id = rep.partner_id}, 0, 10));
  if (claimed.size() < 2 || enrollments.empty()) return 0;

  FakeClock clock(today - absl::Hours(24 * 12));
  DisputeWorkflow workflow(disputes, programs, clock);
  int opened = 0;

  // Resolved with an adjustment: a rebate computed on the wrong tier.
  cim::v1::OpenDisputeRequest open;
  open.set_idempotency_key("demo-dispute-tier");
  open.mutable_subject()->set_kind(cim::v1::DISPUTE_SUBJECT_KIND_REWARD);
  open.mutable_subject()->set_entry_id(claimed[1].id());
  open.set_message(
      "This rebate was computed at the first tier, but our quarter had already passed the "
      "second tier. Could you check the period volume?");
  CIM_ASSIGN_OR_RETURN(Dispute adjusted, workflow.Open(admin, open));
  ++opened;
  clock.Advance(absl::Hours(20));
  cim::v1::PostDisputeMessageRequest reply;
  reply.set_dispute_id(adjusted.id());
  reply.set_body(
      "You are right: a late-approved claim moved the quarter into tier 2. We will correct it.");
  CIM_RETURN_IF_ERROR(workflow.PostMessage(manager, reply).status());
  clock.Advance(absl::Hours(6));
  cim::v1::ResolveDisputeRequest resolve;
  resolve.set_dispute_id(adjusted.id());
  cim::v1::DisputeAdjustment* adjustment = resolve.mutable_adjustment();
  adjustment->set_account(cim::v1::LEDGER_ACCOUNT_PAYABLE);
  adjustment->set_amount("125.00");
  adjustment->set_explanation("tier 2 rate on the quarter's earlier sales");
  CIM_RETURN_IF_ERROR(workflow.Resolve(manager, resolve).status());

  // Refused: a reward that the program's rules do not give.
  clock.Advance(absl::Hours(24 * 3));
  cim::v1::OpenDisputeRequest missing;
  missing.set_idempotency_key("demo-dispute-missing");
  missing.mutable_subject()->set_kind(cim::v1::DISPUTE_SUBJECT_KIND_MISSING_REWARD);
  missing.mutable_subject()->set_program_id(enrollments.front().program_id());
  missing.mutable_subject()->set_expected("A bonus for our first order of the new switches");
  missing.set_message("We expected a bonus for this order and see nothing on our statement.");
  CIM_ASSIGN_OR_RETURN(Dispute refused, workflow.Open(rep, missing));
  ++opened;
  clock.Advance(absl::Hours(30));
  cim::v1::ResolveDisputeRequest refuse;
  refuse.set_dispute_id(refused.id());
  refuse.mutable_refusal()->set_reason(
      "The bonus pays on reaching the quarterly target; the order alone does not reach it.");
  CIM_RETURN_IF_ERROR(workflow.Resolve(finance, refuse).status());

  // Still open: a claim's reward the rep questions two days ago.
  clock.Advance(absl::Hours(24 * 5));
  cim::v1::OpenDisputeRequest pending;
  pending.set_idempotency_key("demo-dispute-open");
  pending.mutable_subject()->set_kind(cim::v1::DISPUTE_SUBJECT_KIND_CLAIM);
  pending.mutable_subject()->set_claim_id(claimed[0].claim_id());
  pending.set_message("One line of this claim earned no rebate. Is the product not eligible?");
  CIM_RETURN_IF_ERROR(workflow.Open(rep, pending).status());
  ++opened;
  return opened;
}

}  // namespace cim

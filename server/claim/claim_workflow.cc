#include "server/claim/claim_workflow.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "lib/content_type.h"
#include "lib/dates.h"
#include "lib/pagination.h"
#include "lib/phrase.h"
#include "lib/proto_time.h"
#include "lib/sha256.h"
#include "lib/text_field.h"
#include "server/claim/event_cursor.h"
#include "server/identity/acting_partner.h"
#include "server/program/program_rules.h"
#include "server/program/reward_engine.h"

namespace cim {
namespace {

using cim::v1::ClaimStatus;
using cim::v1::Program;

cim::v1::LedgerAccount ToAccount(RewardAccount account) {
  switch (account) {
    case RewardAccount::kPayable:
      return cim::v1::LEDGER_ACCOUNT_PAYABLE;
    case RewardAccount::kPoints:
      return cim::v1::LEDGER_ACCOUNT_POINTS;
    case RewardAccount::kCoopFund:
      return cim::v1::LEDGER_ACCOUNT_COOP_FUND;
    case RewardAccount::kMdfFund:
      return cim::v1::LEDGER_ACCOUNT_MDF_FUND;
  }
  return cim::v1::LEDGER_ACCOUNT_UNSPECIFIED;
}

cim::v1::LedgerEntryKind ToKind(RewardKind kind) {
  switch (kind) {
    case RewardKind::kRebate:
      return cim::v1::LEDGER_ENTRY_KIND_REBATE;
    case RewardKind::kRebateTrueUp:
      return cim::v1::LEDGER_ENTRY_KIND_REBATE_TRUE_UP;
    case RewardKind::kTierUplift:
      return cim::v1::LEDGER_ENTRY_KIND_TIER_UPLIFT;
    case RewardKind::kSpif:
      return cim::v1::LEDGER_ENTRY_KIND_SPIF;
    case RewardKind::kBonus:
      return cim::v1::LEDGER_ENTRY_KIND_BONUS;
    case RewardKind::kGrowth:
      return cim::v1::LEDGER_ENTRY_KIND_GROWTH;
    case RewardKind::kPoints:
      return cim::v1::LEDGER_ENTRY_KIND_POINTS;
    case RewardKind::kCoopAccrual:
      return cim::v1::LEDGER_ENTRY_KIND_COOP_ACCRUAL;
    case RewardKind::kMdfAllocation:
      return cim::v1::LEDGER_ENTRY_KIND_MDF_ALLOCATION;
  }
  return cim::v1::LEDGER_ENTRY_KIND_UNSPECIFIED;
}

// The totals an approval locks: those of every rule but MDF allocations (which claims do not
// drive), in the period of the invoice date.
TotalsKey ApprovalTotals(const Program& program, absl::CivilDay invoice_date) {
  TotalsKey key{.period_start = ClaimPeriod(program, invoice_date).first};
  for (const IncentiveRule& rule : program.rules()) {
    if (rule.kind_case() != IncentiveRule::kMdfAllocation) key.rule_ids.push_back(rule.id());
  }
  return key;
}

// Each batched stage (submission checks, submission storage, review decisions) takes up to this
// many calls at a time; two batches of a stage may run at once, so that one batch's database
// work overlaps the next one's gathering and their commits share a log flush.
constexpr size_t kMaxBatch = 32;
constexpr int kBatchesRunning = 2;

constexpr char kVendorRefusal[] = "claims are submitted by partners or service accounts";

}  // namespace

ClaimWorkflow::ClaimWorkflow(ClaimRepository& claims, ProgramRepository& programs,
                             ProductRepository& products, PartnerRepository& partners,
                             const Clock& clock)
    : claims_(claims),
      programs_(programs),
      products_(products),
      partners_(partners),
      clock_(clock),
      checks_(kMaxBatch, kBatchesRunning,
              [this](std::vector<SubmitJob>& jobs) { return CheckBatch(jobs); }),
      stores_(kMaxBatch, kBatchesRunning,
              [this](std::vector<NewClaim>& claims) { return claims_.InsertMany(claims); }),
      reviews_(kMaxBatch, kBatchesRunning,
               [this](std::vector<ReviewJob>& jobs) { return ReviewBatch(jobs); }) {}

absl::Status ClaimWorkflow::ValidateContent(Claim& claim, const Program& program,
                                            int64_t partner_id, const Products& products,
                                            std::vector<Attachment>* attachments) {
  claim.set_customer_name(std::string(absl::StripAsciiWhitespace(claim.customer_name())));
  claim.set_invoice_number(std::string(absl::StripAsciiWhitespace(claim.invoice_number())));
  FieldErrors errors;
  ValidateSaleClaim(claim, program, products, DayOf(clock_.Now()), errors);
  for (int i = 0; i < claim.attachment_ids_size(); ++i) {
    const int64_t id = claim.attachment_ids(i);
    if (id <= 0) continue;  // reported above
    absl::StatusOr<Attachment> attachment = claims_.GetAttachment(id);
    const std::string field = absl::StrCat("claim.attachment_ids[", i, "]");
    if (absl::IsNotFound(attachment.status()) ||
        (attachment.ok() && attachment->partner_id() != partner_id)) {
      errors.Add(field, Phrase("error.unknown_attachment").Text("attachment", absl::StrCat(id)));
      continue;
    }
    CIM_RETURN_IF_ERROR(attachment.status());
    if (attachment->claim_id() != 0 && attachment->claim_id() != claim.id()) {
      errors.Add(field, Phrase("error.attachment_taken")
                            .Text("attachment", absl::StrCat(id))
                            .Text("claim", absl::StrCat(attachment->claim_id())));
    }
    if (attachments != nullptr) attachments->push_back(*attachment);
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  const int scale = StoredCurrencyScale(program.currency_code());
  Decimal total;
  for (cim::v1::ClaimLine& line : *claim.mutable_lines()) {
    const Decimal price = *Decimal::Parse(line.unit_price());
    const Decimal amount = price * Decimal::FromInt(line.quantity());
    line.set_unit_price(price.ToString(scale));
    line.set_amount(amount.ToString(scale));
    total += amount;
  }
  claim.set_total_amount(total.ToString(scale));
  return absl::OkStatus();
}

Claim ClaimWorkflow::ViewFor(const Principal& caller, Claim claim) {
  if (ReadsAllPartners(caller)) return claim;
  for (auto& flag : *claim.mutable_flags()) {
    if (flag.flag() != cim::v1::CLAIM_FLAG_CHANNEL_CONFLICT) continue;
    flag.set_reason(Phrase("claim.conflict_hidden"));
    flag.clear_related_claim_ids();
  }
  return claim;
}

absl::StatusOr<Claim> ClaimWorkflow::Submit(const Principal& caller,
                                            const cim::v1::SubmitClaimRequest& request) {
  CIM_ASSIGN_OR_RETURN(const int64_t partner_id,
                       ActingPartner(caller, request.claim().partner_id(), "claim.partner_id",
                                     kVendorRefusal, partners_));
  FieldErrors errors;
  ValidateIdempotencyKey(request.idempotency_key(), errors);
  if (request.claim().program_id() <= 0) errors.Add("claim.program_id", "required");
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  const std::string hash = SubmissionHash(request, partner_id);
  const auto replay = [&](const InsertOutcome& outcome) -> absl::StatusOr<Claim> {
    if (outcome.request_hash != hash) {
      return absl::AlreadyExistsError(Phrase("error.key_reused")
                                          .Text("key", request.idempotency_key())
                                          .Text("claim", absl::StrCat(outcome.claim_id))
                                          .str());
    }
    CIM_ASSIGN_OR_RETURN(Claim claim, claims_.Get(outcome.claim_id));
    return ViewFor(caller, std::move(claim));
  };
  absl::StatusOr<NewClaim> checked = checks_.Run(
      SubmitJob{.caller = &caller, .request = &request, .partner_id = partner_id, .hash = hash});
  if (checked.ok()) checked->audit = AuditScope::CurrentActor();  // stored by another thread
  absl::StatusOr<InsertOutcome> outcome =
      checked.ok() ? stores_.Run(*std::move(checked)) : checked.status();
  if (!outcome.ok()) {
    // A retry of a submission that already succeeded returns its claim, whatever changed
    // since (the program may have been paused, say). Only failures pay for this lookup.
    CIM_ASSIGN_OR_RETURN(std::optional<InsertOutcome> earlier,
                         claims_.Lookup(partner_id, request.idempotency_key()));
    if (earlier) return replay(*earlier);
    return outcome.status();
  }
  if (outcome->replayed) return replay(*outcome);
  return ViewFor(caller, *std::move(outcome->claim));
}

std::vector<absl::StatusOr<NewClaim>> ClaimWorkflow::CheckBatch(std::vector<SubmitJob>& jobs) {
  std::vector<int64_t> program_ids;
  std::vector<std::pair<int64_t, int64_t>> pairs;
  std::vector<std::string> skus;
  for (const SubmitJob& job : jobs) {
    const Claim& claim = job.request->claim();
    program_ids.push_back(claim.program_id());
    pairs.emplace_back(claim.program_id(), job.partner_id);
    for (const auto& line : claim.lines()) skus.push_back(line.sku());
  }
  absl::StatusOr<absl::flat_hash_map<int64_t, Program>> programs =
      programs_.GetDefinitions(program_ids);
  absl::StatusOr<EnrolledTerms> enrolled =
      programs.ok() ? programs_.AcceptedTermsVersions(pairs) : programs.status();
  absl::StatusOr<Products> products =
      enrolled.ok() ? products_.FindBySkus(skus) : enrolled.status();
  std::vector<absl::StatusOr<NewClaim>> results;
  for (const SubmitJob& job : jobs) {
    results.push_back(products.ok() ? Prepare(job, *programs, *enrolled, *products)
                                    : absl::StatusOr<NewClaim>(products.status()));
  }
  return results;
}

absl::StatusOr<NewClaim> ClaimWorkflow::Prepare(
    const SubmitJob& job, const absl::flat_hash_map<int64_t, Program>& programs,
    const EnrolledTerms& enrolled, const Products& products) {
  const cim::v1::SubmitClaimRequest& request = *job.request;
  const int64_t program_id = request.claim().program_id();
  auto program = programs.find(program_id);
  if (program == programs.end()) {
    FieldErrors errors;
    errors.Add("claim.program_id",
               Phrase("error.unknown_program").Text("program", absl::StrCat(program_id)));
    return errors.ToStatus();
  }
  if (program->second.status() != cim::v1::PROGRAM_STATUS_ACTIVE) {
    return absl::FailedPreconditionError(
        Phrase("error.program_not_active").Text("program", program->second.name()).str());
  }
  auto accepted = enrolled.find(std::pair(program_id, job.partner_id));
  if (accepted == enrolled.end()) {
    return absl::FailedPreconditionError(
        Phrase("error.not_enrolled").Text("program", program->second.name()).str());
  }
  if (accepted->second < program->second.terms_version()) {
    return absl::FailedPreconditionError(Phrase("error.new_terms")
                                             .Text("program", program->second.name())
                                             .Count("version", program->second.terms_version())
                                             .str());
  }
  NewClaim in{.claim = request.claim(),
              .idempotency_key = request.idempotency_key(),
              .request_hash = job.hash,
              .now = clock_.Now()};
  in.claim.clear_id();
  in.claim.set_partner_id(job.partner_id);
  in.claim.set_submitted_by_user_id(job.caller->user_id);
  in.submitter_name = job.caller->display_name;
  CIM_RETURN_IF_ERROR(
      ValidateContent(in.claim, program->second, job.partner_id, products, &in.attachments));
  in.invoice_key = InvoiceKey(in.claim.invoice_number());
  in.customer_key = CustomerKey(in.claim.customer_name());
  return in;
}

absl::StatusOr<Claim> ClaimWorkflow::Get(const Principal& caller, int64_t claim_id) {
  CIM_RETURN_IF_ERROR(RequireId(claim_id, "claim_id"));
  CIM_ASSIGN_OR_RETURN(Claim claim, claims_.Get(claim_id));
  CIM_RETURN_IF_ERROR(CheckPartnerReadable(caller, claim.partner_id(), "claim", claim_id));
  return ViewFor(caller, std::move(claim));
}

absl::StatusOr<cim::v1::ListClaimsResponse> ClaimWorkflow::List(
    const Principal& caller, const cim::v1::ListClaimsRequest& request) {
  FieldErrors errors;
  const int page_size = PageSize(request.page_size(), errors);
  if (!cim::v1::ClaimStatus_IsValid(request.status())) errors.Add("status", "not a claim status");
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(int64_t before, DecodePageToken(request));
  ClaimFilter filter{.status = request.status(),
                     .program_id = request.program_id(),
                     .partner_id = request.partner_id(),
                     .flagged_only = request.flagged_only()};
  CIM_ASSIGN_OR_RETURN(filter.partner_id, PartnerReadScope(caller, filter.partner_id));
  CIM_ASSIGN_OR_RETURN(std::vector<Claim> rows, claims_.List(filter, before, page_size + 1));
  for (Claim& c : rows) c = ViewFor(caller, std::move(c));
  cim::v1::ListClaimsResponse response;
  response.set_next_page_token(
      FillPage(std::move(rows), page_size, response.mutable_claims(), request));
  return response;
}

absl::StatusOr<Claim> ClaimWorkflow::Resubmit(const Principal& caller,
                                              const cim::v1::ResubmitClaimRequest& request) {
  CIM_RETURN_IF_ERROR(RequireId(request.claim().id(), "claim.id"));
  FieldErrors errors;
  ValidateText(request.comment(), "comment", 0, 2000, errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(const Claim current, Get(caller, request.claim().id()));
  CIM_ASSIGN_OR_RETURN(
      const int64_t partner_id,
      ActingPartner(caller, current.partner_id(), "claim.partner_id", kVendorRefusal, partners_));
  CIM_ASSIGN_OR_RETURN(const Program program, programs_.Get(current.program_id()));
  NewClaim replacement{.claim = request.claim(), .now = clock_.Now()};
  Claim& c = replacement.claim;
  c.set_program_id(current.program_id());
  c.set_partner_id(partner_id);
  c.set_currency_code(current.currency_code());
  std::vector<std::string> skus;
  for (const auto& line : c.lines()) skus.push_back(line.sku());
  CIM_ASSIGN_OR_RETURN(const Products products, products_.FindBySkus(skus));
  CIM_RETURN_IF_ERROR(ValidateContent(c, program, partner_id, products, /*attachments=*/nullptr));
  replacement.invoice_key = InvoiceKey(c.invoice_number());
  replacement.customer_key = CustomerKey(c.customer_name());
  DecideJob job{
      .claim_id = current.id(),
      .actor = caller.user_id,
      .audit = AuditScope::CurrentActor(),
      .now = clock_.Now(),
      .decide = [&](const Claim& locked, const Program&,
                    DecisionContext&) -> absl::StatusOr<ClaimDecision> {
        if (!request.claim().etag().empty() && request.claim().etag() != locked.etag()) {
          return absl::AbortedError("the claim changed since you read it; reload and retry");
        }
        CIM_ASSIGN_OR_RETURN(ClaimStatus to, NextStatus(locked.status(), ClaimAction::kResubmit));
        // A copy: the transaction may run this again after a deadlock.
        return ClaimDecision{.to = to, .comment = request.comment(), .replacement = replacement};
      }};
  CIM_ASSIGN_OR_RETURN(Claim stored, std::move(claims_.DecideMany({job}).front()));
  return ViewFor(caller, std::move(stored));
}

absl::StatusOr<ClaimDecision> ClaimWorkflow::Approve(const Claim& claim, const Program& program,
                                                     int64_t actor, DecisionContext& context) {
  SaleClaim sale = ToSaleClaim(claim);
  if (HasTierUplifts(program)) {
    CIM_ASSIGN_OR_RETURN(sale.partner_tier, context.PartnerTier());
  }
  const DateRange period = ClaimPeriod(program, sale.invoice_date);
  const TotalsKey totals = ApprovalTotals(program, sale.invoice_date);
  CIM_ASSIGN_OR_RETURN(auto locked, context.LockTotals(totals.rule_ids, totals.period_start));
  absl::flat_hash_map<std::string, RuleHistory> history;
  for (const IncentiveRule& rule : program.rules()) {
    if (rule.kind_case() == IncentiveRule::kMdfAllocation) continue;
    const RuleTotals& totals = locked[rule.id()];
    RuleHistory h{.volume = totals.volume,
                  .rebate_posted = totals.rebate_posted,
                  .lump_sum_posted = totals.lump_sum_posted};
    if (rule.kind_case() == IncentiveRule::kGrowth) {
      const DateRange baseline = BaselineOf(period, program.period(), rule.growth().baseline());
      CIM_ASSIGN_OR_RETURN(h.baseline_volume,
                           context.ApprovedSales(GrowthBaselineProgram(program, rule.growth()),
                                                 baseline, RuleSkus(program, rule)));
    }
    history[rule.id()] = h;
  }
  CIM_ASSIGN_OR_RETURN(std::vector<RuleEvaluation> evaluations,
                       EvaluateSaleClaim(program, sale, history));
  ClaimDecision decision{.to = cim::v1::CLAIM_STATUS_APPROVED, .assign_reviewer = true};
  const absl::Time now = clock_.Now();
  for (const RuleEvaluation& evaluation : evaluations) {
    const RuleHistory increment = PeriodIncrement(evaluation);
    TotalsChange change{.rule_id = evaluation.rule_id,
                        .period_start = period.first,
                        .volume = increment.volume,
                        .rebate = increment.rebate_posted,
                        .lump_sum_posted = increment.lump_sum_posted};
    for (const Reward& reward : evaluation.rewards) {
      if (reward.DrawsBudget()) decision.budget_draw += reward.amount;
      decision.postings.push_back(LedgerPosting{
          .partner_id = claim.partner_id(),
          .user_id = claim.submitted_by_user_id(),
          .program_id = program.id(),
          .rules_version = program.rules_version(),
          .rule_id = reward.rule_id,
          .claim_id = claim.id(),
          .account = ToAccount(reward.account),
          .kind = ToKind(reward.kind),
          .unit = reward.account == RewardAccount::kPoints ? kPointsUnit : program.currency_code(),
          .amount = reward.amount,
          .basis = reward.basis,
          .period_start = period.first,
          .created_by = actor,
          .created_at = now,
      });
    }
    decision.totals.push_back(std::move(change));
  }
  return decision;
}

absl::StatusOr<Claim> ClaimWorkflow::Review(const Principal& caller,
                                            const cim::v1::ReviewClaimRequest& request,
                                            ClaimAction action) {
  CIM_RETURN_IF_ERROR(
      RequireRole(caller, {cim::v1::ROLE_CHANNEL_MANAGER, cim::v1::ROLE_PROGRAM_ADMIN}));
  FieldErrors errors;
  if (request.claim_id() <= 0) errors.Add("claim_id", "required");
  ValidateText(request.comment(), "comment",
               action == ClaimAction::kReject || action == ClaimAction::kRequestInfo ? 1 : 0, 2000,
               errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  return reviews_.Run(ReviewJob{.caller = &caller,
                                .request = &request,
                                .action = action,
                                .audit = AuditScope::CurrentActor()});
}

std::vector<absl::StatusOr<Claim>> ClaimWorkflow::ReviewBatch(std::vector<ReviewJob>& jobs) {
  std::vector<DecideJob> decisions;
  const absl::Time now = clock_.Now();
  for (const ReviewJob& job : jobs) {
    DecideJob& d = decisions.emplace_back(DecideJob{.claim_id = job.request->claim_id(),
                                                    .actor = job.caller->user_id,
                                                    .audit = job.audit,
                                                    .now = now});
    d.decide = [this, &job](const Claim& claim, const Program& program,
                            DecisionContext& context) -> absl::StatusOr<ClaimDecision> {
      const cim::v1::ReviewClaimRequest& request = *job.request;
      if (!request.etag().empty() && request.etag() != claim.etag()) {
        return absl::AbortedError("the claim changed since you read it; reload and retry");
      }
      CIM_RETURN_IF_ERROR(
          CheckMayReview(*job.caller, claim.partner_id(), claim.submitted_by_user_id()));
      CIM_ASSIGN_OR_RETURN(ClaimStatus to, NextStatus(claim.status(), job.action));
      if (job.action == ClaimAction::kApprove) {
        CIM_ASSIGN_OR_RETURN(ClaimDecision decision,
                             Approve(claim, program, job.caller->user_id, context));
        decision.comment = request.comment();
        return decision;
      }
      return ClaimDecision{.to = to, .comment = request.comment(), .assign_reviewer = true};
    };
    if (job.action == ClaimAction::kApprove) {
      d.totals = [](const Claim& claim, const Program& program) -> std::optional<TotalsKey> {
        absl::StatusOr<absl::CivilDay> day = ParseDate(claim.invoice_date());
        if (!day.ok()) return std::nullopt;
        return ApprovalTotals(program, *day);
      };
    }
  }
  std::vector<absl::StatusOr<Claim>> results = claims_.DecideMany(decisions);
  for (size_t i = 0; i < jobs.size(); ++i) {
    if (results[i].ok()) results[i] = ViewFor(*jobs[i].caller, *std::move(results[i]));
  }
  return results;
}

absl::StatusOr<Attachment> ClaimWorkflow::Upload(const Principal& caller,
                                                 const cim::v1::AttachmentMetadata& metadata,
                                                 const std::string& bytes) {
  CIM_ASSIGN_OR_RETURN(const int64_t partner_id,
                       ActingPartner(caller, metadata.partner_id(), "metadata.partner_id",
                                     kVendorRefusal, partners_));
  FieldErrors errors;
  ValidateFileName(metadata.filename(), "metadata.filename", errors);
  std::optional<std::string> type = SniffContentType(bytes);
  if (bytes.empty()) {
    errors.Add("chunk", "the file is empty");
  } else if (bytes.size() > kMaxAttachmentBytes) {
    errors.Add("chunk", Phrase("error.file_too_large").Count("mib", kMaxAttachmentBytes >> 20));
  } else if (!type) {
    errors.Add("chunk", "only PDF, PNG and JPEG files are accepted (by content)");
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  Attachment attachment;
  attachment.set_filename(std::string(absl::StripAsciiWhitespace(metadata.filename())));
  attachment.set_content_type(*type);
  attachment.set_size_bytes(static_cast<int64_t>(bytes.size()));
  attachment.set_sha256(Sha256Hex(bytes));
  attachment.set_uploaded_by_user_id(caller.user_id);
  attachment.set_partner_id(partner_id);
  SetTimestamp(clock_.Now(), attachment.mutable_create_time());
  return claims_.CreateAttachment(attachment, bytes);
}

absl::Status ClaimWorkflow::Download(const Principal& caller, int64_t attachment_id,
                                     const std::function<void(const Attachment&)>& on_metadata,
                                     const std::function<bool(const std::string&)>& on_chunk) {
  CIM_RETURN_IF_ERROR(RequireId(attachment_id, "attachment_id"));
  CIM_ASSIGN_OR_RETURN(const Attachment attachment, claims_.GetAttachment(attachment_id));
  CIM_RETURN_IF_ERROR(
      CheckPartnerReadable(caller, attachment.partner_id(), "attachment", attachment_id));
  on_metadata(attachment);
  return claims_.ReadAttachment(attachment_id, on_chunk);
}

absl::Status ClaimWorkflow::Watch(
    const Principal& caller, const cim::v1::WatchClaimEventsRequest& request, absl::Duration poll,
    const std::function<bool(absl::Duration)>& wait,
    const std::function<bool(const cim::v1::ClaimEventNotice&)>& emit) {
  FieldErrors errors;
  if (request.after_event_id() < 0) errors.Add("after_event_id", "must not be negative");
  if (request.claim_id() < 0) errors.Add("claim_id", "must not be negative");
  if (request.program_id() < 0) errors.Add("program_id", "must not be negative");
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  // Partner roles see their own partner's claims only.
  const int64_t partner_id = ReadsAllPartners(caller) ? 0 : caller.partner_id;
  const auto wanted = [&](const cim::v1::ClaimEventNotice& n) {
    return (request.claim_id() == 0 || n.claim_id() == request.claim_id()) &&
           (request.program_id() == 0 || n.program_id() == request.program_id()) &&
           (partner_id == 0 || n.partner_id() == partner_id);
  };
  int64_t after = request.after_event_id();
  if (after == 0) {
    CIM_ASSIGN_OR_RETURN(after, claims_.LastEventId());
  }
  // Events are written by short transactions: fifteen seconds is far longer than any of them
  // (and how much a poll may re-read after a rolled-back id).
  EventCursor cursor(after, absl::Seconds(15));
  constexpr int kPage = 500;
  do {
    // Every event above the settled id, a page at a time.
    const absl::Time now = clock_.Now();
    std::vector<cim::v1::ClaimEventNotice> fresh;
    int64_t from = cursor.settled();
    size_t got = kPage;
    while (got == kPage) {
      // Every claim's events, so that the cursor sees which ids exist.
      CIM_ASSIGN_OR_RETURN(std::vector<cim::v1::ClaimEventNotice> events,
                           claims_.EventsAfter(from, kPage));
      got = events.size();
      for (cim::v1::ClaimEventNotice& event : events) {
        from = event.event_id();
        if (cursor.Offer(from, now) && wanted(event)) fresh.push_back(std::move(event));
      }
    }
    cursor.Settle(now);
    for (cim::v1::ClaimEventNotice& notice : fresh) {
      notice.set_resume_after(std::min(notice.event_id(), cursor.settled()));
      if (!emit(notice)) return absl::OkStatus();
    }
  } while (wait(poll));
  return absl::OkStatus();
}

}  // namespace cim

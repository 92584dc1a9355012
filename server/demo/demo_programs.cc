#include "server/demo/demo_programs.h"

#include <google/protobuf/text_format.h>

#include <algorithm>
#include <functional>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "lib/clock.h"
#include "lib/dates.h"
#include "lib/status_util.h"
#include "server/claim/claim_workflow.h"
#include "server/demo/demo_data.h"
#include "server/demo/demo_program_data.h"
#include "server/fund/fund_workflow.h"
#include "server/payout/payout_workflow.h"
#include "server/program/certification_registry.h"
#include "server/program/product_catalog.h"
#include "server/program/program_directory.h"

namespace cim {
namespace {

using cim::v1::ClaimLine;
using cim::v1::Program;
using demo::ClaimShape;
using demo::ConflictingDeal;
using demo::DemoProduct;
using demo::kClose2025Day;
using demo::kConflictingDeal;
using demo::kCustomerCount;
using demo::kCustomers;
using demo::kDraftProgram;
using demo::kEliteProgram;
using demo::kFinanceEmail;
using demo::kFirstDay;
using demo::kFirstDay2025;
using demo::kFundActivities;
using demo::kFundClaims;
using demo::kFundProgram;
using demo::kGrowthOn2025Rule;
using demo::kJoinedIn2026;
using demo::kLaunchProgram;
using demo::kProducts;
using demo::kProofPdf;
using demo::kRebateClaims;
using demo::kRebateProgram;
using demo::kRebateProgram2025;
using demo::kReviewerEmails;
using demo::kSpifClaims;
using demo::kSpifProgram;

// A small deterministic generator, so every demo load is the same.
class Dice {
 public:
  explicit Dice(uint64_t seed) : state_(seed) {}
  int Below(int n) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state_ >> 33) % static_cast<uint64_t>(n));
  }
  bool Chance(int percent) { return Below(100) < percent; }

 private:
  uint64_t state_;
};

Principal PrincipalOf(const User& user, const std::string& partner_name) {
  return Principal{.user_id = user.id(),
                   .email = user.email(),
                   .display_name = user.display_name(),
                   .role = user.role(),
                   .partner_id = user.partner_id(),
                   .partner_name = partner_name};
}

// The vendor user with `email`, as a caller; NOT_FOUND if there is none.
absl::StatusOr<Principal> VendorStaff(UserRepository& users, const char* email) {
  CIM_ASSIGN_OR_RETURN(UserRecord record, users.GetByEmail(email));
  return PrincipalOf(record.user, "");
}

// A claim line: `quantity` × `sku` at its `list` price less `discount` percent, in cents.
ClaimLine Line(const char* sku, int quantity, const char* list, int discount) {
  ClaimLine l;
  l.set_sku(sku);
  l.set_quantity(quantity);
  const Decimal price =
      Decimal::Parse(list)->PercentOf(Decimal::FromInt(100 - discount)).Rounded(2);
  l.set_unit_price(price.ToString(2));
  return l;
}

struct DemoPartnerPeople {
  Partner partner;
  Principal admin;
  std::vector<Principal> reps;
};

// A sales claim the demo year submits; `index` (its place in the plan) names its idempotency
// key and invoice.
struct PlannedClaim {
  int index = 0;
  int64_t partner_id = 0;
  int64_t program_id = 0;
  Principal rep;
  absl::CivilDay invoice_day;
  std::vector<ClaimLine> lines;
  int customer = 0;  // in kCustomers
  bool with_proof = false;
};

// One thing that happens on a day of the simulated year.
struct Event {
  absl::CivilDay day;
  int order;  // within the day
  std::function<absl::Status()> run;
};

// Seeds the demo programs step by step through the rules classes, on a simulated clock: first
// what exists on the first day (catalog, programs, enrollments), then a plan of the year's
// events (claims and their decisions, a channel conflict, MDF requests, payout runs), run day by
// day. Each step is a member; what the steps share (the rules, the programs, the people, the
// dice, the plan) are the members below.
class DemoProgramsLoader {
 public:
  DemoProgramsLoader(const DemoRepositories& repositories, absl::Time today)
      : r_(repositories),
        today_(DayOf(today)),
        clock_(absl::FromCivil(absl::CivilSecond(kFirstDay), absl::UTCTimeZone())),
        catalog_(r_.products, clock_),
        directory_(r_.programs, r_.products, r_.partners, certifications_, clock_),
        claims_(r_.claims, r_.programs, r_.products, r_.partners, clock_),
        funds_(r_.funds, r_.programs, r_.claims, r_.partners, clock_),
        payouts_(r_.payouts, clock_) {}

  // Seeds everything; what was seeded, or the first error (INTERNAL for an event that failed
  // other than on an exhausted budget).
  absl::StatusOr<DemoProgramSummary> Load();

 private:
  // The first day: who acts, the catalog, the programs, the enrollments.
  absl::Status FindVendorStaff();
  absl::Status ImportProducts();
  absl::Status CreatePrograms();
  absl::StatusOr<Program> CreateProgram(const char* text_proto, bool activate);
  absl::Status CreateProgramsOf2025();
  absl::Status FindPartnerPeople();
  absl::Status EnrollIfEligible(const DemoPartnerPeople& p, const Program& program);
  bool IsEnrolled(const Program& program, int64_t partner_id) const {
    return enrolled_.count({program.id(), partner_id}) > 0;
  }

  // The plan of the year, and of the year before.
  void PlanSalesClaims(const DemoPartnerPeople& p, int month);
  void PlanRebateClaim(const DemoPartnerPeople& p, const Program& program,
                       absl::CivilDay invoice_month, int size);
  void PlanClaimOf2025(const DemoPartnerPeople& p, int month);
  void PlanOneLineClaim(const DemoPartnerPeople& p, const Program& program, int month,
                        const ClaimShape& shape);
  void PlanClaim(const DemoPartnerPeople& p, const Program& program, absl::CivilDay invoice_day,
                 std::vector<ClaimLine> lines, int customer);
  void PlanDecision(int index, const Principal& rep, absl::CivilDay submit_day);
  void PlanReview(absl::CivilDay day, int index, const Principal& reviewer, ClaimAction action,
                  std::string comment);
  void PlanInfoRequest(int index, const Principal& rep, const Principal& reviewer,
                       absl::CivilDay decide_day, int age);
  void PlanChannelConflict();
  const DemoPartnerPeople* RebateDistributorOf(const DemoPartnerPeople& reseller) const;
  void PlanFundRequests();
  void PlanFundRequest(const Principal& admin, int n, absl::CivilDay asked);
  void PlanFundDecision(absl::CivilDay day, int n, const Principal& reviewer, FundAction action,
                        std::string comment);
  void PlanPayoutRuns(int year, int last_quarter);

  // The events of the year.
  absl::Status SubmitClaim(const PlannedClaim& plan);
  absl::Status ReviewClaim(int index, const Principal& reviewer, ClaimAction action,
                           const std::string& comment);
  absl::Status ResubmitWithSerials(int index, const Principal& rep);
  absl::Status SubmitConflictingClaim(const Principal& rep, absl::CivilDay day);
  absl::Status CreateFundRequest(const Principal& admin, int n);
  absl::Status DecideFundRequest(int n, const Principal& reviewer, FundAction action,
                                 const std::string& comment);
  absl::Status SubmitReimbursement(const Principal& admin, int n);
  absl::Status PayQuarter(int quarter, absl::CivilDay period_start, absl::CivilDay period_end);
  absl::Status RunEvents();

  // Moves the simulated clock to `hour` o'clock (UTC) on `day`.
  void SetDay(absl::CivilDay day, int hour);

  const DemoRepositories r_;
  const absl::CivilDay today_;  // events after it are left out
  FakeClock clock_;
  NoCertifications certifications_;
  ProductCatalog catalog_;
  ProgramDirectory directory_;
  ClaimWorkflow claims_;
  FundWorkflow funds_;
  PayoutWorkflow payouts_;
  const std::string proof_pdf_ = kProofPdf;

  Principal program_admin_;
  Principal finance_;
  std::vector<Principal> reviewers_;
  Program rebate_;
  Program spif_;
  Program fund_;
  Program rebate_2025_;                             // last year's, closed at the start of this year
  std::vector<DemoPartnerPeople> people_;           // partners with an admin and reps
  std::set<std::pair<int64_t, int64_t>> enrolled_;  // (program, partner)
  // This year's draws come from their own dice, so last year's history leaves them as they were.
  Dice dice_2026_{20260101};
  Dice dice_2025_{20250101};
  Dice* dice_ = &dice_2026_;
  std::vector<Event> events_;
  int planned_claims_ = 0;
  std::map<int, int64_t> claim_ids_;         // plan index → claim id
  std::map<int, int64_t> fund_request_ids_;  // n → fund request id
  DemoProgramSummary summary_;
};

absl::StatusOr<DemoProgramSummary> DemoProgramsLoader::Load() {
  CIM_RETURN_IF_ERROR(FindVendorStaff());
  SetDay(kFirstDay, 9);  // catalog and programs first thing on the first working day
  CIM_RETURN_IF_ERROR(ImportProducts());
  CIM_RETURN_IF_ERROR(CreatePrograms());
  CIM_RETURN_IF_ERROR(FindPartnerPeople());
  for (const DemoPartnerPeople& p : people_) {
    for (const Program* program : {&rebate_, &spif_, &fund_}) {
      CIM_RETURN_IF_ERROR(EnrollIfEligible(p, *program));
    }
  }
  // The year's plan, in the order its events were always planned (events of one day and order
  // run in plan order).
  for (int month = 1; month <= 11; ++month) {
    for (const DemoPartnerPeople& p : people_) PlanSalesClaims(p, month);
  }
  PlanChannelConflict();
  PlanFundRequests();
  PlanPayoutRuns(2026, 3);
  // The year before, with dice of its own: the 2025 rebate program's enrollments, claims (all
  // decided), quarterly statements, and its closing in January.
  dice_ = &dice_2025_;
  for (const DemoPartnerPeople& p : people_) {
    CIM_RETURN_IF_ERROR(EnrollIfEligible(p, rebate_2025_));
  }
  for (int month = 1; month <= 12; ++month) {
    for (const DemoPartnerPeople& p : people_) PlanClaimOf2025(p, month);
  }
  PlanPayoutRuns(2025, 4);
  events_.push_back({kClose2025Day, 8, [this] {
                       return directory_
                           .ChangeStatus(program_admin_, rebate_2025_.id(), "",
                                         cim::v1::PROGRAM_STATUS_CLOSED)
                           .status();
                     }});
  dice_ = &dice_2026_;
  CIM_RETURN_IF_ERROR(RunEvents());
  return summary_;
}

// --- The first day ------------------------------------------------------------------------------

// Finds the program admin, finance and the channel managers who review.
absl::Status DemoProgramsLoader::FindVendorStaff() {
  CIM_ASSIGN_OR_RETURN(program_admin_, VendorStaff(r_.users, kDemoProgramAdminEmail));
  CIM_ASSIGN_OR_RETURN(finance_, VendorStaff(r_.users, kFinanceEmail));
  for (const char* email : kReviewerEmails) {
    CIM_ASSIGN_OR_RETURN(Principal reviewer, VendorStaff(r_.users, email));
    reviewers_.push_back(std::move(reviewer));
  }
  return absl::OkStatus();
}

// Seeds the product catalog (kProducts, in EUR).
absl::Status DemoProgramsLoader::ImportProducts() {
  cim::v1::ImportProductsRequest import;
  for (const DemoProduct& p : kProducts) {
    Product* product = import.add_products();
    product->set_sku(p.sku);
    product->set_name(p.name);
    product->set_category(p.category);
    product->set_currency_code("EUR");
    product->set_list_price(p.list_price);
    product->set_unit_cost(p.unit_cost);
  }
  CIM_ASSIGN_OR_RETURN(auto imported, catalog_.ImportProducts(program_admin_, import));
  summary_.products = imported.created_count();
  return absl::OkStatus();
}

// Seeds the rebate, SPIF and MDF/co-op programs (active), the 2027 draft, and last year's
// rebate program that this year's growth rule compares with.
absl::Status DemoProgramsLoader::CreatePrograms() {
  CIM_ASSIGN_OR_RETURN(rebate_, CreateProgram(kRebateProgram, false));
  CIM_ASSIGN_OR_RETURN(spif_, CreateProgram(kSpifProgram, true));
  CIM_ASSIGN_OR_RETURN(fund_, CreateProgram(kFundProgram, true));
  // Published for partners to find and join (no one is enrolled by the seed).
  CIM_RETURN_IF_ERROR(CreateProgram(kLaunchProgram, true).status());
  CIM_RETURN_IF_ERROR(CreateProgram(kEliteProgram, true).status());
  CIM_RETURN_IF_ERROR(CreateProgram(kDraftProgram, false).status());
  return CreateProgramsOf2025();
}

// Seeds the 2025 rebate program (dated a fortnight before 2025, its ids after this year's), and
// gives this year's rebate program its growth rule on 2025 before it goes live.
absl::Status DemoProgramsLoader::CreateProgramsOf2025() {
  SetDay(kFirstDay2025 - 14, 9);
  CIM_ASSIGN_OR_RETURN(rebate_2025_, CreateProgram(kRebateProgram2025, true));
  SetDay(kFirstDay, 9);
  cim::v1::IncentiveRule growth;
  if (!google::protobuf::TextFormat::ParseFromString(kGrowthOn2025Rule, &growth)) {
    return absl::InternalError("demo growth rule text does not parse");
  }
  growth.mutable_growth()->set_baseline_program_id(rebate_2025_.id());
  Program rules;
  rules.set_id(rebate_.id());
  *rules.mutable_rules() = rebate_.rules();
  *rules.add_rules() = std::move(growth);
  google::protobuf::FieldMask mask;
  mask.add_paths("rules");
  CIM_ASSIGN_OR_RETURN(rebate_, directory_.UpdateProgram(program_admin_, rules, mask));
  CIM_ASSIGN_OR_RETURN(rebate_, directory_.ChangeStatus(program_admin_, rebate_.id(), "",
                                                        cim::v1::PROGRAM_STATUS_ACTIVE));
  return absl::OkStatus();
}

// Creates the program `text_proto` describes, and activates it if `activate`.
absl::StatusOr<Program> DemoProgramsLoader::CreateProgram(const char* text_proto, bool activate) {
  Program program;
  if (!google::protobuf::TextFormat::ParseFromString(text_proto, &program)) {
    return absl::InternalError("demo program text does not parse");
  }
  CIM_ASSIGN_OR_RETURN(program, directory_.CreateProgram(program_admin_, program));
  ++summary_.programs;
  if (!activate) return program;
  return directory_.ChangeStatus(program_admin_, program.id(), "", cim::v1::PROGRAM_STATUS_ACTIVE);
}

// Finds each partner's admin and reps; partners without both take no part.
absl::Status DemoProgramsLoader::FindPartnerPeople() {
  CIM_ASSIGN_OR_RETURN(std::vector<Partner> partners, r_.partners.List(PartnerFilter{}, 0, 500));
  for (const Partner& partner : partners) {
    DemoPartnerPeople entry{.partner = partner};
    CIM_ASSIGN_OR_RETURN(std::vector<User> users,
                         r_.users.List(UserFilter{.partner_id = partner.id()}, 0, 500));
    for (const User& u : users) {
      if (u.role() == cim::v1::ROLE_PARTNER_ADMIN) entry.admin = PrincipalOf(u, partner.name());
      if (u.role() == cim::v1::ROLE_PARTNER_REP) {
        entry.reps.push_back(PrincipalOf(u, partner.name()));
      }
    }
    if (entry.admin.user_id == 0 || entry.reps.empty()) continue;
    people_.push_back(std::move(entry));
  }
  return absl::OkStatus();
}

// Seeds the enrollment of `p` in `program` if eligible (one in ten eligible stays out), on one
// of the first 20 days of the program's year.
absl::Status DemoProgramsLoader::EnrollIfEligible(const DemoPartnerPeople& p,
                                                  const Program& program) {
  cim::v1::CheckEligibilityRequest check;
  check.set_program_id(program.id());
  check.set_partner_id(p.partner.id());
  CIM_ASSIGN_OR_RETURN(auto eligibility, directory_.CheckEligibility(program_admin_, check));
  if (!eligibility.eligible() || dice_->Chance(10)) return absl::OkStatus();
  const absl::CivilDay first_day = program.id() == rebate_2025_.id() ? kFirstDay2025 : kFirstDay;
  SetDay(first_day + dice_->Below(20), 11);
  cim::v1::EnrollPartnerRequest enroll;
  enroll.set_program_id(program.id());
  enroll.set_accepted_terms_version(eligibility.terms_version());
  CIM_RETURN_IF_ERROR(directory_.EnrollPartner(p.admin, enroll).status());
  enrolled_.insert({program.id(), p.partner.id()});
  ++summary_.enrollments;
  return absl::OkStatus();
}

// --- The plan of the year -----------------------------------------------------------------------
// The dice are drawn in a fixed order: each draw is its own statement. (The first version drew
// several within one call's arguments, in the order GCC evaluates them, right to left; the
// order below is that one, so the data set is unchanged, and no longer up to the compiler.)

// Plans `p`'s sales claims of `month` in the programs it joined: rebate claims more often the
// bigger its tier, SPIF claims from February, co-op claims now and then.
void DemoProgramsLoader::PlanSalesClaims(const DemoPartnerPeople& p, int month) {
  const int64_t id = p.partner.id();
  const int size = p.partner.tier() == "platinum" ? 3 : (p.partner.tier() == "gold" ? 2 : 1);
  if (IsEnrolled(rebate_, id) && dice_->Chance(25 + 10 * size)) {
    PlanRebateClaim(p, rebate_, absl::CivilDay(2026, month, 1), size);
  }
  if (month >= 2 && IsEnrolled(spif_, id) && dice_->Chance(30)) {
    PlanOneLineClaim(p, spif_, month, kSpifClaims);
  }
  if (IsEnrolled(fund_, id) && dice_->Chance(15)) PlanOneLineClaim(p, fund_, month, kFundClaims);
}

// Plans a rebate claim in `program` of one or two storage and server lines of up to `size` units
// each, invoiced in the month starting `invoice_month`.
void DemoProgramsLoader::PlanRebateClaim(const DemoPartnerPeople& p, const Program& program,
                                         absl::CivilDay invoice_month, int size) {
  const ClaimShape& shape = kRebateClaims;
  std::vector<ClaimLine> lines;
  const int count = 1 + dice_->Below(2);
  for (int i = 0; i < count; ++i) {
    const DemoProduct& product = kProducts[shape.first_product + dice_->Below(shape.products)];
    const int discount = shape.min_discount + dice_->Below(shape.discount_range);
    const int quantity = shape.min_units + dice_->Below(size);
    lines.push_back(Line(product.sku, quantity, product.list_price, discount));
  }
  const int customer = dice_->Below(kCustomerCount);
  const absl::CivilDay invoice_day = invoice_month + dice_->Below(27);
  PlanClaim(p, program, invoice_day, std::move(lines), customer);
}

// Plans `p`'s 2025 rebate claim of `month`, if it joined that program: a little less often than
// this year's (so most partners grew), each decided within days, by the reps it had then.
void DemoProgramsLoader::PlanClaimOf2025(const DemoPartnerPeople& p, int month) {
  const int size = p.partner.tier() == "platinum" ? 3 : (p.partner.tier() == "gold" ? 2 : 1);
  if (!IsEnrolled(rebate_2025_, p.partner.id()) || !dice_->Chance(20 + 8 * size)) return;
  DemoPartnerPeople then = p;
  std::erase_if(then.reps, [](const Principal& rep) {
    return std::find(std::begin(kJoinedIn2026), std::end(kJoinedIn2026), rep.email) !=
           std::end(kJoinedIn2026);
  });
  if (then.reps.empty()) then.reps.push_back(p.admin);
  PlanRebateClaim(then, rebate_2025_, absl::CivilDay(2025, month, 1), size);
}

// Plans a claim of one line in `program`, drawn as `shape` says.
void DemoProgramsLoader::PlanOneLineClaim(const DemoPartnerPeople& p, const Program& program,
                                          int month, const ClaimShape& shape) {
  const DemoProduct& product = kProducts[shape.first_product + dice_->Below(shape.products)];
  const int customer = dice_->Below(kCustomerCount);
  const int discount = shape.min_discount + dice_->Below(shape.discount_range);
  const int quantity = shape.min_units + dice_->Below(shape.unit_range);
  const absl::CivilDay invoice_day(2026, month, 1 + dice_->Below(27));
  PlanClaim(p, program, invoice_day, {Line(product.sku, quantity, product.list_price, discount)},
            customer);
}

// Plans the submission of a claim by one of `p`'s reps 1 to 4 days after its invoice (none if
// that is after today), with a proof of sale two times in five, and what happens next.
void DemoProgramsLoader::PlanClaim(const DemoPartnerPeople& p, const Program& program,
                                   absl::CivilDay invoice_day, std::vector<ClaimLine> lines,
                                   int customer) {
  const int index = planned_claims_++;
  const absl::CivilDay submit_day = invoice_day + 1 + dice_->Below(4);
  if (submit_day > today_) return;
  PlannedClaim claim{.index = index,
                     .partner_id = p.partner.id(),
                     .program_id = program.id(),
                     .invoice_day = invoice_day,
                     .lines = std::move(lines),
                     .customer = customer};
  claim.rep = p.reps[dice_->Below(static_cast<int>(p.reps.size()))];
  claim.with_proof = dice_->Chance(40);
  const Principal rep = claim.rep;
  events_.push_back(
      {submit_day, 1, [this, claim = std::move(claim)] { return SubmitClaim(claim); }});
  PlanDecision(index, rep, submit_day);
}

// Plans what happens to submitted claim `index`: recent claims are still open; older ones are
// mostly approved, some rejected, some sent back for information.
void DemoProgramsLoader::PlanDecision(int index, const Principal& rep, absl::CivilDay submit_day) {
  const int age = static_cast<int>(today_ - submit_day);
  const Principal reviewer = reviewers_[dice_->Below(static_cast<int>(reviewers_.size()))];
  const int roll = dice_->Below(100);
  absl::CivilDay decide_day = submit_day + 2 + dice_->Below(8);
  // Waiting for a reviewer (last year's claims were all decided).
  if (age < 6 || (roll < 4 && submit_day >= kFirstDay)) return;
  if (decide_day > today_) decide_day = today_;
  if (age < 21 && roll < 35) {
    PlanReview(decide_day, index, reviewer, ClaimAction::kStartReview, "");
  } else if (roll < 12) {
    PlanReview(decide_day, index, reviewer, ClaimAction::kReject,
               "The invoice shows a different end customer than the claim.");
  } else if (roll < 20) {
    PlanInfoRequest(index, rep, reviewer, decide_day, age);
  } else {
    PlanReview(decide_day, index, reviewer, ClaimAction::kApprove, "");
  }
}

// Plans `reviewer`'s `action` on claim `index` on `day`.
void DemoProgramsLoader::PlanReview(absl::CivilDay day, int index, const Principal& reviewer,
                                    ClaimAction action, std::string comment) {
  events_.push_back({day, 2, [this, index, reviewer, action, comment = std::move(comment)] {
                       return ReviewClaim(index, reviewer, action, comment);
                     }});
}

// Plans a request for the serial numbers and, for claims old enough that the partner has
// answered, the resubmission with them and the approval.
void DemoProgramsLoader::PlanInfoRequest(int index, const Principal& rep, const Principal& reviewer,
                                         absl::CivilDay decide_day, int age) {
  PlanReview(decide_day, index, reviewer, ClaimAction::kRequestInfo,
             "Please attach the invoice PDF showing the serial numbers.");
  const absl::CivilDay resubmit_day = decide_day + 2;
  if (resubmit_day > today_ || age < 30) return;  // the partner has not answered yet
  events_.push_back(
      {resubmit_day, 3, [this, index, rep] { return ResubmitWithSerials(index, rep); }});
  PlanReview(resubmit_day + 3, index, reviewer, ClaimAction::kApprove, "Thanks, approved.");
}

// Plans a channel conflict: the first reseller in the rebate program whose distributor is in it
// too, and that distributor, claim the same deal on the same day.
void DemoProgramsLoader::PlanChannelConflict() {
  for (const DemoPartnerPeople& reseller : people_) {
    const DemoPartnerPeople* distributor = RebateDistributorOf(reseller);
    if (distributor == nullptr) continue;
    const absl::CivilDay day = std::min(today_ - 9, absl::CivilDay(2026, 11, 12));
    for (const DemoPartnerPeople* p : {distributor, &reseller}) {
      events_.push_back({day, 1, [this, rep = p->reps.front(), day] {
                           return SubmitConflictingClaim(rep, day);
                         }});
    }
    return;
  }
}

// The parent partner of `reseller` if both are enrolled in the rebate program; nullptr if not.
const DemoPartnerPeople* DemoProgramsLoader::RebateDistributorOf(
    const DemoPartnerPeople& reseller) const {
  const int64_t parent_id = reseller.partner.parent_partner_id();
  if (parent_id == 0 || !IsEnrolled(rebate_, reseller.partner.id())) return nullptr;
  const auto parent = std::find_if(people_.begin(), people_.end(), [&](const DemoPartnerPeople& p) {
    return p.partner.id() == parent_id;
  });
  if (parent == people_.end() || !IsEnrolled(rebate_, parent->partner.id())) return nullptr;
  return &*parent;
}

// Plans the MDF requests of the first partners in the fund program (one per activity in
// kFundActivities), a month apart from March.
void DemoProgramsLoader::PlanFundRequests() {
  int n = 0;
  for (const DemoPartnerPeople& p : people_) {
    if (!IsEnrolled(fund_, p.partner.id()) || n >= static_cast<int>(std::size(kFundActivities))) {
      continue;
    }
    const absl::CivilDay asked(2026, 3 + n, 3);
    if (asked > today_) break;
    PlanFundRequest(p.admin, n++, asked);
  }
}

// Plans MDF request `n`, asked by `admin` on `asked`: the first three are pre-approved, run and
// reimbursed against proof; the fourth approved with its activity still to come; the fifth
// rejected; the sixth waits for pre-approval.
void DemoProgramsLoader::PlanFundRequest(const Principal& admin, int n, absl::CivilDay asked) {
  events_.push_back({asked, 1, [this, admin, n] { return CreateFundRequest(admin, n); }});
  const Principal& reviewer = reviewers_[n % reviewers_.size()];
  if (n == 5) return;  // waiting for pre-approval
  if (n == 4) {
    PlanFundDecision(asked + 3, n, reviewer, FundAction::kReject,
                     "Paid search is not MDF-eligible this year.");
    return;
  }
  PlanFundDecision(asked + 3, n, reviewer, FundAction::kApprove, "Approved, enjoy the event.");
  if (n == 3) return;  // approved, activity still to come
  const absl::CivilDay claimed(2026, 4 + n, 20);
  events_.push_back({claimed, 1, [this, admin, n] { return SubmitReimbursement(admin, n); }});
  PlanFundDecision(claimed + 4, n, reviewer, FundAction::kApproveReimbursement, "");
}

// Plans `reviewer`'s `action` on MDF request `n` on `day`.
void DemoProgramsLoader::PlanFundDecision(absl::CivilDay day, int n, const Principal& reviewer,
                                          FundAction action, std::string comment) {
  events_.push_back({day, 2, [this, n, reviewer, action, comment = std::move(comment)] {
                       return DecideFundRequest(n, reviewer, action, comment);
                     }});
}

// Plans the payout run of each quarter of `year` up to `last_quarter`, 6 days after it ends (the
// fourth 4 weeks after, once the year's last claims are decided), if 4 more days have passed by
// today.
void DemoProgramsLoader::PlanPayoutRuns(int year, int last_quarter) {
  for (int quarter = 1; quarter <= last_quarter; ++quarter) {
    const absl::CivilDay period_start(year, 3 * quarter - 2, 1);
    // Month 13 is January of the next year (civil times normalise).
    const absl::CivilDay period_end = absl::CivilDay(year, 3 * quarter + 1, 1) - 1;
    const absl::CivilDay run_day = period_end + (quarter == 4 ? 28 : 6);
    if (run_day + 4 > today_) break;
    events_.push_back({run_day, 9, [this, quarter, period_start, period_end] {
                         return PayQuarter(quarter, period_start, period_end);
                       }});
  }
}

// --- The events of the year ---------------------------------------------------------------------

// Seeds a planned claim (and its proof of sale, if planned).
absl::Status DemoProgramsLoader::SubmitClaim(const PlannedClaim& plan) {
  cim::v1::SubmitClaimRequest request;
  request.set_idempotency_key(absl::StrCat("demo-claim-", plan.index));
  Claim* c = request.mutable_claim();
  c->set_program_id(plan.program_id);
  c->set_invoice_number(absl::StrCat("INV-", plan.invoice_day.year(), "-",
                                     10000 + plan.partner_id * 100 + plan.index % 100, "-",
                                     plan.index));
  c->set_invoice_date(FormatDate(plan.invoice_day));
  c->set_customer_name(kCustomers[plan.customer].name);
  c->set_customer_country(kCustomers[plan.customer].country);
  c->set_currency_code("EUR");
  for (const ClaimLine& line : plan.lines) *c->add_lines() = line;
  if (plan.with_proof) {
    cim::v1::AttachmentMetadata metadata;
    metadata.set_filename(absl::StrCat("invoice-", plan.index, ".pdf"));
    CIM_ASSIGN_OR_RETURN(Attachment proof, claims_.Upload(plan.rep, metadata, proof_pdf_));
    c->add_attachment_ids(proof.id());
  }
  CIM_ASSIGN_OR_RETURN(Claim claim, claims_.Submit(plan.rep, request));
  claim_ids_[plan.index] = claim.id();
  ++summary_.claims;
  return absl::OkStatus();
}

// Seeds a review decision on claim `index`.
absl::Status DemoProgramsLoader::ReviewClaim(int index, const Principal& reviewer,
                                             ClaimAction action, const std::string& comment) {
  cim::v1::ReviewClaimRequest request;
  request.set_claim_id(claim_ids_[index]);
  request.set_comment(comment);
  CIM_RETURN_IF_ERROR(claims_.Review(reviewer, request, action).status());
  if (action == ClaimAction::kApprove) ++summary_.approved;
  return absl::OkStatus();
}

// Seeds the partner's answer to a request for information: claim `index` again, with the
// invoice showing the serial numbers.
absl::Status DemoProgramsLoader::ResubmitWithSerials(int index, const Principal& rep) {
  CIM_ASSIGN_OR_RETURN(Claim current, claims_.Get(rep, claim_ids_[index]));
  cim::v1::AttachmentMetadata metadata;
  metadata.set_filename(absl::StrCat("invoice-", index, "-serials.pdf"));
  CIM_ASSIGN_OR_RETURN(Attachment proof, claims_.Upload(rep, metadata, proof_pdf_));
  cim::v1::ResubmitClaimRequest request;
  *request.mutable_claim() = current;
  request.mutable_claim()->add_attachment_ids(proof.id());
  request.set_comment("Attached the invoice with serial numbers.");
  return claims_.Resubmit(rep, request).status();
}

// Seeds `rep`'s claim of kConflictingDeal, invoiced the day before `day`.
absl::Status DemoProgramsLoader::SubmitConflictingClaim(const Principal& rep, absl::CivilDay day) {
  const ConflictingDeal& deal = kConflictingDeal;
  cim::v1::SubmitClaimRequest request;
  request.set_idempotency_key(absl::StrCat("demo-conflict-", rep.partner_id));
  Claim* c = request.mutable_claim();
  c->set_program_id(rebate_.id());
  c->set_invoice_number(deal.invoice_number);
  c->set_invoice_date(FormatDate(day - 1));
  c->set_customer_name(deal.customer_name);
  c->set_customer_country(deal.customer_country);
  c->set_currency_code("EUR");
  *c->add_lines() = Line(deal.sku, deal.quantity, deal.list_price, deal.discount_percent);
  CIM_RETURN_IF_ERROR(claims_.Submit(rep, request).status());
  ++summary_.claims;
  return absl::OkStatus();
}

// Seeds MDF request `n` (kFundActivities[n]) of `admin`'s partner.
absl::Status DemoProgramsLoader::CreateFundRequest(const Principal& admin, int n) {
  FundRequest request;
  request.set_program_id(fund_.id());
  request.set_fund(cim::v1::LEDGER_ACCOUNT_MDF_FUND);
  request.set_activity(kFundActivities[n]);
  request.set_description("Leads go to the vendor's CRM within a week.");
  request.set_planned_cost(absl::StrCat(1500 + 500 * n));
  request.set_start_date(FormatDate(absl::CivilDay(2026, 4 + n, 10)));
  request.set_end_date(FormatDate(absl::CivilDay(2026, 4 + n, 12)));
  CIM_ASSIGN_OR_RETURN(FundRequest stored, funds_.Create(admin, request));
  fund_request_ids_[n] = stored.id();
  return absl::OkStatus();
}

// Seeds a decision on MDF request `n`.
absl::Status DemoProgramsLoader::DecideFundRequest(int n, const Principal& reviewer,
                                                   FundAction action, const std::string& comment) {
  cim::v1::DecideFundRequestRequest decision;
  decision.set_fund_request_id(fund_request_ids_[n]);
  decision.set_comment(comment);
  return funds_.Decide(reviewer, decision, action).status();
}

// Seeds the reimbursement claim of MDF request `n`, with its proof of performance.
absl::Status DemoProgramsLoader::SubmitReimbursement(const Principal& admin, int n) {
  cim::v1::AttachmentMetadata metadata;
  metadata.set_filename("event-photos.pdf");
  CIM_ASSIGN_OR_RETURN(Attachment proof, claims_.Upload(admin, metadata, proof_pdf_));
  cim::v1::SubmitReimbursementRequest claim;
  claim.set_fund_request_id(fund_request_ids_[n]);
  claim.set_actual_cost(absl::StrCat(1400 + 520 * n));
  claim.add_attachment_ids(proof.id());
  claim.set_notes("Photos, attendee list and invoices attached.");
  return funds_.SubmitReimbursement(admin, claim).status();
}

// Seeds a quarter's payout run and pays its statements (in this year's Q3 every other one stays
// open).
absl::Status DemoProgramsLoader::PayQuarter(int quarter, absl::CivilDay period_start,
                                            absl::CivilDay period_end) {
  cim::v1::CreatePayoutRunRequest request;
  request.set_period_start(FormatDate(period_start));
  request.set_period_end(FormatDate(period_end));
  request.set_idempotency_key(absl::StrCat("demo-payout-", FormatDate(period_end)));
  CIM_ASSIGN_OR_RETURN(PayoutRun run, payouts_.CreateRun(finance_, request));
  summary_.statements += run.statements_size();
  int n = 0;
  for (const Statement& s : run.statements()) {
    // This year's third quarter is still being paid: every other statement stays open.
    if (quarter == 3 && period_start.year() == kFirstDay.year() && n++ % 2 == 1) continue;
    cim::v1::MarkStatementPaidRequest pay;
    pay.set_statement_id(s.id());
    pay.set_payment_reference(
        absl::StrCat("SEPA-", period_start.year(), "-Q", quarter, "-", s.id()));
    CIM_RETURN_IF_ERROR(payouts_.MarkPaid(finance_, pay).status());
  }
  return absl::OkStatus();
}

// Runs the planned events day by day (within a day by order, then as planned), each at 9 + its
// order o'clock. A budget that ran dry refuses approvals, as it would in production; any other
// failure is a bug in the demo data: INTERNAL.
absl::Status DemoProgramsLoader::RunEvents() {
  std::stable_sort(events_.begin(), events_.end(), [](const Event& a, const Event& b) {
    return a.day != b.day ? a.day < b.day : a.order < b.order;
  });
  for (const Event& event : events_) {
    SetDay(event.day, 9 + event.order);
    absl::Status status = event.run();
    const bool budget_ran_dry =
        absl::IsFailedPrecondition(status) && absl::StrContains(status.message(), "budget");
    if (!status.ok() && !budget_ran_dry) {
      return absl::InternalError(
          absl::StrCat("demo event on ", FormatDate(event.day), " failed: ", status.ToString()));
    }
  }
  return absl::OkStatus();
}

void DemoProgramsLoader::SetDay(absl::CivilDay day, int hour) {
  clock_.Advance(absl::FromCivil(absl::CivilSecond(day.year(), day.month(), day.day(), hour, 0, 0),
                                 absl::UTCTimeZone()) -
                 clock_.Now());
}

}  // namespace

absl::StatusOr<DemoProgramSummary> LoadDemoPrograms(const DemoRepositories& repositories,
                                                    absl::Time today) {
  DemoProgramsLoader loader(repositories, today);
  return loader.Load();
}

}  // namespace cim

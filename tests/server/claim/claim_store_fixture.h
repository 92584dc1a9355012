// The fixture the claim store and claim workflow tests share: a database of the test's own with
// two partners (Alpha, Bravo), vendor staff, partner users and a service account, the products
// ST-100, ST-200 and XX-9, an active rebate program (2% / 3% above 10000 EUR retroactive, 0.1
// points per EUR, 1% co-op; quarters of 2026) both partners joined, the real MariaDB stores,
// a recorder of the changes each transaction tells its commit hooks, claims as the workflow
// hands them to the store, review decisions for DecideMany, and small SQL helpers; and that
// world with the claim workflow on it (ClaimWorkflowTestBase).
#ifndef CIM_TESTS_SERVER_CLAIM_CLAIM_STORE_FIXTURE_H_
#define CIM_TESTS_SERVER_CLAIM_CLAIM_STORE_FIXTURE_H_

#include <google/protobuf/text_format.h>
#include <soci/soci.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/time/time.h"
#include "cim/v1/claim.pb.h"
#include "cim/v1/identity.pb.h"
#include "cim/v1/program.pb.h"
#include "gtest/gtest.h"
#include "lib/clock.h"
#include "lib/principal.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/claim/claim_rules.h"
#include "server/claim/claim_workflow.h"
#include "server/claim/mysql_claim_repository.h"
#include "server/db/mysql_database.h"
#include "server/identity/mysql_partner_repository.h"
#include "server/program/mysql_product_repository.h"
#include "server/program/mysql_program_repository.h"
#include "tests/testing/announced_changes.h"
#include "tests/testing/test_database.h"

namespace cim {

// Retroactive rebate 2% (3% from 10000 EUR a quarter), 0.1 points per EUR and 1% co-op on
// ST-100 and ST-200 sold in 2026.
inline constexpr char kRebateProgram[] = R"pb(
  name: "Storage Rebate 2026"
  currency_code: "EUR"
  budget: "100000"
  start_date: "2026-01-01"
  end_date: "2026-12-31"
  period: PROGRAM_PERIOD_QUARTER
  terms: "Terms"
  eligible_skus: [ "ST-100", "ST-200" ]
  rules {
    id: "rebate"
    name: "Volume rebate"
    rebate {
      mode: REBATE_MODE_RETROACTIVE
      tiers { min_volume: "0" percent: "2" }
      tiers { min_volume: "10000" percent: "3" }
    }
  }
  rules {
    id: "points"
    name: "Points"
    points { points_per_currency_unit: "0.1" }
  }
  rules {
    id: "coop"
    name: "Co-op"
    coop_accrual { percent: "1" }
  }
)pb";

class ClaimStoreTest : public ::testing::Test {
 protected:
  // The first quarter of 2026: the program's first period.
  static constexpr absl::CivilDay kQ1 = absl::CivilDay(2026, 1, 1);
  // 2026-03-02 09:00:00 UTC (DATETIME keeps whole seconds).
  static constexpr int64_t kT0Seconds = 1772442000;
  static absl::Time T0() { return absl::FromUnixSeconds(kT0Seconds); }

  static constexpr int64_t kAlpha = 1;
  static constexpr int64_t kBravo = 2;
  // Vera (channel manager) and Paul (program admin) of the vendor; Ann (admin) and Rob (rep) of
  // Alpha; Bea (admin) of Bravo; Sam, the ERP's service account.
  static constexpr int64_t kVera = 1;
  static constexpr int64_t kPaul = 2;
  static constexpr int64_t kAnn = 3;
  static constexpr int64_t kRob = 4;
  static constexpr int64_t kBea = 5;
  static constexpr int64_t kSam = 6;

  void SetUp() override {
    Exec(
        "INSERT INTO partners (name, type, tier, region, status, created_at, updated_at) VALUES"
        " ('Alpha Systems', 2, 'gold', 'EMEA', 1, NOW(), NOW()),"
        " ('Bravo IT', 2, 'silver', 'NA', 1, NOW(), NOW())");
    const int active = cim::v1::USER_STATUS_ACTIVE;
    Exec(absl::StrCat(
        "INSERT INTO users (email, display_name, role, partner_id, status, created_at,"
        " updated_at) VALUES ('vera@vendor.example', 'Vera', ",
        cim::v1::ROLE_CHANNEL_MANAGER, ", NULL, ", active,
        ", NOW(), NOW()), ('paul@vendor.example', 'Paul', ", cim::v1::ROLE_PROGRAM_ADMIN,
        ", NULL, ", active, ", NOW(), NOW()), ('ann@alpha.example', 'Ann', ",
        cim::v1::ROLE_PARTNER_ADMIN, ", 1, ", active,
        ", NOW(), NOW()), ('rob@alpha.example', 'Rob', ", cim::v1::ROLE_PARTNER_REP, ", 1, ",
        active, ", NOW(), NOW()), ('bea@bravo.example', 'Bea', ", cim::v1::ROLE_PARTNER_ADMIN,
        ", 2, ", active, ", NOW(), NOW()), ('erp@vendor.example', 'ERP', ",
        cim::v1::ROLE_SERVICE_ACCOUNT, ", NULL, ", active, ", NOW(), NOW())"));
    std::vector<cim::v1::Product> products;
    for (const char* sku : {"ST-100", "ST-200", "XX-9"}) {
      cim::v1::Product& p = products.emplace_back();
      p.set_sku(sku);
      p.set_name(sku);
      p.set_currency_code("EUR");
      p.set_list_price("1000");
      p.set_unit_cost("600");
      p.set_status(cim::v1::PRODUCT_STATUS_ACTIVE);
    }
    ASSERT_TRUE(products_.Import(products, T0()).ok());
    program_ = ActiveProgram(kRebateProgram);
    Enroll(kAlpha, program_.id());
    Enroll(kBravo, program_.id());
    testing::RecordAnnouncedChanges(database_.db(), &told_);
  }

  // kRebateProgram where Gold partners earn 1.5% more of each sale, stored ACTIVE.
  cim::v1::Program GoldUpliftProgram() {
    std::string text = kRebateProgram;
    absl::StrReplaceAll({{"tiers { min_volume: \"10000\" percent: \"3\" }",
                          "tiers { min_volume: \"10000\" percent: \"3\" }"
                          " partner_tier_uplifts { tier: \"gold\" percent: \"1.5\" }"}},
                        &text);
    return ActiveProgram(text.c_str());
  }

  // The program `text_proto` describes, stored ACTIVE (rules and terms version 1) by Paul;
  // `budget` replaces its budget when set.
  cim::v1::Program ActiveProgram(const char* text_proto, const std::string& budget = "") {
    cim::v1::Program program;
    EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text_proto, &program));
    if (!budget.empty()) program.set_budget(budget);
    program.set_status(cim::v1::PROGRAM_STATUS_ACTIVE);
    program.set_rules_version(1);
    program.set_terms_version(1);
    absl::StatusOr<cim::v1::Program> stored = programs_.Create(program, kPaul, T0());
    EXPECT_TRUE(stored.ok()) << stored.status();
    return stored.value_or(cim::v1::Program());
  }

  void Enroll(int64_t partner, int64_t program_id) {
    cim::v1::Enrollment e;
    e.set_program_id(program_id);
    e.set_partner_id(partner);
    e.set_accepted_terms_version(1);
    e.set_accepted_by_user_id(partner == kAlpha ? kAnn : kBea);
    SetTimestamp(T0(), e.mutable_accept_time());
    ASSERT_TRUE(programs_.Enroll(e, {}, Decimal()).ok());
  }

  // A validated claim of `quantity` × `sku` at `price` EUR on `date` for Acme B.V. (NL), by
  // `user` of `partner`, as ClaimWorkflow hands it to the store (idempotency key and request
  // hash "key-<invoice>").
  NewClaim SaleClaim(int64_t partner, int64_t user, const std::string& invoice,
                     const std::string& price = "1000.00", int64_t quantity = 1,
                     const std::string& sku = "ST-100", const std::string& date = "2026-02-15") {
    NewClaim in{.idempotency_key = "key-" + invoice, .request_hash = "key-" + invoice, .now = T0()};
    Claim& c = in.claim;
    c.set_program_id(program_.id());
    c.set_partner_id(partner);
    c.set_submitted_by_user_id(user);
    c.set_invoice_number(invoice);
    c.set_invoice_date(date);
    c.set_customer_name("Acme B.V.");
    c.set_customer_country("NL");
    c.set_currency_code("EUR");
    const Decimal amount = *Decimal::Parse(price) * Decimal::FromInt(quantity);
    c.set_total_amount(amount.ToString(2));
    cim::v1::ClaimLine* line = c.add_lines();
    line->set_sku(sku);
    line->set_quantity(quantity);
    line->set_unit_price(price);
    line->set_amount(amount.ToString(2));
    in.invoice_key = InvoiceKey(invoice);
    in.customer_key = CustomerKey(c.customer_name());
    in.submitter_name = "submitter";
    return in;
  }

  // Stores `claim` (fails the test if refused) and returns its id.
  int64_t Insert(const NewClaim& claim) {
    std::vector<absl::StatusOr<InsertOutcome>> out = claims_.InsertMany({claim});
    EXPECT_TRUE(out.front().ok()) << out.front().status();
    return out.front().ok() ? out.front()->claim_id : 0;
  }

  // Approval (from SUBMITTED or IN_REVIEW) posting `rebate` EUR and `points` points, adding the
  // claim's total to the rebate rule's first-quarter volume and drawing `draw` (default: the
  // rebate) from the budget.
  static DecideFn Approval(const std::string& rebate, const std::string& points = "0",
                           const std::string& draw = "") {
    return [=](const Claim& claim, const cim::v1::Program& program,
               DecisionContext&) -> absl::StatusOr<ClaimDecision> {
      CIM_ASSIGN_OR_RETURN(const ClaimStatus to, NextStatus(claim.status(), ClaimAction::kApprove));
      ClaimDecision d{.to = to, .comment = "approved", .assign_reviewer = true};
      const auto post = [&](cim::v1::LedgerAccount account, cim::v1::LedgerEntryKind kind,
                            const std::string& unit, const std::string& amount) {
        d.postings.push_back(LedgerPosting{.partner_id = claim.partner_id(),
                                           .user_id = claim.submitted_by_user_id(),
                                           .program_id = program.id(),
                                           .rules_version = 1,
                                           .rule_id = "rebate",
                                           .claim_id = claim.id(),
                                           .account = account,
                                           .kind = kind,
                                           .unit = unit,
                                           .amount = *Decimal::Parse(amount),
                                           .basis = "test",
                                           .period_start = kQ1,
                                           .created_by = kVera,
                                           .created_at = T0()});
      };
      post(cim::v1::LEDGER_ACCOUNT_PAYABLE, cim::v1::LEDGER_ENTRY_KIND_REBATE, "EUR", rebate);
      if (points != "0") {
        post(cim::v1::LEDGER_ACCOUNT_POINTS, cim::v1::LEDGER_ENTRY_KIND_POINTS, kPointsUnit,
             points);
      }
      d.totals.push_back(TotalsChange{.rule_id = "rebate",
                                      .period_start = kQ1,
                                      .volume = *Decimal::Parse(claim.total_amount()),
                                      .rebate = *Decimal::Parse(rebate)});
      d.budget_draw = *Decimal::Parse(draw.empty() ? rebate : draw);
      return d;
    };
  }

  // The step `action` other than an approval (the actor becomes the reviewer, unless it is the
  // partner resubmitting): no postings, no draw.
  static DecideFn Step(ClaimAction action, const std::string& comment) {
    return [=](const Claim& claim, const cim::v1::Program&,
               DecisionContext&) -> absl::StatusOr<ClaimDecision> {
      CIM_ASSIGN_OR_RETURN(const ClaimStatus to, NextStatus(claim.status(), action));
      return ClaimDecision{
          .to = to, .comment = comment, .assign_reviewer = action != ClaimAction::kResubmit};
    };
  }

  // The rebate rule's first-quarter totals an approval locks up front.
  static std::optional<TotalsKey> RebateTotals(const Claim&, const cim::v1::Program&) {
    return TotalsKey{.rule_ids = {"rebate"}, .period_start = kQ1};
  }

  DecideJob Job(int64_t claim_id, DecideFn decide, int64_t actor = kVera) {
    return DecideJob{.claim_id = claim_id,
                     .actor = actor,
                     .now = T0() + absl::Hours(1),
                     .decide = std::move(decide),
                     .totals = RebateTotals};
  }

  // Runs `sql` (test data only) outside the hooks' view.
  void Exec(const std::string& sql) {
    const absl::Status status = database_.db().Run([&](soci::session& s) -> absl::Status {
      s << sql;
      return absl::OkStatus();
    });
    ASSERT_TRUE(status.ok()) << status << "\n" << sql;
  }

  long long Count(const std::string& sql) { return database_.Count(sql); }

  testing::TestDatabase database_;
  MysqlProductRepository products_{database_.db()};
  MysqlProgramRepository programs_{database_.db()};
  MysqlClaimRepository claims_{database_.db()};
  cim::v1::Program program_;
  // The changes the last transaction told its commit hooks.
  std::vector<std::string> told_;
};

// The same world with the claim workflow on its stores: a clock at T0 the test moves, the
// callers as the RPC layer authenticates them, and submission requests.
class ClaimWorkflowTestBase : public ClaimStoreTest {
 protected:
  static Principal Caller(int64_t user, std::string name, cim::v1::Role role, int64_t partner) {
    return Principal{.user_id = user,
                     .email = absl::AsciiStrToLower(name) + "@example.com",
                     .display_name = std::move(name),
                     .role = role,
                     .partner_id = partner};
  }

  // A request for `quantity` × `sku` at `price` EUR sold to Acme B.V. on `date`, with the key
  // "idem-key-<invoice>".
  cim::v1::SubmitClaimRequest SaleRequest(const std::string& invoice,
                                          const std::string& price = "1000", int64_t quantity = 1,
                                          const std::string& sku = "ST-100",
                                          const std::string& date = "2026-02-15") const {
    cim::v1::SubmitClaimRequest request;
    request.set_idempotency_key("idem-key-" + invoice);
    Claim* c = request.mutable_claim();
    c->set_program_id(program_.id());
    c->set_invoice_number(invoice);
    c->set_invoice_date(date);
    c->set_customer_name("Acme B.V.");
    c->set_customer_country("NL");
    c->set_currency_code("EUR");
    cim::v1::ClaimLine* line = c->add_lines();
    line->set_sku(sku);
    line->set_quantity(quantity);
    line->set_unit_price(price);
    return request;
  }

  // Submits `request` as `caller` (fails the test if refused).
  Claim MustSubmit(const Principal& caller, const cim::v1::SubmitClaimRequest& request) {
    absl::StatusOr<Claim> claim = workflow_.Submit(caller, request);
    EXPECT_TRUE(claim.ok()) << claim.status();
    return claim.value_or(Claim());
  }

  // Takes `action` on claim `id` as `caller` with `comment`.
  absl::StatusOr<Claim> Review(const Principal& caller, ClaimAction action, int64_t id,
                               const std::string& comment = "", const std::string& etag = "") {
    cim::v1::ReviewClaimRequest request;
    request.set_claim_id(id);
    request.set_comment(comment);
    request.set_etag(etag);
    return workflow_.Review(caller, request, action);
  }

  const Principal vera_ = Caller(kVera, "Vera", cim::v1::ROLE_CHANNEL_MANAGER, 0);
  const Principal paul_ = Caller(kPaul, "Paul", cim::v1::ROLE_PROGRAM_ADMIN, 0);
  const Principal ann_ = Caller(kAnn, "Ann", cim::v1::ROLE_PARTNER_ADMIN, kAlpha);
  const Principal rob_ = Caller(kRob, "Rob", cim::v1::ROLE_PARTNER_REP, kAlpha);
  const Principal bea_ = Caller(kBea, "Bea", cim::v1::ROLE_PARTNER_ADMIN, kBravo);
  const Principal erp_ = Caller(kSam, "ERP", cim::v1::ROLE_SERVICE_ACCOUNT, 0);

  FakeClock clock_{T0()};
  MysqlPartnerRepository partners_{database_.db()};
  ClaimWorkflow workflow_{claims_, programs_, products_, partners_, clock_};
};

}  // namespace cim

#endif  // CIM_TESTS_SERVER_CLAIM_CLAIM_STORE_FIXTURE_H_

// The fixture the performance store and report tests share: the money fixture's partners and
// users, plus a suspended partner (Carol) and a disabled Alpha user (Dee), and a program's
// history as the database holds it on 2026-03-02, written row by row:
//   - program P "Storage SPIF" (EUR, budget 700, 2026-02-01 to 06-30, ST-200 eligible, partners
//     need the stor-pro certification, 10.00 per ST-200 unit), Alpha and Bravo enrolled, 115.00
//     of its budget drawn; program Q "Points 2026" (EUR, all year) holds January's baseline sales;
//     a draft and a program starting in May;
//   - products ST-200 (EUR, unit cost 600), NW-100 (EUR, unit cost 50), US-1 (USD, unit cost 10);
//   - claims in P: Alpha's 6 × ST-200 + 2 × NW-100 + 1 × US-1 invoiced 02-20 (APPROVED two hours
//     after submission), Bravo's 4 × ST-200 invoiced 02-10 (approved after four hours, before
//     Alpha's, then PAID), Bravo's SUBMITTED 1 × ST-200 (02-25), Alpha's REJECTED 3 × ST-200
//     (02-26, after six hours); in Q: Alpha's 5 and Bravo's 2 × ST-200 in January (APPROVED) and
//     Alpha's USD claim (02-15);
//   - P's ledger: SPIF 40.00 Bravo (02-10), 5.00 Carol (02-11), SPIF 60.00 and co-op 20.00
//     Alpha (02-20), −10.00 Alpha (02-25); 100 points for Rob and 30 for Bea; Q: 999.00 Alpha;
//   - certifications: Rob stor-pro (valid), Bea stor-pro (expired), Dee net-pro (disabled user);
//   - training completions: Rob 02-15, Bea 03-01, Ann 01-10; survey scores: Ann 10, Rob 9,
//     Bea 6 (early February), Dee 0 (January).
// Also the performance store.
#ifndef CIM_TESTS_SERVER_PERFORMANCE_PERFORMANCE_STORE_FIXTURE_H_
#define CIM_TESTS_SERVER_PERFORMANCE_PERFORMANCE_STORE_FIXTURE_H_

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "cim/v1/claim.pb.h"
#include "gtest/gtest.h"
#include "server/money/mysql_budget.h"
#include "server/performance/mysql_performance_repository.h"
#include "tests/server/money/money_store_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {

class PerformanceStoreTest : public MoneyStoreTest {
 protected:
  static constexpr int64_t kCarol = 3;
  static constexpr int64_t kDee = 8;

  static constexpr char kProgramP[] = R"pb(
    name: "Storage SPIF"
    currency_code: "EUR"
    budget: "700"
    start_date: "2026-02-01"
    end_date: "2026-06-30"
    eligible_skus: "ST-200"
    eligibility { required_certifications: "stor-pro" }
    rules {
      id: "spif"
      name: "SPIF"
      spif {
        products { sku: "ST-200" amount_per_unit: "10" }
        start_date: "2026-02-01"
        end_date: "2026-06-30"
      }
    }
  )pb";

  struct Line {
    const char* sku;
    int quantity;
    const char* unit_price;
  };

  void SetUp() override {
    MoneyStoreTest::SetUp();
    Exec(
        "INSERT INTO partners (name, type, tier, region, status, created_at, updated_at) VALUES"
        " ('Carol', 2, 'gold', 'EMEA', 2, NOW(), NOW())");
    Exec(
        "INSERT INTO users (email, display_name, role, partner_id, status, created_at,"
        " updated_at) VALUES ('dee@alpha.example', 'Dee', 1, 1, 2, NOW(), NOW())");
    Exec(
        "INSERT INTO products (sku, name, category, currency_code, list_price, unit_cost, status,"
        " created_at, updated_at) VALUES"
        " ('ST-200', 'Storage 200', 'storage', 'EUR', 1000, 600, 1, NOW(), NOW()),"
        " ('NW-100', 'Switch 100', 'network', 'EUR', 100, 50, 1, NOW(), NOW()),"
        " ('US-1', 'US only', 'other', 'USD', 50, 10, 1, NOW(), NOW())");

    p_ = CreateProgram(kProgramP);
    q_ = CreateProgram(R"pb(name: "Points 2026"
                            currency_code: "EUR"
                            budget: "1000"
                            start_date: "2026-01-01"
                            end_date: "2026-12-31"
                            rules {
                              id: "spif"
                              name: "SPIF"
                              spif {
                                products { sku: "NW-100" amount_per_unit: "1" }
                                start_date: "2026-01-01"
                                end_date: "2026-12-31"
                              }
                            })pb");
    draft_ = CreateProgram(R"pb(name: "Draft"
                                currency_code: "EUR"
                                budget: "10"
                                start_date: "2026-01-01"
                                end_date: "2026-12-31"
                                status: PROGRAM_STATUS_DRAFT)pb");
    future_ = CreateProgram(R"pb(name: "Summer"
                                 currency_code: "EUR"
                                 budget: "10"
                                 start_date: "2026-05-01"
                                 end_date: "2026-08-31")pb");
    Enroll(p_.id(), kAlpha);
    Enroll(p_.id(), kBravo);

    const int approved = cim::v1::CLAIM_STATUS_APPROVED;
    alpha_claim_ = InsertClaim(p_.id(), kAlpha, "2026-02-20", cim::v1::CLAIM_STATUS_APPROVED,
                               absl::CivilSecond(2026, 2, 20, 10, 0, 0),
                               {{"ST-200", 6, "1000"}, {"NW-100", 2, "100"}, {"US-1", 1, "50"}});
    bravo_claim_ = InsertClaim(p_.id(), kBravo, "2026-02-10", cim::v1::CLAIM_STATUS_PAID,
                               absl::CivilSecond(2026, 2, 10, 8, 0, 0), {{"ST-200", 4, "1000"}});
    const int64_t pending =
        InsertClaim(p_.id(), kBravo, "2026-02-25", cim::v1::CLAIM_STATUS_SUBMITTED,
                    absl::CivilSecond(2026, 2, 25, 9, 0, 0), {{"ST-200", 1, "1000"}});
    rejected_claim_ = InsertClaim(p_.id(), kAlpha, "2026-02-26", cim::v1::CLAIM_STATUS_REJECTED,
                                  absl::CivilSecond(2026, 2, 26, 9, 0, 0), {{"ST-200", 3, "1000"}});
    const int64_t base_alpha =
        InsertClaim(q_.id(), kAlpha, "2026-01-15", cim::v1::CLAIM_STATUS_APPROVED,
                    absl::CivilSecond(2026, 1, 15, 9, 0, 0), {{"ST-200", 5, "1000"}});
    const int64_t base_bravo =
        InsertClaim(q_.id(), kBravo, "2026-01-20", cim::v1::CLAIM_STATUS_APPROVED,
                    absl::CivilSecond(2026, 1, 20, 9, 0, 0), {{"ST-200", 2, "1000"}});
    const int64_t usd =
        InsertClaim(q_.id(), kAlpha, "2026-02-15", cim::v1::CLAIM_STATUS_APPROVED,
                    absl::CivilSecond(2026, 2, 15, 9, 0, 0), {{"ST-200", 1, "900"}}, "USD");
    (void)pending;
    // Decisions in the order they were made.
    Event(base_alpha, approved, absl::CivilSecond(2026, 1, 15, 10, 0, 0));
    Event(base_bravo, approved, absl::CivilSecond(2026, 1, 20, 10, 0, 0));
    Event(bravo_claim_, approved, absl::CivilSecond(2026, 2, 10, 12, 0, 0));
    Event(usd, approved, absl::CivilSecond(2026, 2, 15, 10, 0, 0));
    Event(alpha_claim_, approved, absl::CivilSecond(2026, 2, 20, 12, 0, 0));
    Event(rejected_claim_, cim::v1::CLAIM_STATUS_REJECTED,
          absl::CivilSecond(2026, 2, 26, 15, 0, 0));
    Event(bravo_claim_, cim::v1::CLAIM_STATUS_PAID, absl::CivilSecond(2026, 3, 1, 9, 0, 0));

    const auto at = [](LedgerPosting p, absl::CivilSecond when, int64_t user = 0) {
      p.created_at = absl::FromCivil(when, absl::UTCTimeZone());
      p.user_id = user;
      return p;
    };
    const cim::v1::LedgerAccount payable = cim::v1::LEDGER_ACCOUNT_PAYABLE;
    const cim::v1::LedgerEntryKind spif = cim::v1::LEDGER_ENTRY_KIND_SPIF;
    Append({
        at(Posting(kBravo, payable, spif, "EUR", "40", p_.id()),
           absl::CivilSecond(2026, 2, 10, 12, 0, 0)),
        at(Posting(kCarol, payable, spif, "EUR", "5", p_.id()),
           absl::CivilSecond(2026, 2, 11, 9, 0, 0)),
        at(Posting(kAlpha, payable, spif, "EUR", "60", p_.id()),
           absl::CivilSecond(2026, 2, 20, 12, 0, 0)),
        at(Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_COOP_FUND,
                   cim::v1::LEDGER_ENTRY_KIND_COOP_ACCRUAL, "EUR", "20", p_.id()),
           absl::CivilSecond(2026, 2, 20, 12, 0, 0)),
        at(Posting(kAlpha, payable, cim::v1::LEDGER_ENTRY_KIND_REVERSAL, "EUR", "-10", p_.id()),
           absl::CivilSecond(2026, 2, 25, 9, 0, 0)),
        at(Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_POINTS, cim::v1::LEDGER_ENTRY_KIND_POINTS,
                   kPointsUnit, "100", p_.id()),
           absl::CivilSecond(2026, 2, 20, 12, 0, 0), kRob),
        at(Posting(kBravo, cim::v1::LEDGER_ACCOUNT_POINTS, cim::v1::LEDGER_ENTRY_KIND_POINTS,
                   kPointsUnit, "30", p_.id()),
           absl::CivilSecond(2026, 2, 10, 12, 0, 0), kBea),
        at(Posting(kAlpha, payable, spif, "EUR", "999", q_.id()),
           absl::CivilSecond(2026, 2, 20, 12, 0, 0)),
    });
    ASSERT_TRUE(database_.db()
                    .Transact([&](soci::session& s) {
                      return DrawBudget(s, p_.id(), 0, *Decimal::Parse("115"));
                    })
                    .ok());

    Exec(
        "INSERT INTO certifications (user_id, certification_code, partner_id, module_id,"
        " earned_at, expires_at) VALUES"
        " (5, 'stor-pro', 1, 1, '2025-06-01 00:00:00', '2027-01-01 00:00:00'),"
        " (6, 'stor-pro', 2, 1, '2024-06-01 00:00:00', '2026-01-01 00:00:00'),"
        " (8, 'net-pro', 1, 1, '2025-06-01 00:00:00', '2027-01-01 00:00:00')");
    Exec(
        "INSERT INTO training_modules (title, description, duration_minutes, points,"
        " certification_code, certification_valid_months, pass_mark, created_by, created_at)"
        " VALUES ('Storage basics', 'Basics', 30, 10, 'stor-pro', 12, 0, 2, NOW())");
    Exec(
        "INSERT INTO training_completions (module_id, user_id, partner_id, quiz_score,"
        " recorded_by, points, first_completion, certification_code, completed_at) VALUES"
        " (1, 5, 1, 0, 5, 10, 1, 'stor-pro', '2026-02-15 10:00:00'),"
        " (1, 6, 2, 0, 6, 10, 1, 'stor-pro', '2026-03-01 10:00:00'),"
        " (1, 4, 1, 0, 4, 10, 1, 'stor-pro', '2026-01-10 10:00:00')");
    Exec(
        "INSERT INTO surveys (title, question, comment_enabled, audience, opens_at, closes_at,"
        " created_by, created_at) VALUES ('Pulse', 'Recommend us?', 0, '{}',"
        " '2026-01-01 00:00:00', '2026-12-31 00:00:00', 1, NOW())");
    Exec(
        "INSERT INTO survey_responses (survey_id, user_id, partner_id, partner_type, region,"
        " score, comment, responded_at) VALUES"
        " (1, 4, 1, 2, 'EMEA', 10, '', '2026-02-05 10:00:00'),"
        " (1, 5, 1, 2, 'EMEA', 9, '', '2026-02-06 10:00:00'),"
        " (1, 6, 2, 1, 'NA', 6, '', '2026-02-07 10:00:00'),"
        " (1, 8, 1, 2, 'EMEA', 0, '', '2026-01-05 10:00:00')");
  }

  // A claim of `partner` in `program_id` with `lines`, submitted by the partner's admin at
  // `created`; returns its id.
  int64_t InsertClaim(int64_t program_id, int64_t partner, const char* invoice_date,
                      cim::v1::ClaimStatus status, absl::CivilSecond created,
                      const std::vector<Line>& lines, const char* currency = "EUR") {
    const std::string invoice = absl::StrCat("PF-", ++claims_);
    const std::string time = SqlTime(created);
    Decimal total;
    for (const Line& l : lines)
      total += *Decimal::Parse(l.unit_price) * Decimal::FromInt(l.quantity);
    Exec(absl::StrCat(
        "INSERT INTO claims (program_id, partner_id, submitted_by, idempotency_key, request_hash,"
        " invoice_number, invoice_key, invoice_date, customer_name, customer_key,"
        " customer_country, currency_code, total_amount, notes, status, created_at, updated_at)"
        " VALUES (",
        program_id, ", ", partner, ", ", partner == kAlpha ? kAnn : kBea, ", '", invoice,
        "', REPEAT('0', 64), '", invoice, "', '", invoice, "', '", invoice_date,
        "', 'Acme', 'acme', 'NL', '", currency, "', ", total.ToString(), ", '', ",
        static_cast<int>(status), ", '", time, "', '", time, "')"));
    const int64_t id = Count("SELECT MAX(id) FROM claims");
    for (size_t i = 0; i < lines.size(); ++i) {
      const Decimal amount =
          *Decimal::Parse(lines[i].unit_price) * Decimal::FromInt(lines[i].quantity);
      Exec(absl::StrCat(
          "INSERT INTO claim_lines (claim_id, line_no, sku, quantity, unit_price, amount)"
          " VALUES (",
          id, ", ", i + 1, ", '", lines[i].sku, "', ", lines[i].quantity, ", ", lines[i].unit_price,
          ", ", amount.ToString(), ")"));
    }
    return id;
  }

  // A decision event of Vera's moving `claim_id` to `to_status` at `when`.
  void Event(int64_t claim_id, int to_status, absl::CivilSecond when) {
    Exec(absl::StrCat(
        "INSERT INTO claim_events (claim_id, from_status, to_status, actor_id, comment,"
        " created_at) VALUES (",
        claim_id, ", ", static_cast<int>(cim::v1::CLAIM_STATUS_SUBMITTED), ", ", to_status, ", ",
        kVera, ", '', '", SqlTime(when), "')"));
  }

  // "YYYY-MM-DD HH:MM:SS".
  static std::string SqlTime(absl::CivilSecond t) {
    return absl::FormatTime("%Y-%m-%d %H:%M:%S", absl::FromCivil(t, absl::UTCTimeZone()),
                            absl::UTCTimeZone());
  }

  static absl::CivilDay Day(int y, int m, int d) { return absl::CivilDay(y, m, d); }
  static DateRange Range(absl::CivilDay first, absl::CivilDay last) {
    return DateRange{first, last};
  }

  MysqlPerformanceRepository performance_{database_.db()};
  cim::v1::Program p_, q_, draft_, future_;
  int64_t alpha_claim_ = 0, bravo_claim_ = 0, rejected_claim_ = 0;
  int claims_ = 0;
};

}  // namespace cim

#endif  // CIM_TESTS_SERVER_PERFORMANCE_PERFORMANCE_STORE_FIXTURE_H_

// The claim store's shared rows against MariaDB: claims read with their lines in line order
// (money at the currency's scale) and, when asked, locked until the transaction ends; full
// claims with attachments, channel-conflict details, timeline (actor names) and rewards;
// lines and events written in one statement; attachments taken only when they are the
// partner's own unattached uploads (FAILED_PRECONDITION otherwise); channel conflicts flagged
// both ways against other partners' live claims of the same invoice and customer, never
// rejected ones or the partner's own; approved and paid sales summed by partner, program,
// dates and SKUs; and a claim's change told to the hooks as the caller's.
#include "server/claim/mysql_claim_rows.h"

#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/audit_scope.h"
#include "lib/phrase.h"
#include "lib/proto_time.h"
#include "tests/server/claim/claim_store_fixture.h"
#include "tests/testing/phrase_matchers.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::ReadsInEnglish;

using ::cim::testing::InEnglish;

using ::cim::testing::IsOk;
using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

// A claim row written directly (no lines, events or conflicts).
struct RawClaim {
  int64_t partner = 1;
  std::string invoice;
  int status = cim::v1::CLAIM_STATUS_SUBMITTED;
  std::string date = "2026-02-15";
  std::string customer = "Acme B.V.";
  int64_t program = 0;  // the fixture's program
  std::string currency = "EUR";
  std::string total = "0";
};

class MysqlClaimRowsTest : public ClaimStoreTest {
 protected:
  // Inserts `row` (idempotency key "raw-<invoice>") and returns its id.
  int64_t Raw(const RawClaim& row) {
    Exec(absl::StrCat(
        "INSERT INTO claims (program_id, partner_id, submitted_by, idempotency_key, request_hash,"
        " invoice_number, invoice_key, invoice_date, customer_name, customer_key,"
        " customer_country, currency_code, total_amount, notes, status, created_at, updated_at)"
        " VALUES (",
        row.program == 0 ? program_.id() : row.program, ", ", row.partner, ", ",
        row.partner == kAlpha ? kRob : kBea, ", 'raw-", row.invoice, "', 'h', '", row.invoice,
        "', '", InvoiceKey(row.invoice), "', '", row.date, "', '", row.customer, "', '",
        CustomerKey(row.customer), "', 'NL', '", row.currency, "', ", row.total, ", '', ",
        row.status, ", '2026-03-02 09:00:00', '2026-03-02 09:00:00')"));
    return Count("SELECT MAX(id) FROM claims");
  }

  // A line of claim `id`.
  void Line(int64_t id, int line_no, const std::string& sku, int quantity,
            const std::string& price) {
    Exec(
        absl::StrCat("INSERT INTO claim_lines (claim_id, line_no, sku, quantity, unit_price,"
                     " amount) VALUES (",
                     id, ", ", line_no, ", '", sku, "', ", quantity, ", ", price, ", ", price,
                     " * ", quantity, ")"));
  }

  // Runs `fn` in a transaction (the hooks hear what it announces).
  template <typename Fn>
  auto InTransaction(Fn fn) {
    return database_.db().Transact(fn);
  }

  // The claims of `ids` as ReadClaimCores reads them (no lock).
  absl::flat_hash_map<int64_t, Claim> Cores(const std::vector<int64_t>& ids) {
    return database_.db()
        .Run([&](soci::session& s) -> absl::StatusOr<absl::flat_hash_map<int64_t, Claim>> {
          return ReadClaimCores(s, ids, /*lock=*/false);
        })
        .value_or(absl::flat_hash_map<int64_t, Claim>());
  }
};

TEST_F(MysqlClaimRowsTest, ReadsClaimRowsWithTheirLinesInLineOrder) {
  NewClaim two_lines = SaleClaim(kAlpha, kRob, "INV-1", "12.5", 2, "ST-200");
  two_lines.claim.set_notes("Q1 deal");
  cim::v1::ClaimLine* second = two_lines.claim.add_lines();
  second->set_sku("ST-100");
  second->set_quantity(1);
  second->set_unit_price("1000.00");
  second->set_amount("1000.00");
  two_lines.claim.set_total_amount("1025.00");
  const int64_t eur = Insert(two_lines);
  const int64_t yen =
      Raw({.partner = kBravo, .invoice = "JP-1", .currency = "JPY", .total = "1500"});

  const absl::flat_hash_map<int64_t, Claim> claims = Cores({yen, eur, eur, 999});
  ASSERT_THAT(claims, SizeIs(2));  // each once; the unknown id is left out
  const Claim& c = claims.at(eur);
  EXPECT_EQ(c.id(), eur);
  EXPECT_EQ(c.program_id(), program_.id());
  EXPECT_EQ(c.partner_id(), kAlpha);
  EXPECT_EQ(c.submitted_by_user_id(), kRob);
  EXPECT_EQ(c.invoice_number(), "INV-1");
  EXPECT_EQ(c.invoice_date(), "2026-02-15");
  EXPECT_EQ(c.customer_name(), "Acme B.V.");
  EXPECT_EQ(c.customer_country(), "NL");
  EXPECT_EQ(c.currency_code(), "EUR");
  EXPECT_EQ(c.total_amount(), "1025.00");
  EXPECT_EQ(c.notes(), "Q1 deal");
  EXPECT_EQ(c.status(), cim::v1::CLAIM_STATUS_SUBMITTED);
  EXPECT_EQ(c.reviewer_user_id(), 0);
  EXPECT_EQ(c.etag(), "1");
  EXPECT_EQ(FromTimestamp(c.create_time()), T0());
  EXPECT_EQ(FromTimestamp(c.update_time()), T0());
  EXPECT_THAT(c.flags(), IsEmpty());
  ASSERT_THAT(c.lines(), SizeIs(2));
  EXPECT_EQ(c.lines(0).sku(), "ST-200");
  EXPECT_EQ(c.lines(0).quantity(), 2);
  EXPECT_EQ(c.lines(0).unit_price(), "12.50");
  EXPECT_EQ(c.lines(0).amount(), "25.00");
  EXPECT_EQ(c.lines(1).sku(), "ST-100");
  EXPECT_EQ(c.lines(1).amount(), "1000.00");
  // Only the core: no attachments, timeline or rewards.
  EXPECT_THAT(c.timeline(), IsEmpty());
  EXPECT_THAT(c.attachments(), IsEmpty());

  // Yen have no minor units; a claim without lines reads none.
  EXPECT_EQ(claims.at(yen).total_amount(), "1500");
  EXPECT_EQ(claims.at(yen).partner_id(), kBravo);
  EXPECT_THAT(claims.at(yen).lines(), IsEmpty());
  EXPECT_THAT(Cores({}), IsEmpty());
}

TEST_F(MysqlClaimRowsTest, ReadingWithLockHoldsTheClaimsUntilTheTransactionEnds) {
  const int64_t locked = Insert(SaleClaim(kAlpha, kRob, "INV-1"));
  const int64_t free = Insert(SaleClaim(kAlpha, kRob, "INV-2"));
  const auto try_lock = [&](int64_t id) {
    return database_.db().Run([&](soci::session& s) -> absl::Status {
      long long key = id, got = 0;
      s << "SELECT id FROM claims WHERE id = :id FOR UPDATE NOWAIT", soci::use(key),
          soci::into(got);
      return absl::OkStatus();
    });
  };
  const absl::Status status = InTransaction([&](soci::session& s) -> absl::Status {
    EXPECT_THAT(ReadClaimCores(s, {locked}, /*lock=*/true), SizeIs(1));
    // Another session cannot take the claim read with lock, nor one this one did not lock.
    EXPECT_THAT(try_lock(locked), StatusIs(absl::StatusCode::kAborted));
    EXPECT_THAT(try_lock(free), IsOk());
    return absl::OkStatus();
  });
  ASSERT_THAT(status, IsOk());
  EXPECT_THAT(try_lock(locked), IsOk());  // released at commit

  // Without lock, nothing is held.
  ASSERT_THAT(InTransaction([&](soci::session& s) -> absl::Status {
                EXPECT_THAT(ReadClaimCores(s, {locked}, /*lock=*/false), SizeIs(1));
                EXPECT_THAT(try_lock(locked), IsOk());
                return absl::OkStatus();
              }),
              IsOk());
}

TEST_F(MysqlClaimRowsTest, ReadsFullClaimsWithAttachmentsConflictsTimelineAndRewards) {
  const int64_t alpha = Insert(SaleClaim(kAlpha, kRob, "INV-7"));
  const int64_t bravo = Insert(SaleClaim(kBravo, kBea, "INV-7"));  // the same deal
  Exec(absl::StrCat(
      "INSERT INTO attachments (id, partner_id, uploaded_by, claim_id, filename, content_type,"
      " size_bytes, sha256, created_at) VALUES (5, 1, 4, ",
      alpha, ", 'b.pdf', 'application/pdf', 10, '", std::string(64, 'e'),
      "', '2026-03-02 09:00:00'), (3, 1, 4, ", alpha, ", 'a.pdf', 'application/pdf', 20, '",
      std::string(64, 'f'), "', '2026-03-02 09:00:00')"));
  ASSERT_THAT(InTransaction([&](soci::session& s) -> absl::Status {
                InsertEvents(s, {EventRow{.claim_id = alpha,
                                          .from = cim::v1::CLAIM_STATUS_SUBMITTED,
                                          .to = cim::v1::CLAIM_STATUS_IN_REVIEW,
                                          .actor = kVera,
                                          .comment = "looking",
                                          .at = T0() + absl::Hours(1)}});
                return absl::OkStatus();
              }),
              IsOk());
  Exec(absl::StrCat(
      "INSERT INTO ledger_entries (partner_id, user_id, program_id, rule_id, claim_id, account,"
      " kind, unit, amount, basis, created_by, created_at) VALUES (1, 4, ",
      program_.id(), ", 'rebate', ", alpha, ", ", cim::v1::LEDGER_ACCOUNT_PAYABLE, ", ",
      cim::v1::LEDGER_ENTRY_KIND_REBATE, ", 'EUR', 20.0000, '2% of 1000.00 EUR', 1, NOW())"));

  absl::StatusOr<absl::flat_hash_map<int64_t, Claim>> read = database_.db().Run(
      [&](soci::session& s) -> absl::StatusOr<absl::flat_hash_map<int64_t, Claim>> {
        return ReadClaims(s, {alpha, bravo, 999});
      });
  ASSERT_THAT(read, IsOk());
  ASSERT_THAT(*read, SizeIs(2));
  const Claim& a = read->at(alpha);
  EXPECT_THAT(a.attachment_ids(), ElementsAre(3, 5));  // by id
  ASSERT_THAT(a.attachments(), SizeIs(2));
  EXPECT_EQ(a.attachments(0).filename(), "a.pdf");
  EXPECT_EQ(a.attachments(1).size_bytes(), 10);
  ASSERT_THAT(a.flags(), SizeIs(1));
  EXPECT_EQ(a.flags(0).flag(), cim::v1::CLAIM_FLAG_CHANNEL_CONFLICT);
  EXPECT_THAT(a.flags(0).related_claim_ids(), ElementsAre(bravo));
  EXPECT_EQ(InEnglish(a.flags(0).reason()),
            absl::StrCat("invoice INV-7 for Acme B.V. was also claimed by"
                         " Bravo IT (claim ",
                         bravo, ")"));
  ASSERT_THAT(a.timeline(), SizeIs(2));
  EXPECT_EQ(a.timeline(0).from_status(), cim::v1::CLAIM_STATUS_UNSPECIFIED);
  EXPECT_EQ(a.timeline(0).to_status(), cim::v1::CLAIM_STATUS_SUBMITTED);
  EXPECT_EQ(a.timeline(0).actor_user_id(), kRob);
  EXPECT_EQ(a.timeline(0).actor_name(), "Rob");
  EXPECT_EQ(a.timeline(1).to_status(), cim::v1::CLAIM_STATUS_IN_REVIEW);
  EXPECT_EQ(a.timeline(1).actor_name(), "Vera");
  EXPECT_EQ(a.timeline(1).comment(), "looking");
  EXPECT_EQ(FromTimestamp(a.timeline(1).time()), T0() + absl::Hours(1));
  ASSERT_THAT(a.rewards(), SizeIs(1));
  EXPECT_EQ(a.rewards(0).amount(), "20.00");
  EXPECT_EQ(a.rewards(0).claim_id(), alpha);
  EXPECT_EQ(a.rewards(0).kind(), cim::v1::LEDGER_ENTRY_KIND_REBATE);

  const Claim& b = read->at(bravo);
  EXPECT_THAT(b.attachments(), IsEmpty());
  EXPECT_THAT(b.rewards(), IsEmpty());
  ASSERT_THAT(b.flags(), SizeIs(1));
  EXPECT_THAT(b.flags(0).related_claim_ids(), ElementsAre(alpha));
  EXPECT_THAT(b.flags(0).reason(), ReadsInEnglish(HasSubstr("was also claimed by Alpha Systems")));
  ASSERT_THAT(b.timeline(), SizeIs(1));
  EXPECT_EQ(b.timeline(0).actor_name(), "Bea");
}

TEST_F(MysqlClaimRowsTest, WritesTheLinesOfSeveralClaimsInLineOrder) {
  const int64_t first = Raw({.invoice = "L-1"});
  const int64_t second = Raw({.invoice = "L-2"});
  const int64_t none = Raw({.invoice = "L-3"});
  Claim a, b, empty;
  for (const auto& [sku, quantity, price] :
       {std::tuple{"ST-200", 3, "0.10"}, std::tuple{"ST-100", 1, "999.99"}}) {
    cim::v1::ClaimLine* line = a.add_lines();
    line->set_sku(sku);
    line->set_quantity(quantity);
    line->set_unit_price(price);
    line->set_amount((*Decimal::Parse(price) * Decimal::FromInt(quantity)).ToString(2));
  }
  *b.add_lines() = a.lines(1);
  ASSERT_THAT(InTransaction([&](soci::session& s) -> absl::Status {
                InsertLines(s, {{first, &a}, {second, &b}, {none, &empty}});
                InsertLines(s, {{none, &empty}});  // nothing to write: no statement
                return absl::OkStatus();
              }),
              IsOk());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM claim_lines"), 3);
  const absl::flat_hash_map<int64_t, Claim> claims = Cores({first, second, none});
  ASSERT_THAT(claims.at(first).lines(), SizeIs(2));
  EXPECT_EQ(claims.at(first).lines(0).sku(), "ST-200");
  EXPECT_EQ(claims.at(first).lines(0).quantity(), 3);
  EXPECT_EQ(claims.at(first).lines(0).unit_price(), "0.10");
  EXPECT_EQ(claims.at(first).lines(0).amount(), "0.30");
  EXPECT_EQ(claims.at(first).lines(1).amount(), "999.99");
  ASSERT_THAT(claims.at(second).lines(), SizeIs(1));
  EXPECT_EQ(claims.at(second).lines(0).sku(), "ST-100");
  EXPECT_THAT(claims.at(none).lines(), IsEmpty());
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM claim_lines WHERE claim_id = ", first,
                               " AND line_no = 1 AND sku = 'ST-100'")),
            1);
}

TEST_F(MysqlClaimRowsTest, AttachesOnlyThePartnersOwnUnattachedUploads) {
  const int64_t claim = Insert(SaleClaim(kAlpha, kRob, "INV-1"));
  const int64_t other = Insert(SaleClaim(kAlpha, kRob, "INV-2"));
  // 1: Alpha's upload; 2: Bravo's; 3: Alpha's, on another claim; 4: Alpha's fund proof.
  Exec(absl::StrCat(
      "INSERT INTO attachments (id, partner_id, uploaded_by, claim_id, fund_request_id, filename,"
      " content_type, size_bytes, sha256, created_at) VALUES"
      " (1, 1, 4, NULL, NULL, 'a.pdf', 'application/pdf', 1, '', NOW()),"
      " (2, 2, 5, NULL, NULL, 'b.pdf', 'application/pdf', 1, '', NOW()),"
      " (3, 1, 4, ",
      other,
      ", NULL, 'c.pdf', 'application/pdf', 1, '', NOW()),"
      " (4, 1, 4, NULL, 7, 'd.pdf', 'application/pdf', 1, '', NOW())"));
  const auto attach = [&](int64_t attachment_id) {
    Claim c;
    c.set_partner_id(kAlpha);
    c.add_attachment_ids(attachment_id);
    return InTransaction([&](soci::session& s) { return Attach(s, claim, c); });
  };
  EXPECT_THAT(attach(1), IsOk());
  EXPECT_EQ(
      Count(absl::StrCat("SELECT COUNT(*) FROM attachments WHERE id = 1 AND claim_id = ", claim)),
      1);
  EXPECT_THAT(attach(1), IsOk());  // already this claim's: attaching again changes nothing
  for (int64_t refused : {2, 3, 4}) {
    EXPECT_THAT(attach(refused),
                StatusIs(absl::StatusCode::kFailedPrecondition,
                         absl::StrCat("attachment ", refused,
                                      " is not an unattached upload of this partner")));
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM attachments WHERE id = 2 AND claim_id IS NULL"), 1);
  EXPECT_EQ(
      Count(absl::StrCat("SELECT COUNT(*) FROM attachments WHERE id = 3 AND claim_id = ", other)),
      1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM attachments WHERE id = 4 AND claim_id IS NULL"), 1);
}

TEST_F(MysqlClaimRowsTest, FlagsConflictsBothWaysWithOtherPartnersLiveClaimsOnly) {
  const int64_t alpha = Insert(SaleClaim(kAlpha, kRob, "INV-9"));
  // Rows of the same deal written without a conflict search: Bravo's, and a rejected one of
  // Alpha's.
  const int64_t bravo = Raw({.partner = kBravo, .invoice = "inv 9", .customer = "ACME b.v."});
  const int64_t rejected =
      Raw({.partner = kAlpha, .invoice = "INV.9", .status = cim::v1::CLAIM_STATUS_REJECTED});
  const int64_t unrelated = Raw({.partner = kBravo, .invoice = "INV-10"});
  std::vector<ConflictSubject> subjects = {{.partner_id = kBravo,
                                            .idempotency_key = "raw-inv 9",
                                            .invoice_key = InvoiceKey("inv 9"),
                                            .customer_key = CustomerKey("ACME b.v."),
                                            .invoice_number = "inv 9",
                                            .customer_name = "ACME b.v."},
                                           {.partner_id = kBravo,
                                            .idempotency_key = "raw-INV-10",
                                            .invoice_key = InvoiceKey("INV-10"),
                                            .customer_key = CustomerKey("Acme B.V."),
                                            .invoice_number = "INV-10",
                                            .customer_name = "Acme B.V."}};
  std::vector<std::optional<cim::v1::ClaimFlagDetail>> flags;
  ASSERT_THAT(InTransaction([&](soci::session& s) -> absl::Status {
                flags = RecordConflicts(s, subjects);
                return absl::OkStatus();
              }),
              IsOk());
  // The subjects' ids are found by partner and idempotency key.
  EXPECT_EQ(subjects[0].claim_id, bravo);
  EXPECT_EQ(subjects[1].claim_id, unrelated);
  ASSERT_THAT(flags, SizeIs(2));
  ASSERT_TRUE(flags[0].has_value());
  EXPECT_EQ(flags[0]->flag(), cim::v1::CLAIM_FLAG_CHANNEL_CONFLICT);
  EXPECT_THAT(flags[0]->related_claim_ids(), ElementsAre(alpha));  // not the rejected one
  const std::string mine = absl::StrCat(
      "invoice inv 9 for ACME b.v. was also claimed by Alpha Systems (claim ", alpha, ")");
  EXPECT_EQ(InEnglish(flags[0]->reason()), mine);
  EXPECT_FALSE(flags[1].has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM claim_conflicts"), 2);
  // Each side's reason is stored as the phrase its readers see in their language.
  const auto stored = [](const char* partner, int64_t claim) -> std::string {
    return Phrase("claim.conflict")
        .Text("invoice", "inv 9")
        .Text("customer", "ACME b.v.")
        .Text("partner", partner)
        .Text("claim", absl::StrCat(claim));
  };
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM claim_conflicts WHERE claim_id = ", bravo,
                               " AND other_claim_id = ", alpha, " AND reason = '",
                               stored("Alpha Systems", alpha), "'")),
            1);
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM claim_conflicts WHERE claim_id = ", alpha,
                               " AND other_claim_id = ", bravo, " AND reason = '",
                               stored("Bravo IT", bravo), "'")),
            1);
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM claim_conflicts WHERE claim_id = ", rejected,
                               " OR other_claim_id = ", rejected)),
            0);
  // Every search changes its deal's lock row (Alpha's submission searched once before).
  EXPECT_EQ(Count("SELECT submit_guard FROM claim_invoice_locks WHERE invoice_key = 'INV9'"), 1);
  EXPECT_EQ(Count("SELECT submit_guard FROM claim_invoice_locks WHERE invoice_key = 'INV10'"), 0);

  // Searching again records nothing twice.
  ASSERT_THAT(InTransaction([&](soci::session& s) -> absl::Status {
                flags = RecordConflicts(s, subjects);
                return absl::OkStatus();
              }),
              IsOk());
  EXPECT_TRUE(flags[0].has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM claim_conflicts"), 2);
  EXPECT_EQ(Count("SELECT submit_guard FROM claim_invoice_locks WHERE invoice_key = 'INV9'"), 2);
}

TEST_F(MysqlClaimRowsTest, SumsApprovedAndPaidSalesOfThePartnerInTheProgramPeriodAndSkus) {
  const int approved = cim::v1::CLAIM_STATUS_APPROVED;
  const int64_t second_program = ActiveProgram(kRebateProgram).id();
  const int64_t a = Raw({.invoice = "S-1", .status = approved, .date = "2026-01-01"});
  Line(a, 0, "ST-100", 1, "1000.00");
  Line(a, 1, "ST-200", 2, "250.00");
  const int64_t paid =
      Raw({.invoice = "S-2", .status = cim::v1::CLAIM_STATUS_PAID, .date = "2026-03-31"});
  Line(paid, 0, "ST-100", 1, "250.25");
  // Not counted for Alpha in the first quarter of the program:
  const int64_t submitted = Raw({.invoice = "S-3", .date = "2026-02-01"});
  Line(submitted, 0, "ST-100", 1, "9999.00");
  const int64_t rejected =
      Raw({.invoice = "S-4", .status = cim::v1::CLAIM_STATUS_REJECTED, .date = "2026-02-01"});
  Line(rejected, 0, "ST-100", 1, "8888.00");
  const int64_t later = Raw({.invoice = "S-5", .status = approved, .date = "2026-04-01"});
  Line(later, 0, "ST-100", 1, "800.00");
  const int64_t elsewhere = Raw({.invoice = "S-6", .status = approved, .program = second_program});
  Line(elsewhere, 0, "ST-100", 1, "300.00");
  const int64_t bravo = Raw({.partner = kBravo, .invoice = "S-7", .status = approved});
  Line(bravo, 0, "ST-200", 1, "700.00");

  const DateRange q1{absl::CivilDay(2026, 1, 1), absl::CivilDay(2026, 3, 31)};
  const auto sales = [&](int64_t program, int64_t partner, const DateRange& range,
                         const std::vector<std::string>& skus) {
    absl::StatusOr<Decimal> total = database_.db().Run(
        [&](soci::session& s) { return SalesInRange(s, program, partner, range, skus); });
    return total.ok() ? total->ToString(2) : total.status().ToString();
  };
  EXPECT_EQ(sales(program_.id(), kAlpha, q1, {}), "1750.25");
  EXPECT_EQ(sales(program_.id(), kAlpha, q1, {"ST-200"}), "500.00");
  EXPECT_EQ(sales(program_.id(), kAlpha, q1, {"ST-100", "ST-200"}), "1750.25");
  EXPECT_EQ(sales(program_.id(), kAlpha, q1, {"XX-9"}), "0.00");
  EXPECT_EQ(sales(program_.id(), kBravo, q1, {}), "700.00");
  EXPECT_EQ(sales(second_program, kAlpha, q1, {}), "300.00");
  EXPECT_EQ(
      sales(program_.id(), kAlpha, {absl::CivilDay(2026, 1, 2), absl::CivilDay(2026, 4, 1)}, {}),
      "1050.25");
  EXPECT_EQ(
      sales(program_.id(), kAlpha, {absl::CivilDay(2025, 10, 1), absl::CivilDay(2025, 12, 31)}, {}),
      "0.00");
}

TEST_F(MysqlClaimRowsTest, TellsTheHooksOfAClaimChangeAsTheCallersChange) {
  const int64_t claim = Insert(SaleClaim(kAlpha, kRob, "INV-1"));
  const auto audit_rows = [&](int64_t actor) {
    return Count(
        absl::StrCat("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'claims'"
                     " AND entity_id = '",
                     claim, "' AND actor_user_id = ", actor));
  };
  // The change the hooks are told of (they record only what changed).
  const auto change = [&](soci::session& s, const std::string& notes) {
    long long id = claim;
    s << "UPDATE claims SET notes = :notes WHERE id = :id", soci::use(notes), soci::use(id);
  };
  const AuditActor vera{.user_id = kVera, .role = cim::v1::ROLE_CHANNEL_MANAGER, .rpc = "batch"};
  ASSERT_THAT(InTransaction([&](soci::session& s) -> absl::Status {
                NoteClaimChange(s, claim, vera, /*inserted=*/false);
                change(s, "reviewed");
                return absl::OkStatus();
              }),
              IsOk());
  EXPECT_THAT(told_, ElementsAre(absl::StrCat("changing claims/", claim)));
  EXPECT_EQ(audit_rows(kVera), 1);
  // The "before" was read when told, ahead of the change.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE rpc = 'batch' AND after_json LIKE"
                  " '%reviewed%' AND before_json NOT LIKE '%reviewed%'"),
            1);

  // No caller given: the thread's scope is the one recorded.
  {
    AuditScope paul(AuditActor{.user_id = kPaul, .role = cim::v1::ROLE_PROGRAM_ADMIN});
    ASSERT_THAT(InTransaction([&](soci::session& s) -> absl::Status {
                  NoteClaimChange(s, claim, std::nullopt, /*inserted=*/true);
                  return absl::OkStatus();
                }),
                IsOk());
  }
  EXPECT_THAT(told_, ElementsAre(absl::StrCat("inserted claims/", claim)));
  EXPECT_EQ(audit_rows(kPaul), 1);

  // Neither: the hooks hear of it, the audit trail records nobody's change.
  const long long before = Count("SELECT COUNT(*) FROM audit_log");
  ASSERT_THAT(InTransaction([&](soci::session& s) -> absl::Status {
                NoteClaimChange(s, claim, std::nullopt, /*inserted=*/false);
                change(s, "unaudited");
                return absl::OkStatus();
              }),
              IsOk());
  EXPECT_THAT(told_, ElementsAre(absl::StrCat("changing claims/", claim)));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log"), before);
}

}  // namespace
}  // namespace cim

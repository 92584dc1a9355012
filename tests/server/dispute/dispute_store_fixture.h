// The fixture the dispute store and dispute workflow tests share: the money fixture's partners
// and people, a EUR program (budget 1,000.00) that Alpha and Bravo joined, a claim of Alpha's
// submitted by Rob, ledger entries (Rob's rebate on that claim, Ann's bonus, Bravo's rebate),
// a statement of Alpha paying Rob's rebate, proof uploads, and the dispute store.
#ifndef CIM_TESTS_SERVER_DISPUTE_DISPUTE_STORE_FIXTURE_H_
#define CIM_TESTS_SERVER_DISPUTE_DISPUTE_STORE_FIXTURE_H_

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cim/v1/dispute.pb.h"
#include "gtest/gtest.h"
#include "server/dispute/mysql_dispute_repository.h"
#include "tests/server/money/money_store_fixture.h"

namespace cim {

class DisputeStoreTest : public MoneyStoreTest {
 protected:
  void SetUp() override {
    MoneyStoreTest::SetUp();
    program_ = BudgetProgram("EUR", "1000");
    other_program_ = BudgetProgram("JPY", "500000");
    Enroll(program_.id(), kAlpha);
    Enroll(program_.id(), kBravo);
    Exec(absl::StrCat(
        "INSERT INTO claims (program_id, partner_id, submitted_by, idempotency_key, request_hash,"
        " invoice_number, invoice_key, invoice_date, customer_name, customer_key,"
        " customer_country, currency_code, total_amount, notes, status, created_at, updated_at)"
        " VALUES (",
        program_.id(), ", ", kAlpha, ", ", kRob,
        ", 'claim-key-1', REPEAT('0', 64), 'INV-1', 'INV1', '2026-02-01', 'Acme', 'acme', 'NL',"
        " 'EUR', 1000, '', 3, '2026-02-02 10:00:00', '2026-02-03 10:00:00')"));
    claim_id_ = Count("SELECT MAX(id) FROM claims");
    LedgerPosting rob = Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_PAYABLE,
                                cim::v1::LEDGER_ENTRY_KIND_REBATE, "EUR", "40", program_.id());
    rob.user_id = kRob;
    rob.claim_id = claim_id_;
    Append({rob});
    rob_entry_ = LastEntryId();
    LedgerPosting ann = Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_PAYABLE,
                                cim::v1::LEDGER_ENTRY_KIND_BONUS, "EUR", "100", program_.id());
    ann.user_id = kAnn;
    Append({ann});
    ann_entry_ = LastEntryId();
    LedgerPosting bravo = Posting(kBravo, cim::v1::LEDGER_ACCOUNT_PAYABLE,
                                  cim::v1::LEDGER_ENTRY_KIND_REBATE, "EUR", "60", program_.id());
    bravo.user_id = kBea;
    Append({bravo});
    bravo_entry_ = LastEntryId();
    Exec(
        "INSERT INTO payout_runs (period_start, period_end, created_by, created_at) VALUES"
        " ('2026-01-01', '2026-03-31', 3, '2026-04-01 09:00:00')");
    Exec(absl::StrCat(
        "INSERT INTO statements (run_id, partner_id, currency_code, total, entry_count, status,"
        " created_at) VALUES ((SELECT MAX(id) FROM payout_runs), ",
        kAlpha, ", 'EUR', 40, 1, 1, '2026-04-01 09:00:00')"));
    statement_id_ = Count("SELECT MAX(id) FROM statements");
    Exec(absl::StrCat("INSERT INTO statement_lines (entry_id, statement_id) VALUES (", rob_entry_,
                      ", ", statement_id_, ")"));
  }

  // An unattached upload (a PDF) of `partner`; returns its id.
  int64_t Upload(int64_t partner) {
    Exec(absl::StrCat(
        "INSERT INTO attachments (partner_id, uploaded_by, filename, content_type, size_bytes,"
        " sha256, created_at) VALUES (",
        partner, ", ", partner == kAlpha ? kRob : kBea,
        ", 'invoice.pdf', 'application/pdf', 1024, REPEAT('b', 64), '2026-03-02 09:00:00')"));
    return Count("SELECT MAX(id) FROM attachments");
  }

  static cim::v1::DisputeSubject RewardSubject(int64_t entry) {
    cim::v1::DisputeSubject s;
    s.set_kind(cim::v1::DISPUTE_SUBJECT_KIND_REWARD);
    s.set_entry_id(entry);
    return s;
  }

  // A dispute about `entry` that `opened_by` of `partner` opens with `key` at T0 (through the
  // store).
  cim::v1::Dispute Opened(int64_t partner, int64_t opened_by, int64_t entry, const std::string& key,
                          std::vector<int64_t> proof = {}) {
    absl::StatusOr<cim::v1::Dispute> d =
        disputes_.Open(NewDispute{.partner_id = partner,
                                  .opened_by = opened_by,
                                  .idempotency_key = key,
                                  .subject = RewardSubject(entry),
                                  .program_id = program_.id(),
                                  .message = {.author_id = opened_by,
                                              .body = "The rate looks wrong",
                                              .attachment_ids = std::move(proof)}},
                       T0());
    EXPECT_TRUE(d.ok()) << d.status();
    return d.value_or(cim::v1::Dispute());
  }

  MysqlDisputeRepository disputes_{database_.db()};
  cim::v1::Program program_;
  cim::v1::Program other_program_;
  int64_t claim_id_ = 0;
  int64_t rob_entry_ = 0;
  int64_t ann_entry_ = 0;
  int64_t bravo_entry_ = 0;
  int64_t statement_id_ = 0;
};

}  // namespace cim

#endif  // CIM_TESTS_SERVER_DISPUTE_DISPUTE_STORE_FIXTURE_H_

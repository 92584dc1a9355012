// The fixture the money, fund, payout and performance store tests share: a database of the
// test's own with two partners (Alpha, a gold reseller in EMEA; Bravo, a silver distributor in
// NA), vendor staff, partner users and a service account (with the Principal each calls as),
// programs created through the program store (so their budget slices exist), ledger postings
// appended as the claim and fund stores append them, and small SQL helpers.
#ifndef CIM_TESTS_SERVER_MONEY_MONEY_STORE_FIXTURE_H_
#define CIM_TESTS_SERVER_MONEY_MONEY_STORE_FIXTURE_H_

#include <google/protobuf/text_format.h>
#include <soci/soci.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "cim/v1/identity.pb.h"
#include "cim/v1/ledger.pb.h"
#include "cim/v1/program.pb.h"
#include "gtest/gtest.h"
#include "lib/decimal.h"
#include "lib/principal.h"
#include "server/db/mysql_database.h"
#include "server/money/ledger_repository.h"
#include "server/money/mysql_ledger_entries.h"
#include "server/program/mysql_program_repository.h"
#include "tests/testing/test_database.h"

namespace cim {

class MoneyStoreTest : public ::testing::Test {
 protected:
  // 2026-03-02 09:00:00 UTC (DATETIME keeps whole seconds).
  static constexpr int64_t kT0Seconds = 1772442000;
  static absl::Time T0() { return absl::FromUnixSeconds(kT0Seconds); }

  static constexpr int64_t kAlpha = 1;
  static constexpr int64_t kBravo = 2;
  // Vera (channel manager), Pam (program admin), Fay (finance); Ann (admin) and Rob (rep) of
  // Alpha; Bea (admin) of Bravo; the ERP's service account.
  static constexpr int64_t kVera = 1;
  static constexpr int64_t kPam = 2;
  static constexpr int64_t kFay = 3;
  static constexpr int64_t kAnn = 4;
  static constexpr int64_t kRob = 5;
  static constexpr int64_t kBea = 6;
  static constexpr int64_t kErp = 7;

  void SetUp() override {
    Exec(
        "INSERT INTO partners (name, type, tier, region, status, created_at, updated_at) VALUES"
        " ('Alpha', 2, 'gold', 'EMEA', 1, NOW(), NOW()),"
        " ('Bravo', 1, 'silver', 'NA', 1, NOW(), NOW())");
    std::string users =
        "INSERT INTO users (email, display_name, role, partner_id, status, created_at,"
        " updated_at) VALUES ";
    for (int64_t id = kVera; id <= kErp; ++id) {
      const Principal p = Caller(id);
      absl::StrAppend(&users, id == kVera ? "" : ", ", "('", p.email, "', '", p.display_name, "', ",
                      static_cast<int>(p.role), ", ",
                      p.partner_id == 0 ? "NULL" : absl::StrCat(p.partner_id), ", ",
                      static_cast<int>(cim::v1::USER_STATUS_ACTIVE), ", NOW(), NOW())");
    }
    Exec(users);
  }

  // The principal user `user_id` of the fixture calls as.
  static Principal Caller(int64_t user_id) {
    struct Row {
      const char* name;
      cim::v1::Role role;
      int64_t partner_id;
    };
    static constexpr Row kUsers[] = {
        {"Vera", cim::v1::ROLE_CHANNEL_MANAGER, 0}, {"Pam", cim::v1::ROLE_PROGRAM_ADMIN, 0},
        {"Fay", cim::v1::ROLE_FINANCE, 0},          {"Ann", cim::v1::ROLE_PARTNER_ADMIN, kAlpha},
        {"Rob", cim::v1::ROLE_PARTNER_REP, kAlpha}, {"Bea", cim::v1::ROLE_PARTNER_ADMIN, kBravo},
        {"ERP", cim::v1::ROLE_SERVICE_ACCOUNT, 0},
    };
    const Row& row = kUsers[user_id - 1];
    return Principal{.user_id = user_id,
                     .email = absl::StrCat(row.name, "@example.com"),
                     .display_name = row.name,
                     .role = row.role,
                     .partner_id = row.partner_id,
                     .partner_name = row.partner_id == kAlpha   ? "Alpha"
                                     : row.partner_id == kBravo ? "Bravo"
                                                                : ""};
  }

  // An ACTIVE program (rules and terms version 1) from `text_proto`, a cim.v1.Program in text
  // format, created by Pam at T0 through the program store.
  cim::v1::Program CreateProgram(const std::string& text_proto) {
    cim::v1::Program program;
    EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text_proto, &program)) << text_proto;
    if (program.status() == cim::v1::PROGRAM_STATUS_UNSPECIFIED) {
      program.set_status(cim::v1::PROGRAM_STATUS_ACTIVE);
    }
    if (program.terms().empty()) program.set_terms("Terms");
    program.set_terms_version(1);
    program.set_rules_version(1);
    if (program.period() == cim::v1::PROGRAM_PERIOD_UNSPECIFIED) {
      program.set_period(cim::v1::PROGRAM_PERIOD_QUARTER);
    }
    absl::StatusOr<cim::v1::Program> stored = programs_.Create(program, kPam, T0());
    EXPECT_TRUE(stored.ok()) << stored.status();
    return stored.value_or(cim::v1::Program());
  }

  // A program in `currency` with `budget`, running through 2026, with no rules.
  cim::v1::Program BudgetProgram(const std::string& currency, const std::string& budget) {
    return CreateProgram(absl::StrCat("name: \"", currency, " ", budget, "\" currency_code: \"",
                                      currency, "\" budget: \"", budget,
                                      "\" start_date: \"2026-01-01\" end_date: \"2026-12-31\""));
  }

  // The program as the program store reads it now.
  cim::v1::Program ReadProgram(int64_t id) {
    absl::StatusOr<cim::v1::Program> program = programs_.Get(id);
    EXPECT_TRUE(program.ok()) << program.status();
    return program.value_or(cim::v1::Program());
  }

  // Enrolls `partner_id` in `program_id` (accepted by the partner's admin at T0).
  void Enroll(int64_t program_id, int64_t partner_id) {
    Exec(absl::StrCat(
        "INSERT INTO enrollments (program_id, partner_id, accepted_terms_version, accepted_by,"
        " accepted_at) VALUES (",
        program_id, ", ", partner_id, ", 1, ", partner_id == kAlpha ? kAnn : kBea,
        ", '2026-03-02 09:00:00')"));
  }

  // A posting with `basis` "test", created by Pam at T0.
  static LedgerPosting Posting(int64_t partner, cim::v1::LedgerAccount account,
                               cim::v1::LedgerEntryKind kind, const std::string& unit,
                               const char* amount, int64_t program_id = 0) {
    LedgerPosting p;
    p.partner_id = partner;
    p.program_id = program_id;
    p.account = account;
    p.kind = kind;
    p.unit = unit;
    p.amount = *Decimal::Parse(amount);
    p.basis = "test";
    p.created_by = kPam;
    p.created_at = T0();
    return p;
  }

  // Appends `postings` in one transaction.
  void Append(const std::vector<LedgerPosting>& postings) {
    const absl::Status status = database_.db().Transact([&](soci::session& s) -> absl::Status {
      AppendLedgerEntries(s, postings);
      return absl::OkStatus();
    });
    ASSERT_TRUE(status.ok()) << status;
  }

  // The id of the newest ledger entry.
  long long LastEntryId() { return Count("SELECT MAX(id) FROM ledger_entries"); }

  // Runs `sql` (test data only).
  void Exec(const std::string& sql) {
    const absl::Status status = database_.db().Run([&](soci::session& s) -> absl::Status {
      s << sql;
      return absl::OkStatus();
    });
    ASSERT_TRUE(status.ok()) << status << "\n" << sql;
  }

  // The single integer `sql` returns; -1 on error.
  long long Count(const std::string& sql) { return database_.Count(sql); }

  // The single text `sql` returns ("NULL" for NULL, "" if no row).
  std::string Text(const std::string& sql) {
    absl::StatusOr<std::string> text =
        database_.db().Run([&](soci::session& s) -> absl::StatusOr<std::string> {
          std::string out;
          soci::indicator ind = soci::i_ok;
          s << sql, soci::into(out, ind);
          if (!s.got_data()) return std::string();
          return ind == soci::i_null ? std::string("NULL") : out;
        });
    EXPECT_TRUE(text.ok()) << text.status() << "\n" << sql;
    return text.value_or("");
  }

  testing::TestDatabase database_;
  MysqlProgramRepository programs_{database_.db()};
};

}  // namespace cim

#endif  // CIM_TESTS_SERVER_MONEY_MONEY_STORE_FIXTURE_H_

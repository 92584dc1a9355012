// Exports against MariaDB, called directly (no gRPC): the CSV header and rows of a claims and a
// ledger export for known claims, chunking across pages, a partner's ledger limited to its own
// partner, who may export claims, bad dates, and a receiver that goes away.
#include "server/export/exports.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/app/repositories.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_server.h"
#include "tests/testing/test_world.h"

namespace cim {
namespace {

using ::cim::testing::IsOk;
using ::cim::testing::StatusIs;
using ::cim::testing::TestServer;
using ::cim::testing::TestWorld;
using ::testing::_;
using ::testing::Each;
using ::testing::ElementsAre;
using ::testing::Ge;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using namespace cim::v1;  // NOLINT: the API's message names read best unqualified here

// 100 EUR and 5 points per unit of ST-200 sold.
constexpr char kSpifProgram[] = R"pb(
  name: "Export SPIF"
  currency_code: "EUR"
  budget: "1000000"
  start_date: "2026-01-01"
  end_date: "2026-12-31"
  period: PROGRAM_PERIOD_MONTH
  terms: "Terms"
  rules {
    id: "spif"
    name: "SPIF"
    spif {
      products { sku: "ST-200" amount_per_unit: "100" }
      start_date: "2026-01-01"
      end_date: "2026-12-31"
    }
  }
  rules {
    id: "points"
    name: "Points"
    points { points_per_unit: "5" }
  }
)pb";

constexpr char kClaimsHeader[] =
    "claim_id,program_id,partner_id,status,invoice_number,invoice_date,customer_name,"
    "customer_country,currency,total_amount,lines,flags,submitted_by_user_id,reviewer_user_id,"
    "submitted_utc,updated_utc";
constexpr char kLedgerHeader[] =
    "entry_id,posted_utc,partner_id,user_id,program_id,rule_id,rules_version,claim_id,"
    "fund_request_id,account,kind,unit,amount,basis,reverses_entry_id,statement_id";

// What a sink received: the file message first, then data chunks.
struct Received {
  std::vector<FileChunk> messages;

  // The data chunks' sizes, in order.
  std::vector<size_t> DataSizes() const {
    std::vector<size_t> sizes;
    for (const FileChunk& m : messages) {
      if (m.has_data()) sizes.push_back(m.data().size());
    }
    return sizes;
  }
  // The CSV rows (CRLF-separated lines) of all data chunks, each split at every comma: the
  // tests read only cells that are never quoted, before any that might be (a ledger basis).
  std::vector<std::vector<std::string>> Rows() const {
    std::string csv;
    for (const FileChunk& m : messages) csv += m.data();
    std::vector<std::vector<std::string>> rows;
    for (absl::string_view line : absl::StrSplit(csv, "\r\n", absl::SkipEmpty())) {
      rows.push_back(absl::StrSplit(line, ','));
    }
    return rows;
  }
};

::cim::Principal CallerOf(const User& user) {
  return ::cim::Principal{.user_id = user.id(),
                          .email = user.email(),
                          .display_name = user.display_name(),
                          .role = user.role(),
                          .partner_id = user.partner_id()};
}

class ExportsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    alpha_ = server_.CreatePartner("Alpha Systems");
    bravo_ = server_.CreatePartner("Bravo IT");
    alpha_rep_ = CallerOf(server_.CreateUser("rep@alpha.example", ROLE_PARTNER_REP, alpha_.id()));
    alpha_admin_ =
        CallerOf(server_.CreateUser("admin@alpha.example", ROLE_PARTNER_ADMIN, alpha_.id()));
    bravo_rep_ = CallerOf(server_.CreateUser("rep@bravo.example", ROLE_PARTNER_REP, bravo_.id()));
    server_.CreateUser("admin@bravo.example", ROLE_PARTNER_ADMIN, bravo_.id());
    server_.CreateUser("pa@vendor.example", ROLE_PROGRAM_ADMIN);
    manager_ = CallerOf(server_.CreateUser("cm@vendor.example", ROLE_CHANNEL_MANAGER));
    world_.emplace(server_, server_.Login("pa@vendor.example"));
    world_->AddProducts({"ST-200"});
    program_ = world_->ActiveProgram(kSpifProgram);
    ASSERT_TRUE(world_->Enroll(server_.Login("admin@alpha.example"), program_.id()).ok());
    ASSERT_TRUE(world_->Enroll(server_.Login("admin@bravo.example"), program_.id()).ok());
  }

  // `rep`'s claim of `units` × ST-200 at 1,000 EUR to `customer`, invoiced on 2026-02-15.
  Claim Submit(const ::cim::Principal& rep, const std::string& invoice, int units = 1,
               const std::string& customer = "Acme BV") {
    SubmitClaimRequest request;
    request.set_idempotency_key("export-" + invoice);
    Claim* c = request.mutable_claim();
    c->set_program_id(program_.id());
    c->set_invoice_number(invoice);
    c->set_invoice_date("2026-02-15");
    c->set_customer_name(customer);
    c->set_customer_country("NL");
    c->set_currency_code("EUR");
    ClaimLine* line = c->add_lines();
    line->set_sku("ST-200");
    line->set_quantity(units);
    line->set_unit_price("1000");
    absl::StatusOr<Claim> claim = claims_.Submit(rep, request);
    EXPECT_THAT(claim, IsOk());
    return claim.value_or(Claim());
  }

  void Approve(int64_t claim_id) {
    ReviewClaimRequest request;
    request.set_claim_id(claim_id);
    EXPECT_THAT(claims_.Review(manager_, request, ClaimAction::kApprove), IsOk());
  }

  // A sink that keeps what it receives and answers `open`.
  static ChunkSink Into(Received& received, bool open = true) {
    return [&received, open](const FileChunk& chunk) {
      received.messages.push_back(chunk);
      return open;
    };
  }

  TestServer server_;
  std::optional<TestWorld> world_;
  const Clock& clock_ = server_.clock();
  Repositories stores_{server_.app().database(), clock_};
  ProgramDirectory programs_{stores_.programs, stores_.products, stores_.partners,
                             stores_.certifications, clock_};
  ClaimWorkflow claims_{stores_.claims, stores_.programs, stores_.products, stores_.partners,
                        clock_};
  LedgerBook ledger_{stores_.ledger, clock_};
  PayoutWorkflow payouts_{stores_.payouts, clock_};
  PerformanceReports performance_{stores_.performance, programs_, clock_};
  Exports exports_{claims_, ledger_, payouts_, performance_, clock_};

  Partner alpha_;
  Partner bravo_;
  ::cim::Principal alpha_rep_;
  ::cim::Principal alpha_admin_;
  ::cim::Principal bravo_rep_;
  ::cim::Principal manager_;
  Program program_;
};

TEST_F(ExportsTest, ClaimsExportHasTheHeaderAndOneRowPerClaimNewestFirst) {
  const Claim first = Submit(alpha_rep_, "INV-1", 2);
  const Claim second = Submit(bravo_rep_, "INV-2", 1);
  Approve(first.id());

  Received received;
  ASSERT_THAT(exports_.Claims(manager_, ExportClaimsRequest(), Into(received)), IsOk());
  ASSERT_THAT(received.messages, SizeIs(2));
  EXPECT_EQ(received.messages[0].file().filename(), "claims-2026-03-02.csv");
  EXPECT_EQ(received.messages[0].file().content_type(), "text/csv; charset=utf-8");
  const std::vector<std::vector<std::string>> rows = received.Rows();
  ASSERT_THAT(rows, SizeIs(3));
  EXPECT_EQ(absl::StrJoin(rows[0], ","), kClaimsHeader);
  const std::string manager = absl::StrCat(manager_.user_id);
  EXPECT_THAT(rows[1],
              ElementsAre(absl::StrCat(second.id()), absl::StrCat(program_.id()),
                          absl::StrCat(bravo_.id()), "submitted", "INV-2", "2026-02-15", "Acme BV",
                          "NL", "EUR", "1000.00", _, "", absl::StrCat(bravo_rep_.user_id), "0",
                          "2026-03-02 09:00:00", "2026-03-02 09:00:00"));
  EXPECT_THAT(rows[2],
              ElementsAre(absl::StrCat(first.id()), absl::StrCat(program_.id()),
                          absl::StrCat(alpha_.id()), "approved", "INV-1", "2026-02-15", "Acme BV",
                          "NL", "EUR", "2000.00", _, "", absl::StrCat(alpha_rep_.user_id), manager,
                          "2026-03-02 09:00:00", "2026-03-02 09:00:00"));
}

// The `lines` cell counts the lines of each claim (the List page returns them).
TEST_F(ExportsTest, ClaimsExportCountsEachClaimsLines) {
  Submit(alpha_rep_, "INV-1");
  Received received;
  ASSERT_THAT(exports_.Claims(manager_, ExportClaimsRequest(), Into(received)), IsOk());
  const std::vector<std::vector<std::string>> rows = received.Rows();
  ASSERT_THAT(rows, SizeIs(2));
  EXPECT_EQ(rows[1][10], "1");
}

TEST_F(ExportsTest, LedgerExportHasTheEntriesOfApprovedClaims) {
  const Claim claim = Submit(alpha_rep_, "INV-1", 3);
  Submit(alpha_rep_, "INV-2", 1);  // not approved: no entries
  Approve(claim.id());

  Received received;
  ASSERT_THAT(exports_.Ledger(manager_, ExportLedgerRequest(), Into(received)), IsOk());
  EXPECT_EQ(received.messages.front().file().filename(), "ledger-2026-03-02.csv");
  const std::vector<std::vector<std::string>> rows = received.Rows();
  ASSERT_THAT(rows, SizeIs(3));
  EXPECT_EQ(absl::StrJoin(rows[0], ","), kLedgerHeader);
  // Newest first: the points, then the SPIF (cells 5-12: rule, version, claim, fund request,
  // account, kind, unit, amount).
  const std::string id = absl::StrCat(claim.id());
  EXPECT_THAT(std::vector<std::string>(rows[1].begin() + 5, rows[1].begin() + 13),
              ElementsAre("points", "1", id, "0", "points", "points", "points", "15"));
  EXPECT_THAT(std::vector<std::string>(rows[2].begin() + 5, rows[2].begin() + 13),
              ElementsAre("spif", "1", id, "0", "payable", "spif", "EUR", "300.00"));
  for (size_t i = 1; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i][1], "2026-03-02 09:00:00");
    EXPECT_EQ(rows[i][2], absl::StrCat(alpha_.id()));
    EXPECT_EQ(rows[i][4], absl::StrCat(program_.id()));
  }
}

TEST_F(ExportsTest, PartnerLedgerExportHoldsOnlyThePartnersRows) {
  const Claim alpha = Submit(alpha_rep_, "INV-A", 1);
  const Claim bravo = Submit(bravo_rep_, "INV-B", 2);
  Approve(alpha.id());
  Approve(bravo.id());

  Received everyone;
  ASSERT_THAT(exports_.Ledger(manager_, ExportLedgerRequest(), Into(everyone)), IsOk());
  EXPECT_THAT(everyone.Rows(), SizeIs(1 + 4));  // SPIF and points for each claim
  Received own;
  ASSERT_THAT(exports_.Ledger(alpha_admin_, ExportLedgerRequest(), Into(own)), IsOk());
  const std::vector<std::vector<std::string>> rows = own.Rows();
  ASSERT_THAT(rows, SizeIs(1 + 2));
  for (size_t i = 1; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i][2], absl::StrCat(alpha_.id()));
    EXPECT_EQ(rows[i][7], absl::StrCat(alpha.id()));
  }

  // Asking for another partner's ledger answers as if it did not exist, before any chunk.
  ExportLedgerRequest foreign;
  foreign.set_partner_id(bravo_.id());
  Received none;
  EXPECT_THAT(exports_.Ledger(alpha_admin_, foreign, Into(none)),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(none.messages, IsEmpty());
}

TEST_F(ExportsTest, ExportLongerThanAPageComesInSeveralChunks) {
  // More claims than one page of the list (500), with long customer names: about 130 KB of
  // CSV, more than two chunks (64 KiB).
  constexpr int kClaims = 520;
  const std::string customer(150, 'c');
  for (int i = 0; i < kClaims; ++i) {
    Submit(alpha_rep_, absl::StrCat("INV-", 10000 + i), 1, customer);
  }

  Received received;
  ASSERT_THAT(exports_.Claims(manager_, ExportClaimsRequest(), Into(received)), IsOk());
  ASSERT_TRUE(received.messages.front().has_file());
  const std::vector<size_t> sizes = received.DataSizes();
  ASSERT_THAT(sizes, SizeIs(Ge(2u)));
  // Every chunk but the last is full.
  EXPECT_THAT(std::vector<size_t>(sizes.begin(), sizes.end() - 1), Each(Ge(Exports::kChunkBytes)));
  const std::vector<std::vector<std::string>> rows = received.Rows();
  ASSERT_THAT(rows, SizeIs(1 + kClaims));
  // Each claim once, newest first, across the page boundary.
  for (int i = 1; i <= kClaims; ++i) {
    EXPECT_EQ(rows[i][4], absl::StrCat("INV-", 10000 + kClaims - i)) << "row " << i;
  }

  // A receiver that takes the file message and goes away at the first data chunk gets nothing
  // more.
  Received cut;
  const ChunkSink leaves = [&cut](const FileChunk& chunk) {
    cut.messages.push_back(chunk);
    return !chunk.has_data();
  };
  EXPECT_THAT(exports_.Claims(manager_, ExportClaimsRequest(), leaves),
              StatusIs(absl::StatusCode::kCancelled));
  EXPECT_THAT(cut.messages, SizeIs(2));  // the file, one data chunk
}

TEST_F(ExportsTest, PartnerRepMayNotExportClaims) {
  Submit(alpha_rep_, "INV-1");
  Received received;
  EXPECT_THAT(exports_.Claims(alpha_rep_, ExportClaimsRequest(), Into(received)),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("partner admins")));
  EXPECT_THAT(received.messages, IsEmpty());

  // The partner's admin may, and sees only the partner's claims.
  Submit(bravo_rep_, "INV-2");
  ASSERT_THAT(exports_.Claims(alpha_admin_, ExportClaimsRequest(), Into(received)), IsOk());
  const std::vector<std::vector<std::string>> rows = received.Rows();
  ASSERT_THAT(rows, SizeIs(2));
  EXPECT_EQ(rows[1][4], "INV-1");
}

TEST_F(ExportsTest, BadDatesAreInvalidArgumentsBeforeAnyChunk) {
  struct Case {
    const char* name;
    const char* from;
    const char* to;
    const char* field;
  };
  for (const Case& c : {Case{"not a date", "2026-13-01", "", "from_date"},
                        Case{"not a day", "", "yesterday", "to_date"},
                        Case{"from after to", "2026-03-02", "2026-03-01", "from_date"}}) {
    SCOPED_TRACE(c.name);
    ExportClaimsRequest claims;
    claims.set_from_date(c.from);
    claims.set_to_date(c.to);
    Received received;
    EXPECT_THAT(exports_.Claims(manager_, claims, Into(received)),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(c.field)));
    ExportLedgerRequest ledger;
    ledger.set_from_date(c.from);
    ledger.set_to_date(c.to);
    EXPECT_THAT(exports_.Ledger(manager_, ledger, Into(received)),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(c.field)));
    EXPECT_THAT(received.messages, IsEmpty());
  }
}

TEST_F(ExportsTest, DateWindowKeepsClaimsSubmittedWithinIt) {
  Submit(alpha_rep_, "INV-1");
  server_.clock().Advance(absl::Hours(48));  // 2026-03-04
  Submit(alpha_rep_, "INV-2");
  ExportClaimsRequest request;
  request.set_from_date("2026-03-03");
  Received received;
  ASSERT_THAT(exports_.Claims(manager_, request, Into(received)), IsOk());
  const std::vector<std::vector<std::string>> rows = received.Rows();
  ASSERT_THAT(rows, SizeIs(2));
  EXPECT_EQ(rows[1][4], "INV-2");
}

TEST_F(ExportsTest, ReceiverGoneIsCancelled) {
  Submit(alpha_rep_, "INV-1");
  Received received;
  EXPECT_THAT(exports_.Claims(manager_, ExportClaimsRequest(), Into(received, false)),
              StatusIs(absl::StatusCode::kCancelled));
  EXPECT_THAT(received.messages, SizeIs(1));  // the file message, refused
  Received ledger;
  EXPECT_THAT(exports_.Ledger(manager_, ExportLedgerRequest(), Into(ledger, false)),
              StatusIs(absl::StatusCode::kCancelled));
}

}  // namespace
}  // namespace cim

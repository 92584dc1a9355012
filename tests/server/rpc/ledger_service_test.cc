// LedgerServiceImpl through a real gRPC channel: every RPC needs credentials; balances come back
// as exact decimal strings per account and unit, each partner's own (another partner's answers
// NOT_FOUND, a vendor must name one: INVALID_ARGUMENT on partner_id); entries page through
// page tokens the adapter hands back, bad filters and tokens are field violations; a reversal
// is returned to its caller and audited as theirs, and refused requests append nothing.
#include "server/rpc/ledger_service.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cim/v1/ledger_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/server/rpc/approved_claims_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::cim::testing::TestServer;
using ::cim::testing::ViolatedFields;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using namespace cim::v1;  // NOLINT: the API's message names read best unqualified here

class LedgerServiceTest : public ApprovedClaimsRpcTest {
 protected:
  void SetUp() override {
    ApprovedClaimsRpcTest::SetUp();
    ledger_ = LedgerService::NewStub(server_.channel());
    alpha_claim_ = Approved(alpha_rep_, "A-1", /*units=*/2);  // 200.00 EUR, 10 points
    bravo_claim_ = Approved(bravo_rep_, "B-1");               // 100.00 EUR, 5 points
  }

  // "ACCOUNT amount unit" per balance `token` gets for `request`.
  std::vector<std::string> Balances(const std::string& token, const GetBalanceRequest& request) {
    GetBalanceResponse response;
    grpc::Status status = ledger_->GetBalance(TestServer::Context(token).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    std::vector<std::string> out;
    for (const Balance& b : response.balances()) {
      out.push_back(absl::StrCat(LedgerAccount_Name(b.account()), " ", b.amount(), " ", b.unit()));
    }
    return out;
  }

  long long Entries() { return server_.database().Count("SELECT COUNT(*) FROM ledger_entries"); }

  std::unique_ptr<LedgerService::Stub> ledger_;
  Claim alpha_claim_, bravo_claim_;
};

TEST_F(LedgerServiceTest, EveryRpcNeedsCredentials) {
  GetBalanceRequest balance;
  balance.set_partner_id(alpha_.id());
  GetBalanceResponse balances;
  EXPECT_THAT(ledger_->GetBalance(TestServer::Context("").get(), balance, &balances),
              StatusIs(absl::StatusCode::kUnauthenticated, "credentials required"));
  ListLedgerEntriesResponse entries;
  EXPECT_THAT(ledger_->ListLedgerEntries(TestServer::Context("cims_forged").get(),
                                         ListLedgerEntriesRequest(), &entries),
              StatusIs(absl::StatusCode::kUnauthenticated));
  ReverseLedgerEntryRequest reverse;
  reverse.set_entry_id(alpha_claim_.rewards(0).id());
  reverse.set_reason("no credentials");
  LedgerEntry reversal;
  EXPECT_THAT(ledger_->ReverseLedgerEntry(TestServer::Context("").get(), reverse, &reversal),
              StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_EQ(balances.balances_size(), 0);
  EXPECT_EQ(entries.entries_size(), 0);
  EXPECT_EQ(Entries(), 4);
}

TEST_F(LedgerServiceTest, BalancesAreExactAndEachPartnersOwn) {
  EXPECT_THAT(Balances(alpha_admin_, {}),
              ElementsAre("LEDGER_ACCOUNT_PAYABLE 200.00 EUR", "LEDGER_ACCOUNT_POINTS 10 points"));
  EXPECT_THAT(Balances(bravo_rep_, {}),
              ElementsAre("LEDGER_ACCOUNT_PAYABLE 100.00 EUR", "LEDGER_ACCOUNT_POINTS 5 points"));
  GetBalanceRequest bravo;
  bravo.set_partner_id(bravo_.id());
  EXPECT_THAT(Balances(manager_, bravo),
              ElementsAre("LEDGER_ACCOUNT_PAYABLE 100.00 EUR", "LEDGER_ACCOUNT_POINTS 5 points"));

  // Alpha asking for Bravo's balance learns nothing, not even that Bravo exists.
  GetBalanceResponse response;
  EXPECT_THAT(
      ledger_->GetBalance(TestServer::Context(alpha_admin_).get(), bravo, &response),
      StatusIs(absl::StatusCode::kNotFound, absl::StrCat("partner ", bravo_.id(), " not found")));
  EXPECT_EQ(response.balances_size(), 0);
  // A rep reads only their own entries.
  GetBalanceRequest someone_else;
  someone_else.set_user_id(alpha_rep_user_.id() + 1);
  EXPECT_THAT(ledger_->GetBalance(TestServer::Context(alpha_rep_).get(), someone_else, &response),
              StatusIs(absl::StatusCode::kPermissionDenied));
  // Vendor staff name the partner whose balance they want.
  grpc::Status unnamed =
      ledger_->GetBalance(TestServer::Context(finance_).get(), GetBalanceRequest(), &response);
  EXPECT_THAT(unnamed, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ViolatedFields(unnamed), ElementsAre("partner_id"));
}

TEST_F(LedgerServiceTest, EntriesPageThroughTokensAndFiltersAreChecked) {
  ListLedgerEntriesRequest request;
  request.set_page_size(3);
  ListLedgerEntriesResponse first;
  ASSERT_TRUE(
      ledger_->ListLedgerEntries(TestServer::Context(manager_).get(), request, &first).ok());
  ASSERT_EQ(first.entries_size(), 3);
  EXPECT_EQ(first.entries(0).claim_id(), bravo_claim_.id());  // newest first
  ASSERT_FALSE(first.next_page_token().empty());
  request.set_page_token(first.next_page_token());
  ListLedgerEntriesResponse second;
  ASSERT_TRUE(
      ledger_->ListLedgerEntries(TestServer::Context(manager_).get(), request, &second).ok());
  ASSERT_EQ(second.entries_size(), 1);
  EXPECT_EQ(second.entries(0).claim_id(), alpha_claim_.id());
  EXPECT_EQ(second.entries(0).id(), alpha_claim_.rewards(0).id());
  EXPECT_EQ(second.entries(0).amount(), "200.00");
  EXPECT_EQ(second.next_page_token(), "");

  // A token of one list is no token of another.
  request.set_account(LEDGER_ACCOUNT_POINTS);
  ListLedgerEntriesResponse refused;
  grpc::Status status =
      ledger_->ListLedgerEntries(TestServer::Context(manager_).get(), request, &refused);
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ViolatedFields(status), ElementsAre("page_token"));
  ListLedgerEntriesRequest bad;
  bad.set_page_size(-1);
  bad.set_account(static_cast<LedgerAccount>(99));
  bad.set_kind(static_cast<LedgerEntryKind>(99));
  status = ledger_->ListLedgerEntries(TestServer::Context(manager_).get(), bad, &refused);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("page_size", "account", "kind"));

  // Partners list their own entries only.
  ListLedgerEntriesResponse own;
  ASSERT_TRUE(ledger_
                  ->ListLedgerEntries(TestServer::Context(alpha_rep_).get(),
                                      ListLedgerEntriesRequest(), &own)
                  .ok());
  ASSERT_EQ(own.entries_size(), 2);
  EXPECT_EQ(own.entries(0).partner_id(), alpha_.id());
  EXPECT_EQ(own.entries(1).partner_id(), alpha_.id());
  ListLedgerEntriesRequest foreign;
  foreign.set_partner_id(alpha_.id());
  EXPECT_THAT(
      ledger_->ListLedgerEntries(TestServer::Context(bravo_admin_).get(), foreign, &refused),
      StatusIs(absl::StatusCode::kNotFound));
  EXPECT_EQ(refused.entries_size(), 0);
}

TEST_F(LedgerServiceTest, AReversalIsReturnedAndAuditedAsItsCaller) {
  const LedgerEntry& spif = alpha_claim_.rewards(0);
  ASSERT_EQ(spif.amount(), "200.00");
  ReverseLedgerEntryRequest reverse;
  reverse.set_entry_id(spif.id());
  reverse.set_reason("Customer returned both units");
  LedgerEntry reversal;
  EXPECT_THAT(
      ledger_->ReverseLedgerEntry(TestServer::Context(alpha_admin_).get(), reverse, &reversal),
      StatusIs(absl::StatusCode::kPermissionDenied));
  grpc::Status invalid = ledger_->ReverseLedgerEntry(TestServer::Context(finance_).get(),
                                                     ReverseLedgerEntryRequest(), &reversal);
  EXPECT_THAT(invalid, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ViolatedFields(invalid), ElementsAre("entry_id", "reason"));
  ReverseLedgerEntryRequest unknown = reverse;
  unknown.set_entry_id(spif.id() + 1000);
  EXPECT_THAT(ledger_->ReverseLedgerEntry(TestServer::Context(finance_).get(), unknown, &reversal),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_EQ(Entries(), 4);

  auto context = TestServer::Context(finance_);
  context->AddMetadata("x-request-id", "reverse-1");
  ASSERT_TRUE(ledger_->ReverseLedgerEntry(context.get(), reverse, &reversal).ok());
  EXPECT_EQ(reversal.kind(), LEDGER_ENTRY_KIND_REVERSAL);
  EXPECT_EQ(reversal.amount(), "-200.00");
  EXPECT_EQ(reversal.unit(), "EUR");
  EXPECT_EQ(reversal.partner_id(), alpha_.id());
  EXPECT_EQ(reversal.reverses_entry_id(), spif.id());
  EXPECT_EQ(reversal.created_by_user_id(), finance_user_.id());
  EXPECT_THAT(reversal.basis(), HasSubstr("Customer returned both units"));
  EXPECT_EQ(server_.database().Count(
                absl::StrCat("SELECT COUNT(*) FROM audit_log WHERE rpc = 'ReverseLedgerEntry'"
                             " AND entity_type = 'ledger_entries' AND entity_id = '",
                             reversal.id(), "' AND actor_user_id = ", finance_user_.id(),
                             " AND request_id = 'reverse-1'")),
            1);
  EXPECT_THAT(Balances(alpha_admin_, {}),
              ElementsAre("LEDGER_ACCOUNT_PAYABLE 0.00 EUR", "LEDGER_ACCOUNT_POINTS 10 points"));
}

}  // namespace
}  // namespace cim

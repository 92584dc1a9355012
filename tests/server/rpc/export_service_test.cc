// ExportServiceImpl through a real gRPC stream: every export needs credentials; each RPC streams
// its own file (the file message first, then CSV bytes); refusals (bad dates as field
// violations, another partner's data as NOT_FOUND, reps exporting claims) end the call before
// any message; partners' exports hold only their own rows.
#include "server/rpc/export_service.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "cim/v1/export_service.grpc.pb.h"
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
using ::testing::IsEmpty;
using ::testing::StartsWith;
using namespace cim::v1;  // NOLINT: the API's message names read best unqualified here

// What one export call returned.
struct Download {
  grpc::Status status;
  std::vector<FileChunk> messages;

  std::string filename() const {
    return messages.empty() || !messages[0].has_file() ? "" : messages[0].file().filename();
  }
  // The CSV lines of the data messages.
  std::vector<std::string> Lines() const {
    std::string csv;
    for (const FileChunk& m : messages) csv += m.data();
    return absl::StrSplit(csv, "\r\n", absl::SkipEmpty());
  }
  // The `column`th cell of each data line after the header.
  std::vector<std::string> Column(int column) const {
    std::vector<std::string> cells;
    const std::vector<std::string> lines = Lines();
    for (size_t i = 1; i < lines.size(); ++i) {
      std::vector<std::string> row = absl::StrSplit(lines[i], ',');
      cells.push_back(row[column]);
    }
    return cells;
  }
};

class ExportServiceTest : public ApprovedClaimsRpcTest {
 protected:
  void SetUp() override {
    ApprovedClaimsRpcTest::SetUp();
    exports_ = ExportService::NewStub(server_.channel());
    alpha_claim_ = Approved(alpha_rep_, "A-1", /*units=*/2);
    bravo_claim_ = Approved(bravo_rep_, "B-1");
  }

  template <typename Request>
  Download Export(const std::string& token, const Request& request,
                  std::unique_ptr<grpc::ClientReader<FileChunk>> (ExportService::Stub::*rpc)(
                      grpc::ClientContext*, const Request&)) {
    Download out;
    auto context = TestServer::Context(token);
    std::unique_ptr<grpc::ClientReader<FileChunk>> reader =
        ((*exports_).*rpc)(context.get(), request);
    FileChunk chunk;
    while (reader->Read(&chunk)) out.messages.push_back(chunk);
    out.status = reader->Finish();
    return out;
  }

  std::unique_ptr<ExportService::Stub> exports_;
  Claim alpha_claim_, bravo_claim_;
};

TEST_F(ExportServiceTest, EveryExportNeedsCredentials) {
  const Download downloads[] = {
      Export("", ExportClaimsRequest(), &ExportService::Stub::ExportClaims),
      Export("", ExportLedgerRequest(), &ExportService::Stub::ExportLedger),
      Export("cims_forged", ExportStatementsRequest(), &ExportService::Stub::ExportStatements),
      Export("", ExportProgramPerformanceRequest(), &ExportService::Stub::ExportProgramPerformance),
  };
  for (const Download& d : downloads) {
    EXPECT_THAT(d.status, StatusIs(absl::StatusCode::kUnauthenticated));
    EXPECT_THAT(d.messages, IsEmpty());
  }
}

TEST_F(ExportServiceTest, EachRpcStreamsItsOwnFileFileMessageFirst) {
  const Download claims =
      Export(manager_, ExportClaimsRequest(), &ExportService::Stub::ExportClaims);
  ASSERT_TRUE(claims.status.ok()) << claims.status.error_message();
  ASSERT_GE(claims.messages.size(), 2u);
  EXPECT_EQ(claims.filename(), "claims-2026-03-02.csv");
  EXPECT_EQ(claims.messages[0].file().content_type(), "text/csv; charset=utf-8");
  for (size_t i = 1; i < claims.messages.size(); ++i) EXPECT_TRUE(claims.messages[i].has_data());
  EXPECT_THAT(claims.Lines()[0], StartsWith("claim_id,program_id,partner_id,status,"));
  EXPECT_THAT(claims.Column(0),
              ElementsAre(absl::StrCat(bravo_claim_.id()), absl::StrCat(alpha_claim_.id())));
  EXPECT_THAT(claims.Column(9), ElementsAre("1000.00", "2000.00"));  // total_amount

  const Download ledger =
      Export(finance_, ExportLedgerRequest(), &ExportService::Stub::ExportLedger);
  ASSERT_TRUE(ledger.status.ok()) << ledger.status.error_message();
  EXPECT_EQ(ledger.filename(), "ledger-2026-03-02.csv");
  EXPECT_THAT(ledger.Column(12), ElementsAre("5", "100.00", "10", "200.00"));  // amount

  const Download statements =
      Export(finance_, ExportStatementsRequest(), &ExportService::Stub::ExportStatements);
  ASSERT_TRUE(statements.status.ok()) << statements.status.error_message();
  EXPECT_EQ(statements.filename(), "statements-2026-03-02.csv");
  EXPECT_THAT(statements.Lines(), ElementsAre(StartsWith("statement_id,payout_run_id,")));

  ExportProgramPerformanceRequest performance;
  performance.set_program_id(program_.id());
  const Download report =
      Export(manager_, performance, &ExportService::Stub::ExportProgramPerformance);
  ASSERT_TRUE(report.status.ok()) << report.status.error_message();
  EXPECT_THAT(report.filename(),
              StartsWith(absl::StrCat("program-", program_.id(), "-performance-")));
  EXPECT_THAT(report.Lines()[0], StartsWith("segment,key,label,partners,"));
}

TEST_F(ExportServiceTest, PartnersExportOnlyTheirOwnRows) {
  const Download own =
      Export(alpha_admin_, ExportLedgerRequest(), &ExportService::Stub::ExportLedger);
  ASSERT_TRUE(own.status.ok()) << own.status.error_message();
  EXPECT_THAT(own.Column(2), ElementsAre(absl::StrCat(alpha_.id()), absl::StrCat(alpha_.id())));
  const Download claims =
      Export(alpha_admin_, ExportClaimsRequest(), &ExportService::Stub::ExportClaims);
  ASSERT_TRUE(claims.status.ok()) << claims.status.error_message();
  EXPECT_THAT(claims.Column(0), ElementsAre(absl::StrCat(alpha_claim_.id())));

  ExportLedgerRequest foreign;
  foreign.set_partner_id(bravo_.id());
  const Download refused = Export(alpha_admin_, foreign, &ExportService::Stub::ExportLedger);
  EXPECT_THAT(refused.status, StatusIs(absl::StatusCode::kNotFound,
                                       absl::StrCat("partner ", bravo_.id(), " not found")));
  EXPECT_THAT(refused.messages, IsEmpty());
  const Download rep =
      Export(alpha_rep_, ExportClaimsRequest(), &ExportService::Stub::ExportClaims);
  EXPECT_THAT(rep.status, StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(rep.messages, IsEmpty());
}

TEST_F(ExportServiceTest, BadDatesAreFieldViolationsBeforeAnyMessage) {
  ExportClaimsRequest claims;
  claims.set_from_date("2026-13-01");
  claims.set_to_date("yesterday");
  const Download bad_claims = Export(manager_, claims, &ExportService::Stub::ExportClaims);
  EXPECT_THAT(bad_claims.status, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ViolatedFields(bad_claims.status), ElementsAre("from_date", "to_date"));
  EXPECT_THAT(bad_claims.messages, IsEmpty());

  ExportStatementsRequest statements;
  statements.set_from_date("2026-03-31");
  statements.set_to_date("2026-03-01");
  const Download backwards = Export(finance_, statements, &ExportService::Stub::ExportStatements);
  EXPECT_THAT(ViolatedFields(backwards.status), ElementsAre("from_date"));
  EXPECT_THAT(backwards.messages, IsEmpty());
}

}  // namespace
}  // namespace cim

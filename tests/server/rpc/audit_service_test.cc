// The audit trail through real gRPC against MariaDB: state-changing RPCs record who changed
// which entity from what to what, in the same transaction; failed calls and idempotent retries
// record nothing; concurrent writers keep one unbroken chain; VerifyAuditTrail and
// --verify_audit find edited, deleted and truncated records; only program admins and finance
// read the trail, and bad filters are field errors.
#include <soci/soci.h>

#include <set>
#include <sstream>
#include <thread>

#include "cim/v1/audit_service.grpc.pb.h"
#include "cim/v1/tier_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/app/commands.h"
#include "server/audit/audit_chain.h"
#include "server/audit/mysql_audit.h"
#include "tests/server/recognition/recognition_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::IsSupersetOf;

class AuditRpcTest : public RecognitionFixture {
 protected:
  void SetUp() override {
    RecognitionFixture::SetUp();
    audit_ = AuditService::NewStub(server_.channel());
  }

  absl::StatusOr<ListAuditRecordsResponse> List(const std::string& token,
                                                const ListAuditRecordsRequest& request) {
    ListAuditRecordsResponse response;
    grpc::Status status =
        audit_->ListAuditRecords(TestServer::Context(token).get(), request, &response);
    if (!status.ok()) {
      return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                          status.error_message());
    }
    return response;
  }

  std::vector<v1::AuditRecord> Records(const std::string& entity_type, int64_t entity_id) {
    ListAuditRecordsRequest request;
    request.set_entity_type(entity_type);
    request.set_entity_id(absl::StrCat(entity_id));
    absl::StatusOr<ListAuditRecordsResponse> response = List(admin_, request);
    EXPECT_TRUE(response.ok()) << response.status();
    if (!response.ok()) return {};
    return {response->records().begin(), response->records().end()};
  }

  // As finance (signed in once: each sign-in is itself recorded).
  VerifyAuditTrailResponse Verify() {
    if (finance_.empty()) finance_ = server_.Login("fin@vendor.example");
    VerifyAuditTrailResponse response;
    grpc::Status status = audit_->VerifyAuditTrail(TestServer::Context(finance_).get(),
                                                   VerifyAuditTrailRequest(), &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  long long Count(const std::string& sql) { return server_.database().Count(sql); }

  // Waits until the sealer has chained every record written so far.
  void Sealed() {
    ASSERT_TRUE(
        Eventually([&] { return Count("SELECT COUNT(*) FROM audit_log WHERE seq IS NULL") == 0; }));
  }

  // Runs `sql` as a database administrator would, with the append-only triggers dropped.
  void Tamper(const std::string& sql) {
    absl::Status status = server_.database().db().Run([&](soci::session& s) -> absl::Status {
      s << "DROP TRIGGER IF EXISTS audit_log_seal_only";
      s << "DROP TRIGGER IF EXISTS audit_log_no_delete";
      s << sql;
      return absl::OkStatus();
    });
    ASSERT_TRUE(status.ok()) << status;
  }

  std::unique_ptr<AuditService::Stub> audit_;
  std::string finance_;
};

TEST_F(AuditRpcTest, RecordsWhoChangedWhatFromWhatToWhat) {
  // A call through a gateway carries the request id and the browser's address.
  SubmitClaimRequest submit;
  submit.set_idempotency_key("audit-claim-1");
  Claim* c = submit.mutable_claim();
  c->set_program_id(program_.id());
  c->set_invoice_number("INV-A1");
  c->set_invoice_date("2026-03-01");
  c->set_customer_name("Audit Customer");
  c->set_customer_country("NL");
  c->set_currency_code("EUR");
  ClaimLine* line = c->add_lines();
  line->set_sku("ST-200");
  line->set_quantity(2);
  line->set_unit_price("1000");
  Claim claim;
  const std::string cm = server_.Login("cm@vendor.example");
  auto context = TestServer::Context(rep1_token_);
  context->AddMetadata("x-request-id", "req-audit-1");
  context->AddMetadata("x-forwarded-for", "203.0.113.7");
  grpc::Status submitted_status = claims_->SubmitClaim(context.get(), submit, &claim);
  ASSERT_TRUE(submitted_status.ok()) << submitted_status.error_message();
  ReviewClaimRequest approve;
  approve.set_claim_id(claim.id());
  ASSERT_TRUE(claims_->ApproveClaim(TestServer::Context(cm).get(), approve, &claim).ok());
  // A retried submission returns the claim and records nothing.
  Claim again;
  ASSERT_TRUE(claims_->SubmitClaim(TestServer::Context(rep1_token_).get(), submit, &again).ok());
  EXPECT_EQ(again.id(), claim.id());

  Sealed();
  const std::vector<v1::AuditRecord> records = Records("claims", claim.id());
  ASSERT_EQ(records.size(), 2u);
  const v1::AuditRecord& approved = records[0];  // newest first
  const v1::AuditRecord& submitted = records[1];
  EXPECT_EQ(submitted.rpc(), "SubmitClaim");
  EXPECT_EQ(submitted.actor_user_id(), rep1_.id());
  EXPECT_EQ(submitted.actor_role(), ROLE_PARTNER_REP);
  EXPECT_EQ(submitted.actor_partner_id(), alpha_.id());
  EXPECT_EQ(submitted.request_id(), "req-audit-1");
  EXPECT_THAT(submitted.client_address(), HasSubstr("203.0.113.7 via ipv"));
  EXPECT_EQ(submitted.before_json(), "");
  EXPECT_THAT(submitted.after_json(), HasSubstr("\"status\":1"));
  EXPECT_THAT(submitted.after_json(), HasSubstr("\"invoice_number\":\"INV-A1\""));
  EXPECT_THAT(submitted.after_json(), HasSubstr("ST-200"));
  EXPECT_EQ(approved.rpc(), "ApproveClaim");
  EXPECT_EQ(approved.actor_role(), ROLE_CHANNEL_MANAGER);
  EXPECT_EQ(approved.actor_partner_id(), 0);
  EXPECT_EQ(approved.request_id().size(), 16u);  // the server's own id when none was sent
  EXPECT_EQ(approved.before_json(), submitted.after_json());
  EXPECT_THAT(approved.after_json(), HasSubstr("\"status\":3"));
  EXPECT_THAT(approved.after_json(), HasSubstr("\"total_amount\":\"2000.0000\""));
  EXPECT_EQ(approved.seq(), submitted.seq() + 1);
  EXPECT_EQ(approved.prev_hash(), submitted.hash());

  // Filters: by request id, by actor, by RPC.
  ListAuditRecordsRequest by_request;
  by_request.set_request_id("req-audit-1");
  absl::StatusOr<ListAuditRecordsResponse> found = List(admin_, by_request);
  ASSERT_TRUE(found.ok()) << found.status();
  ASSERT_EQ(found->records_size(), 1);
  EXPECT_EQ(found->records(0).seq(), submitted.seq());
  ListAuditRecordsRequest by_partner;
  by_partner.set_actor_partner_id(alpha_.id());
  by_partner.set_rpc("SubmitClaim");
  found = List(admin_, by_partner);
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_EQ(found->records_size(), 1);

  // Secrets never reach the trail.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE after_json LIKE '%password_hash%'"
                  " OR after_json LIKE '%token_hash%'"),
            0);
  EXPECT_GT(Count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'access_tokens'"), 0);
  // A sign-in is recorded as the signed-in user's.
  EXPECT_GT(Count("SELECT COUNT(*) FROM audit_log WHERE rpc = 'Login'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE rpc = 'Login' AND actor_user_id = 0"), 0);
}

TEST_F(AuditRpcTest, EveryKindOfChangeIsRecordedAndFailuresAreNot) {
  // The fixture's setup went through the RPCs; more kinds here.
  Approve(rep1_token_, 1);
  CreateBadge(
      R"pb(name: "First"
           criteria { event_count { event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED count: 1 } })pb");
  CreateBoard(R"pb(name: "Points"
                   metric: RECOGNITION_METRIC_POINTS
                   scope: LEADERBOARD_SCOPE_INDIVIDUAL
                   period: LEADERBOARD_PERIOD_MONTH)pb");
  LmsKey();
  auto tiers = TierService::NewStub(server_.channel());
  SetTierLadderRequest ladder;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
      R"pb(currency_code: "EUR"
           tiers { code: "registered" name: "Registered" })pb",
      ladder.mutable_ladder()));
  TierLadder set;
  ASSERT_TRUE(tiers->SetTierLadder(TestServer::Context(admin_).get(), ladder, &set).ok());

  std::set<std::string> rpcs;
  absl::Status read = server_.database().db().Run([&](soci::session& s) -> absl::Status {
    soci::rowset<std::string> rows = s.prepare << "SELECT DISTINCT rpc FROM audit_log";
    rpcs.insert(rows.begin(), rows.end());
    return absl::OkStatus();
  });
  ASSERT_TRUE(read.ok()) << read;
  EXPECT_THAT(rpcs, IsSupersetOf({"Login", "ImportProducts", "CreateProgram", "ActivateProgram",
                                  "EnrollPartner", "SubmitClaim", "ApproveClaim", "CreateBadge",
                                  "CreateLeaderboard", "IssueApiKey", "SetTierLadder"}));
  // The ladder is one entity: its rows before and after.
  ListAuditRecordsRequest tiers_filter;
  tiers_filter.set_entity_type("tiers");
  absl::StatusOr<ListAuditRecordsResponse> ladder_records = List(admin_, tiers_filter);
  ASSERT_TRUE(ladder_records.ok());
  ASSERT_EQ(ladder_records->records_size(), 1);
  EXPECT_EQ(ladder_records->records(0).before_json(), "[]");
  EXPECT_THAT(ladder_records->records(0).after_json(), HasSubstr("\"code\":\"registered\""));

  // A refused change records nothing.
  const int64_t claim_id = Approve(rep1_token_, 1);
  const std::string cm = server_.Login("cm@vendor.example");
  const long long last = Count("SELECT MAX(id) FROM audit_log");
  ReviewClaimRequest again;
  again.set_claim_id(claim_id);
  Claim claim;
  EXPECT_FALSE(claims_->ApproveClaim(TestServer::Context(cm).get(), again, &claim).ok());
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM audit_log WHERE id > ", last)), 0);
}

TEST_F(AuditRpcTest, ConcurrentChangesKeepOneUnbrokenChain) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i) {
        SubmitClaimRequest submit;
        submit.set_idempotency_key(absl::StrCat("chain-", t, "-", i));
        Claim* c = submit.mutable_claim();
        c->set_program_id(program_.id());
        c->set_invoice_number(absl::StrCat("CH-", t, "-", i));
        c->set_invoice_date("2026-03-01");
        c->set_customer_name("Chain Customer");
        c->set_customer_country("NL");
        c->set_currency_code("EUR");
        ClaimLine* line = c->add_lines();
        line->set_sku("ST-200");
        line->set_quantity(1);
        line->set_unit_price("1000");
        Claim claim;
        grpc::Status status = claims_->SubmitClaim(
            TestServer::Context(t % 2 == 0 ? rep1_token_ : bravo_token_).get(), submit, &claim);
        EXPECT_TRUE(status.ok()) << status.error_message();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  finance_ = server_.Login("fin@vendor.example");  // before the count: a sign-in is recorded
  Sealed();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE rpc = 'SubmitClaim'"), 40);
  // Each claim is recorded as its own submitter's, though claims are stored in batches.
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM audit_log a JOIN claims c ON c.id ="
                               " a.entity_id WHERE a.rpc = 'SubmitClaim' AND"
                               " a.actor_user_id <> c.submitted_by")),
            0);
  EXPECT_EQ(Count("SELECT MAX(seq) - COUNT(*) FROM audit_log"), 0);  // no gaps
  const VerifyAuditTrailResponse verified = Verify();
  EXPECT_TRUE(verified.intact()) << verified.problem();
  EXPECT_EQ(verified.records_checked(), Count("SELECT COUNT(*) FROM audit_log"));
  EXPECT_EQ(verified.head_seq(), verified.records_checked());
}

TEST_F(AuditRpcTest, VerificationFindsEditedDeletedAndTruncatedRecords) {
  Approve(rep1_token_, 1);
  finance_ = server_.Login("fin@vendor.example");
  Sealed();
  VerifyAuditTrailResponse verified = Verify();
  ASSERT_TRUE(verified.intact()) << verified.problem();
  const int64_t head = verified.head_seq();
  ASSERT_GE(head, 10);
  EXPECT_EQ(verified.head_hash().size(), 64u);

  // The table refuses edits (of sealed records) and deletes while its triggers are in place.
  absl::Status refused = server_.database().db().Run([&](soci::session& s) -> absl::Status {
    s << "UPDATE audit_log SET rpc = 'x' WHERE seq = 1";
    return absl::OkStatus();
  });
  EXPECT_THAT(refused, StatusIs(absl::StatusCode::kInternal));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE rpc = 'x'"), 0);

  // Records deleted at the end: the head still names them.
  Tamper(absl::StrCat("DELETE FROM audit_log WHERE seq >= ", head - 1));
  verified = Verify();
  EXPECT_FALSE(verified.intact());
  EXPECT_EQ(verified.broken_seq(), head - 1);
  EXPECT_THAT(verified.problem(), HasSubstr("the trail ends before its head"));

  // An edited record.
  Tamper("UPDATE audit_log SET after_json = CONCAT(after_json, ' ') WHERE seq = 5");
  verified = Verify();
  EXPECT_FALSE(verified.intact());
  EXPECT_EQ(verified.broken_seq(), 5);
  EXPECT_THAT(verified.problem(), HasSubstr("record 5 was changed"));
  std::ostringstream printed;
  ServerOptions options;
  options.db_connect = server_.database().connect_string();
  absl::StatusOr<bool> command = VerifyAudit(options, printed);
  ASSERT_TRUE(command.ok()) << command.status();
  EXPECT_FALSE(*command);
  EXPECT_THAT(printed.str(), HasSubstr("BROKEN at record 5"));

  // An edit whose hash is recomputed (SHA-256 needs no secret) breaks the next record's link.
  MysqlAuditRepository repository(server_.database().db());
  absl::StatusOr<std::vector<cim::AuditRecord>> fifth = repository.ReadChain(4, 1);
  ASSERT_TRUE(fifth.ok() && fifth->size() == 1u);
  const std::string forged = AuditHash((*fifth)[0], (*fifth)[0].prev_hash);
  Tamper(absl::StrCat("UPDATE audit_log SET hash = '", forged, "' WHERE seq = 5"));
  verified = Verify();
  EXPECT_FALSE(verified.intact());
  EXPECT_EQ(verified.broken_seq(), 6);
  EXPECT_THAT(verified.problem(), HasSubstr("does not follow the record before it"));

  // A deleted record in the middle.
  Tamper("DELETE FROM audit_log WHERE seq = 3");
  verified = Verify();
  EXPECT_FALSE(verified.intact());
  EXPECT_EQ(verified.broken_seq(), 3);
  EXPECT_THAT(verified.problem(), HasSubstr("record 3 is missing"));
}

TEST_F(AuditRpcTest, QuizAnswersInTheTrailAreForProgramAdminsOnly) {
  CreateTrainingModuleRequest create;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
      "title: \"Wi-Fi basics\" duration_minutes: 20 pass_mark: 100"
      " quiz_questions { prompt: \"Furthest band?\" options: \"2.4 GHz\" options: \"5 GHz\""
      " correct_options: 0 }",
      create.mutable_training_module()));
  TrainingModule module;
  ASSERT_TRUE(
      recognition_->CreateTrainingModule(TestServer::Context(admin_).get(), create, &module).ok());
  const std::vector<v1::AuditRecord> seen_by_admin = Records("training_modules", module.id());
  ASSERT_EQ(seen_by_admin.size(), 1);
  EXPECT_THAT(seen_by_admin[0].after_json(), HasSubstr("correct_options"));

  ListAuditRecordsRequest request;
  request.set_entity_type("training_modules");
  request.set_entity_id(absl::StrCat(module.id()));
  absl::StatusOr<ListAuditRecordsResponse> seen_by_finance =
      List(server_.Login("fin@vendor.example"), request);
  ASSERT_TRUE(seen_by_finance.ok()) << seen_by_finance.status();
  ASSERT_EQ(seen_by_finance->records_size(), 1);
  const std::string& after = seen_by_finance->records(0).after_json();
  EXPECT_THAT(after, HasSubstr("\"quiz_json\":\"(hidden: only program admins see quiz answers)\""));
  EXPECT_THAT(after, HasSubstr("\"title\":\"Wi-Fi basics\""));
  EXPECT_EQ(after.find("correct_options"), std::string::npos);
  EXPECT_TRUE(Verify().intact());
}

TEST_F(AuditRpcTest, OnlyAdminsAndFinanceReadAndFiltersAreChecked) {
  EXPECT_THAT(List(rep1_token_, ListAuditRecordsRequest()).status(),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(List(server_.Login("cm@vendor.example"), ListAuditRecordsRequest()).status(),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_TRUE(List(server_.Login("fin@vendor.example"), ListAuditRecordsRequest()).ok());
  VerifyAuditTrailResponse response;
  EXPECT_EQ(audit_
                ->VerifyAuditTrail(TestServer::Context(rep1_token_).get(),
                                   VerifyAuditTrailRequest(), &response)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);

  ListAuditRecordsRequest bad;
  bad.set_page_size(501);
  EXPECT_THAT(List(admin_, bad).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_size")));
  bad = ListAuditRecordsRequest();
  bad.set_entity_id("4");
  EXPECT_THAT(List(admin_, bad).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("entity_type")));
  bad = ListAuditRecordsRequest();
  bad.mutable_from_time()->set_seconds(2000000000);
  bad.mutable_to_time()->set_seconds(1000000000);
  EXPECT_THAT(List(admin_, bad).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("from_time")));
  bad = ListAuditRecordsRequest();
  bad.set_page_token("not-a-token");
  EXPECT_THAT(List(admin_, bad).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_token")));

  // Paging walks the whole (sealed) trail newest first without repeats.
  Sealed();
  ListAuditRecordsRequest page;
  page.set_page_size(7);
  std::set<int64_t> seen;
  int64_t last = 0;
  for (int i = 0; i < 100; ++i) {
    absl::StatusOr<ListAuditRecordsResponse> r = List(admin_, page);
    ASSERT_TRUE(r.ok()) << r.status();
    for (const v1::AuditRecord& record : r->records()) {
      if (last != 0) EXPECT_LT(record.seq(), last);
      last = record.seq();
      seen.insert(record.seq());
    }
    if (r->next_page_token().empty()) break;
    page.set_page_token(r->next_page_token());
  }
  EXPECT_EQ(static_cast<long long>(seen.size()), Count("SELECT COUNT(*) FROM audit_log"));
}

}  // namespace
}  // namespace cim

// AuditTrail over the real audit store: only program admins and finance read or verify it; bad
// list requests are INVALID_ARGUMENT naming each field; records come newest first, page by page,
// narrowed by actor, partner, RPC, entity, request and time; quiz answers in training-module
// snapshots are hidden from everyone but program admins (and only there); SealPending chains
// every pending record, more than one batch's worth, and VerifyAll walks the whole chain to its
// head, leaving records not yet sealed for the next time.
#include "server/audit/audit_trail.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/audit_scope.h"
#include "lib/proto_time.h"
#include "server/audit/mysql_audit.h"
#include "server/db/table.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_database.h"

namespace cim {
namespace {

using ::cim::testing::IsOk;
using ::cim::testing::StatusIs;
using ::cim::testing::ViolatedFields;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

Principal Caller(cim::v1::Role role) {
  Principal p;
  p.user_id = 1;
  p.role = role;
  return p;
}

class AuditTrailTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_THAT(database_.db().Run([](soci::session& s) -> absl::Status {
      s << "CREATE TABLE gadgets (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40) NOT NULL,"
           " quiz_json VARCHAR(200) NOT NULL DEFAULT '', version BIGINT NOT NULL DEFAULT 1)";
      return absl::OkStatus();
    }),
                IsOk());
  }

  // Creates `count` gadgets in one transaction as `actor`; returns the last one's id.
  int64_t Create(const AuditActor& actor, int count = 1, const std::string& quiz_json = "") {
    AuditScope scope(actor);
    int64_t id = 0;
    EXPECT_THAT(database_.db().Transact([&](soci::session& s) -> absl::Status {
      for (int i = 0; i < count; ++i) {
        id = gadgets_.Insert(
            s, Columns().Set("name", absl::StrCat("gadget ", i)).Set("quiz_json", quiz_json));
      }
      return absl::OkStatus();
    }),
                IsOk());
    return id;
  }

  void Rename(const AuditActor& actor, int64_t id, const std::string& name) {
    AuditScope scope(actor);
    EXPECT_THAT(database_.db().Transact([&](soci::session& s) -> absl::Status {
      gadgets_.Update(s, id, Columns().Set("name", name), /*version=*/1);
      return absl::OkStatus();
    }),
                IsOk());
  }

  // Request ids of the records `request` lists for a program admin.
  std::vector<std::string> Listed(const cim::v1::ListAuditRecordsRequest& request) {
    std::vector<std::string> out;
    absl::StatusOr<cim::v1::ListAuditRecordsResponse> listed = trail_.List(admin_, request);
    EXPECT_TRUE(listed.ok()) << listed.status();
    if (listed.ok()) {
      for (const cim::v1::AuditRecord& r : listed->records()) out.push_back(r.request_id());
    }
    return out;
  }

  testing::TestDatabase database_;
  MysqlAuditRepository repository_{database_.db()};
  AuditTrail trail_{repository_};
  const Table gadgets_{"gadgets"};
  const Principal admin_ = Caller(cim::v1::ROLE_PROGRAM_ADMIN);
  const Principal finance_ = Caller(cim::v1::ROLE_FINANCE);
};

TEST_F(AuditTrailTest, OnlyProgramAdminsAndFinanceRead) {
  Create({.user_id = 5, .rpc = "CreateGadget", .request_id = "r1"});
  for (cim::v1::Role role : {cim::v1::ROLE_CHANNEL_MANAGER, cim::v1::ROLE_PARTNER_ADMIN,
                             cim::v1::ROLE_PARTNER_REP, cim::v1::ROLE_SERVICE_ACCOUNT}) {
    EXPECT_THAT(trail_.List(Caller(role), {}),
                StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("audit trail")))
        << cim::v1::Role_Name(role);
    EXPECT_THAT(trail_.Verify(Caller(role)), StatusIs(absl::StatusCode::kPermissionDenied))
        << cim::v1::Role_Name(role);
  }
  for (const Principal& reader : {admin_, finance_}) {
    absl::StatusOr<cim::v1::ListAuditRecordsResponse> listed = trail_.List(reader, {});
    ASSERT_TRUE(listed.ok()) << listed.status();
    EXPECT_EQ(listed->records_size(), 1);
    EXPECT_THAT(trail_.Verify(reader), IsOk());
  }
}

TEST_F(AuditTrailTest, BadListRequestsNameEachField) {
  cim::v1::ListAuditRecordsRequest bad;
  bad.set_page_size(-1);
  bad.set_actor_user_id(-1);
  bad.set_actor_partner_id(-2);
  bad.set_entity_id("7");
  bad.set_rpc(std::string(81, 'x'));
  bad.mutable_from_time()->set_seconds(2000);
  bad.mutable_to_time()->set_seconds(1000);
  absl::StatusOr<cim::v1::ListAuditRecordsResponse> refused = trail_.List(admin_, bad);
  EXPECT_THAT(refused, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ViolatedFields(refused.status()),
              ElementsAre("page_size", "actor_user_id", "actor_partner_id", "entity_id", "rpc",
                          "from_time"));

  cim::v1::ListAuditRecordsRequest forged;
  forged.set_page_token("not-a-token");
  EXPECT_THAT(ViolatedFields(trail_.List(admin_, forged).status()), ElementsAre("page_token"));
}

TEST_F(AuditTrailTest, ListsNewestFirstPageByPageAndByFilter) {
  const int64_t first =
      Create({.user_id = 5, .rpc = "CreateGadget", .request_id = "r1", .client_address = "c1"});
  Rename({.user_id = 6,
          .role = cim::v1::ROLE_PARTNER_ADMIN,
          .partner_id = 2,
          .rpc = "RenameGadget",
          .request_id = "r2"},
         first, "renamed");
  Create({.user_id = 6, .partner_id = 2, .rpc = "CreateGadget", .request_id = "r3"});

  cim::v1::ListAuditRecordsRequest page;
  page.set_page_size(2);
  absl::StatusOr<cim::v1::ListAuditRecordsResponse> newest = trail_.List(admin_, page);
  ASSERT_TRUE(newest.ok()) << newest.status();
  ASSERT_EQ(newest->records_size(), 2);
  EXPECT_EQ(newest->records(0).request_id(), "r3");
  const cim::v1::AuditRecord& renamed = newest->records(1);
  EXPECT_EQ(renamed.request_id(), "r2");
  EXPECT_EQ(renamed.rpc(), "RenameGadget");
  EXPECT_EQ(renamed.actor_user_id(), 6);
  EXPECT_EQ(renamed.actor_role(), cim::v1::ROLE_PARTNER_ADMIN);
  EXPECT_EQ(renamed.actor_partner_id(), 2);
  EXPECT_EQ(renamed.entity_type(), "gadgets");
  EXPECT_EQ(renamed.entity_id(), absl::StrCat(first));
  EXPECT_THAT(renamed.before_json(), HasSubstr("\"name\":\"gadget 0\""));
  EXPECT_THAT(renamed.after_json(), HasSubstr("\"name\":\"renamed\""));
  EXPECT_EQ(renamed.seq(), 0);  // not sealed yet
  ASSERT_FALSE(newest->next_page_token().empty());
  page.set_page_token(newest->next_page_token());
  absl::StatusOr<cim::v1::ListAuditRecordsResponse> oldest = trail_.List(admin_, page);
  ASSERT_TRUE(oldest.ok()) << oldest.status();
  ASSERT_EQ(oldest->records_size(), 1);
  EXPECT_EQ(oldest->records(0).request_id(), "r1");
  EXPECT_EQ(oldest->records(0).client_address(), "c1");
  EXPECT_EQ(oldest->records(0).before_json(), "");
  EXPECT_EQ(oldest->next_page_token(), "");

  cim::v1::ListAuditRecordsRequest filter;
  filter.set_rpc("CreateGadget");
  EXPECT_THAT(Listed(filter), ElementsAre("r3", "r1"));
  filter.Clear();
  filter.set_actor_user_id(6);
  EXPECT_THAT(Listed(filter), ElementsAre("r3", "r2"));
  filter.Clear();
  filter.set_actor_partner_id(2);
  filter.set_rpc("RenameGadget");
  EXPECT_THAT(Listed(filter), ElementsAre("r2"));
  filter.Clear();
  filter.set_entity_type("gadgets");
  filter.set_entity_id(absl::StrCat(first));
  EXPECT_THAT(Listed(filter), ElementsAre("r2", "r1"));
  filter.Clear();
  filter.set_request_id("r1");
  EXPECT_THAT(Listed(filter), ElementsAre("r1"));
  filter.Clear();
  SetTimestamp(absl::Now() - absl::Hours(1), filter.mutable_from_time());
  SetTimestamp(absl::Now() + absl::Hours(1), filter.mutable_to_time());
  EXPECT_THAT(Listed(filter), ElementsAre("r3", "r2", "r1"));
  SetTimestamp(absl::Now() + absl::Hours(1), filter.mutable_from_time());
  SetTimestamp(absl::Now() + absl::Hours(2), filter.mutable_to_time());
  EXPECT_THAT(Listed(filter), ElementsAre());
}

TEST_F(AuditTrailTest, QuizAnswersAreForProgramAdminsOnly) {
  const std::string quiz = R"([{"prompt":"Furthest band?","correct_options":[0]}])";
  {
    AuditScope scope({.user_id = 1, .rpc = "CreateTrainingModule", .request_id = "quiz"});
    ASSERT_THAT(database_.db().Transact([&](soci::session& s) -> absl::Status {
      Table("training_modules")
          .Insert(s, Columns()
                         .Set("title", "Wi-Fi basics")
                         .Set("description", "")
                         .Set("duration_minutes", 20)
                         .Set("points", "10")
                         .Set("certification_code", "")
                         .Set("certification_valid_months", 0)
                         .Set("pass_mark", 100)
                         .Set("created_by", 1LL)
                         .Set("created_at", absl::FromUnixSeconds(1772442000))
                         .Set("quiz_json", quiz));
      return absl::OkStatus();
    }),
                IsOk());
  }
  Create({.user_id = 1, .rpc = "CreateGadget", .request_id = "gadget"}, 1, quiz);

  cim::v1::ListAuditRecordsRequest modules;
  modules.set_entity_type("training_modules");
  absl::StatusOr<cim::v1::ListAuditRecordsResponse> for_finance = trail_.List(finance_, modules);
  ASSERT_TRUE(for_finance.ok()) << for_finance.status();
  ASSERT_EQ(for_finance->records_size(), 1);
  EXPECT_THAT(for_finance->records(0).after_json(),
              HasSubstr("\"quiz_json\":\"(hidden: only program admins see quiz answers)\""));
  EXPECT_THAT(for_finance->records(0).after_json(), Not(HasSubstr("correct_options")));
  EXPECT_THAT(for_finance->records(0).after_json(), HasSubstr("\"title\":\"Wi-Fi basics\""));

  absl::StatusOr<cim::v1::ListAuditRecordsResponse> for_admin = trail_.List(admin_, modules);
  ASSERT_TRUE(for_admin.ok()) << for_admin.status();
  EXPECT_THAT(for_admin->records(0).after_json(), HasSubstr("correct_options"));

  // Other entities' columns of the same name are not quizzes.
  cim::v1::ListAuditRecordsRequest gadgets;
  gadgets.set_entity_type("gadgets");
  absl::StatusOr<cim::v1::ListAuditRecordsResponse> gadget = trail_.List(finance_, gadgets);
  ASSERT_TRUE(gadget.ok()) << gadget.status();
  ASSERT_EQ(gadget->records_size(), 1);
  EXPECT_THAT(gadget->records(0).after_json(), HasSubstr("correct_options"));
}

TEST_F(AuditTrailTest, SealsEveryPendingRecordAndVerifiesTheWholeChain) {
  absl::StatusOr<cim::v1::VerifyAuditTrailResponse> empty = trail_.VerifyAll();
  ASSERT_TRUE(empty.ok()) << empty.status();
  EXPECT_TRUE(empty->intact());
  EXPECT_EQ(empty->records_checked(), 0);
  EXPECT_EQ(empty->head_seq(), 0);

  // More than one sealing batch (2,000) and one verification batch.
  constexpr int kRecords = 2100;
  Create({.user_id = 5, .rpc = "ImportGadgets", .request_id = "bulk"}, kRecords);
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM audit_log WHERE hash IS NULL"), kRecords);
  ASSERT_THAT(trail_.SealPending(), IsOk());
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM audit_log WHERE hash IS NULL"), 0);
  EXPECT_EQ(database_.Count("SELECT MAX(seq) FROM audit_log"), kRecords);

  // A record committed after sealing lies beyond the head until the next seal.
  Create({.user_id = 5, .rpc = "CreateGadget", .request_id = "late"});
  absl::StatusOr<cim::v1::VerifyAuditTrailResponse> verified = trail_.VerifyAll();
  ASSERT_TRUE(verified.ok()) << verified.status();
  EXPECT_TRUE(verified->intact()) << verified->problem();
  EXPECT_EQ(verified->records_checked(), kRecords);
  EXPECT_EQ(verified->head_seq(), kRecords);
  absl::StatusOr<std::vector<AuditRecord>> last = repository_.ReadChain(kRecords - 1, 1);
  ASSERT_TRUE(last.ok() && last->size() == 1u);
  EXPECT_EQ(verified->head_hash(), (*last)[0].hash);

  ASSERT_THAT(trail_.SealPending(), IsOk());
  verified = trail_.Verify(finance_);
  ASSERT_TRUE(verified.ok()) << verified.status();
  EXPECT_TRUE(verified->intact()) << verified->problem();
  EXPECT_EQ(verified->records_checked(), kRecords + 1);
}

}  // namespace
}  // namespace cim

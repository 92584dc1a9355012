// The audit trail's commit hook against MariaDB: what stores announce through server/db/table.h
// becomes records with the entity's state before and after (secrets left out), once per entity
// and request, nothing for an entity that did not change or a change outside an AuditScope, a
// whole view as one JSON array, and a batch's "before" states read ahead in one query.
#include "server/audit/mysql_audit.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/audit_scope.h"
#include "server/db/table.h"
#include "tests/testing/test_database.h"

namespace cim {
namespace {

using ::testing::ElementsAre;

struct Record {
  std::string rpc, entity_type, entity_id, before, after, request_id;
  long long actor = 0;
  bool operator==(const Record&) const = default;
};

void PrintTo(const Record& r, std::ostream* os) {
  *os << r.rpc << " " << r.entity_type << "/" << r.entity_id << " by " << r.actor << " ("
      << r.request_id << "): " << r.before << " -> " << r.after;
}

class MysqlAuditTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Exec("CREATE TABLE gadgets (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                     " name VARCHAR(40) NOT NULL, price DECIMAL(12,4) NOT NULL DEFAULT 0,"
                     " owner_id BIGINT NULL, password_hash VARCHAR(80) NULL,"
                     " version BIGINT NOT NULL DEFAULT 1)")
                    .ok());
  }

  absl::Status Exec(const std::string& sql) {
    return database_.db().Run([&](soci::session& s) -> absl::Status {
      s << sql;
      return absl::OkStatus();
    });
  }

  // The records written so far, oldest first.
  std::vector<Record> Records() {
    std::vector<Record> out;
    absl::Status read = database_.db().Run([&](soci::session& s) -> absl::Status {
      soci::rowset<soci::row> rows =
          s.prepare << "SELECT rpc, entity_type, entity_id, before_json, after_json, request_id,"
                       " actor_user_id FROM audit_log ORDER BY id";
      for (const soci::row& row : rows) {
        const NamedRow r(row);
        out.push_back(Record{.rpc = r.Text("rpc"),
                             .entity_type = r.Text("entity_type"),
                             .entity_id = r.Text("entity_id"),
                             .before = r.Text("before_json"),
                             .after = r.Text("after_json"),
                             .request_id = r.Text("request_id"),
                             .actor = r.Integer("actor_user_id")});
      }
      return absl::OkStatus();
    });
    EXPECT_TRUE(read.ok()) << read;
    return out;
  }

  static AuditActor Actor(const std::string& rpc, const std::string& request, int64_t user = 5) {
    return AuditActor{.user_id = user, .rpc = rpc, .request_id = request};
  }

  testing::TestDatabase database_;
  const Table gadgets_{"gadgets"};
};

TEST_F(MysqlAuditTest, InsertsAndUpdatesAreRecordedWithTheirStates) {
  int64_t id = 0;
  {
    AuditScope scope(Actor("CreateGadget", "r1"));
    ASSERT_TRUE(database_.db()
                    .Transact([&](soci::session& s) -> absl::Status {
                      id = gadgets_.Insert(s, Columns()
                                                  .Set("name", "cog \"A\"")
                                                  .Set("price", "2.5")
                                                  .Set("password_hash", "secret"));
                      return absl::OkStatus();
                    })
                    .ok());
  }
  {
    AuditScope scope(Actor("RenameGadget", "r2"));
    ASSERT_TRUE(database_.db()
                    .Transact([&](soci::session& s) -> absl::Status {
                      gadgets_.Update(s, id, Columns().Set("name", "cog B").SetId("owner_id", 7),
                                      /*version=*/1);
                      return absl::OkStatus();
                    })
                    .ok());
  }
  const std::string key = absl::StrCat(id);
  const std::string created =
      absl::StrCat(R"({"id":)", id,
                   R"(,"name":"cog \"A\"","price":"2.5000","owner_id":null,)"
                   R"("version":1})");
  const std::string renamed = absl::StrCat(
      R"({"id":)", id, R"(,"name":"cog B","price":"2.5000","owner_id":7,"version":2})");
  EXPECT_THAT(Records(),
              ElementsAre(Record{"CreateGadget", "gadgets", key, "", created, "r1", 5},
                          Record{"RenameGadget", "gadgets", key, created, renamed, "r2", 5}));
}

TEST_F(MysqlAuditTest, NothingIsRecordedWithoutAScopeOrAChange) {
  int64_t id = 0;
  ASSERT_TRUE(database_.db()
                  .Transact([&](soci::session& s) -> absl::Status {
                    id = gadgets_.Insert(s, Columns().Set("name", "quiet"));
                    return absl::OkStatus();
                  })
                  .ok());
  AuditScope scope(Actor("TouchGadget", "r3"));
  ASSERT_TRUE(database_.db()
                  .Transact([&](soci::session& s) -> absl::Status {
                    gadgets_.WillChange(s, id);  // announced, but nothing changes
                    return absl::OkStatus();
                  })
                  .ok());
  // A rolled-back transaction takes its records with it.
  EXPECT_FALSE(database_.db()
                   .Transact([&](soci::session& s) -> absl::Status {
                     gadgets_.Update(s, id, Columns().Set("name", "rolled back"));
                     return absl::FailedPreconditionError("changed my mind");
                   })
                   .ok());
  EXPECT_THAT(Records(), ElementsAre());
}

TEST_F(MysqlAuditTest, OneRecordPerEntityAndRequestButOnePerCallerInABatch) {
  int64_t a = 0, b = 0;
  ASSERT_TRUE(database_.db()
                  .Transact([&](soci::session& s) -> absl::Status {
                    a = gadgets_.Insert(s, Columns().Set("name", "a"));
                    b = gadgets_.Insert(s, Columns().Set("name", "b"));
                    return absl::OkStatus();
                  })
                  .ok());
  ASSERT_TRUE(database_.db()
                  .Transact([&](soci::session& s) -> absl::Status {
                    gadgets_.WillChangeMany(s, {a, b});  // both "before"s in one query
                    {
                      AuditScope first(Actor("Batch", "caller-1", 1));
                      gadgets_.Update(s, a, Columns().Set("name", "a1"));
                      gadgets_.Update(s, a, Columns().Set("name", "a2"));  // same request
                    }
                    {
                      AuditScope second(Actor("Batch", "caller-2", 2));
                      gadgets_.Update(s, a, Columns().Set("name", "a3"));
                      gadgets_.Update(s, b, Columns().Set("name", "b1"));
                    }
                    return absl::OkStatus();
                  })
                  .ok());
  const std::vector<Record> records = Records();
  ASSERT_EQ(records.size(), 3u);
  // Each record: the state its caller found, the state at commit.
  EXPECT_EQ(records[0].request_id, "caller-1");
  EXPECT_EQ(records[0].entity_id, absl::StrCat(a));
  EXPECT_NE(records[0].before.find(R"("name":"a")"), std::string::npos) << records[0].before;
  EXPECT_NE(records[0].after.find(R"("name":"a3")"), std::string::npos) << records[0].after;
  EXPECT_EQ(records[1].request_id, "caller-2");
  EXPECT_EQ(records[1].entity_id, absl::StrCat(a));
  // The second caller's "before" is what the first left, not the state read ahead.
  EXPECT_NE(records[1].before.find(R"("name":"a2")"), std::string::npos) << records[1].before;
  EXPECT_EQ(records[2].request_id, "caller-2");
  EXPECT_EQ(records[2].entity_id, absl::StrCat(b));
  EXPECT_NE(records[2].before.find(R"("name":"b")"), std::string::npos) << records[2].before;
  EXPECT_EQ(records[2].actor, 2);
}

TEST_F(MysqlAuditTest, KeyedAndWholeViewsAreRecordedAsOneEntity) {
  ASSERT_TRUE(Exec("INSERT INTO gadgets (name, owner_id) VALUES ('x', 1), ('y', 1)").ok());
  const EntityView by_owner{.table = "gadgets", .key = {"owner_id", "name"}};
  const EntityView all{
      .table = "gadgets", .key = {}, .columns = "t.name, t.owner_id", .order_by = "t.name"};
  AuditScope scope(Actor("Reshape", "r9"));
  ASSERT_TRUE(database_.db()
                  .Transact([&](soci::session& s) -> absl::Status {
                    NoteChange(s, by_owner, {"1", "x"});
                    NoteChange(s, all, {"all"});
                    s << "UPDATE gadgets SET name = 'z' WHERE name = 'x'";
                    return absl::OkStatus();
                  })
                  .ok());
  const std::vector<Record> records = Records();
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].entity_id, "1/x");
  EXPECT_NE(records[0].before.find(R"("name":"x")"), std::string::npos);
  EXPECT_EQ(records[0].after, "");  // the row with that key is gone
  EXPECT_EQ(records[1].entity_id, "all");
  EXPECT_EQ(records[1].before, R"([{"name":"x","owner_id":1},{"name":"y","owner_id":1}])");
  EXPECT_EQ(records[1].after, R"([{"name":"y","owner_id":1},{"name":"z","owner_id":1}])");
}

}  // namespace
}  // namespace cim

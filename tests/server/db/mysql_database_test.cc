// The connection pool against one MariaDB: node lists that reach nothing, and how transaction
// outcomes map to statuses, and what the log may say of an error. (Failover between Galera nodes:
// mysql_database_cluster_test.)
#include "server/db/mysql_database.h"

#include <soci/mysql/soci-mysql.h>

#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_database.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(MysqlDatabaseTest, NoReachableNodeIsUnavailable) {
  // Ports 1 and 2 on loopback refuse connections at once.
  EXPECT_THAT(MysqlDatabase::Connect("db=cim user=root host=127.0.0.1:1,127.0.0.1:2", 1),
              StatusIs(absl::StatusCode::kUnavailable, HasSubstr("no usable database node")));
  EXPECT_THAT(MysqlDatabase::Connect("db=cim user=root host=127.0.0.1:1,,127.0.0.1:2", 1),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("empty entry")));
}

TEST(MysqlDatabaseTest, ADeadFirstNodeIsSkipped) {
  testing::TestDatabase database;
  // The test MariaDB's loopback port (ci/test.sh exports it): a dead node first, then it.
  const char* port = std::getenv("CIM_DB_PORT");
  ASSERT_NE(port, nullptr) << "CIM_DB_PORT is not set: run the tests with ci/test.sh";
  auto db = MysqlDatabase::Connect(
      absl::StrCat("db=", database.name(), " user=root host=127.0.0.1:1,127.0.0.1:", port), 2);
  ASSERT_TRUE(db.ok()) << db.status();
  EXPECT_EQ((*db)->current_node(), 1);
  EXPECT_TRUE((*db)->CheckHealth().ok());
  EXPECT_EQ((*db)->failovers(), 0);  // it started there
}

TEST(MysqlDatabaseTest, StatusesOfTheTransactionAreNotRetried) {
  testing::TestDatabase database;
  int runs = 0;
  absl::Status status = database.db().Transact([&](soci::session&) -> absl::Status {
    ++runs;
    return absl::FailedPreconditionError("budget exhausted");
  });
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kFailedPrecondition, "budget exhausted"));
  EXPECT_EQ(runs, 1);
  EXPECT_EQ(database.db().transaction_retries(), 0);
}

TEST(MysqlDatabaseTest, LockWaitTimeoutsAreNotRetried) {
  testing::TestDatabase database;
  int runs = 0;
  absl::Status status = database.db().Transact([&](soci::session& s) -> absl::Status {
    ++runs;
    s << "SIGNAL SQLSTATE 'HY000' SET MYSQL_ERRNO = 1205, MESSAGE_TEXT = 'Lock wait timeout'";
    return absl::OkStatus();
  });
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kAborted, HasSubstr("retry")));
  EXPECT_EQ(runs, 1);
}

TEST(MysqlDatabaseTest, TheLogNeverSeesBoundValuesOrADuplicateKeysValue) {
  testing::TestDatabase database;
  soci::session s(soci::mysql, database.connect_string());
  s << "CREATE TABLE secrets (id INT PRIMARY KEY, token_hash VARCHAR(64) UNIQUE)";
  const std::string hash = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";
  int id = 1;
  s << "INSERT INTO secrets (id, token_hash) VALUES (:id, :hash)", soci::use(id), soci::use(hash);
  id = 2;
  try {
    s << "INSERT INTO secrets (id, token_hash) VALUES (:id, :hash)", soci::use(id), soci::use(hash);
    FAIL() << "a duplicate was stored";
  } catch (const soci::soci_error& e) {
    ASSERT_THAT(e.what(), HasSubstr(hash));  // what SOCI and MariaDB would have logged
    const std::string logged = LoggableDatabaseError(e);
    EXPECT_THAT(logged, Not(HasSubstr(hash)));
    EXPECT_THAT(logged, Not(HasSubstr("INSERT")));
    EXPECT_THAT(logged, HasSubstr("error 1062: Duplicate entry for key"));
    EXPECT_THAT(logged, HasSubstr("token_hash"));
    bool lost = true;
    EXPECT_THAT(MapDatabaseError(e, &lost), StatusIs(absl::StatusCode::kAlreadyExists));
    EXPECT_FALSE(lost);
  }
}

TEST(MysqlDatabaseTest, DeadlocksAreRetriedWholeAndBounded) {
  testing::TestDatabase database;
  int runs = 0;
  absl::Status status = database.db().Transact([&](soci::session& s) -> absl::Status {
    ++runs;
    // ER_LOCK_DEADLOCK as the server would raise it.
    s << "SIGNAL SQLSTATE '40001' SET MYSQL_ERRNO = 1213, MESSAGE_TEXT = 'Deadlock found'";
    return absl::OkStatus();
  });
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kAborted, HasSubstr("retry")));
  EXPECT_EQ(runs, MysqlDatabase::kTransactionAttempts);
  EXPECT_EQ(database.db().transaction_retries(), MysqlDatabase::kTransactionAttempts - 1);
}

}  // namespace
}  // namespace cim

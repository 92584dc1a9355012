#include "server/db/mysql_migrator.h"

#include <filesystem>
#include <fstream>
#include <thread>

#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_database.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

TEST(SplitSqlStatementsTest, Table) {
  struct Case {
    const char* name;
    const char* script;
    std::vector<std::string> want;
  } cases[] = {
      {"two statements",
       "CREATE TABLE a (x INT);\nCREATE TABLE b (y INT);",
       {"CREATE TABLE a (x INT)", "CREATE TABLE b (y INT)"}},
      {"no trailing semicolon", "SELECT 1", {"SELECT 1"}},
      {"semicolon in string", "INSERT INTO t VALUES ('a;b');", {"INSERT INTO t VALUES ('a;b')"}},
      {"escaped quote in string",
       "INSERT INTO t VALUES ('it\\'s;');",
       {"INSERT INTO t VALUES ('it\\'s;')"}},
      {"line comment with semicolon", "-- drop; it\nSELECT 2;", {"SELECT 2"}},
      {"block comment", "/* a; b */ SELECT 3;", {"SELECT 3"}},
      {"only comments", "-- nothing here\n", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(SplitSqlStatements(c.script), c.want);
  }
}

class MigratorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("cim_migrations_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto db = MysqlDatabase::Connect(database_.connect_string(), 1);
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = *std::move(db);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& sql) { std::ofstream(dir_ / name) << sql; }

  testing::TestDatabase database_;
  std::unique_ptr<MysqlDatabase> db_;
  std::filesystem::path dir_;
};

TEST_F(MigratorTest, AppliesInOrderOnceAndRecordsChecksums) {
  Write("0002_fill.sql", "INSERT INTO widgets (name) VALUES ('a'), ('b');");
  Write("0001_create.sql", "CREATE TABLE IF NOT EXISTS widgets (name VARCHAR(10));");
  auto files = ReadMigrations(dir_.string());
  ASSERT_TRUE(files.ok()) << files.status();
  auto applied = ApplyMigrations(*db_, *files);
  ASSERT_TRUE(applied.ok()) << applied.status();
  EXPECT_THAT(*applied, ElementsAre("0001_create.sql", "0002_fill.sql"));

  auto again = ApplyMigrations(*db_, *files);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_THAT(*again, IsEmpty());
  auto count = db_->Run([](soci::session& s) -> absl::StatusOr<int> {
    int n = 0;
    s << "SELECT COUNT(*) FROM widgets", soci::into(n);
    return n;
  });
  EXPECT_EQ(*count, 2);
}

TEST_F(MigratorTest, RefusesAChangedAppliedMigration) {
  Write("0001_create.sql", "CREATE TABLE IF NOT EXISTS widgets (name VARCHAR(10));");
  ASSERT_TRUE(ApplyMigrations(*db_, *ReadMigrations(dir_.string())).ok());
  Write("0001_create.sql", "CREATE TABLE IF NOT EXISTS widgets (name VARCHAR(20));");
  EXPECT_THAT(ApplyMigrations(*db_, *ReadMigrations(dir_.string())),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("0001_create.sql was changed after it was applied")));
}

TEST_F(MigratorTest, RejectsBadNames) {
  Write("create.sql", "SELECT 1;");
  EXPECT_THAT(ReadMigrations(dir_.string()),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("NNNN_name.sql")));
  std::filesystem::remove(dir_ / "create.sql");
  Write("0001_a.sql", "SELECT 1;");
  Write("0001_b.sql", "SELECT 1;");
  EXPECT_THAT(ReadMigrations(dir_.string()),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("share number 0001")));
  EXPECT_THAT(ReadMigrations("/nonexistent/cim"),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("not found")));
}

TEST_F(MigratorTest, ProjectMigrationsApplyTwice) {
  auto files = ReadMigrations(testing::TestDatabase::MigrationsDir());
  ASSERT_TRUE(files.ok()) << files.status();
  ASSERT_FALSE(files->empty());
  auto first = ApplyMigrations(*db_, *files);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->size(), files->size());
  auto second = ApplyMigrations(*db_, *files);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_THAT(*second, IsEmpty());
}

// A replica that does not migrate waits for the schema another process applies.
TEST_F(MigratorTest, WaitForMigrationsReturnsOnceAnotherProcessApplied) {
  Write("0001_create.sql", "CREATE TABLE IF NOT EXISTS widgets (name VARCHAR(10) PRIMARY KEY);");
  auto files = ReadMigrations(dir_.string());
  ASSERT_TRUE(files.ok()) << files.status();
  EXPECT_THAT(
      WaitForMigrations(*db_, *files, absl::ZeroDuration()),
      StatusIs(absl::StatusCode::kDeadlineExceeded, HasSubstr("lacks migration 0001_create.sql")));

  auto other = MysqlDatabase::Connect(database_.connect_string(), 1);
  ASSERT_TRUE(other.ok()) << other.status();
  std::thread migrator([&] {
    absl::SleepFor(absl::Milliseconds(300));
    EXPECT_TRUE(ApplyMigrations(**other, *files).ok());
  });
  EXPECT_TRUE(WaitForMigrations(*db_, *files, absl::Seconds(20)).ok());
  migrator.join();

  Write("0001_create.sql", "CREATE TABLE IF NOT EXISTS widgets (name VARCHAR(20) PRIMARY KEY);");
  EXPECT_THAT(WaitForMigrations(*db_, *ReadMigrations(dir_.string()), absl::Seconds(20)),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("0001_create.sql was changed after it was applied")));
}

TEST_F(MigratorTest, DuplicateKeyMapsToAlreadyExists) {
  Write("0001_create.sql", "CREATE TABLE t (id INT PRIMARY KEY);");
  ASSERT_TRUE(ApplyMigrations(*db_, *ReadMigrations(dir_.string())).ok());
  auto insert = [&] {
    return db_->Run([](soci::session& s) -> absl::Status {
      s << "INSERT INTO t VALUES (1)";
      return absl::OkStatus();
    });
  };
  EXPECT_TRUE(insert().ok());
  EXPECT_THAT(insert(), StatusIs(absl::StatusCode::kAlreadyExists, "already exists"));
}

}  // namespace
}  // namespace cim

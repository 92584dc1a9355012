// The one-shot commands of cim-server against MariaDB: environment variables become flag
// values (unset or empty ones are ignored, a bad value exits with status 2); --migrate applies
// every migration once and says so; --verify_audit prints an intact chain with its head and
// returns true, a changed record as BROKEN and false, and an unreachable database as an error;
// --seed_demo loads the demo data set once (its logins work) and leaves a database with users
// alone.
#include "server/app/commands.h"

#include <cstdlib>
#include <sstream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/audit_scope.h"
#include "server/audit/audit_trail.h"
#include "server/audit/mysql_audit.h"
#include "server/db/mysql_migrator.h"
#include "server/db/table.h"
#include "server/demo/demo_data.h"
#include "server/identity/mysql_user_repository.h"
#include "server/identity/password_hasher.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_database.h"

ABSL_FLAG(int, commands_test_port, 7, "a flag for CommandsTest");
ABSL_FLAG(std::string, commands_test_name, "default", "a flag for CommandsTest");

namespace cim {
namespace {

using ::cim::testing::IsOk;
using ::cim::testing::IsOkAndHolds;
using ::cim::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;

ServerOptions OptionsFor(const testing::TestDatabase& database) {
  ServerOptions options;
  options.db_connect = database.connect_string();
  options.migrations_dir = testing::TestDatabase::MigrationsDir();
  options.password_hash = PasswordHashParams::Minimum();
  return options;
}

TEST(CommandsEnvironmentTest, SetVariablesBecomeFlagValues) {
  setenv("CIM_COMMANDS_TEST_PORT", "9443", 1);
  setenv("CIM_COMMANDS_TEST_NAME", "", 1);  // empty: ignored
  unsetenv("CIM_COMMANDS_TEST_UNSET");
  ApplyEnvironmentOverrides({{"commands_test_port", "CIM_COMMANDS_TEST_PORT"},
                             {"commands_test_name", "CIM_COMMANDS_TEST_NAME"},
                             {"no_such_flag", "CIM_COMMANDS_TEST_UNSET"}});
  EXPECT_EQ(absl::GetFlag(FLAGS_commands_test_port), 9443);
  EXPECT_EQ(absl::GetFlag(FLAGS_commands_test_name), "default");
  setenv("CIM_COMMANDS_TEST_NAME", "from env", 1);
  ApplyEnvironmentOverrides({{"commands_test_name", "CIM_COMMANDS_TEST_NAME"}});
  EXPECT_EQ(absl::GetFlag(FLAGS_commands_test_name), "from env");
  unsetenv("CIM_COMMANDS_TEST_PORT");
  unsetenv("CIM_COMMANDS_TEST_NAME");
}

TEST(CommandsEnvironmentDeathTest, ABadValueOrUnknownFlagExitsWithStatus2) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  setenv("CIM_COMMANDS_TEST_BAD", "ninety", 1);
  EXPECT_EXIT(ApplyEnvironmentOverrides({{"commands_test_port", "CIM_COMMANDS_TEST_BAD"}}),
              ::testing::ExitedWithCode(2), "invalid CIM_COMMANDS_TEST_BAD=ninety");
  EXPECT_EXIT(ApplyEnvironmentOverrides({{"no_such_flag", "CIM_COMMANDS_TEST_BAD"}}),
              ::testing::ExitedWithCode(2), "invalid CIM_COMMANDS_TEST_BAD=ninety");
  unsetenv("CIM_COMMANDS_TEST_BAD");
}

TEST(CommandsTest, MigrateAppliesEveryMigrationOnce) {
  testing::TestDatabase fresh;  // its db() (which would migrate) is not used before the command
  absl::StatusOr<std::vector<MigrationFile>> files =
      ReadMigrations(testing::TestDatabase::MigrationsDir());
  ASSERT_TRUE(files.ok()) << files.status();

  ::testing::internal::CaptureStderr();
  absl::Status first = MigrateOnly(OptionsFor(fresh));
  const std::string said = ::testing::internal::GetCapturedStderr();
  ASSERT_THAT(first, IsOk());
  EXPECT_THAT(said, HasSubstr(absl::StrCat("cim-server: ", files->size(),
                                           " migration(s) applied, 0 already up to date")));
  EXPECT_THAT(said, HasSubstr(absl::StrCat("  applied ", files->front().name, "\n")));

  ::testing::internal::CaptureStderr();
  absl::Status again = MigrateOnly(OptionsFor(fresh));
  EXPECT_THAT(
      ::testing::internal::GetCapturedStderr(),
      HasSubstr(absl::StrCat("0 migration(s) applied, ", files->size(), " already up to date")));
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(fresh.Count("SELECT COUNT(*) FROM schema_migrations"),
            static_cast<long long>(files->size()));

  ServerOptions missing = OptionsFor(fresh);
  missing.migrations_dir = "/nonexistent/migrations";
  EXPECT_THAT(MigrateOnly(missing), testing::StatusIs(absl::StatusCode::kNotFound));
}

class VerifyAuditCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Exec(
        "CREATE TABLE widgets (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40) NOT NULL,"
        " version BIGINT NOT NULL DEFAULT 1)");
  }

  void Exec(const std::string& sql) {
    ASSERT_THAT(database_.db().Run([&](soci::session& s) -> absl::Status {
      s << sql;
      return absl::OkStatus();
    }),
                IsOk())
        << sql;
  }

  // Three audited changes, sealed. (Not "gadgets": the audit hook caches a table's columns by
  // name for the process, and audit_trail_test's gadgets have other columns.)
  void Record() {
    AuditScope scope({.user_id = 1, .rpc = "CreateGadget", .request_id = "r"});
    ASSERT_THAT(database_.db().Transact([](soci::session& s) -> absl::Status {
      for (const char* name : {"a", "b", "c"})
        Table("widgets").Insert(s, Columns().Set("name", name));
      return absl::OkStatus();
    }),
                IsOk());
    ASSERT_THAT(trail_.SealPending(), IsOk());
  }

  testing::TestDatabase database_;
  MysqlAuditRepository repository_{database_.db()};
  AuditTrail trail_{repository_};
};

TEST_F(VerifyAuditCommandTest, AnIntactTrailPrintsItsHead) {
  Record();
  std::ostringstream out;
  EXPECT_THAT(VerifyAudit(OptionsFor(database_), out), IsOkAndHolds(true));
  EXPECT_THAT(out.str(), MatchesRegex("audit trail intact: 3 records, head 3 [0-9a-f]{64}\n"));
  absl::StatusOr<AuditHead> head = repository_.Head();
  ASSERT_TRUE(head.ok());
  EXPECT_THAT(out.str(), HasSubstr(head->hash));
}

TEST_F(VerifyAuditCommandTest, AChangedRecordIsReportedBroken) {
  Record();
  Exec("DROP TRIGGER IF EXISTS audit_log_seal_only");
  Exec("UPDATE audit_log SET after_json = REPLACE(after_json, '\"b\"', '\"x\"') WHERE seq = 2");
  std::ostringstream out;
  EXPECT_THAT(VerifyAudit(OptionsFor(database_), out), IsOkAndHolds(false));
  EXPECT_THAT(out.str(), HasSubstr("audit trail BROKEN at record 2: record 2 was changed"));
}

TEST_F(VerifyAuditCommandTest, AnUnreachableDatabaseIsAnError) {
  ServerOptions options = OptionsFor(database_);
  options.db_connect = "db=cim user=root unix_socket=/nonexistent/mysqld.sock";
  std::ostringstream out;
  EXPECT_THAT(VerifyAudit(options, out), StatusIs(absl::StatusCode::kUnavailable));
  EXPECT_EQ(out.str(), "");
}

TEST(SeedDemoCommandTest, LoadsTheDemoOnceAndItsLoginsWork) {
  testing::TestDatabase database;
  std::ostringstream first;
  ::testing::internal::CaptureStderr();
  const absl::Status seeded = SeedDemo(OptionsFor(database), first);
  ::testing::internal::GetCapturedStderr();
  ASSERT_THAT(seeded, IsOk());
  EXPECT_THAT(first.str(), HasSubstr("Demo data loaded: "));
  EXPECT_THAT(first.str(), HasSubstr("Demo programs loaded: "));
  // The store's demo: seven rewards, and Amstel's gift card and hoodie orders.
  EXPECT_THAT(first.str(), HasSubstr("Demo rewards catalog loaded: 7 items, 2 orders."));
  EXPECT_THAT(first.str(), HasSubstr("Demo logins (password for all: "));
  const long long users = database.Count("SELECT COUNT(*) FROM users");
  const long long claims = database.Count("SELECT COUNT(*) FROM claims");
  EXPECT_GT(users, 0);
  EXPECT_GT(claims, 0);
  // The printed logins sign in with the printed password.
  EXPECT_THAT(first.str(), HasSubstr(absl::StrCat("password for all: ", kDemoPassword)));
  EXPECT_THAT(first.str(), HasSubstr(kDemoProgramAdminEmail));
  MysqlUserRepository users_store(database.db());
  absl::StatusOr<UserRecord> admin = users_store.GetByEmail(kDemoProgramAdminEmail);
  ASSERT_TRUE(admin.ok()) << admin.status();
  ASSERT_TRUE(admin->password_hash.has_value());
  EXPECT_TRUE(
      PasswordHasher(PasswordHashParams::Minimum()).Verify(*admin->password_hash, kDemoPassword));
  // The history is the server's own work on the audit trail.
  EXPECT_GT(database.Count("SELECT COUNT(*) FROM audit_log WHERE rpc = 'seed:demo'"
                           " AND request_id = 'demo-seed'"),
            0);

  std::ostringstream second;
  ::testing::internal::CaptureStderr();
  const absl::Status again = SeedDemo(OptionsFor(database), second);
  ::testing::internal::GetCapturedStderr();
  ASSERT_THAT(again, IsOk());
  EXPECT_THAT(second.str(), HasSubstr("Demo data already present (database has users); nothing"));
  EXPECT_EQ(database.Count("SELECT COUNT(*) FROM users"), users);
  EXPECT_EQ(database.Count("SELECT COUNT(*) FROM claims"), claims);
}

}  // namespace
}  // namespace cim

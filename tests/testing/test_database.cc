#include "tests/testing/test_database.h"

#include <soci/mysql/soci-mysql.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <random>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "server/app/repositories.h"
#include "server/db/mysql_migrator.h"

namespace cim::testing {
namespace {

std::string ServerFromEnv() {
  const char* env = std::getenv("CIM_TEST_DB");
  if (env == nullptr || *env == '\0') {
    std::cerr << "CIM_TEST_DB is not set: run the tests with ci/test.sh (it starts MariaDB)\n";
    std::abort();
  }
  return env;
}

// The first node's connection string: CIM_TEST_DB may list a cluster's nodes (DDL reaches every
// node of a Galera cluster from any one).
std::string AdminConnectString(const std::string& server) {
  auto nodes = ParseDatabaseNodes(server, DatabaseTimeouts{});
  if (!nodes.ok()) {
    std::cerr << "CIM_TEST_DB: " << nodes.status() << "\n";
    std::abort();
  }
  return nodes->front().connect_string;
}

}  // namespace

TestDatabase::TestDatabase() : server_(ServerFromEnv()) {
  std::random_device rd;
  name_ = absl::StrCat("cim_test_", getpid(), "_", rd() % 1000000);
  soci::session admin(soci::mysql, AdminConnectString(server_));
  admin << "CREATE DATABASE " + name_ + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";
  connect_string_ = absl::StrCat(server_, " db=", name_);
}

TestDatabase::~TestDatabase() {
  db_.reset();
  try {
    soci::session admin(soci::mysql, AdminConnectString(server_));
    admin << "DROP DATABASE IF EXISTS " + name_;
  } catch (const std::exception& e) {
    std::cerr << "could not drop " << name_ << ": " << e.what() << "\n";
  }
}

long long TestDatabase::Count(const std::string& sql) {
  absl::StatusOr<long long> n = db().Run([&](soci::session& s) -> absl::StatusOr<long long> {
    soci::row r;
    s << sql, soci::into(r);
    return RowInteger(r, 0);
  });
  return n.value_or(-1);
}

MysqlDatabase& TestDatabase::db() {
  if (db_ == nullptr) {
    auto db = OpenDatabase(connect_string_, 4);
    if (!db.ok()) {
      std::cerr << db.status() << "\n";
      std::abort();
    }
    db_ = *std::move(db);
    auto files = ReadMigrations(MigrationsDir());
    absl::Status applied = files.ok() ? ApplyMigrations(*db_, *files).status() : files.status();
    if (!applied.ok()) {
      std::cerr << "migrations failed: " << applied << "\n";
      std::abort();
    }
  }
  return *db_;
}

std::string TestDatabase::MigrationsDir() {
  const char* src = std::getenv("CIM_SOURCE_DIR");
  return absl::StrCat(src != nullptr ? src : ".", "/db/migrations");
}

}  // namespace cim::testing

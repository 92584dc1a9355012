// A database of the test's own on the private MariaDB: created on construction with a unique
// name, dropped on destruction. The server socket comes from CIM_TEST_DB (set by ci/test.sh).
#ifndef CIM_TESTS_TESTING_TEST_DATABASE_H_
#define CIM_TESTS_TESTING_TEST_DATABASE_H_

#include <memory>
#include <string>

#include "server/db/mysql_database.h"

namespace cim::testing {

class TestDatabase {
 public:
  TestDatabase();
  ~TestDatabase();

  // SOCI connection string for this database.
  const std::string& connect_string() const { return connect_string_; }
  const std::string& name() const { return name_; }
  // A pool connected to this database (created on first use), migrations applied.
  MysqlDatabase& db();
  // The single integer `sql` (e.g. a COUNT(*)) returns; -1 on error.
  long long Count(const std::string& sql);
  // The repository's db/migrations folder.
  static std::string MigrationsDir();

 private:
  std::string server_;  // connection string without db=
  std::string name_;
  std::string connect_string_;
  std::unique_ptr<MysqlDatabase> db_;
};

}  // namespace cim::testing

#endif  // CIM_TESTS_TESTING_TEST_DATABASE_H_

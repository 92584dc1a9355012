// Applies db/migrations/NNNN_name.sql files in order and records each with its SHA-256 in
// schema_migrations; refuses to go on when an applied file has been changed since.
#ifndef CIM_SERVER_DB_MYSQL_MIGRATOR_H_
#define CIM_SERVER_DB_MYSQL_MIGRATOR_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "server/db/mysql_database.h"

namespace cim {

struct MigrationFile {
  std::string name;  // e.g. "0001_identity.sql"
  std::string sql;
};

// Splits a migration script into statements at top-level ';' (outside quotes and comments).
std::vector<std::string> SplitSqlStatements(absl::string_view script);

// Reads NNNN_*.sql files from `dir`, sorted by name. INVALID_ARGUMENT for a misnamed .sql file
// or a repeated number; NOT_FOUND if the folder does not exist.
absl::StatusOr<std::vector<MigrationFile>> ReadMigrations(const std::string& dir);

// Applies the migrations not yet recorded, under a database-wide lock so that several servers
// may start at once. Returns the names applied by this call. FAILED_PRECONDITION if an applied
// migration's checksum differs from its file (the file was edited after it ran).
absl::StatusOr<std::vector<std::string>> ApplyMigrations(MysqlDatabase& db,
                                                         const std::vector<MigrationFile>& files);

// For a server that does not migrate (a replica in a cluster, where GET_LOCK is node-local and
// so cannot keep two servers from migrating at once: one job migrates, the replicas wait):
// returns OK once every file in `files` is recorded as applied with its checksum, polling until
// `timeout`. DEADLINE_EXCEEDED naming the first missing migration; FAILED_PRECONDITION if an
// applied migration's checksum differs from its file.
absl::Status WaitForMigrations(MysqlDatabase& db, const std::vector<MigrationFile>& files,
                               absl::Duration timeout);

}  // namespace cim

#endif  // CIM_SERVER_DB_MYSQL_MIGRATOR_H_

#include "server/db/mysql_migrator.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "lib/sha256.h"
#include "lib/status_util.h"

namespace cim {
namespace {

constexpr char kLockName[] = "cim_schema_migrations";
constexpr int kLockTimeoutSeconds = 60;

bool IsMigrationName(const std::string& name) {
  if (name.size() < 10 || !absl::EndsWith(name, ".sql") || name[4] != '_') return false;
  return std::all_of(name.begin(), name.begin() + 4, [](char c) { return absl::ascii_isdigit(c); });
}

// FAILED_PRECONDITION if `file` was applied with another checksum.
absl::Status CheckUnchanged(const MigrationFile& file, const std::string& checksum,
                            const std::string& recorded) {
  if (recorded == checksum) return absl::OkStatus();
  return absl::FailedPreconditionError(
      absl::StrCat("migration ", file.name, " was changed after it was applied (recorded checksum ",
                   recorded, ", file now ", checksum, "); add a new migration instead"));
}

}  // namespace

std::vector<std::string> SplitSqlStatements(absl::string_view script) {
  std::vector<std::string> out;
  std::string current;
  char quote = 0;
  for (size_t i = 0; i < script.size(); ++i) {
    const char c = script[i];
    const char next = i + 1 < script.size() ? script[i + 1] : '\0';
    if (quote != 0) {
      current += c;
      if (c == '\\' && quote != '`' && i + 1 < script.size()) {
        current += script[++i];
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '-' && next == '-') {  // line comment
      while (i < script.size() && script[i] != '\n') ++i;
      current += '\n';
      continue;
    }
    if (c == '#') {
      while (i < script.size() && script[i] != '\n') ++i;
      current += '\n';
      continue;
    }
    if (c == '/' && next == '*') {  // block comment
      i += 2;
      while (i + 1 < script.size() && !(script[i] == '*' && script[i + 1] == '/')) ++i;
      ++i;
      current += ' ';
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') quote = c;
    if (c == ';') {
      std::string stmt(absl::StripAsciiWhitespace(current));
      if (!stmt.empty()) out.push_back(std::move(stmt));
      current.clear();
      continue;
    }
    current += c;
  }
  std::string stmt(absl::StripAsciiWhitespace(current));
  if (!stmt.empty()) out.push_back(std::move(stmt));
  return out;
}

absl::StatusOr<std::vector<MigrationFile>> ReadMigrations(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return absl::NotFoundError(absl::StrCat("migrations folder not found: ", dir));
  }
  std::map<std::string, MigrationFile> by_number;
  fs::directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!absl::EndsWith(name, ".sql")) continue;
    if (!IsMigrationName(name)) {
      return absl::InvalidArgumentError(
          absl::StrCat("migration file name must be NNNN_name.sql: ", name));
    }
    std::ifstream in(it->path(), std::ios::binary);
    std::string sql((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
      return absl::FailedPreconditionError(
          absl::StrCat("cannot read migration ", it->path().string()));
    }
    auto [pos, inserted] =
        by_number.emplace(name.substr(0, 4), MigrationFile{name, std::move(sql)});
    if (!inserted) {
      return absl::InvalidArgumentError(absl::StrCat("two migrations share number ",
                                                     name.substr(0, 4), ": ", pos->second.name,
                                                     " and ", name));
    }
  }
  if (ec) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot list migrations in ", dir, ": ", ec.message()));
  }
  std::vector<MigrationFile> files;
  for (auto& [number, file] : by_number) files.push_back(std::move(file));
  return files;
}

absl::StatusOr<std::vector<std::string>> ApplyMigrations(MysqlDatabase& db,
                                                         const std::vector<MigrationFile>& files) {
  return db.Run([&](soci::session& s) -> absl::StatusOr<std::vector<std::string>> {
    // Bound values must outlive the statement, which runs when the expression ends.
    const std::string lock_name = kLockName;
    int locked = 0;
    s << "SELECT GET_LOCK(:name, :timeout)", soci::use(lock_name), soci::use(kLockTimeoutSeconds),
        soci::into(locked);
    if (locked != 1) return absl::UnavailableError("another process holds the migration lock");
    struct Unlock {
      soci::session& s;
      const std::string& name;
      ~Unlock() {
        try {
          s << "SELECT RELEASE_LOCK(:name)", soci::use(name);
        } catch (...) {
        }
      }
    } unlock{s, lock_name};

    s << "CREATE TABLE IF NOT EXISTS schema_migrations ("
         " name VARCHAR(255) NOT NULL PRIMARY KEY,"
         " checksum CHAR(64) NOT NULL,"
         " applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP"
         ") ENGINE=InnoDB";
    std::map<std::string, std::string> applied;
    {
      std::string name, checksum;
      soci::statement st = (s.prepare << "SELECT name, checksum FROM schema_migrations",
                            soci::into(name), soci::into(checksum));
      st.execute();
      while (st.fetch()) applied[name] = checksum;
    }
    std::vector<std::string> done;
    for (const MigrationFile& file : files) {
      const std::string checksum = Sha256Hex(file.sql);
      if (auto it = applied.find(file.name); it != applied.end()) {
        if (absl::Status same = CheckUnchanged(file, checksum, it->second); !same.ok()) return same;
        continue;
      }
      // DDL commits implicitly in MariaDB; data statements of a migration are atomic, and
      // migrations are written to be safe to re-run (IF NOT EXISTS) should one stop midway.
      soci::transaction tx(s);
      for (const std::string& stmt : SplitSqlStatements(file.sql)) s << stmt;
      s << "INSERT INTO schema_migrations (name, checksum) VALUES (:name, :checksum)",
          soci::use(file.name), soci::use(checksum);
      tx.commit();
      done.push_back(file.name);
    }
    return done;
  });
}

absl::Status WaitForMigrations(MysqlDatabase& db, const std::vector<MigrationFile>& files,
                               absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  std::string missing;
  for (bool first = true;; first = false) {
    if (!first) {
      if (absl::Now() >= deadline) {
        return absl::DeadlineExceededError(absl::StrCat(
            "the database schema lacks migration ", missing, " after waiting ",
            absl::FormatDuration(timeout), "; run cim-server --migrate once for the cluster"));
      }
      absl::SleepFor(absl::Milliseconds(500));
    }
    absl::StatusOr<std::map<std::string, std::string>> applied =
        db.Run([](soci::session& s) -> absl::StatusOr<std::map<std::string, std::string>> {
          std::map<std::string, std::string> out;
          int exists = 0;
          s << "SELECT COUNT(*) FROM information_schema.tables"
               " WHERE table_schema = DATABASE() AND table_name = 'schema_migrations'",
              soci::into(exists);
          if (exists == 0) return out;
          std::string name, checksum;
          soci::statement st = (s.prepare << "SELECT name, checksum FROM schema_migrations",
                                soci::into(name), soci::into(checksum));
          st.execute();
          while (st.fetch()) out[name] = checksum;
          return out;
        });
    if (!applied.ok()) {
      missing = absl::StrCat("(", applied.status().message(), ")");
      continue;
    }
    missing.clear();
    for (const MigrationFile& file : files) {
      auto it = applied->find(file.name);
      if (it == applied->end()) {
        missing = file.name;
        break;
      }
      CIM_RETURN_IF_ERROR(CheckUnchanged(file, Sha256Hex(file.sql), it->second));
    }
    if (missing.empty()) return absl::OkStatus();
    if (first) std::cerr << "cim-server: waiting for migration " << missing << std::endl;
  }
}

}  // namespace cim

// ProgramRepository on MySQL/MariaDB.
#ifndef CIM_SERVER_PROGRAM_MYSQL_PROGRAM_REPOSITORY_H_
#define CIM_SERVER_PROGRAM_MYSQL_PROGRAM_REPOSITORY_H_

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "server/db/mysql_database.h"
#include "server/program/program_repository.h"

namespace cim {

// The program with its current rules and terms, read on `session` (inside a caller's
// transaction). NOT_FOUND if no program has `id`.
absl::StatusOr<Program> ReadProgram(soci::session& session, int64_t id);
// The programs of `ids` that exist, by id, read on `session` in one query.
absl::StatusOr<absl::flat_hash_map<int64_t, Program>> ReadPrograms(soci::session& session,
                                                                   const std::vector<int64_t>& ids);

// Program definitions cached by id and checked against programs.version on every read, so a
// read costs one small query unless a program changed. Thread-safe.
class ProgramCache {
 public:
  // The programs of `ids` that exist, read on `session`: their versions, then in full only
  // those changed since cached. budget_drawn and budget_remaining are as of the full read.
  absl::StatusOr<absl::flat_hash_map<int64_t, Program>> Read(soci::session& session,
                                                             const std::vector<int64_t>& ids);

 private:
  absl::Mutex mu_;
  absl::flat_hash_map<int64_t, Program> programs_ ABSL_GUARDED_BY(mu_);
};

class MysqlProgramRepository final : public ProgramRepository {
 public:
  explicit MysqlProgramRepository(MysqlDatabase& db) : db_(db) {}
  absl::StatusOr<Program> Create(const Program& program, int64_t actor, absl::Time now) override;
  absl::StatusOr<Program> Get(int64_t id) override;
  absl::StatusOr<absl::flat_hash_map<int64_t, Program>> GetDefinitions(
      const std::vector<int64_t>& ids) override;
  absl::StatusOr<std::vector<Program>> List(const ProgramFilter& filter, int64_t after_id,
                                            int limit) override;
  using ProgramRepository::Update;
  absl::StatusOr<Program> Update(const Program& program, int64_t actor, absl::Time now,
                                 const std::vector<NotificationEvent>& notices) override;
  absl::StatusOr<std::vector<ProgramRulesVersion>> ListRulesVersions(int64_t program_id) override;
  absl::StatusOr<std::vector<cim::v1::ProgramTermsVersion>> ListTermsVersions(
      int64_t program_id, int64_t partner_id) override;
  absl::StatusOr<Enrollment> Enroll(const Enrollment& enrollment,
                                    const std::vector<LedgerPosting>& postings,
                                    const Decimal& budget_draw) override;
  absl::StatusOr<Enrollment> AcceptTerms(int64_t program_id, int64_t partner_id, int32_t version,
                                         int64_t user_id, absl::Time now) override;
  absl::StatusOr<Enrollment> GetEnrollment(int64_t program_id, int64_t partner_id) override;
  absl::StatusOr<absl::flat_hash_map<std::pair<int64_t, int64_t>, int32_t>> AcceptedTermsVersions(
      const std::vector<std::pair<int64_t, int64_t>>& pairs) override;
  absl::StatusOr<std::vector<Enrollment>> ListEnrollments(const EnrollmentFilter& filter,
                                                          int64_t after_id, int limit) override;

 private:
  MysqlDatabase& db_;
  ProgramCache definitions_;
};

}  // namespace cim

#endif  // CIM_SERVER_PROGRAM_MYSQL_PROGRAM_REPOSITORY_H_

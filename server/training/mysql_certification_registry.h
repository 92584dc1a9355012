// CertificationRegistry on MySQL/MariaDB.
#ifndef CIM_SERVER_TRAINING_MYSQL_CERTIFICATION_REGISTRY_H_
#define CIM_SERVER_TRAINING_MYSQL_CERTIFICATION_REGISTRY_H_

#include "lib/clock.h"
#include "server/db/mysql_database.h"
#include "server/program/certification_registry.h"

namespace cim {

// Which certifications a partner's users hold (program eligibility), from the certifications
// training grants.
class MysqlCertificationRegistry final : public CertificationRegistry {
 public:
  MysqlCertificationRegistry(MysqlDatabase& db, const Clock& clock) : db_(db), clock_(clock) {}
  absl::StatusOr<absl::flat_hash_set<std::string>> HeldByPartner(int64_t partner_id) override;

 private:
  MysqlDatabase& db_;
  const Clock& clock_;
};

}  // namespace cim

#endif  // CIM_SERVER_TRAINING_MYSQL_CERTIFICATION_REGISTRY_H_

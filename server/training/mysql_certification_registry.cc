#include "server/training/mysql_certification_registry.h"

#include "cim/v1/identity.pb.h"

namespace cim {

absl::StatusOr<absl::flat_hash_set<std::string>> MysqlCertificationRegistry::HeldByPartner(
    int64_t partner_id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<absl::flat_hash_set<std::string>> {
    long long partner = partner_id;
    int active = cim::v1::USER_STATUS_ACTIVE;
    std::tm now = ToSqlTime(clock_.Now());
    soci::rowset<std::string> codes =
        (s.prepare << "SELECT DISTINCT c.certification_code FROM certifications c"
                      " JOIN users u ON u.id = c.user_id AND u.partner_id = c.partner_id"
                      " AND u.status = :active WHERE c.partner_id = :p AND c.expires_at > :now",
         soci::use(active), soci::use(partner), soci::use(now));
    absl::flat_hash_set<std::string> out(codes.begin(), codes.end());
    return out;
  });
}

}  // namespace cim

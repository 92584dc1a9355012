// Which certifications a partner's users hold, as program eligibility needs it. Training
// provides the real registry (server/training/mysql_certification_registry.h); NoCertifications
// is for callers without one (no partner holds any certification).
#ifndef CIM_SERVER_PROGRAM_CERTIFICATION_REGISTRY_H_
#define CIM_SERVER_PROGRAM_CERTIFICATION_REGISTRY_H_

#include <cstdint>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"

namespace cim {

class CertificationRegistry {
 public:
  virtual ~CertificationRegistry() = default;
  // Codes of the unexpired certifications held by any user of `partner_id`.
  virtual absl::StatusOr<absl::flat_hash_set<std::string>> HeldByPartner(int64_t partner_id) = 0;
};

// The registry while no certification system exists: nobody holds any certification.
class NoCertifications final : public CertificationRegistry {
 public:
  absl::StatusOr<absl::flat_hash_set<std::string>> HeldByPartner(int64_t) override {
    return absl::flat_hash_set<std::string>();
  }
};

}  // namespace cim

#endif  // CIM_SERVER_PROGRAM_CERTIFICATION_REGISTRY_H_

// Program design and enrollment rules: who may create, change, see and enroll; validation of
// programs and their rules; rules and terms versioning; the status lifecycle; eligibility.
// Pure C++ over the repositories; clock injected.
#ifndef CIM_SERVER_PROGRAM_PROGRAM_DIRECTORY_H_
#define CIM_SERVER_PROGRAM_PROGRAM_DIRECTORY_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "cim/v1/program_service.pb.h"
#include "lib/clock.h"
#include "lib/principal.h"
#include "server/identity/partner_repository.h"
#include "server/program/certification_registry.h"
#include "server/program/product_repository.h"
#include "server/program/program_repository.h"

namespace cim {

class ProgramDirectory {
 public:
  ProgramDirectory(ProgramRepository& programs, ProductRepository& products,
                   PartnerRepository& partners, CertificationRegistry& certifications,
                   const Clock& clock)
      : programs_(programs),
        products_(products),
        partners_(partners),
        certifications_(certifications),
        clock_(clock) {}

  // Program admins. Returns the stored DRAFT program (rules and terms version 1).
  // INVALID_ARGUMENT with a violation per bad field or rule (unknown SKUs included).
  absl::StatusOr<Program> CreateProgram(const Principal& caller, const Program& program);
  // Vendor roles and service accounts see every program; partner roles every program that is
  // not a draft, except programs for named partners they are not (enrolled or) named in.
  // NOT_FOUND otherwise.
  absl::StatusOr<Program> GetProgram(const Principal& caller, int64_t program_id);
  // Programs the caller may see (as GetProgram), ordered by id.
  absl::StatusOr<cim::v1::ListProgramsResponse> ListPrograms(
      const Principal& caller, const cim::v1::ListProgramsRequest& request);
  // Program admins; see ProgramService.UpdateProgram for what may change when.
  // FAILED_PRECONDITION for a closed program or a fixed field; ABORTED for a stale etag.
  absl::StatusOr<Program> UpdateProgram(const Principal& caller, const Program& program,
                                        const google::protobuf::FieldMask& mask);
  // The program `in.id()` as UpdateProgram would store it with `mask` applied (as stored when
  // `mask` is empty), without storing it: what-if simulations. Vendor roles and service
  // accounts; the same errors as UpdateProgram.
  absl::StatusOr<Program> PreviewChange(const Principal& caller, const Program& in,
                                        const google::protobuf::FieldMask& mask);
  // Vendor roles and service accounts: any program; partner roles: programs their partner is
  // enrolled in. NOT_FOUND for an unknown program or one the caller may not read.
  absl::StatusOr<cim::v1::ListProgramRulesVersionsResponse> ListRulesVersions(
      const Principal& caller, int64_t program_id);
  // Who may read: as ListRulesVersions. Partner roles also see who of their partner accepted
  // each version and when.
  absl::StatusOr<cim::v1::ListProgramTermsVersionsResponse> ListTermsVersions(
      const Principal& caller, int64_t program_id);
  // Program admins move a program to `to` (see CheckTransition); activation needs at least one
  // rule. FAILED_PRECONDITION for an illegal transition; ABORTED for a stale `etag`.
  absl::StatusOr<Program> ChangeStatus(const Principal& caller, int64_t program_id,
                                       const std::string& etag, cim::v1::ProgramStatus to);

  // Partner roles check their own partner (partner_id 0 or theirs); vendor roles and service
  // accounts any partner. NOT_FOUND for a program or partner the caller may not see.
  absl::StatusOr<cim::v1::CheckEligibilityResponse> CheckEligibility(
      const Principal& caller, const cim::v1::CheckEligibilityRequest& request);
  // Partner admins enroll their own partner. FAILED_PRECONDITION (with every reason) if the
  // program is not active, the partner is not eligible, or `accepted_terms_version` is not the
  // current terms version; ALREADY_EXISTS if already enrolled.
  absl::StatusOr<Enrollment> EnrollPartner(const Principal& caller,
                                           const cim::v1::EnrollPartnerRequest& request);
  // Partner admins of an enrolled partner accept the current terms version. FAILED_PRECONDITION
  // if `accepted_terms_version` is not the current version; NOT_FOUND if not enrolled.
  absl::StatusOr<Enrollment> AcceptTerms(const Principal& caller,
                                         const cim::v1::AcceptProgramTermsRequest& request);
  // Vendor roles and service accounts list any enrollments; partner roles their partner's.
  absl::StatusOr<cim::v1::ListEnrollmentsResponse> ListEnrollments(
      const Principal& caller, const cim::v1::ListEnrollmentsRequest& request);

 private:
  // The stored program `in.id()` with the fields in `mask` taken from `in`, versioned and
  // validated (see UpdateProgram).
  absl::StatusOr<Program> Changed(const Program& in, const google::protobuf::FieldMask& mask);
  // Validates `program` (with SKU and named-partner lookups), returning INVALID_ARGUMENT with
  // every violation.
  absl::Status Validate(const Program& program);
  // True if a partner-role caller may see `program` (see GetProgram).
  absl::StatusOr<bool> VisibleToPartner(const Program& program, int64_t partner_id);
  // A PROGRAM_OPEN notice for each active partner `program` admits.
  absl::StatusOr<std::vector<NotificationEvent>> OpeningNotices(const Program& program);
  // Why `partner` may not join `program` (empty when it may).
  absl::StatusOr<std::vector<cim::v1::EligibilityGap>> GapsFor(const Program& program,
                                                               const Partner& partner);
  // OK if `caller` may read the versions of the program: vendor roles and service accounts, and
  // partner roles whose partner is enrolled. NOT_FOUND otherwise.
  absl::Status CheckVersionsReadable(const Principal& caller, int64_t program_id);

  ProgramRepository& programs_;
  ProductRepository& products_;
  PartnerRepository& partners_;
  CertificationRegistry& certifications_;
  const Clock& clock_;
};

}  // namespace cim

#endif  // CIM_SERVER_PROGRAM_PROGRAM_DIRECTORY_H_

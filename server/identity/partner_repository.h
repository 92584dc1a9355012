// Storage of partner organisations.
#ifndef CIM_SERVER_IDENTITY_PARTNER_REPOSITORY_H_
#define CIM_SERVER_IDENTITY_PARTNER_REPOSITORY_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "cim/v1/identity.pb.h"

namespace cim {

using cim::v1::Partner;

// Each field narrows the list when set (non-zero / non-empty).
struct PartnerFilter {
  cim::v1::PartnerType type = cim::v1::PARTNER_TYPE_UNSPECIFIED;
  std::string tier;
  std::string region;
  int64_t parent_partner_id = 0;
  cim::v1::PartnerStatus status = cim::v1::PARTNER_STATUS_UNSPECIFIED;
  std::string name_contains;
  int64_t id = 0;  // only this partner (used to confine partner roles)
};

class PartnerRepository {
 public:
  virtual ~PartnerRepository() = default;
  // Inserts `partner` (id ignored) with create and update time `now`; returns it with its id.
  virtual absl::StatusOr<Partner> Create(const Partner& partner, absl::Time now) = 0;
  // NOT_FOUND if no partner has `id`.
  virtual absl::StatusOr<Partner> Get(int64_t id) = 0;
  // Up to `limit` partners matching `filter` with id > `after_id`, ordered by id.
  virtual absl::StatusOr<std::vector<Partner>> List(const PartnerFilter& filter, int64_t after_id,
                                                    int limit) = 0;
  // Stores every mutable field of `partner` (by id) with update time `now` if its stored etag is
  // still `partner.etag()`; returns the stored row. NOT_FOUND if it does not exist; ABORTED if
  // it was changed since that etag was read.
  virtual absl::StatusOr<Partner> Update(const Partner& partner, absl::Time now) = 0;
};

// Calls `fn` with each partner matching `filter`, in id order, reading a page at a time.
// Returns the first error of a read or of `fn` (and stops there).
inline absl::Status ForEachPartner(PartnerRepository& partners, const PartnerFilter& filter,
                                   const std::function<absl::Status(const Partner&)>& fn) {
  constexpr int kPage = 500;
  for (int64_t after = 0;;) {
    absl::StatusOr<std::vector<Partner>> page = partners.List(filter, after, kPage);
    if (!page.ok()) return page.status();
    for (const Partner& partner : *page) {
      if (absl::Status status = fn(partner); !status.ok()) return status;
    }
    if (static_cast<int>(page->size()) < kPage) return absl::OkStatus();
    after = page->back().id();
  }
}

}  // namespace cim

#endif  // CIM_SERVER_IDENTITY_PARTNER_REPOSITORY_H_

// The demo money data: a product catalog, three active programs (a tiered rebate, a SPIF
// campaign, an MDF/co-op program) and a draft, enrollments, and a year of claims in every state
// with approvals, fund requests and paid and open statements. Everything goes through the same
// rules as the API, on a simulated clock that walks through the year.
#ifndef CIM_SERVER_DEMO_DEMO_PROGRAMS_H_
#define CIM_SERVER_DEMO_DEMO_PROGRAMS_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/claim/claim_repository.h"
#include "server/fund/fund_repository.h"
#include "server/identity/partner_repository.h"
#include "server/identity/user_repository.h"
#include "server/money/ledger_repository.h"
#include "server/payout/payout_repository.h"
#include "server/program/product_repository.h"
#include "server/program/program_repository.h"

namespace cim {

struct DemoProgramSummary {
  int products = 0;
  int programs = 0;
  int enrollments = 0;
  int claims = 0;
  int approved = 0;
  int statements = 0;
};

struct DemoRepositories {
  PartnerRepository& partners;
  UserRepository& users;
  ProductRepository& products;
  ProgramRepository& programs;
  ClaimRepository& claims;
  FundRepository& funds;
  PayoutRepository& payouts;
};

// Loads the demo programs and their history up to `today` (claims dated after it are left out)
// into a database that holds the demo partners and users (LoadDemoData) but no products yet.
absl::StatusOr<DemoProgramSummary> LoadDemoPrograms(const DemoRepositories& repositories,
                                                    absl::Time today);

}  // namespace cim

#endif  // CIM_SERVER_DEMO_DEMO_PROGRAMS_H_

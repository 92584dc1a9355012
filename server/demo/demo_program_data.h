// The demo year's data as tables: the product catalog, the programs (as text protos), how their
// claims are drawn, the end customers, the vendor staff who act, the proof PDF, the deal two
// partners both claim and the MDF activities. server/demo/demo_programs.cc seeds them.
#ifndef CIM_SERVER_DEMO_DEMO_PROGRAM_DATA_H_
#define CIM_SERVER_DEMO_DEMO_PROGRAM_DATA_H_

#include <iterator>

#include "absl/time/civil_time.h"

namespace cim::demo {

struct DemoProduct {
  const char* sku;
  const char* name;
  const char* category;
  const char* list_price;
  const char* unit_cost;
};

inline constexpr DemoProduct kProducts[] = {
    {"ST-2000", "FlashArray 2000 (20 TB)", "Storage", "18500.00", "11200.00"},
    {"ST-4000", "FlashArray 4000 (60 TB)", "Storage", "42900.00", "26100.00"},
    {"ST-HYB-24", "Hybrid Array 24 bay", "Storage", "9800.00", "6150.00"},
    {"ST-EXP-12", "Expansion shelf 12 bay", "Storage", "3400.00", "2050.00"},
    {"SV-R220", "Rack server R220 (1U)", "Servers", "4200.00", "2900.00"},
    {"SV-R440", "Rack server R440 (2U)", "Servers", "7900.00", "5300.00"},
    {"SV-EDGE-1", "Edge server E1", "Servers", "2600.00", "1750.00"},
    {"NW-SW24", "Campus switch 24-port", "Networking", "1890.00", "1150.00"},
    {"NW-SW48", "Campus switch 48-port PoE", "Networking", "3490.00", "2120.00"},
    {"NW-AP6", "Wi-Fi 6E access point", "Networking", "649.00", "355.00"},
    {"NW-FW200", "Next-gen firewall 200", "Networking", "5200.00", "3050.00"},
    {"SW-BKP-1Y", "Backup suite, 1-year subscription", "Software", "2400.00", "480.00"},
    {"SW-MON-1Y", "Monitoring suite, 1-year subscription", "Software", "1200.00", "220.00"},
    {"SW-SEC-1Y", "Endpoint security, 100 seats, 1 year", "Software", "3600.00", "900.00"},
    {"SV-CARE-3Y", "CarePack 3-year next business day", "Services", "1450.00", "520.00"},
    {"SV-INST", "Installation and configuration service", "Services", "950.00", "610.00"},
};

// How the claims of a program are drawn: one of kProducts[first_product, first_product +
// products); min_units plus fewer than unit_range more units (unit_range 0: up to the partner's
// size, 1 to 3); min_discount plus less than discount_range more percent off the list price.
// Rebate claims have one or two such lines, the others one.
struct ClaimShape {
  int first_product;
  int products;
  int min_units;
  int unit_range;
  int min_discount;
  int discount_range;
};
inline constexpr ClaimShape kRebateClaims{0, 7, 1, 0, 5, 12};  // storage and servers
inline constexpr ClaimShape kSpifClaims{7, 4, 2, 25, 0, 10};   // networking
inline constexpr ClaimShape kFundClaims{11, 5, 1, 20, 0, 8};   // software and services
static_assert(kFundClaims.first_product + kFundClaims.products ==
              static_cast<int>(std::size(kProducts)));

inline constexpr char kRebateProgram[] = R"pb(
  name: "Storage & Server Growth Rebate 2026"
  description: "Quarterly volume rebate on the storage and server lines. Reach a higher tier and every sale of the quarter earns the higher rate."
  objectives: "Grow storage and server sell-through by 20% against 2025 and move partners up to the 4.5% tier."
  targets {
    metric: "incremental_sales"
    target: "1500000"
    description: "Incremental storage and server sales in 2026"
  }
  targets {
    metric: "partners_in_top_tier"
    target: "8"
    description: "Partners reaching the 4.5% tier in a quarter"
  }
  eligibility {
    partner_types: [
      PARTNER_TYPE_DISTRIBUTOR,
      PARTNER_TYPE_RESELLER,
      PARTNER_TYPE_DEALER,
      PARTNER_TYPE_MSP
    ]
  }
  currency_code: "EUR"
  budget: "600000"
  start_date: "2026-01-01"
  end_date: "2026-12-31"
  period: PROGRAM_PERIOD_QUARTER
  terms: "Rebates are computed per calendar quarter on approved claims with an invoice date in that quarter. Reaching a tier re-rates the quarter's earlier approved sales. Silver, Gold and Platinum partners earn 1%, 2% and 3% more on each sale, by their partner tier when the claim is approved. Rebates are paid through quarterly statements."
  eligible_skus: [
    "ST-2000",
    "ST-4000",
    "ST-HYB-24",
    "ST-EXP-12",
    "SV-R220",
    "SV-R440",
    "SV-EDGE-1"
  ]
  rules {
    id: "volume-rebate"
    name: "Quarterly volume rebate"
    rebate {
      mode: REBATE_MODE_RETROACTIVE
      tiers { min_volume: "0" percent: "2" }
      tiers { min_volume: "50000" percent: "3" }
      tiers { min_volume: "150000" percent: "4.5" }
      partner_tier_uplifts { tier: "silver" percent: "1" }
      partner_tier_uplifts { tier: "gold" percent: "2" }
      partner_tier_uplifts { tier: "platinum" percent: "3" }
    }
  }
  rules {
    id: "quarter-bonus"
    name: "Quarter bonus at 200k"
    bonus { target_volume: "200000" amount: "2500" }
  }
  rules {
    id: "points"
    name: "Partner points"
    points { points_per_currency_unit: "0.01" }
  }
)pb";

// Last year's rebate program, closed: its approved sales are the baseline of this year's growth
// rule and of every program's ROI.
inline constexpr char kRebateProgram2025[] = R"pb(
  name: "Storage & Server Rebate 2025"
  description: "Quarterly volume rebate on the storage and server lines."
  objectives: "Keep storage and server sell-through growing through the 2025 refresh."
  targets {
    metric: "program_sales"
    target: "1200000"
    description: "Storage and server sales in 2025"
  }
  eligibility {
    partner_types: [
      PARTNER_TYPE_DISTRIBUTOR,
      PARTNER_TYPE_RESELLER,
      PARTNER_TYPE_DEALER,
      PARTNER_TYPE_MSP
    ]
  }
  currency_code: "EUR"
  budget: "450000"
  start_date: "2025-01-01"
  end_date: "2025-12-31"
  period: PROGRAM_PERIOD_QUARTER
  terms: "Rebates are computed per calendar quarter on approved claims with an invoice date in that quarter. Reaching a tier re-rates the quarter's earlier approved sales. Rebates are paid through quarterly statements."
  eligible_skus: [
    "ST-2000",
    "ST-4000",
    "ST-HYB-24",
    "ST-EXP-12",
    "SV-R220",
    "SV-R440",
    "SV-EDGE-1"
  ]
  rules {
    id: "volume-rebate"
    name: "Quarterly volume rebate"
    rebate {
      mode: REBATE_MODE_RETROACTIVE
      tiers { min_volume: "0" percent: "2" }
      tiers { min_volume: "50000" percent: "3" }
      tiers { min_volume: "150000" percent: "4" }
    }
  }
  rules {
    id: "points"
    name: "Partner points"
    points { points_per_currency_unit: "0.01" }
  }
)pb";

// This year's growth rule: a quarter's sales 15% above the same quarter of 2025 (in the 2025
// program, whose id the seed fills in as baseline_program_id) earn a bonus.
inline constexpr char kGrowthOn2025Rule[] = R"pb(
  id: "growth-on-2025"
  name: "Growth on 2025"
  growth { min_growth_percent: "15" amount: "1500" baseline: BASELINE_PERIOD_SAME_LAST_YEAR }
)pb";

inline constexpr char kSpifProgram[] = R"pb(
  name: "Networking SPIF 2026"
  description: "A fixed reward for every campus switch, access point and firewall sold."
  objectives: "Win the campus refresh cycle: 2,000 access points and 600 switches sold by partners."
  targets { metric: "units_sold" target: "2600" description: "Switches and access points" }
  eligibility { partner_types: [ PARTNER_TYPE_RESELLER, PARTNER_TYPE_MSP, PARTNER_TYPE_DEALER ] }
  currency_code: "EUR"
  budget: "60000"
  start_date: "2026-02-01"
  end_date: "2026-12-31"
  period: PROGRAM_PERIOD_MONTH
  terms: "The SPIF is paid per unit on approved claims with an invoice date in the campaign window."
  eligible_skus: [ "NW-SW24", "NW-SW48", "NW-AP6", "NW-FW200" ]
  rules {
    id: "campus-spif"
    name: "Campus SPIF"
    spif {
      products { sku: "NW-SW24" amount_per_unit: "40" }
      products { sku: "NW-SW48" amount_per_unit: "75" }
      products { sku: "NW-AP6" amount_per_unit: "15" }
      products { sku: "NW-FW200" amount_per_unit: "120" }
      start_date: "2026-02-01"
      end_date: "2026-12-31"
    }
  }
  rules {
    id: "points"
    name: "Partner points"
    points { points_per_unit: "5" }
  }
)pb";

inline constexpr char kFundProgram[] = R"pb(
  name: "Marketing Development & Co-op 2026"
  description: "MDF for every enrolled partner by tier, and 3% co-op on software and services sales."
  objectives: "Fund partner-led demand generation for the subscription portfolio."
  eligibility { tiers: [ "platinum", "gold", "silver" ] }
  currency_code: "EUR"
  budget: "200000"
  start_date: "2026-01-01"
  end_date: "2026-12-31"
  period: PROGRAM_PERIOD_YEAR
  terms: "MDF and co-op are reimbursed against proof of performance for pre-approved activities."
  eligible_skus: [ "SW-BKP-1Y", "SW-MON-1Y", "SW-SEC-1Y", "SV-CARE-3Y", "SV-INST" ]
  rules {
    id: "coop"
    name: "Co-op accrual"
    coop_accrual { percent: "3" }
  }
  rules {
    id: "mdf"
    name: "MDF by tier"
    mdf_allocation {
      tier_amounts { tier: "platinum" amount: "10000" }
      tier_amounts { tier: "gold" amount: "6000" }
      tier_amounts { tier: "silver" amount: "3000" }
    }
  }
)pb";

// Open to join: published in the autumn, no partner has joined yet.
inline constexpr char kLaunchProgram[] = R"pb(
  name: "Hyperconverged Launch 2026-27"
  description: "Points and a launch bonus for the first hyperconverged storage deals in EMEA."
  objectives: "Put the new hyperconverged line in 40 EMEA accounts before spring."
  eligibility {
    partner_types: [ PARTNER_TYPE_RESELLER, PARTNER_TYPE_MSP ]
    regions: [ "EMEA-NL", "EMEA-DE", "EMEA-UK", "EMEA-CH", "EMEA-NO" ]
  }
  currency_code: "EUR"
  budget: "40000"
  start_date: "2026-10-01"
  end_date: "2027-03-31"
  period: PROGRAM_PERIOD_QUARTER
  terms: "Points are credited on approved claims with an invoice date in the program window. The launch bonus is paid once per quarter. When these terms change, claims submitted before your organisation accepts the new terms do not count until it does."
  eligible_skus: [ "ST-4000", "ST-HYB-24" ]
  rules {
    id: "launch-points"
    name: "Launch points"
    points { points_per_currency_unit: "0.2" }
  }
  rules {
    id: "launch-bonus"
    name: "Launch bonus"
    bonus { target_volume: "50000" amount: "2500" }
  }
)pb";

// Not open to most: platinum partners with a certified storage expert.
inline constexpr char kEliteProgram[] = R"pb(
  name: "Platinum Storage Elite 2026-27"
  description: "A higher rebate for platinum partners with certified storage experts."
  eligibility {
    tiers: [ "platinum" ]
    required_certifications: [ "storage-expert" ]
  }
  currency_code: "EUR"
  budget: "150000"
  start_date: "2026-10-01"
  end_date: "2027-09-30"
  period: PROGRAM_PERIOD_QUARTER
  terms: "Rebates are paid quarterly on approved claims. Membership needs the platinum tier and at least one certified storage expert throughout."
  eligible_skus: [ "ST-4000", "ST-HYB-24" ]
  rules {
    id: "elite-rebate"
    name: "Elite rebate"
    rebate {
      mode: REBATE_MODE_MARGINAL
      tiers { min_volume: "0" percent: "4" }
      tiers { min_volume: "100000" percent: "5.5" }
    }
  }
)pb";

inline constexpr char kDraftProgram[] = R"pb(
  name: "2027 Partner Growth Accelerator (draft)"
  description: "A growth kicker for partners who beat their 2026 quarter by 15%."
  currency_code: "EUR"
  budget: "120000"
  start_date: "2027-01-01"
  end_date: "2027-12-31"
  period: PROGRAM_PERIOD_QUARTER
  terms: "Draft terms."
  rules {
    id: "growth"
    name: "Growth kicker"
    growth { min_growth_percent: "15" amount: "3000" baseline: BASELINE_PERIOD_SAME_LAST_YEAR }
  }
)pb";

// The end customers of the demo's deals.
struct DemoCustomer {
  const char* name;
  const char* country;
};

inline constexpr DemoCustomer kCustomers[] = {
    {"Gemeente Utrecht", "NL"},
    {"Rijnmond Logistics", "NL"},
    {"Hanze Hospital", "NL"},
    {"Kiel Maritime AG", "DE"},
    {"Bavaria Foods GmbH", "DE"},
    {"Sierra Credit Union", "US"},
    {"Columbia Biotech", "US"},
    {"Northwind Traders", "US"},
    {"Lakeside School District", "US"},
    {"Contoso Retail", "GB"},
    {"Fabrikam Insurance", "GB"},
    {"Tailspin Airlines", "US"},
    {"Wide World Importers", "US"},
    {"Adatum Health", "NL"},
    {"Litware Legal", "DE"},
    {"Proseware Media", "SE"},
};
inline constexpr int kCustomerCount = static_cast<int>(std::size(kCustomers));

// The vendor's staff who act in the demo (they exist after LoadDemoData).
inline constexpr char kFinanceEmail[] = "finance@vendor.example";
inline constexpr const char* kReviewerEmails[] = {"channel.manager@vendor.example",
                                                  "cm.emea@vendor.example", "cm.na@vendor.example",
                                                  "cm.apac@vendor.example"};

// The proof of sale (and of performance) every demo upload carries.
inline constexpr char kProofPdf[] =
    "%PDF-1.4\n% demo proof of sale\n1 0 obj << /Type /Catalog >> endobj\n";

// The deal a distributor and its reseller both claim: a channel conflict.
struct ConflictingDeal {
  const char* invoice_number;
  const char* customer_name;
  const char* customer_country;
  const char* sku;
  int quantity;
  const char* list_price;
  int discount_percent;
};
inline constexpr ConflictingDeal kConflictingDeal{
    "HH-2026-7781", "Hanze Hospital", "NL", "ST-4000", 2, "42900.00", 8};

// The MDF activities partners ask funds for, the n-th enrolled partner the n-th, a month apart
// from March. What becomes of request n: see PlanFundRequest.
inline constexpr const char* kFundActivities[] = {
    "Storage roadshow",   "Webinar series: backup in 30 minutes",
    "Trade fair booth",   "Customer lunch & learn",
    "Search campaign Q3", "Campus Wi-Fi demo days"};

// The first working day of the demo year: catalog and programs are created on it.
inline constexpr absl::CivilDay kFirstDay(2026, 1, 2);
// The first working day of the year before, whose history (the 2025 rebate program, its claims
// and statements) the demo starts with, and the day that program is closed.
inline constexpr absl::CivilDay kFirstDay2025(2025, 1, 2);
// Who joined their partner in 2026, so has no 2025 claims: the demo rep, whose first deal the
// portal celebrates.
inline constexpr const char* kJoinedIn2026[] = {"rosa.larsen@amstel.example"};
inline constexpr absl::CivilDay kClose2025Day(2026, 1, 30);

}  // namespace cim::demo

#endif  // CIM_SERVER_DEMO_DEMO_PROGRAM_DATA_H_

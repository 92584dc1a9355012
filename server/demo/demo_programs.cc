#include "server/demo/demo_programs.h"

#include <google/protobuf/text_format.h>

#include <algorithm>
#include <functional>
#include <map>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "lib/clock.h"
#include "lib/dates.h"
#include "lib/status_util.h"
#include "server/claim/claim_workflow.h"
#include "server/fund/fund_workflow.h"
#include "server/payout/payout_workflow.h"
#include "server/program/certification_registry.h"
#include "server/program/product_catalog.h"
#include "server/program/program_directory.h"

namespace cim {
namespace {

using cim::v1::Program;

struct DemoProduct {
  const char* sku;
  const char* name;
  const char* category;
  const char* list_price;
  const char* unit_cost;
};

constexpr DemoProduct kProducts[] = {
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

constexpr char kRebateProgram[] = R"pb(
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
      tiers { min_volume: "150000" percent: "4.5" }
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

constexpr char kSpifProgram[] = R"pb(
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

constexpr char kFundProgram[] = R"pb(
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

constexpr char kDraftProgram[] = R"pb(
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

constexpr char kCustomers[][40] = {
    "Gemeente Utrecht",         "Rijnmond Logistics",  "Hanze Hospital",     "Kiel Maritime AG",
    "Bavaria Foods GmbH",       "Sierra Credit Union", "Columbia Biotech",   "Northwind Traders",
    "Lakeside School District", "Contoso Retail",      "Fabrikam Insurance", "Tailspin Airlines",
    "Wide World Importers",     "Adatum Health",       "Litware Legal",      "Proseware Media"};
constexpr char kCountryOf[][3] = {"NL", "NL", "NL", "DE", "DE", "US", "US", "US",
                                  "US", "GB", "GB", "US", "US", "NL", "DE", "SE"};

// A small deterministic generator, so every demo load is the same.
class Dice {
 public:
  int Below(int n) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state_ >> 33) % static_cast<uint64_t>(n));
  }
  bool Chance(int percent) { return Below(100) < percent; }

 private:
  uint64_t state_ = 20260101;
};

Principal PrincipalOf(const User& user, const std::string& partner_name) {
  return Principal{.user_id = user.id(),
                   .email = user.email(),
                   .display_name = user.display_name(),
                   .role = user.role(),
                   .partner_id = user.partner_id(),
                   .partner_name = partner_name};
}

struct DemoPartnerPeople {
  Partner partner;
  Principal admin;
  std::vector<Principal> reps;
};

// One thing that happens on a day of the simulated year.
struct Event {
  absl::CivilDay day;
  int order;  // within the day
  std::function<absl::Status()> run;
};

}  // namespace

absl::StatusOr<DemoProgramSummary> LoadDemoPrograms(const DemoRepositories& r,
                                                    absl::Time today_time) {
  DemoProgramSummary summary;
  const absl::CivilDay today = DayOf(today_time);
  const absl::CivilDay first_day(2026, 1, 2);
  FakeClock clock(absl::FromCivil(absl::CivilSecond(first_day), absl::UTCTimeZone()));
  const auto set_day = [&](absl::CivilDay day, int hour) {
    clock.Advance(absl::FromCivil(absl::CivilSecond(day.year(), day.month(), day.day(), hour, 0, 0),
                                  absl::UTCTimeZone()) -
                  clock.Now());
  };
  NoCertifications certifications;
  ProductCatalog catalog(r.products, clock);
  ProgramDirectory directory(r.programs, r.products, r.partners, certifications, clock);
  ClaimWorkflow claims(r.claims, r.programs, r.products, r.partners, clock);
  FundWorkflow funds(r.funds, r.programs, r.claims, r.partners, clock);
  PayoutWorkflow payouts(r.payouts, clock);

  const auto vendor = [&](const std::string& email) -> absl::StatusOr<Principal> {
    CIM_ASSIGN_OR_RETURN(UserRecord record, r.users.GetByEmail(email));
    return PrincipalOf(record.user, "");
  };
  CIM_ASSIGN_OR_RETURN(const Principal program_admin, vendor("program.admin@vendor.example"));
  CIM_ASSIGN_OR_RETURN(const Principal finance, vendor("finance@vendor.example"));
  std::vector<Principal> reviewers;
  for (const char* email : {"channel.manager@vendor.example", "cm.emea@vendor.example",
                            "cm.na@vendor.example", "cm.apac@vendor.example"}) {
    CIM_ASSIGN_OR_RETURN(Principal p, vendor(email));
    reviewers.push_back(p);
  }

  // Catalog and programs, on the first working day of the year.
  set_day(first_day, 9);
  cim::v1::ImportProductsRequest import;
  for (const DemoProduct& p : kProducts) {
    Product* product = import.add_products();
    product->set_sku(p.sku);
    product->set_name(p.name);
    product->set_category(p.category);
    product->set_currency_code("EUR");
    product->set_list_price(p.list_price);
    product->set_unit_cost(p.unit_cost);
  }
  CIM_ASSIGN_OR_RETURN(auto imported, catalog.ImportProducts(program_admin, import));
  summary.products = imported.created_count();

  const auto create = [&](const char* text, bool activate) -> absl::StatusOr<Program> {
    Program program;
    if (!google::protobuf::TextFormat::ParseFromString(text, &program)) {
      return absl::InternalError("demo program text does not parse");
    }
    CIM_ASSIGN_OR_RETURN(program, directory.CreateProgram(program_admin, program));
    ++summary.programs;
    if (!activate) return program;
    return directory.ChangeStatus(program_admin, program.id(), "", cim::v1::PROGRAM_STATUS_ACTIVE);
  };
  CIM_ASSIGN_OR_RETURN(const Program rebate, create(kRebateProgram, true));
  CIM_ASSIGN_OR_RETURN(const Program spif, create(kSpifProgram, true));
  CIM_ASSIGN_OR_RETURN(const Program fund, create(kFundProgram, true));
  CIM_RETURN_IF_ERROR(create(kDraftProgram, false).status());

  // The partners' people, and enrollment wherever the partner is eligible.
  std::vector<DemoPartnerPeople> people;
  CIM_ASSIGN_OR_RETURN(std::vector<Partner> partners, r.partners.List(PartnerFilter{}, 0, 500));
  for (const Partner& partner : partners) {
    DemoPartnerPeople entry{.partner = partner};
    CIM_ASSIGN_OR_RETURN(std::vector<User> users,
                         r.users.List(UserFilter{.partner_id = partner.id()}, 0, 500));
    for (const User& u : users) {
      if (u.role() == cim::v1::ROLE_PARTNER_ADMIN) entry.admin = PrincipalOf(u, partner.name());
      if (u.role() == cim::v1::ROLE_PARTNER_REP)
        entry.reps.push_back(PrincipalOf(u, partner.name()));
    }
    if (entry.admin.user_id == 0 || entry.reps.empty()) continue;
    people.push_back(std::move(entry));
  }
  std::map<std::pair<int64_t, int64_t>, bool> enrolled;  // (program, partner)
  Dice dice;
  for (const DemoPartnerPeople& p : people) {
    for (const Program* program : {&rebate, &spif, &fund}) {
      cim::v1::CheckEligibilityRequest check;
      check.set_program_id(program->id());
      check.set_partner_id(p.partner.id());
      CIM_ASSIGN_OR_RETURN(auto eligibility, directory.CheckEligibility(program_admin, check));
      if (!eligibility.eligible() || dice.Chance(10)) continue;  // a few stay out
      set_day(first_day + dice.Below(20), 11);
      cim::v1::EnrollPartnerRequest enroll;
      enroll.set_program_id(program->id());
      enroll.set_accepted_terms_version(eligibility.terms_version());
      CIM_RETURN_IF_ERROR(directory.EnrollPartner(p.admin, enroll).status());
      enrolled[{program->id(), p.partner.id()}] = true;
      ++summary.enrollments;
    }
  }

  // A year of claims, decisions, fund requests and payouts, day by day.
  std::vector<Event> events;
  std::map<int, int64_t> claim_ids;  // plan index → claim id
  int plan = 0;
  const std::string pdf = "%PDF-1.4\n% demo proof of sale\n1 0 obj << /Type /Catalog >> endobj\n";
  const auto plan_claim = [&](const DemoPartnerPeople& p, const Program& program,
                              absl::CivilDay invoice_day,
                              const std::vector<cim::v1::ClaimLine>& lines, int customer) {
    const int index = plan++;
    const absl::CivilDay submit_day = invoice_day + 1 + dice.Below(4);
    if (submit_day > today) return;
    const Principal rep = p.reps[dice.Below(static_cast<int>(p.reps.size()))];
    const bool with_proof = dice.Chance(40);
    events.push_back({submit_day, 1,
                      [&, index, p, rep, lines, customer, invoice_day, with_proof,
                       program_id = program.id()]() -> absl::Status {
                        cim::v1::SubmitClaimRequest request;
                        request.set_idempotency_key(absl::StrCat("demo-claim-", index));
                        Claim* c = request.mutable_claim();
                        c->set_program_id(program_id);
                        c->set_invoice_number(
                            absl::StrCat("INV-", invoice_day.year(), "-",
                                         10000 + p.partner.id() * 100 + index % 100, "-", index));
                        c->set_invoice_date(FormatDate(invoice_day));
                        c->set_customer_name(kCustomers[customer]);
                        c->set_customer_country(kCountryOf[customer]);
                        c->set_currency_code("EUR");
                        for (const cim::v1::ClaimLine& line : lines) *c->add_lines() = line;
                        if (with_proof) {
                          cim::v1::AttachmentMetadata metadata;
                          metadata.set_filename(absl::StrCat("invoice-", index, ".pdf"));
                          CIM_ASSIGN_OR_RETURN(Attachment proof, claims.Upload(rep, metadata, pdf));
                          c->add_attachment_ids(proof.id());
                        }
                        CIM_ASSIGN_OR_RETURN(Claim claim, claims.Submit(rep, request));
                        claim_ids[index] = claim.id();
                        ++summary.claims;
                        return absl::OkStatus();
                      }});
    // What happens next: recent claims are still open; older ones are mostly approved.
    const int age = static_cast<int>(today - submit_day);
    const Principal reviewer = reviewers[dice.Below(static_cast<int>(reviewers.size()))];
    const auto review = [&, index, reviewer](ClaimAction action, const std::string& comment) {
      return [&, index, reviewer, action, comment]() -> absl::Status {
        cim::v1::ReviewClaimRequest request;
        request.set_claim_id(claim_ids[index]);
        request.set_comment(comment);
        CIM_RETURN_IF_ERROR(claims.Review(reviewer, request, action).status());
        if (action == ClaimAction::kApprove) ++summary.approved;
        return absl::OkStatus();
      };
    };
    const int roll = dice.Below(100);
    absl::CivilDay decide_day = submit_day + 2 + dice.Below(8);
    if (age < 6 || roll < 4) return;  // waiting for a reviewer
    if (decide_day > today) decide_day = today;
    if (age < 21 && roll < 35) {
      events.push_back({decide_day, 2, review(ClaimAction::kStartReview, "")});
      return;
    }
    if (roll < 12) {
      events.push_back({decide_day, 2,
                        review(ClaimAction::kReject,
                               "The invoice shows a different end customer than the claim.")});
      return;
    }
    if (roll < 20) {
      events.push_back({decide_day, 2,
                        review(ClaimAction::kRequestInfo,
                               "Please attach the invoice PDF showing the serial numbers.")});
      const absl::CivilDay resubmit_day = decide_day + 2;
      if (resubmit_day > today || age < 30) return;  // the partner has not answered yet
      events.push_back({resubmit_day, 3, [&, index, rep, pdf]() -> absl::Status {
                          CIM_ASSIGN_OR_RETURN(Claim current, claims.Get(rep, claim_ids[index]));
                          cim::v1::AttachmentMetadata metadata;
                          metadata.set_filename(absl::StrCat("invoice-", index, "-serials.pdf"));
                          CIM_ASSIGN_OR_RETURN(Attachment proof, claims.Upload(rep, metadata, pdf));
                          cim::v1::ResubmitClaimRequest request;
                          *request.mutable_claim() = current;
                          request.mutable_claim()->add_attachment_ids(proof.id());
                          request.set_comment("Attached the invoice with serial numbers.");
                          return claims.Resubmit(rep, request).status();
                        }});
      events.push_back({resubmit_day + 3, 2, review(ClaimAction::kApprove, "Thanks, approved.")});
      return;
    }
    events.push_back({decide_day, 2, review(ClaimAction::kApprove, "")});
  };

  const auto line = [&](const char* sku, int quantity, const char* list, int discount) {
    cim::v1::ClaimLine l;
    l.set_sku(sku);
    l.set_quantity(quantity);
    const Decimal price =
        Decimal::Parse(list)->PercentOf(Decimal::FromInt(100 - discount)).Rounded(2);
    l.set_unit_price(price.ToString(2));
    return l;
  };
  for (int month = 1; month <= 11; ++month) {
    for (const DemoPartnerPeople& p : people) {
      const int64_t id = p.partner.id();
      const int big = p.partner.tier() == "platinum" ? 3 : (p.partner.tier() == "gold" ? 2 : 1);
      if (enrolled.count({rebate.id(), id}) && dice.Chance(25 + 10 * big)) {
        std::vector<cim::v1::ClaimLine> lines;
        const int count = 1 + dice.Below(2);
        for (int i = 0; i < count; ++i) {
          const DemoProduct& product = kProducts[dice.Below(7)];
          lines.push_back(
              line(product.sku, 1 + dice.Below(big), product.list_price, 5 + dice.Below(12)));
        }
        plan_claim(p, rebate, absl::CivilDay(2026, month, 1 + dice.Below(27)), lines,
                   dice.Below(16));
      }
      if (month >= 2 && enrolled.count({spif.id(), id}) && dice.Chance(30)) {
        const DemoProduct& product = kProducts[7 + dice.Below(4)];
        plan_claim(p, spif, absl::CivilDay(2026, month, 1 + dice.Below(27)),
                   {line(product.sku, 2 + dice.Below(25), product.list_price, dice.Below(10))},
                   dice.Below(16));
      }
      if (enrolled.count({fund.id(), id}) && dice.Chance(15)) {
        const DemoProduct& product = kProducts[11 + dice.Below(5)];
        plan_claim(p, fund, absl::CivilDay(2026, month, 1 + dice.Below(27)),
                   {line(product.sku, 1 + dice.Below(20), product.list_price, dice.Below(8))},
                   dice.Below(16));
      }
    }
  }

  // A channel conflict: a distributor and its reseller claim the same deal.
  for (const DemoPartnerPeople& reseller : people) {
    if (reseller.partner.parent_partner_id() == 0 ||
        !enrolled.count({rebate.id(), reseller.partner.id()})) {
      continue;
    }
    auto parent = std::find_if(people.begin(), people.end(), [&](const DemoPartnerPeople& p) {
      return p.partner.id() == reseller.partner.parent_partner_id();
    });
    if (parent == people.end() || !enrolled.count({rebate.id(), parent->partner.id()})) continue;
    const absl::CivilDay day = std::min(today - 9, absl::CivilDay(2026, 11, 12));
    for (const DemoPartnerPeople* p :
         {static_cast<const DemoPartnerPeople*>(&*parent), &reseller}) {
      events.push_back({day, 1, [&, p, day]() -> absl::Status {
                          cim::v1::SubmitClaimRequest request;
                          request.set_idempotency_key(
                              absl::StrCat("demo-conflict-", p->partner.id()));
                          Claim* c = request.mutable_claim();
                          c->set_program_id(rebate.id());
                          c->set_invoice_number("HH-2026-7781");
                          c->set_invoice_date(FormatDate(day - 1));
                          c->set_customer_name("Hanze Hospital");
                          c->set_customer_country("NL");
                          c->set_currency_code("EUR");
                          *c->add_lines() = line("ST-4000", 2, "42900.00", 8);
                          CIM_RETURN_IF_ERROR(claims.Submit(p->reps.front(), request).status());
                          ++summary.claims;
                          return absl::OkStatus();
                        }});
    }
    break;
  }

  // MDF requests: pre-approved, reimbursed against proof, one waiting, one rejected.
  int fund_requests = 0;
  for (const DemoPartnerPeople& p : people) {
    if (!enrolled.count({fund.id(), p.partner.id()}) || fund_requests >= 6) continue;
    const int n = fund_requests++;
    const absl::CivilDay asked(2026, 3 + n, 3);
    if (asked > today) break;
    const std::string activity =
        std::vector<std::string>{"Storage roadshow",   "Webinar series: backup in 30 minutes",
                                 "Trade fair booth",   "Customer lunch & learn",
                                 "Search campaign Q3", "Campus Wi-Fi demo days"}[n];
    auto request_id = std::make_shared<int64_t>(0);
    events.push_back({asked, 1, [&, p, activity, request_id, n]() -> absl::Status {
                        FundRequest request;
                        request.set_program_id(fund.id());
                        request.set_fund(cim::v1::LEDGER_ACCOUNT_MDF_FUND);
                        request.set_activity(activity);
                        request.set_description("Leads go to the vendor's CRM within a week.");
                        request.set_planned_cost(absl::StrCat(1500 + 500 * n));
                        request.set_start_date(FormatDate(absl::CivilDay(2026, 4 + n, 10)));
                        request.set_end_date(FormatDate(absl::CivilDay(2026, 4 + n, 12)));
                        CIM_ASSIGN_OR_RETURN(FundRequest stored, funds.Create(p.admin, request));
                        *request_id = stored.id();
                        return absl::OkStatus();
                      }});
    const Principal reviewer = reviewers[n % reviewers.size()];
    const auto decide = [&, reviewer, request_id](FundAction action, const std::string& comment) {
      return [&, reviewer, request_id, action, comment]() -> absl::Status {
        cim::v1::DecideFundRequestRequest decision;
        decision.set_fund_request_id(*request_id);
        decision.set_comment(comment);
        return funds.Decide(reviewer, decision, action).status();
      };
    };
    if (n == 5) continue;  // waiting for pre-approval
    if (n == 4) {
      events.push_back({asked + 3, 2,
                        decide(FundAction::kReject, "Paid search is not MDF-eligible this year.")});
      continue;
    }
    events.push_back({asked + 3, 2, decide(FundAction::kApprove, "Approved, enjoy the event.")});
    if (n == 3) continue;  // approved, activity still to come
    const absl::CivilDay claimed(2026, 4 + n, 20);
    events.push_back({claimed, 1, [&, p, request_id, n]() -> absl::Status {
                        cim::v1::AttachmentMetadata metadata;
                        metadata.set_filename("event-photos.pdf");
                        CIM_ASSIGN_OR_RETURN(Attachment proof,
                                             claims.Upload(p.admin, metadata, pdf));
                        cim::v1::SubmitReimbursementRequest claim;
                        claim.set_fund_request_id(*request_id);
                        claim.set_actual_cost(absl::StrCat(1400 + 520 * n));
                        claim.add_attachment_ids(proof.id());
                        claim.set_notes("Photos, attendee list and invoices attached.");
                        return funds.SubmitReimbursement(p.admin, claim).status();
                      }});
    events.push_back({claimed + 4, 2, decide(FundAction::kApproveReimbursement, "")});
  }

  // Quarterly payouts: Q1 and Q2 paid, Q3 partly paid.
  for (int quarter = 1; quarter <= 3; ++quarter) {
    const absl::CivilDay period_start(2026, 3 * quarter - 2, 1);
    const absl::CivilDay period_end = absl::CivilDay(2026, 3 * quarter + 1, 1) - 1;
    const absl::CivilDay run_day = period_end + 6;
    if (run_day + 4 > today) break;
    events.push_back({run_day, 9, [&, period_start, period_end, quarter]() -> absl::Status {
                        cim::v1::CreatePayoutRunRequest request;
                        request.set_period_start(FormatDate(period_start));
                        request.set_period_end(FormatDate(period_end));
                        CIM_ASSIGN_OR_RETURN(PayoutRun run, payouts.CreateRun(finance, request));
                        summary.statements += run.statements_size();
                        int n = 0;
                        for (const Statement& s : run.statements()) {
                          if (quarter == 3 && n++ % 2 == 1) continue;  // still open
                          cim::v1::MarkStatementPaidRequest pay;
                          pay.set_statement_id(s.id());
                          pay.set_payment_reference(
                              absl::StrCat("SEPA-2026-Q", quarter, "-", s.id()));
                          CIM_RETURN_IF_ERROR(payouts.MarkPaid(finance, pay).status());
                        }
                        return absl::OkStatus();
                      }});
  }

  std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return a.day != b.day ? a.day < b.day : a.order < b.order;
  });
  for (const Event& event : events) {
    set_day(event.day, 9 + event.order);
    absl::Status status = event.run();
    // A budget that ran dry refuses approvals, as it would in production; anything else is a
    // bug in the demo data.
    const bool budget_ran_dry =
        absl::IsFailedPrecondition(status) && absl::StrContains(status.message(), "budget");
    if (!status.ok() && !budget_ran_dry) {
      return absl::InternalError(
          absl::StrCat("demo event on ", FormatDate(event.day), " failed: ", status.ToString()));
    }
  }
  return summary;
}

}  // namespace cim

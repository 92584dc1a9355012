#include "server/performance/performance_reports.h"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "cim/v1/claim.pb.h"
#include "cim/v1/dispute.pb.h"
#include "lib/decimal_field.h"
#include "lib/phrase.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "lib/text_field.h"
#include "server/engagement/engagement_rules.h"
#include "server/performance/roi_rules.h"
#include "server/program/program_policy.h"

namespace cim {
namespace {

using cim::v1::Program;

constexpr int64_t kMaxHistoryDays = 366;

absl::Status RequireReader(const Principal& caller) {
  if (ReadsAllPartners(caller)) return absl::OkStatus();
  return absl::PermissionDeniedError("program performance is for vendor roles");
}

absl::StatusOr<DateRange> ProgramDates(const Program& program) {
  CIM_ASSIGN_OR_RETURN(const absl::CivilDay start, ParseDate(program.start_date()));
  CIM_ASSIGN_OR_RETURN(const absl::CivilDay end, ParseDate(program.end_date()));
  return DateRange{start, end};
}

// A request's optional pair of dates: both or neither, the first not after the second.
std::optional<DateRange> OptionalRange(const std::string& first, const std::string& last,
                                       const char* first_field, const char* last_field,
                                       FieldErrors& errors) {
  if (first.empty() && last.empty()) return std::nullopt;
  absl::StatusOr<absl::CivilDay> a = ParseDate(first);
  absl::StatusOr<absl::CivilDay> b = ParseDate(last);
  if (!a.ok()) errors.Add(first_field, "a date \"YYYY-MM-DD\" (with the other end)");
  if (!b.ok()) errors.Add(last_field, "a date \"YYYY-MM-DD\" (with the other end)");
  if (!a.ok() || !b.ok()) return std::nullopt;
  if (*a > *b) {
    errors.Add(first_field, Phrase("error.not_after").Text("field", last_field));
    return std::nullopt;
  }
  return DateRange{*a, *b};
}

// The entered costs of each category, and what the program paid and the partners sold: the
// inputs of one ROI computation.
struct Inputs {
  SalesFigures now;
  SalesFigures baseline;
  Decimal rewards;
  Decimal admin, training, marketing;

  void Add(const Inputs& o) {
    now.sales += o.now.sales;
    now.cogs += o.now.cogs;
    baseline.sales += o.baseline.sales;
    baseline.cogs += o.baseline.cogs;
    rewards += o.rewards;
    admin += o.admin;
    training += o.training;
    marketing += o.marketing;
  }

  // The entered costs that are not void, by category.
  void AddCosts(const std::vector<cim::v1::ProgramCost>& costs) {
    for (const cim::v1::ProgramCost& c : costs) {
      if (c.voided()) continue;
      const Decimal amount = Decimal::Parse(c.amount()).value_or(Decimal());
      if (c.category() == cim::v1::PROGRAM_COST_CATEGORY_ADMIN) admin += amount;
      if (c.category() == cim::v1::PROGRAM_COST_CATEGORY_TRAINING) training += amount;
      if (c.category() == cim::v1::PROGRAM_COST_CATEGORY_MARKETING) marketing += amount;
    }
  }
};

std::string Money(const Decimal& d, int scale) { return d.ToString(scale); }

cim::v1::RoiFigures RoiProto(const Inputs& in, int64_t program_days, int64_t baseline_days,
                             int scale) {
  const RoiFigures f = ComputeRoi(RoiInputs{.program_sales = in.now.sales,
                                            .program_cogs = in.now.cogs,
                                            .program_days = program_days,
                                            .baseline_sales = in.baseline.sales,
                                            .baseline_cogs = in.baseline.cogs,
                                            .baseline_days = baseline_days,
                                            .rewards = in.rewards,
                                            .admin_cost = in.admin,
                                            .training_cost = in.training,
                                            .marketing_cost = in.marketing,
                                            .money_scale = scale});
  cim::v1::RoiFigures out;
  out.set_program_sales(Money(in.now.sales, scale));
  out.set_program_cogs(Money(in.now.cogs, scale));
  out.set_program_days(program_days);
  out.set_baseline_sales(Money(in.baseline.sales, scale));
  out.set_baseline_cogs(Money(in.baseline.cogs, scale));
  out.set_baseline_days(baseline_days);
  out.set_expected_sales(Money(f.expected_sales, scale));
  out.set_expected_cogs(Money(f.expected_cogs, scale));
  out.set_incremental_sales(Money(f.incremental_sales, scale));
  out.set_incremental_cogs(Money(f.incremental_cogs, scale));
  out.set_gross_profit(Money(f.gross_profit, scale));
  out.set_rewards_cost(Money(in.rewards, scale));
  out.set_admin_cost(Money(in.admin, scale));
  out.set_training_cost(Money(in.training, scale));
  out.set_marketing_cost(Money(in.marketing, scale));
  out.set_total_cost(Money(f.total_cost, scale));
  out.set_net_profit(Money(f.net_profit, scale));
  if (f.roi_percent) out.set_roi_percent(f.roi_percent->ToString(2));
  return out;
}

std::string TypeLabel(cim::v1::PartnerType type) {
  return WithoutPrefix(cim::v1::PartnerType_Name(type), "PARTNER_TYPE_");
}

}  // namespace

absl::StatusOr<cim::v1::ProgramCost> PerformanceReports::AddCost(
    const Principal& caller, const cim::v1::AddProgramCostRequest& request) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_PROGRAM_ADMIN, cim::v1::ROLE_FINANCE}));
  FieldErrors errors;
  if (request.program_id() <= 0) errors.Add("program_id", "required");
  if (request.category() == cim::v1::PROGRAM_COST_CATEGORY_UNSPECIFIED ||
      !cim::v1::ProgramCostCategory_IsValid(request.category())) {
    errors.Add("category", "ADMIN, TRAINING or MARKETING");
  }
  ValidateText(request.description(), "description", 1, 500, errors);
  absl::StatusOr<absl::CivilDay> day = ParseDate(request.incurred_on());
  if (!day.ok()) errors.Add("incurred_on", "a date \"YYYY-MM-DD\"");
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(const Program program, programs_.GetProgram(caller, request.program_id()));
  CIM_ASSIGN_OR_RETURN(const int scale, CurrencyMinorUnits(program.currency_code()));
  std::optional<Decimal> amount =
      ParseDecimalField(request.amount(), "amount", DecimalBounds{.max_scale = scale}, errors);
  CIM_ASSIGN_OR_RETURN(const DateRange dates, ProgramDates(program));
  if (!dates.Contains(*day)) {
    errors.Add("incurred_on", Phrase("error.within_program_dates")
                                  .Text("start", program.start_date())
                                  .Text("end", program.end_date()));
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  cim::v1::ProgramCost cost;
  cost.set_program_id(program.id());
  cost.set_category(request.category());
  cost.set_amount(amount->ToString(scale));
  cost.set_description(std::string(absl::StripAsciiWhitespace(request.description())));
  cost.set_incurred_on(FormatDate(*day));
  return repository_.InsertCost(cost, caller.user_id, clock_.Now());
}

absl::StatusOr<cim::v1::ProgramCost> PerformanceReports::VoidCost(
    const Principal& caller, const cim::v1::VoidProgramCostRequest& request) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_PROGRAM_ADMIN, cim::v1::ROLE_FINANCE}));
  if (request.cost_id() <= 0) {
    FieldErrors errors;
    errors.Add("cost_id", "required");
    return errors.ToStatus();
  }
  return repository_.VoidCost(request.cost_id());
}

absl::StatusOr<cim::v1::ListProgramCostsResponse> PerformanceReports::ListCosts(
    const Principal& caller, const cim::v1::ListProgramCostsRequest& request) {
  CIM_RETURN_IF_ERROR(RequireReader(caller));
  CIM_ASSIGN_OR_RETURN(const Program program, programs_.GetProgram(caller, request.program_id()));
  CIM_ASSIGN_OR_RETURN(std::vector<cim::v1::ProgramCost> costs,
                       repository_.ListCosts(program.id()));
  cim::v1::ListProgramCostsResponse out;
  for (cim::v1::ProgramCost& c : costs) *out.add_costs() = std::move(c);
  return out;
}

absl::StatusOr<cim::v1::ProgramPerformance> PerformanceReports::Get(
    const Principal& caller, const cim::v1::GetProgramPerformanceRequest& request) {
  CIM_RETURN_IF_ERROR(RequireReader(caller));
  FieldErrors errors;
  std::optional<DateRange> baseline = OptionalRange(
      request.baseline_start(), request.baseline_end(), "baseline_start", "baseline_end", errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(const Program program, programs_.GetProgram(caller, request.program_id()));
  CIM_ASSIGN_OR_RETURN(const Candidates candidates,
                       repository_.ActivePartnersWithCertifications(clock_.Now()));
  return Compute(program, baseline, candidates, /*breakdowns=*/true);
}

absl::StatusOr<cim::v1::ListProgramPerformanceResponse> PerformanceReports::List(
    const Principal& caller) {
  CIM_RETURN_IF_ERROR(RequireReader(caller));
  cim::v1::ListProgramPerformanceResponse out;
  cim::v1::ListProgramsRequest page;
  page.set_page_size(500);
  const absl::CivilDay today = DayOf(clock_.Now());
  std::vector<cim::v1::ProgramPerformance> all;
  CIM_ASSIGN_OR_RETURN(const Candidates candidates,
                       repository_.ActivePartnersWithCertifications(clock_.Now()));
  do {
    CIM_ASSIGN_OR_RETURN(cim::v1::ListProgramsResponse programs,
                         programs_.ListPrograms(caller, page));
    for (const Program& program : programs.programs()) {
      CIM_ASSIGN_OR_RETURN(const DateRange dates, ProgramDates(program));
      if (program.status() == cim::v1::PROGRAM_STATUS_DRAFT || today < dates.first) continue;
      CIM_ASSIGN_OR_RETURN(cim::v1::ProgramPerformance p,
                           Compute(program, std::nullopt, candidates, /*breakdowns=*/false));
      all.push_back(std::move(p));
    }
    page.set_page_token(programs.next_page_token());
  } while (!page.page_token().empty());
  std::reverse(all.begin(), all.end());
  for (cim::v1::ProgramPerformance& p : all) *out.add_programs() = std::move(p);
  return out;
}

absl::StatusOr<cim::v1::ProgramPerformance> PerformanceReports::Compute(
    const Program& program, std::optional<DateRange> baseline, const Candidates& candidates,
    bool breakdowns) {
  const absl::Time now = clock_.Now();
  const absl::CivilDay today = DayOf(now);
  CIM_ASSIGN_OR_RETURN(const DateRange dates, ProgramDates(program));
  std::optional<DateRange> measured = MeasuredPeriod(dates, today);
  if (!measured) {
    return absl::FailedPreconditionError(Phrase("error.nothing_to_measure")
                                             .Text("program", absl::StrCat(program.id()))
                                             .Text("start", program.start_date())
                                             .str());
  }
  if (!baseline) baseline = DefaultBaseline(*measured);
  CIM_ASSIGN_OR_RETURN(const int scale, CurrencyMinorUnits(program.currency_code()));

  CIM_ASSIGN_OR_RETURN(const std::vector<cim::v1::Partner> partners,
                       repository_.EnrolledPartners(program.id()));
  std::vector<int64_t> ids;
  for (const cim::v1::Partner& p : partners) ids.push_back(p.id());
  const std::vector<std::string> skus(program.eligible_skus().begin(),
                                      program.eligible_skus().end());
  CIM_ASSIGN_OR_RETURN(auto sales_now,
                       repository_.Sales(SalesQuery{.partner_ids = ids,
                                                    .currency_code = program.currency_code(),
                                                    .range = *measured,
                                                    .skus = skus}));
  CIM_ASSIGN_OR_RETURN(auto sales_before,
                       repository_.Sales(SalesQuery{.partner_ids = ids,
                                                    .currency_code = program.currency_code(),
                                                    .range = *baseline,
                                                    .skus = skus}));
  CIM_ASSIGN_OR_RETURN(const RewardFigures rewards, repository_.Rewards(program.id()));
  CIM_ASSIGN_OR_RETURN(const std::vector<cim::v1::ProgramCost> costs,
                       repository_.ListCosts(program.id()));

  // The program's inputs, and each partner's with the entered costs shared out by sales.
  Inputs total;
  total.AddCosts(costs);
  std::vector<Inputs> per_partner(partners.size());
  std::vector<Decimal> weights;
  for (size_t i = 0; i < partners.size(); ++i) {
    Inputs& in = per_partner[i];
    if (auto it = sales_now.find(ids[i]); it != sales_now.end()) in.now = it->second;
    if (auto it = sales_before.find(ids[i]); it != sales_before.end()) in.baseline = it->second;
    if (auto it = rewards.money_by_partner.find(ids[i]); it != rewards.money_by_partner.end()) {
      in.rewards = it->second;
    }
    weights.push_back(in.now.sales.sign() > 0 ? in.now.sales : Decimal());
    total.now.sales += in.now.sales;
    total.now.cogs += in.now.cogs;
    total.baseline.sales += in.baseline.sales;
    total.baseline.cogs += in.baseline.cogs;
  }
  // Rewards of partners no longer enrolled still cost the program.
  for (const auto& [partner, money] : rewards.money_by_partner) total.rewards += money;
  const std::vector<Decimal> admin = AllocateByWeight(total.admin, weights, scale);
  const std::vector<Decimal> training = AllocateByWeight(total.training, weights, scale);
  const std::vector<Decimal> marketing = AllocateByWeight(total.marketing, weights, scale);
  for (size_t i = 0; i < partners.size(); ++i) {
    per_partner[i].admin = admin[i];
    per_partner[i].training = training[i];
    per_partner[i].marketing = marketing[i];
  }

  const int64_t program_days = DaysIn(*measured), baseline_days = DaysIn(*baseline);
  cim::v1::ProgramPerformance out;
  out.set_program_id(program.id());
  out.set_program_name(program.name());
  out.set_status(program.status());
  out.set_currency_code(program.currency_code());
  out.set_period_start(FormatDate(measured->first));
  out.set_period_end(FormatDate(measured->last));
  out.set_baseline_start(FormatDate(baseline->first));
  out.set_baseline_end(FormatDate(baseline->last));
  *out.mutable_roi() = RoiProto(total, program_days, baseline_days, scale);
  out.set_points_posted(rewards.points.ToString(0));
  SetTimestamp(now, out.mutable_computed_time());

  if (breakdowns) {
    struct Segment {
      std::string label;
      int64_t partners = 0;
      Inputs in;
    };
    std::map<std::string, Segment> by_type, by_region;
    for (size_t i = 0; i < partners.size(); ++i) {
      const cim::v1::Partner& p = partners[i];
      cim::v1::SegmentPerformance* row = out.add_by_partner();
      row->set_key(absl::StrCat(p.id()));
      row->set_label(p.name());
      row->set_partner_count(1);
      *row->mutable_roi() = RoiProto(per_partner[i], program_days, baseline_days, scale);
      for (auto [map, key] :
           {std::pair{&by_type, TypeLabel(p.type())}, std::pair{&by_region, p.region()}}) {
        Segment& s = (*map)[key];
        s.label = key.empty() ? "(none)" : key;
        ++s.partners;
        s.in.Add(per_partner[i]);
      }
    }
    for (auto [map, rows] : {std::pair{&by_type, out.mutable_by_partner_type()},
                             std::pair{&by_region, out.mutable_by_region()}}) {
      for (const auto& [key, s] : *map) {
        cim::v1::SegmentPerformance* row = rows->Add();
        row->set_key(key);
        row->set_label(s.label);
        row->set_partner_count(s.partners);
        *row->mutable_roi() = RoiProto(s.in, program_days, baseline_days, scale);
      }
    }
  }

  // Budget burn-down: the draw so far and where it is heading.
  cim::v1::BudgetBurn* burn = out.mutable_budget();
  const Decimal budget = Decimal::Parse(program.budget()).value_or(Decimal());
  const Decimal drawn = Decimal::Parse(program.budget_drawn()).value_or(Decimal());
  const BudgetForecast forecast =
      ForecastBudget(budget, drawn, dates.first, std::min(today, dates.last), dates.last, scale);
  burn->set_budget(Money(budget, scale));
  burn->set_drawn(Money(drawn, scale));
  burn->set_remaining(Money(budget - drawn, scale));
  burn->set_daily_burn(Money(forecast.daily_burn, scale));
  if (forecast.exhaustion) burn->set_forecast_exhaustion_date(FormatDate(*forecast.exhaustion));
  Decimal cumulative;
  for (const auto& [day, amount] : rewards.money_by_day) {
    cumulative += amount;
    cim::v1::BudgetPoint* point = burn->add_points();
    point->set_date(FormatDate(day));
    point->set_drawn(Money(cumulative, scale));
  }

  CIM_ASSIGN_OR_RETURN(const FunnelFigures funnel, repository_.Funnel(program.id()));
  cim::v1::ClaimsFunnel* f = out.mutable_funnel();
  const auto count = [&](cim::v1::ClaimStatus s) {
    auto it = funnel.by_status.find(s);
    return it == funnel.by_status.end() ? int64_t{0} : it->second;
  };
  for (const auto& [status, n] : funnel.by_status) f->set_submitted(f->submitted() + n);
  f->set_in_review(count(cim::v1::CLAIM_STATUS_SUBMITTED) + count(cim::v1::CLAIM_STATUS_IN_REVIEW));
  f->set_needs_info(count(cim::v1::CLAIM_STATUS_NEEDS_INFO));
  f->set_approved(count(cim::v1::CLAIM_STATUS_APPROVED) + count(cim::v1::CLAIM_STATUS_PAID));
  f->set_rejected(count(cim::v1::CLAIM_STATUS_REJECTED));
  f->set_paid(count(cim::v1::CLAIM_STATUS_PAID));
  const CycleTimes cycle = SummariseCycleTimes(funnel.cycle_hours);
  f->set_average_cycle_hours(cycle.average_hours);
  f->set_median_cycle_hours(cycle.median_hours);

  CIM_ASSIGN_OR_RETURN(const DisputeFigures disputes, repository_.Disputes(program.id()));
  cim::v1::ProgramDisputes* d = out.mutable_disputes();
  const auto disputes_in = [&](cim::v1::DisputeState s) {
    auto it = disputes.by_state.find(s);
    return it == disputes.by_state.end() ? int64_t{0} : it->second;
  };
  for (const auto& [state, n] : disputes.by_state) d->set_opened(d->opened() + n);
  d->set_open(disputes_in(cim::v1::DISPUTE_STATE_OPEN));
  d->set_adjusted(disputes_in(cim::v1::DISPUTE_STATE_ADJUSTED));
  d->set_refused(disputes_in(cim::v1::DISPUTE_STATE_REFUSED));
  d->set_withdrawn(disputes_in(cim::v1::DISPUTE_STATE_WITHDRAWN));
  d->set_median_resolution_hours(SummariseCycleTimes(disputes.resolution_hours).median_hours);

  cim::v1::ProgramEngagement* e = out.mutable_engagement();
  e->set_enrolled_partners(static_cast<int64_t>(partners.size()));
  int64_t eligible = 0;
  for (const auto& [partner, certifications] : candidates) {
    if (EligibilityGaps(program, partner, certifications).empty()) ++eligible;
  }
  e->set_eligible_partners(eligible);
  CIM_ASSIGN_OR_RETURN(const EngagementFigures engagement,
                       repository_.Engagement(program.id(), ids, *measured));
  e->set_active_partners(engagement.active_partners);
  e->set_training_completions(engagement.training_completions);
  const cim::v1::NpsResult nps = Nps("program", engagement.scores);
  e->set_survey_responses(nps.responses());
  if (nps.responses() > 0) e->set_nps(nps.nps());
  return out;
}

absl::StatusOr<cim::v1::SimulationResult> PerformanceReports::Simulate(
    const Principal& caller, const cim::v1::SimulateProgramRequest& request) {
  CIM_RETURN_IF_ERROR(RequireReader(caller));
  FieldErrors errors;
  if (request.program_id() <= 0) errors.Add("program_id", "required");
  std::optional<DateRange> history = OptionalRange(request.history_start(), request.history_end(),
                                                   "history_start", "history_end", errors);
  if (!history && request.history_start().empty()) {
    errors.Add("history_start", "required (with history_end)");
  }
  const absl::CivilDay today = DayOf(clock_.Now());
  if (history && history->last > today) errors.Add("history_end", "must not be in the future");
  if (history && DaysIn(*history) > kMaxHistoryDays) {
    errors.Add("history_end", Phrase("error.history_days").Count("max", kMaxHistoryDays));
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  Program changed = request.program();
  changed.set_id(request.program_id());
  CIM_ASSIGN_OR_RETURN(const Program program,
                       programs_.PreviewChange(caller, changed, request.update_mask()));
  CIM_ASSIGN_OR_RETURN(const int scale, CurrencyMinorUnits(program.currency_code()));

  // Whose claims: the enrolled partners, or for a program nobody joined yet, every partner
  // its eligibility admits.
  CIM_ASSIGN_OR_RETURN(std::vector<cim::v1::Partner> partners,
                       repository_.EnrolledPartners(program.id()));
  if (partners.empty()) {
    CIM_ASSIGN_OR_RETURN(const Candidates candidates,
                         repository_.ActivePartnersWithCertifications(clock_.Now()));
    for (const auto& [partner, certifications] : candidates) {
      if (EligibilityGaps(program, partner, certifications).empty()) {
        partners.push_back(partner);
      }
    }
  }
  std::vector<int64_t> ids;
  absl::flat_hash_map<int64_t, std::string> names;
  for (const cim::v1::Partner& p : partners) {
    ids.push_back(p.id());
    names[p.id()] = p.name();
  }
  const Decimal budget = Decimal::Parse(program.budget()).value_or(Decimal());
  // A program that ran replays its own claims (so its stored rules give what it posted); a
  // draft the approved claims of every partner it would admit, in any program. A growth rule's
  // baseline is its baseline program's sales when it names one.
  const int64_t own = program.status() == cim::v1::PROGRAM_STATUS_DRAFT ? 0 : program.id();
  RewardSimulator simulator(
      program, budget,
      [&](int64_t baseline_program, int64_t partner_id, const DateRange& range,
          const std::vector<std::string>& skus) -> absl::StatusOr<Decimal> {
        CIM_ASSIGN_OR_RETURN(
            auto sales,
            repository_.Sales(SalesQuery{
                .partner_ids = {partner_id},
                .currency_code = program.currency_code(),
                .range = range,
                .skus = skus,
                .program_id = baseline_program != program.id() ? baseline_program : own}));
        return sales[partner_id].sales;
      });
  const SalesQuery query{.partner_ids = ids,
                         .currency_code = program.currency_code(),
                         .range = *history,
                         .program_id = own};
  CIM_RETURN_IF_ERROR(repository_.ForEachApprovedClaim(
      query, [&](HistoricalClaim& claim) { return simulator.Add(claim); }));
  const SimulationTotals& t = simulator.totals();

  cim::v1::SimulationResult out;
  out.set_history_start(FormatDate(history->first));
  out.set_history_end(FormatDate(history->last));
  out.set_claims(t.claims);
  out.set_claim_lines(t.lines);
  out.set_forecast_money(Money(t.money, scale));
  out.set_forecast_points(t.points.ToString(0));
  out.set_budget(Money(budget, scale));
  out.set_covered_by_budget(Money(t.covered_by_budget, scale));
  if (t.exhaustion) out.set_budget_exhaustion_date(FormatDate(*t.exhaustion));
  for (const auto& [partner_id, p] : t.by_partner) {
    cim::v1::SimulatedPartnerRewards* row = out.add_by_partner();
    row->set_partner_id(partner_id);
    row->set_partner_name(names[partner_id]);
    row->set_sales(Money(p.sales, scale));
    row->set_money(Money(p.money, scale));
    row->set_points(p.points.ToString(0));
    row->set_claims(p.claims);
  }
  for (const auto& [rule, money] : t.money_by_rule) {
    (*out.mutable_money_by_rule())[rule] = Money(money, scale);
  }
  for (const auto& [rule, points] : t.points_by_rule) {
    (*out.mutable_points_by_rule())[rule] = points.ToString(0);
  }

  // ROI over the replayed history: its eligible sales against the period before it, with the
  // simulated rewards and the costs entered against the program.
  const std::vector<std::string> skus(program.eligible_skus().begin(),
                                      program.eligible_skus().end());
  const DateRange before = DefaultBaseline(*history);
  CIM_ASSIGN_OR_RETURN(auto sales_now,
                       repository_.Sales(SalesQuery{.partner_ids = ids,
                                                    .currency_code = program.currency_code(),
                                                    .range = *history,
                                                    .skus = skus}));
  CIM_ASSIGN_OR_RETURN(auto sales_before,
                       repository_.Sales(SalesQuery{.partner_ids = ids,
                                                    .currency_code = program.currency_code(),
                                                    .range = before,
                                                    .skus = skus}));
  CIM_ASSIGN_OR_RETURN(const std::vector<cim::v1::ProgramCost> costs,
                       repository_.ListCosts(program.id()));
  Inputs in;
  for (const auto& [id, s] : sales_now) {
    in.now.sales += s.sales;
    in.now.cogs += s.cogs;
  }
  for (const auto& [id, s] : sales_before) {
    in.baseline.sales += s.sales;
    in.baseline.cogs += s.cogs;
  }
  in.rewards = t.money;
  in.AddCosts(costs);
  *out.mutable_roi() = RoiProto(in, DaysIn(*history), DaysIn(before), scale);
  return out;
}

}  // namespace cim

#include "server/partner_tier/partner_tiers.h"

#include <algorithm>
#include <optional>

#include "absl/strings/str_cat.h"
#include "lib/audit_scope.h"
#include "lib/dates.h"
#include "lib/pagination.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/partner_tier/partner_tier_rules.h"
#include "server/program/reward_engine.h"

namespace cim {
namespace {

// Partners evaluated per figures query.
constexpr int kEvaluationChunk = 200;
// Enrollments a demotion warning looks at, at most.
constexpr int kMaxEnrollmentsAtRisk = 200;

}  // namespace

namespace {

// What a partner's admins hear when expiring certifications would cost the tier: once per
// tier it would drop to and day it would drop.
std::optional<NotificationEvent> DemotionNotice(const cim::v1::PartnerTierStatus& status,
                                                absl::Time now) {
  if (!status.has_demotion_warning()) return std::nullopt;
  const cim::v1::TierDemotionWarning& warning = status.demotion_warning();
  const absl::CivilDay day =
      absl::ToCivilDay(FromTimestamp(warning.drop_time()), absl::UTCTimeZone());
  NotificationEvent notice{
      .kind = cim::v1::NOTIFICATION_KIND_TIER_DEMOTION_WARNING,
      .partner_id = status.partner_id(),
      .link = "/",
      .dedupe_key = absl::StrCat("demotion:", status.partner_id(), ":",
                                 warning.would_drop_to().code(), ":", absl::FormatCivilTime(day)),
      .occurred_at = now};
  notice.Text("partner", status.partner_name())
      .Text("tier", warning.would_drop_to().name())
      .Text("from_tier", status.tier().name())
      .Day("day", day);
  return notice;
}

}  // namespace

absl::StatusOr<cim::v1::TierLadder> PartnerTiers::GetLadder(const Principal&) {
  return repository_.GetLadder();
}

absl::StatusOr<cim::v1::TierLadder> PartnerTiers::SetLadder(
    const Principal& caller, const cim::v1::SetTierLadderRequest& request) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_PROGRAM_ADMIN}));
  CIM_ASSIGN_OR_RETURN(cim::v1::TierLadder ladder, ValidateTierLadder(request.ladder()));
  CIM_RETURN_IF_ERROR(repository_.ReplaceLadder(ladder, clock_.Now()));
  return repository_.GetLadder();
}

absl::StatusOr<int64_t> PartnerTiers::ReadablePartner(const Principal& caller, int64_t partner_id) {
  FieldErrors errors;
  if (partner_id < 0) errors.Add("partner_id", "a partner id");
  if (partner_id == 0 && !IsPartnerRole(caller.role)) {
    errors.Add("partner_id", "required for vendor roles and service accounts");
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  return PartnerReadScope(caller, partner_id);
}

absl::StatusOr<cim::v1::PartnerTierStatus> PartnerTiers::Status(
    const Principal& caller, const cim::v1::GetPartnerTierStatusRequest& request) {
  CIM_ASSIGN_OR_RETURN(const int64_t id, ReadablePartner(caller, request.partner_id()));
  CIM_ASSIGN_OR_RETURN(const TierPartner partner, repository_.GetPartner(id));
  CIM_ASSIGN_OR_RETURN(const cim::v1::TierLadder ladder, repository_.GetLadder());
  const absl::Time now = clock_.Now();
  CIM_ASSIGN_OR_RETURN(auto figures, repository_.Figures({id}, ladder.currency_code(), now));
  // Written in the caller's language.
  cim::v1::PartnerTierStatus status =
      TierStatus(ladder, partner.id, partner.name, partner.tier, figures[id], now);
  if (status.has_demotion_warning()) {
    cim::v1::TierDemotionWarning& warning = *status.mutable_demotion_warning();
    CIM_ASSIGN_OR_RETURN(
        std::vector<cim::v1::RebateAtRisk> at_risk,
        RebatesAtRisk(id, status.tier().code(), warning.would_drop_to().code(), now));
    AddRebatesAtRisk(std::move(at_risk), warning);
  }
  return status;
}

absl::StatusOr<std::vector<cim::v1::RebateAtRisk>> PartnerTiers::RebatesAtRisk(
    int64_t partner_id, const std::string& from, const std::string& to, absl::Time now) {
  CIM_ASSIGN_OR_RETURN(
      const std::vector<Enrollment> enrollments,
      programs_.ListEnrollments({.partner_id = partner_id}, 0, kMaxEnrollmentsAtRisk));
  std::vector<int64_t> ids;
  for (const Enrollment& e : enrollments) ids.push_back(e.program_id());
  std::sort(ids.begin(), ids.end());
  CIM_ASSIGN_OR_RETURN(const auto programs, programs_.GetDefinitions(ids));
  std::vector<cim::v1::RebateAtRisk> out;
  for (const int64_t program_id : ids) {
    auto it = programs.find(program_id);
    if (it == programs.end()) continue;
    const Program& program = it->second;
    if (program.status() != cim::v1::PROGRAM_STATUS_ACTIVE || !HasTierUplifts(program)) continue;
    const absl::CivilDay day = ProgramDay(program, DayOf(now));
    const DateRange period = ClaimPeriod(program, day);
    CIM_ASSIGN_OR_RETURN(auto totals, claims_.PeriodTotals(program_id, partner_id, period.first));
    const int scale = StoredCurrencyScale(program.currency_code());
    for (const cim::v1::IncentiveRule& rule : program.rules()) {
      const Decimal& volume = totals[rule.id()].volume;
      CIM_ASSIGN_OR_RETURN(const std::optional<TierUpliftLoss> loss,
                           UpliftLoss(program, rule, volume, day, from, to));
      if (!loss) continue;
      cim::v1::RebateAtRisk& r = out.emplace_back();
      r.set_program_id(program_id);
      r.set_program_name(program.name());
      r.set_rule_id(rule.id());
      r.set_rule_name(rule.name());
      r.set_percent_now(loss->percent_now.ToString());
      r.set_percent_after(loss->percent_after.ToString());
      r.set_percent_lost((loss->percent_now - loss->percent_after).ToString());
      r.set_currency_code(program.currency_code());
      r.set_period_sales(volume.ToString(scale));
      r.set_amount_lost(loss->amount.ToString(scale));
      r.set_period_start(FormatDate(period.first));
      r.set_period_end(FormatDate(period.last));
    }
  }
  return out;
}

absl::StatusOr<cim::v1::EvaluateTiersResponse> PartnerTiers::Evaluate(
    const Principal& caller, const cim::v1::EvaluateTiersRequest& request) {
  CIM_RETURN_IF_ERROR(
      RequireRole(caller, {cim::v1::ROLE_PROGRAM_ADMIN, cim::v1::ROLE_CHANNEL_MANAGER}));
  if (request.partner_id() < 0) {
    FieldErrors errors;
    errors.Add("partner_id", "a partner id, or 0 for every active partner");
    return errors.ToStatus();
  }
  return EvaluatePartners(request.partner_id(), request.dry_run(),
                          cim::v1::TIER_CHANGE_TRIGGER_ON_DEMAND, caller.user_id);
}

absl::StatusOr<cim::v1::EvaluateTiersResponse> PartnerTiers::RunScheduled() {
  const absl::Time now = clock_.Now();
  CIM_ASSIGN_OR_RETURN(const cim::v1::TierLadder ladder, repository_.GetLadder());
  if (ladder.tiers().empty()) return cim::v1::EvaluateTiersResponse();
  const absl::CivilDay today = absl::ToCivilDay(now, absl::UTCTimeZone());
  CIM_ASSIGN_OR_RETURN(const bool claimed, repository_.ClaimScheduledDay(today));
  if (!claimed) return cim::v1::EvaluateTiersResponse();
  // The server's own changes, audited like a caller's.
  AuditScope audit(AuditActor{.rpc = "scheduled:EvaluateTiers",
                              .request_id = absl::StrCat("tiers-", absl::FormatCivilTime(today)),
                              .client_address = "server"});
  absl::StatusOr<cim::v1::EvaluateTiersResponse> run =
      EvaluatePartners(0, false, cim::v1::TIER_CHANGE_TRIGGER_SCHEDULED, 0);
  if (!run.ok()) {
    // Let the next check (on any server) run the day again; the changes made stay.
    absl::Status released = repository_.ReleaseScheduledDay(today);
    if (!released.ok()) return released;
  }
  return run;
}

absl::StatusOr<cim::v1::EvaluateTiersResponse> PartnerTiers::EvaluatePartners(
    int64_t partner_id, bool dry_run, cim::v1::TierChangeTrigger trigger, int64_t evaluated_by) {
  CIM_ASSIGN_OR_RETURN(const cim::v1::TierLadder ladder, repository_.GetLadder());
  if (ladder.tiers().empty()) {
    return absl::FailedPreconditionError("no tier ladder is set: set the tiers first");
  }
  const absl::Time now = clock_.Now();
  cim::v1::EvaluateTiersResponse out;
  int64_t after = 0;
  while (true) {
    std::vector<TierPartner> partners;
    if (partner_id != 0) {
      CIM_ASSIGN_OR_RETURN(TierPartner one, repository_.GetPartner(partner_id));
      partners.push_back(std::move(one));
    } else {
      CIM_ASSIGN_OR_RETURN(partners, repository_.ActivePartners(after, kEvaluationChunk));
    }
    if (partners.empty()) break;
    std::vector<int64_t> ids;
    for (const TierPartner& p : partners) ids.push_back(p.id);
    CIM_ASSIGN_OR_RETURN(auto figures, repository_.Figures(ids, ladder.currency_code(), now));
    std::vector<NotificationEvent> warnings;
    for (const TierPartner& p : partners) {
      out.set_evaluated(out.evaluated() + 1);
      const TierFigures& f = figures[p.id];
      const int to = QualifiedTierIndex(ladder, f, now);
      const int from = TierIndexOfCode(ladder, p.tier);
      if (to == from) {
        // The daily run also warns the partners whose tier expiring certifications put at risk.
        if (trigger == cim::v1::TIER_CHANGE_TRIGGER_SCHEDULED) {
          if (std::optional<NotificationEvent> warning =
                  DemotionNotice(TierStatus(ladder, p.id, p.name, p.tier, f, now), now)) {
            warnings.push_back(*std::move(warning));
          }
        }
        continue;
      }
      NewTierChange change{.partner_id = p.id,
                           .from_tier = p.tier,
                           .to_tier = ladder.tiers(to).code(),
                           // Into the ladder from a hand-set code is no promotion.
                           .promotion = from >= 0 && to > from,
                           // Stored for everyone to read: in English for now.
                           .reason = TierChangeReason(ladder, from, to, f, now),
                           .trigger = trigger,
                           .evaluated_by = evaluated_by,
                           .now = now};
      if (dry_run) {
        cim::v1::TierChange& c = *out.add_changes();
        c.set_partner_id(p.id);
        c.set_partner_name(p.name);
        c.set_from_tier(change.from_tier);
        c.set_to_tier(change.to_tier);
        c.set_promotion(change.promotion);
        c.set_reason(change.reason);
        c.set_trigger(trigger);
        c.set_evaluated_by(evaluated_by);
        SetTimestamp(now, c.mutable_change_time());
        continue;
      }
      absl::StatusOr<cim::v1::TierChange> applied = repository_.ApplyChange(change);
      if (absl::IsAborted(applied.status())) {
        // Someone changed this partner's tier meanwhile: theirs stands until the next run.
        out.set_skipped(out.skipped() + 1);
        continue;
      }
      CIM_RETURN_IF_ERROR(applied.status());
      *out.add_changes() = *std::move(applied);
    }
    CIM_RETURN_IF_ERROR(repository_.Notify(warnings));
    if (partner_id != 0) break;
    after = partners.back().id;
  }
  return out;
}

absl::StatusOr<cim::v1::ListTierChangesResponse> PartnerTiers::ListChanges(
    const Principal& caller, const cim::v1::ListTierChangesRequest& request) {
  FieldErrors errors;
  const int page_size = PageSize(request.page_size(), errors);
  if (request.partner_id() < 0) errors.Add("partner_id", "a partner id, or 0");
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(const int64_t before, DecodePageToken(request));
  CIM_ASSIGN_OR_RETURN(const int64_t partner, PartnerReadScope(caller, request.partner_id()));
  CIM_ASSIGN_OR_RETURN(auto rows, repository_.ListChanges(partner, before, page_size + 1));
  cim::v1::ListTierChangesResponse out;
  out.set_next_page_token(FillPage(std::move(rows), page_size, out.mutable_changes(), request));
  return out;
}

}  // namespace cim

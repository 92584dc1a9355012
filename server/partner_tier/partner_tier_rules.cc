#include "server/partner_tier/partner_tier_rules.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "lib/decimal_field.h"
#include "lib/phrase.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "lib/text_field.h"
#include "server/program/program_rules.h"

namespace cim {
namespace {

using cim::v1::Tier;
using cim::v1::TierCriteria;
using cim::v1::TierLadder;

Decimal OrZero(const std::string& text) {
  if (text.empty()) return Decimal();
  absl::StatusOr<Decimal> d = Decimal::Parse(text);
  return d.ok() ? *d : Decimal();
}

Decimal MinSales(const Tier& t) { return OrZero(t.criteria().min_trailing_sales()); }
Decimal MinPoints(const Tier& t) { return OrZero(t.criteria().min_trailing_points()); }

bool HasCriteria(const TierCriteria& c) {
  return !OrZero(c.min_trailing_sales()).is_zero() || !OrZero(c.min_trailing_points()).is_zero() ||
         c.min_certified_users() > 0;
}

// "2 certified users" or "1 user certified in storage-expert"; with `more`, "… more …".
std::string CertifiedUsersText(const TierCriteria& c, int64_t count, bool more) {
  return Phrase(absl::StrCat(
                    "tier.", more ? "more_" : "",
                    c.certification_code().empty() ? "certified_users" : "users_certified_in"))
      .Count("count", count)
      .Text("code", c.certification_code());
}

// The criteria of `tier` as figures ("€150,000 sales, 2 certified users").
std::vector<std::string> CriteriaParts(const TierLadder& ladder, const Tier& tier) {
  std::vector<std::string> parts;
  const TierCriteria& c = tier.criteria();
  if (!MinSales(tier).is_zero()) {
    parts.push_back(Phrase("tier.sales").Money("amount", MinSales(tier), ladder.currency_code()));
  }
  if (c.min_certified_users() > 0) {
    parts.push_back(CertifiedUsersText(c, c.min_certified_users(), false));
  }
  if (!MinPoints(tier).is_zero()) {
    parts.push_back(Phrase("tier.points").Count("points", MinPoints(tier)));
  }
  return parts;
}

// The figures `tier` judges, in words ("trailing 12-month sales €152,300", "3 certified
// users"); none for a tier without criteria.
std::vector<std::string> FiguresFor(const TierLadder& ladder, const Tier& tier,
                                    const TierFigures& figures, absl::Time at) {
  std::vector<std::string> parts;
  const TierCriteria& c = tier.criteria();
  if (!MinSales(tier).is_zero()) {
    parts.push_back(Phrase("tier.trailing_sales")
                        .Money("amount", figures.trailing_sales, ladder.currency_code()));
  }
  if (c.min_certified_users() > 0) {
    parts.push_back(
        CertifiedUsersText(c, CertifiedUsers(figures, c.certification_code(), at), false));
  }
  if (!MinPoints(tier).is_zero()) {
    parts.push_back(Phrase("tier.trailing_points").Count("points", figures.trailing_points));
  }
  return parts;
}

// What of `tier` the figures miss, in words ("trailing 12-month sales €80,000 are below
// €100,000").
std::vector<std::string> Shortfalls(const TierLadder& ladder, const Tier& tier,
                                    const TierFigures& figures, absl::Time at) {
  std::vector<std::string> out;
  const TierCriteria& c = tier.criteria();
  if (figures.trailing_sales < MinSales(tier)) {
    out.push_back(Phrase("tier.sales_below")
                      .Money("amount", figures.trailing_sales, ladder.currency_code())
                      .Money("minimum", MinSales(tier), ladder.currency_code()));
  }
  const int certified = CertifiedUsers(figures, c.certification_code(), at);
  if (certified < c.min_certified_users()) {
    out.push_back(Phrase("tier.users_below")
                      .Text("users", CertifiedUsersText(c, certified, false))
                      .Count("needed", c.min_certified_users()));
  }
  if (figures.trailing_points < MinPoints(tier)) {
    out.push_back(Phrase("tier.points_below")
                      .Count("points", figures.trailing_points)
                      .Count("minimum", MinPoints(tier)));
  }
  return out;
}

}  // namespace

absl::Time TrailingYearStart(absl::Time now) {
  const absl::CivilSecond c = absl::ToCivilSecond(now, absl::UTCTimeZone());
  const absl::CivilSecond year_ago(c.year() - 1, c.month(), c.day(), c.hour(), c.minute(),
                                   c.second());
  return absl::FromCivil(year_ago, absl::UTCTimeZone()) +
         (now - absl::FromCivil(c, absl::UTCTimeZone()));
}

absl::StatusOr<TierLadder> ValidateTierLadder(const TierLadder& in) {
  FieldErrors errors;
  TierLadder out;
  out.set_currency_code(in.currency_code());
  if (in.tiers_size() > kMaxTiers) {
    errors.Add("ladder.tiers", Phrase("error.at_most_partner_tiers").Count("max", kMaxTiers));
  }
  absl::flat_hash_set<std::string> codes, names;
  bool needs_currency = false;
  const DecimalBounds sales_bounds{.allow_zero = true, .max_scale = 4};
  const DecimalBounds points_bounds{.allow_zero = true, .max_scale = 0};
  for (int i = 0; i < in.tiers_size(); ++i) {
    const Tier& t = in.tiers(i);
    const std::string f = absl::StrCat("ladder.tiers[", i, "].");
    Tier& o = *out.add_tiers();
    o.set_rank(i + 1);
    o.set_code(t.code());
    o.set_name(std::string(absl::StripAsciiWhitespace(t.name())));
    o.set_benefits(t.benefits());
    if (ValidateTierCode(t.code(), f + "code", errors) && !codes.insert(t.code()).second) {
      errors.Add(f + "code", "another tier has this code");
    }
    ValidateText(t.name(), f + "name", 1, 60, errors);
    if (!o.name().empty() && !names.insert(o.name()).second) {
      errors.Add(f + "name", "another tier has this name");
    }
    ValidateText(t.benefits(), f + "benefits", 0, 2000, errors);
    const TierCriteria& c = t.criteria();
    TierCriteria& oc = *o.mutable_criteria();
    if (!c.min_trailing_sales().empty()) {
      if (auto d = ParseDecimalField(c.min_trailing_sales(), f + "criteria.min_trailing_sales",
                                     sales_bounds, errors)) {
        oc.set_min_trailing_sales(d->ToString(0));
        if (!d->is_zero()) needs_currency = true;
      }
    }
    if (!c.min_trailing_points().empty()) {
      if (auto d = ParseDecimalField(c.min_trailing_points(), f + "criteria.min_trailing_points",
                                     points_bounds, errors)) {
        oc.set_min_trailing_points(d->ToString(0));
      }
    }
    if (c.min_certified_users() < 0 || c.min_certified_users() > 100'000) {
      errors.Add(f + "criteria.min_certified_users", "0 to 100,000");
    }
    oc.set_min_certified_users(c.min_certified_users());
    if (!c.certification_code().empty()) {
      if (!IsCertificationCode(c.certification_code())) {
        errors.Add(f + "criteria.certification_code", kCertificationCodeRule);
      } else if (c.min_certified_users() == 0) {
        errors.Add(f + "criteria.certification_code", "only with min_certified_users");
      }
    }
    oc.set_certification_code(c.certification_code());
    if (i == 0 && HasCriteria(c)) {
      errors.Add(f + "criteria", "the lowest tier is every partner's: it has no criteria");
    }
    if (i > 0) {
      const Tier& below = in.tiers(i - 1);
      if (MinSales(t) < MinSales(below)) {
        errors.Add(f + "criteria.min_trailing_sales", "at least the tier below's");
      }
      if (MinPoints(t) < MinPoints(below)) {
        errors.Add(f + "criteria.min_trailing_points", "at least the tier below's");
      }
      if (c.min_certified_users() < below.criteria().min_certified_users()) {
        errors.Add(f + "criteria.min_certified_users", "at least the tier below's");
      }
      if (!HasCriteria(c)) errors.Add(f + "criteria", "every tier above the lowest has criteria");
    }
  }
  if (needs_currency || !in.currency_code().empty()) {
    if (!CurrencyMinorUnits(in.currency_code()).ok()) {
      errors.Add("ladder.currency_code", "a supported ISO 4217 code, required with sales criteria");
    }
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  return out;
}

int CertifiedUsers(const TierFigures& figures, absl::string_view code, absl::Time at) {
  absl::flat_hash_set<int64_t> users;
  for (const HeldCertification& c : figures.certifications) {
    if ((code.empty() || c.code == code) && c.expires_at > at) users.insert(c.user_id);
  }
  return static_cast<int>(users.size());
}

bool MeetsTier(const Tier& tier, const TierFigures& figures, absl::Time at) {
  const TierCriteria& c = tier.criteria();
  return figures.trailing_sales >= MinSales(tier) && figures.trailing_points >= MinPoints(tier) &&
         CertifiedUsers(figures, c.certification_code(), at) >= c.min_certified_users();
}

int QualifiedTierIndex(const TierLadder& ladder, const TierFigures& figures, absl::Time at) {
  for (int i = ladder.tiers_size() - 1; i > 0; --i) {
    if (MeetsTier(ladder.tiers(i), figures, at)) return i;
  }
  return ladder.tiers_size() > 0 ? 0 : -1;
}

int TierIndexOfCode(const TierLadder& ladder, absl::string_view code) {
  for (int i = 0; i < ladder.tiers_size(); ++i) {
    if (ladder.tiers(i).code() == code) return i;
  }
  return -1;
}

cim::v1::TierGap GapTo(const TierLadder& ladder, int index, const TierFigures& figures,
                       absl::Time at) {
  const Tier& tier = ladder.tiers(index);
  const TierCriteria& c = tier.criteria();
  cim::v1::TierGap gap;
  *gap.mutable_tier() = tier;
  const Decimal sales = std::max(MinSales(tier) - figures.trailing_sales, Decimal());
  const Decimal points = std::max(MinPoints(tier) - figures.trailing_points, Decimal());
  const int users =
      std::max(c.min_certified_users() - CertifiedUsers(figures, c.certification_code(), at), 0);
  gap.set_sales_needed(sales.ToString(0));
  gap.set_points_needed(points.ToString(0));
  gap.set_certified_users_needed(users);
  std::vector<std::string> parts;
  if (!sales.is_zero()) {
    parts.push_back(Phrase("tier.gap_sales").Money("amount", sales, ladder.currency_code()));
  }
  if (users > 0) parts.push_back(CertifiedUsersText(c, users, true));
  if (!points.is_zero()) parts.push_back(Phrase("tier.gap_points").Count("points", points));
  gap.set_text(parts.empty() ? Phrase("tier.gap_met").Text("tier", tier.name())
                             : Phrase("tier.gap").List("parts", parts).Text("tier", tier.name()));
  return gap;
}

std::string TierChangeReason(const TierLadder& ladder, int from, int to, const TierFigures& figures,
                             absl::Time at) {
  const Tier& target = ladder.tiers(to);
  if (from >= 0 && to < from) {
    // A demotion: what the partner misses of the tier it loses (and of each between).
    const Tier& lost = ladder.tiers(to + 1);
    return Phrase("tier.reason_demotion")
        .List("misses", Shortfalls(ladder, lost, figures, at), /*capitalized=*/true)
        .Text("lost", lost.name())
        .Text("tier", target.name());
  }
  if (to == 0) return Phrase("tier.reason_lowest").Text("tier", target.name());
  return Phrase("tier.reason_promotion")
      .List("figures", FiguresFor(ladder, target, figures, at), /*capitalized=*/true)
      .Text("tier", target.name())
      .List("needed", CriteriaParts(ladder, target));
}

std::optional<cim::v1::TierDemotionWarning> DemotionWarning(const TierLadder& ladder,
                                                            const TierFigures& figures,
                                                            absl::Time now) {
  const int now_index = QualifiedTierIndex(ladder, figures, now);
  if (now_index <= 0) return std::nullopt;
  std::vector<const HeldCertification*> expiring;
  for (const HeldCertification& c : figures.certifications) {
    if (c.expires_at > now && c.expires_at <= now + kDemotionWarningWindow) {
      expiring.push_back(&c);
    }
  }
  std::sort(expiring.begin(), expiring.end(), [](const auto* a, const auto* b) {
    return std::tie(a->expires_at, a->user_id, a->code) <
           std::tie(b->expires_at, b->user_id, b->code);
  });
  // The first expiry after which the figures no longer give today's tier.
  for (size_t i = 0; i < expiring.size(); ++i) {
    const absl::Time at = expiring[i]->expires_at;
    if (QualifiedTierIndex(ladder, figures, at) >= now_index) continue;
    cim::v1::TierDemotionWarning w;
    for (size_t j = 0; j <= i; ++j) {
      cim::v1::Certification& c = *w.add_expiring();
      c.set_user_id(expiring[j]->user_id);
      c.set_certification_code(expiring[j]->code);
      c.set_user_display_name(expiring[j]->user_display_name);
      SetTimestamp(expiring[j]->expires_at, c.mutable_expire_time());
    }
    *w.mutable_would_drop_to() = ladder.tiers(QualifiedTierIndex(ladder, figures, at));
    SetTimestamp(at, w.mutable_drop_time());
    w.set_text(Phrase("tier.demotion")
                   .Count("count", w.expiring_size())
                   .Day("day", absl::ToCivilDay(at, absl::UTCTimeZone()))
                   .Text("tier", ladder.tiers(now_index).name())
                   .Text("lower", w.would_drop_to().name()));
    return w;
  }
  return std::nullopt;
}

void AddRebatesAtRisk(std::vector<cim::v1::RebateAtRisk> at_risk,
                      cim::v1::TierDemotionWarning& warning) {
  if (at_risk.empty()) return;
  std::vector<std::string> parts;
  for (const cim::v1::RebateAtRisk& r : at_risk) {
    const Decimal lost = Decimal::Parse(r.percent_lost()).value_or(Decimal());
    const Decimal amount = Decimal::Parse(r.amount_lost()).value_or(Decimal());
    parts.push_back(Phrase("tier.rebate_at_risk")
                        .Number("percent", lost)
                        .Text("program", r.program_name())
                        .Money("amount", amount, r.currency_code()));
  }
  warning.set_text(Phrase("tier.demotion_costs")
                       .Text("warning", warning.text())
                       .Text("lower", warning.would_drop_to().name())
                       .List("rebates", parts));
  for (cim::v1::RebateAtRisk& r : at_risk) *warning.add_rebates_at_risk() = std::move(r);
}

cim::v1::PartnerTierStatus TierStatus(const TierLadder& ladder, int64_t partner_id,
                                      const std::string& partner_name, const std::string& held_code,
                                      const TierFigures& figures, absl::Time now) {
  cim::v1::PartnerTierStatus out;
  out.set_partner_id(partner_id);
  out.set_partner_name(partner_name);
  out.set_currency_code(ladder.currency_code());
  out.set_trailing_sales(figures.trailing_sales.ToString(0));
  out.set_trailing_points(figures.trailing_points.ToString(0));
  out.set_certified_users(CertifiedUsers(figures, "", now));
  const int held = TierIndexOfCode(ladder, held_code);
  if (held >= 0) {
    *out.mutable_tier() = ladder.tiers(held);
  } else {
    out.mutable_tier()->set_code(held_code);
    out.mutable_tier()->set_name(held_code);
  }
  const int qualified = QualifiedTierIndex(ladder, figures, now);
  if (qualified < 0) return out;
  *out.mutable_qualified_tier() = ladder.tiers(qualified);
  const int next = std::max(held, qualified) + 1;
  if (next < ladder.tiers_size()) {
    *out.mutable_next_tier() = GapTo(ladder, next, figures, now);
  }
  if (auto warning = DemotionWarning(ladder, figures, now)) {
    *out.mutable_demotion_warning() = *std::move(warning);
  }
  return out;
}

}  // namespace cim

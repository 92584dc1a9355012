#include "server/partner_tier/partner_tier_rules.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "lib/decimal_field.h"
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

// The whole part of `value`, for plural forms.
int64_t Whole(const Decimal& value) {
  int64_t out = 0;
  (void)absl::SimpleAtoi(value.Truncated(0).ToString(), &out);
  return out;
}

MessageArg Money(const Decimal& amount, const TierLadder& ladder) {
  return MessageArg::Money(amount, ladder.currency_code());
}

// "2 certified users" or "1 user certified in storage-expert"; with `more`, "… more …".
std::string CertifiedUsersText(const Wording& words, const TierCriteria& c, int64_t count,
                               bool more) {
  const std::string key =
      absl::StrCat("tier.", more ? "more_" : "",
                   c.certification_code().empty() ? "certified_users" : "users_certified_in");
  return words(key, {{"count", MessageArg::Count(count)},
                     {"code", MessageArg::Text(c.certification_code())}});
}

// The criteria of `tier` as figures ("€150,000 sales, 2 certified users").
std::vector<std::string> CriteriaParts(const TierLadder& ladder, const Tier& tier,
                                       const Wording& words) {
  std::vector<std::string> parts;
  const TierCriteria& c = tier.criteria();
  if (!MinSales(tier).is_zero()) {
    parts.push_back(words("tier.sales", {{"amount", Money(MinSales(tier), ladder)}}));
  }
  if (c.min_certified_users() > 0) {
    parts.push_back(CertifiedUsersText(words, c, c.min_certified_users(), false));
  }
  if (!MinPoints(tier).is_zero()) {
    parts.push_back(words("tier.points", {{"points", MessageArg::Count(Whole(MinPoints(tier)))}}));
  }
  return parts;
}

// `text` with its first letter upper-case (ASCII; a list of parts starts a sentence).
std::string Capitalized(std::string text) {
  if (!text.empty()) text[0] = absl::ascii_toupper(text[0]);
  return text;
}

// The figures `tier` judges, in words ("Trailing 12-month sales €152,300 and 3 certified
// users"), or "" for a tier without criteria.
std::string FiguresFor(const TierLadder& ladder, const Tier& tier, const TierFigures& figures,
                       absl::Time at, const Wording& words) {
  std::vector<std::string> parts;
  const TierCriteria& c = tier.criteria();
  if (!MinSales(tier).is_zero()) {
    parts.push_back(
        words("tier.trailing_sales", {{"amount", Money(figures.trailing_sales, ladder)}}));
  }
  if (c.min_certified_users() > 0) {
    parts.push_back(
        CertifiedUsersText(words, c, CertifiedUsers(figures, c.certification_code(), at), false));
  }
  if (!MinPoints(tier).is_zero()) {
    parts.push_back(words("tier.trailing_points",
                          {{"points", MessageArg::Count(Whole(figures.trailing_points))}}));
  }
  return parts.empty() ? "" : Capitalized(words.List(parts));
}

// What of `tier` the figures miss, in words ("trailing 12-month sales €80,000 are below
// €100,000").
std::vector<std::string> Shortfalls(const TierLadder& ladder, const Tier& tier,
                                    const TierFigures& figures, absl::Time at,
                                    const Wording& words) {
  std::vector<std::string> out;
  const TierCriteria& c = tier.criteria();
  if (figures.trailing_sales < MinSales(tier)) {
    out.push_back(words("tier.sales_below", {{"amount", Money(figures.trailing_sales, ladder)},
                                             {"minimum", Money(MinSales(tier), ladder)}}));
  }
  const int certified = CertifiedUsers(figures, c.certification_code(), at);
  if (certified < c.min_certified_users()) {
    out.push_back(
        words("tier.users_below",
              {{"users", MessageArg::Text(CertifiedUsersText(words, c, certified, false))},
               {"needed", MessageArg::Count(c.min_certified_users())}}));
  }
  if (figures.trailing_points < MinPoints(tier)) {
    out.push_back(
        words("tier.points_below", {{"points", MessageArg::Count(Whole(figures.trailing_points))},
                                    {"minimum", MessageArg::Count(Whole(MinPoints(tier)))}}));
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
    errors.Add("ladder.tiers", absl::StrCat("at most ", kMaxTiers, " tiers"));
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
                       absl::Time at, const Wording& words) {
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
  if (!sales.is_zero())
    parts.push_back(words("tier.gap_sales", {{"amount", Money(sales, ladder)}}));
  if (users > 0) parts.push_back(CertifiedUsersText(words, c, users, true));
  if (!points.is_zero()) {
    parts.push_back(words("tier.gap_points", {{"points", MessageArg::Count(Whole(points))}}));
  }
  const MessageArg name = MessageArg::Text(tier.name());
  gap.set_text(parts.empty() ? words("tier.gap_met", {{"tier", name}})
                             : words("tier.gap", {{"parts", MessageArg::Text(words.List(parts))},
                                                  {"tier", name}}));
  return gap;
}

std::string TierChangeReason(const TierLadder& ladder, int from, int to, const TierFigures& figures,
                             absl::Time at, const Wording& words) {
  const Tier& target = ladder.tiers(to);
  if (from >= 0 && to < from) {
    // A demotion: what the partner misses of the tier it loses (and of each between).
    const Tier& lost = ladder.tiers(to + 1);
    return words(
        "tier.reason_demotion",
        {{"misses",
          MessageArg::Text(Capitalized(words.List(Shortfalls(ladder, lost, figures, at, words))))},
         {"lost", MessageArg::Text(lost.name())},
         {"tier", MessageArg::Text(target.name())}});
  }
  if (to == 0) return words("tier.reason_lowest", {{"tier", MessageArg::Text(target.name())}});
  return words("tier.reason_promotion",
               {{"figures", MessageArg::Text(FiguresFor(ladder, target, figures, at, words))},
                {"tier", MessageArg::Text(target.name())},
                {"needed", MessageArg::Text(words.List(CriteriaParts(ladder, target, words)))}});
}

std::optional<cim::v1::TierDemotionWarning> DemotionWarning(const TierLadder& ladder,
                                                            const TierFigures& figures,
                                                            absl::Time now, const Wording& words) {
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
    w.set_text(
        words("tier.demotion", {{"count", MessageArg::Count(w.expiring_size())},
                                {"day", MessageArg::Day(absl::ToCivilDay(at, absl::UTCTimeZone()))},
                                {"tier", MessageArg::Text(ladder.tiers(now_index).name())},
                                {"lower", MessageArg::Text(w.would_drop_to().name())}}));
    return w;
  }
  return std::nullopt;
}

void AddRebatesAtRisk(std::vector<cim::v1::RebateAtRisk> at_risk,
                      cim::v1::TierDemotionWarning& warning, const Wording& words) {
  if (at_risk.empty()) return;
  std::vector<std::string> parts;
  for (const cim::v1::RebateAtRisk& r : at_risk) {
    const Decimal lost = Decimal::Parse(r.percent_lost()).value_or(Decimal());
    const Decimal amount = Decimal::Parse(r.amount_lost()).value_or(Decimal());
    parts.push_back(
        words("tier.rebate_at_risk", {{"percent", MessageArg::Number(lost)},
                                      {"program", MessageArg::Text(r.program_name())},
                                      {"amount", MessageArg::Money(amount, r.currency_code())}}));
  }
  warning.set_text(
      words("tier.demotion_costs", {{"warning", MessageArg::Text(warning.text())},
                                    {"lower", MessageArg::Text(warning.would_drop_to().name())},
                                    {"rebates", MessageArg::Text(words.List(parts))}}));
  for (cim::v1::RebateAtRisk& r : at_risk) *warning.add_rebates_at_risk() = std::move(r);
}

cim::v1::PartnerTierStatus TierStatus(const TierLadder& ladder, int64_t partner_id,
                                      const std::string& partner_name, const std::string& held_code,
                                      const TierFigures& figures, absl::Time now,
                                      const Wording& words) {
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
    *out.mutable_next_tier() = GapTo(ladder, next, figures, now, words);
  }
  if (auto warning = DemotionWarning(ladder, figures, now, words)) {
    *out.mutable_demotion_warning() = *std::move(warning);
  }
  return out;
}

}  // namespace cim

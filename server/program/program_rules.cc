#include "server/program/program_rules.h"

#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "lib/dates.h"
#include "lib/decimal.h"
#include "lib/decimal_field.h"
#include "lib/phrase.h"
#include "lib/text_field.h"

namespace cim {
namespace {

constexpr size_t kMaxSkusPerList = 5000;
constexpr int kMaxTargets = 20;

bool IsSku(absl::string_view sku) {
  if (sku.empty() || sku.size() > 64) return false;
  for (char c : sku) {
    if (!absl::ascii_isalnum(c) && c != '.' && c != '_' && c != '-' && c != '/') return false;
  }
  return true;
}

DecimalBounds Percent() {
  return {.allow_zero = true, .max_scale = kRateScale, .max = Decimal::FromInt(100)};
}

// Validation state shared by every rule of one program.
class ProgramChecker {
 public:
  ProgramChecker(const Program& program, const absl::flat_hash_set<std::string>& known_skus,
                 FieldErrors& errors)
      : program_(program), known_skus_(known_skus), errors_(errors) {
    absl::StatusOr<int> minor = CurrencyMinorUnits(program.currency_code());
    if (minor.ok()) money_scale_ = *minor;
    for (const std::string& sku : program.eligible_skus()) eligible_.insert(sku);
    start_ = ParseDate(program.start_date()).value_or(absl::CivilDay());
    end_ = ParseDate(program.end_date()).value_or(absl::CivilDay());
    dates_ok_ = ParseDate(program.start_date()).ok() && ParseDate(program.end_date()).ok();
  }

  void Check() {
    const Program& p = program_;
    ValidateText(p.name(), "program.name", 1, 200, errors_);
    ValidateText(p.description(), "program.description", 0, 5000, errors_);
    ValidateText(p.objectives(), "program.objectives", 0, 5000, errors_);
    CheckTargets();
    ValidateEligibility(program_.eligibility(), "program.eligibility", errors_);
    if (absl::Status s = CurrencyMinorUnits(p.currency_code()).status(); !s.ok()) {
      errors_.Add("program.currency_code", std::string(s.message()));
    }
    ParseDecimalField(p.budget(), "program.budget", Money(), errors_);
    CheckDates();
    if (p.period() == cim::v1::PROGRAM_PERIOD_UNSPECIFIED ||
        !cim::v1::ProgramPeriod_IsValid(p.period())) {
      errors_.Add("program.period", "required: one of MONTH, QUARTER, YEAR");
    }
    ValidateText(p.terms(), "program.terms", 1, 20000, errors_);
    CheckSkuList(p.eligible_skus(), "program.eligible_skus", /*must_be_eligible=*/false);
    CheckRules();
  }

 private:
  DecimalBounds Money(bool allow_zero = false) const {
    return {.allow_zero = allow_zero, .max_scale = money_scale_};
  }

  void CheckTargets() {
    if (program_.targets_size() > kMaxTargets) {
      errors_.Add("program.targets", Phrase("error.at_most_targets").Count("max", kMaxTargets));
    }
    for (int i = 0; i < program_.targets_size(); ++i) {
      const cim::v1::ProgramTarget& t = program_.targets(i);
      const std::string f = absl::StrCat("program.targets[", i, "]");
      if (!MatchesCharset(t.metric(), 64, /*allow_upper=*/false, /*allow_underscore=*/true)) {
        errors_.Add(f + ".metric", "1 to 64 of a-z, 0-9, '-' and '_'");
      }
      ParseDecimalField(t.target(), f + ".target", {.max_scale = kRateScale}, errors_);
      ValidateText(t.description(), f + ".description", 0, 200, errors_);
    }
  }

  void CheckDates() {
    for (const auto& [value, field] : {std::pair{program_.start_date(), "program.start_date"},
                                       std::pair{program_.end_date(), "program.end_date"}}) {
      if (absl::Status s = ParseDate(value).status(); !s.ok()) {
        errors_.Add(field, std::string(s.message()));
      }
    }
    if (dates_ok_ && end_ < start_) {
      errors_.Add("program.end_date", "must not be before start_date");
    }
  }

  // Each SKU well-formed, unique within the list, in the catalog and (for rules of a program
  // with an eligible_skus list) eligible.
  void CheckSkuList(const google::protobuf::RepeatedPtrField<std::string>& skus,
                    const std::string& field, bool must_be_eligible) {
    if (skus.size() > static_cast<int>(kMaxSkusPerList)) {
      errors_.Add(field, Phrase("error.at_most_skus").Count("max", kMaxSkusPerList));
      return;
    }
    absl::flat_hash_set<absl::string_view> seen;
    for (int i = 0; i < skus.size(); ++i) {
      CheckSku(skus[i], absl::StrCat(field, "[", i, "]"), must_be_eligible);
      if (!seen.insert(skus[i]).second) {
        errors_.Add(absl::StrCat(field, "[", i, "]"), "duplicate SKU");
      }
    }
  }

  void CheckSku(const std::string& sku, const std::string& field, bool must_be_eligible) {
    if (!IsSku(sku)) {
      errors_.Add(field, "not a SKU (1 to 64 of A-Z a-z 0-9 . _ - /)");
    } else if (!known_skus_.contains(sku)) {
      errors_.Add(field, Phrase("error.unknown_sku").Text("sku", sku));
    } else if (must_be_eligible && !eligible_.empty() && !eligible_.contains(sku)) {
      errors_.Add(field, Phrase("error.sku_not_in_eligible").Text("sku", sku));
    }
  }

  void CheckRules() {
    const auto& rules = program_.rules();
    if (rules.size() > kMaxRulesPerProgram) {
      errors_.Add("program.rules", Phrase("error.at_most_rules").Count("max", kMaxRulesPerProgram));
      return;
    }
    absl::flat_hash_set<absl::string_view> ids;
    int mdf_rules = 0;
    for (int i = 0; i < rules.size(); ++i) {
      const IncentiveRule& rule = rules[i];
      const std::string f = absl::StrCat("program.rules[", i, "]");
      if (!MatchesCharset(rule.id(), 40, false, false)) {
        errors_.Add(f + ".id", "1 to 40 of a-z, 0-9 and '-'");
      } else if (!ids.insert(rule.id()).second) {
        errors_.Add(f + ".id", Phrase("error.duplicate_rule_id").Text("id", rule.id()));
      }
      ValidateText(rule.name(), f + ".name", 1, 200, errors_);
      switch (rule.kind_case()) {
        case IncentiveRule::kRebate:
          CheckRebate(rule.rebate(), f + ".rebate");
          break;
        case IncentiveRule::kSpif:
          CheckSpif(rule.spif(), f + ".spif");
          break;
        case IncentiveRule::kBonus:
          CheckSkuList(rule.bonus().skus(), f + ".bonus.skus", true);
          ParseDecimalField(rule.bonus().target_volume(), f + ".bonus.target_volume", Money(),
                            errors_);
          ParseDecimalField(rule.bonus().amount(), f + ".bonus.amount", Money(), errors_);
          break;
        case IncentiveRule::kGrowth:
          CheckGrowth(rule.growth(), f + ".growth");
          break;
        case IncentiveRule::kPoints:
          CheckPoints(rule.points(), f + ".points");
          break;
        case IncentiveRule::kCoopAccrual:
          CheckSkuList(rule.coop_accrual().skus(), f + ".coop_accrual.skus", true);
          ParseDecimalField(rule.coop_accrual().percent(), f + ".coop_accrual.percent",
                            {.max_scale = kRateScale, .max = Decimal::FromInt(100)}, errors_);
          break;
        case IncentiveRule::kMdfAllocation:
          ++mdf_rules;
          CheckMdf(rule.mdf_allocation(), f + ".mdf_allocation");
          break;
        case IncentiveRule::KIND_NOT_SET:
          errors_.Add(f,
                      "set one kind: rebate, spif, bonus, growth, points, coop_accrual or "
                      "mdf_allocation");
          break;
      }
    }
    if (mdf_rules > 1) {
      errors_.Add("program.rules", "at most one mdf_allocation rule");
    }
  }

  void CheckRebate(const cim::v1::RebateRule& r, const std::string& f) {
    CheckSkuList(r.skus(), f + ".skus", true);
    if (r.mode() == cim::v1::REBATE_MODE_UNSPECIFIED || !cim::v1::RebateMode_IsValid(r.mode())) {
      errors_.Add(f + ".mode", "required: MARGINAL or RETROACTIVE");
    }
    if (r.tiers().empty()) {
      errors_.Add(f + ".tiers", "at least one tier");
      return;
    }
    if (r.tiers_size() > kMaxRebateTiers) {
      errors_.Add(f + ".tiers", Phrase("error.at_most_volume_tiers").Count("max", kMaxRebateTiers));
    }
    std::optional<Decimal> previous;
    Decimal top_percent;
    for (int i = 0; i < r.tiers_size(); ++i) {
      const std::string t = absl::StrCat(f, ".tiers[", i, "]");
      std::optional<Decimal> from =
          ParseDecimalField(r.tiers(i).min_volume(), t + ".min_volume", Money(true), errors_);
      std::optional<Decimal> percent =
          ParseDecimalField(r.tiers(i).percent(), t + ".percent", Percent(), errors_);
      if (percent) top_percent = std::max(top_percent, *percent);
      if (!from) continue;
      if (i == 0 && !from->is_zero()) {
        errors_.Add(t + ".min_volume", "the first tier must start at 0");
      } else if (previous && *from <= *previous) {
        errors_.Add(t + ".min_volume",
                    Phrase("error.tier_order").Number("previous", previous->Rounded(money_scale_)));
      }
      previous = from;
    }
    CheckUplifts(r, f, top_percent);
  }

  // Partner-tier uplifts: known-format tier codes once each, percents that keep the highest
  // volume tier plus the uplift within 100% of the sale.
  void CheckUplifts(const cim::v1::RebateRule& r, const std::string& f, const Decimal& top) {
    if (r.partner_tier_uplifts_size() > kMaxPartnerTierUplifts) {
      errors_.Add(f + ".partner_tier_uplifts",
                  Phrase("error.at_most_partner_tiers").Count("max", kMaxPartnerTierUplifts));
    }
    absl::flat_hash_set<absl::string_view> tiers;
    for (int i = 0; i < r.partner_tier_uplifts_size(); ++i) {
      const cim::v1::PartnerTierUplift& u = r.partner_tier_uplifts(i);
      const std::string t = absl::StrCat(f, ".partner_tier_uplifts[", i, "]");
      if (ValidateTierCode(u.tier(), t + ".tier", errors_) && !tiers.insert(u.tier()).second) {
        errors_.Add(t + ".tier", "duplicate tier");
      }
      std::optional<Decimal> percent =
          ParseDecimalField(u.percent(), t + ".percent", Percent(), errors_);
      if (percent && top + *percent > Decimal::FromInt(100)) {
        errors_.Add(t + ".percent", Phrase("error.uplift_over_100")
                                        .Number("max", Decimal::FromInt(100) - top)
                                        .Number("top", top));
      }
    }
  }

  void CheckSpif(const cim::v1::SpifRule& r, const std::string& f) {
    if (r.products().empty()) errors_.Add(f + ".products", "at least one product");
    absl::flat_hash_set<absl::string_view> seen;
    for (int i = 0; i < r.products_size(); ++i) {
      const std::string p = absl::StrCat(f, ".products[", i, "]");
      CheckSku(r.products(i).sku(), p + ".sku", true);
      if (!seen.insert(r.products(i).sku()).second) errors_.Add(p + ".sku", "duplicate SKU");
      ParseDecimalField(r.products(i).amount_per_unit(), p + ".amount_per_unit", Money(), errors_);
    }
    absl::StatusOr<absl::CivilDay> start = ParseDate(r.start_date());
    absl::StatusOr<absl::CivilDay> end = ParseDate(r.end_date());
    if (!start.ok()) errors_.Add(f + ".start_date", std::string(start.status().message()));
    if (!end.ok()) errors_.Add(f + ".end_date", std::string(end.status().message()));
    if (!start.ok() || !end.ok()) return;
    if (*end < *start) {
      errors_.Add(f + ".end_date", "must not be before start_date");
    } else if (dates_ok_ && (*start < start_ || *end > end_)) {
      errors_.Add(f + ".start_date", "the window must lie within the program's dates");
    }
  }

  void CheckGrowth(const cim::v1::GrowthRule& r, const std::string& f) {
    CheckSkuList(r.skus(), f + ".skus", true);
    ParseDecimalField(r.min_growth_percent(), f + ".min_growth_percent",
                      {.allow_zero = true, .max_scale = kRateScale, .max = Decimal::FromInt(10000)},
                      errors_);
    ParseDecimalField(r.amount(), f + ".amount", Money(), errors_);
    if (r.baseline() == cim::v1::BASELINE_PERIOD_UNSPECIFIED ||
        !cim::v1::BaselinePeriod_IsValid(r.baseline())) {
      errors_.Add(f + ".baseline", "required: PREVIOUS or SAME_LAST_YEAR");
    }
    if (r.baseline_program_id() < 0) {
      errors_.Add(f + ".baseline_program_id", "a program id, or 0 for this program");
    }
  }

  void CheckPoints(const cim::v1::PointsRule& r, const std::string& f) {
    CheckSkuList(r.skus(), f + ".skus", true);
    const bool per_currency = !r.points_per_currency_unit().empty();
    const bool per_unit = !r.points_per_unit().empty();
    if (per_currency == per_unit) {
      errors_.Add(f, "set exactly one of points_per_currency_unit and points_per_unit");
      return;
    }
    const DecimalBounds rate{.max_scale = kRateScale, .max = Decimal::FromInt(1'000'000)};
    if (per_currency) {
      ParseDecimalField(r.points_per_currency_unit(), f + ".points_per_currency_unit", rate,
                        errors_);
    } else {
      ParseDecimalField(r.points_per_unit(), f + ".points_per_unit", rate, errors_);
    }
  }

  void CheckMdf(const cim::v1::MdfAllocationRule& r, const std::string& f) {
    if (r.amount_per_partner().empty() && r.tier_amounts().empty()) {
      errors_.Add(f, "set amount_per_partner, tier_amounts or both");
    }
    if (!r.amount_per_partner().empty()) {
      ParseDecimalField(r.amount_per_partner(), f + ".amount_per_partner", Money(), errors_);
    }
    absl::flat_hash_set<absl::string_view> tiers;
    for (int i = 0; i < r.tier_amounts_size(); ++i) {
      const std::string t = absl::StrCat(f, ".tier_amounts[", i, "]");
      if (ValidateTierCode(r.tier_amounts(i).tier(), t + ".tier", errors_) &&
          !tiers.insert(r.tier_amounts(i).tier()).second) {
        errors_.Add(t + ".tier", "duplicate tier");
      }
      ParseDecimalField(r.tier_amounts(i).amount(), t + ".amount", Money(), errors_);
    }
  }

  const Program& program_;
  const absl::flat_hash_set<std::string>& known_skus_;
  FieldErrors& errors_;
  int money_scale_ = 2;
  absl::flat_hash_set<std::string> eligible_;
  absl::CivilDay start_, end_;
  bool dates_ok_ = false;
};

void AddSkus(const google::protobuf::RepeatedPtrField<std::string>& skus,
             absl::flat_hash_set<std::string>& seen, std::vector<std::string>& out) {
  for (const std::string& sku : skus) {
    if (seen.insert(sku).second) out.push_back(sku);
  }
}

}  // namespace

void ValidateProduct(const Product& product, absl::string_view prefix, FieldErrors& errors) {
  const std::string p(prefix);
  if (!IsSku(product.sku())) errors.Add(p + ".sku", "1 to 64 of A-Z a-z 0-9 . _ - /");
  ValidateText(product.name(), p + ".name", 1, 200, errors);
  ValidateText(product.category(), p + ".category", 0, 100, errors);
  absl::StatusOr<int> minor = CurrencyMinorUnits(product.currency_code());
  if (!minor.ok()) errors.Add(p + ".currency_code", std::string(minor.status().message()));
  const DecimalBounds price{.allow_zero = true, .max_scale = kPriceScale};
  ParseDecimalField(product.list_price(), p + ".list_price", price, errors);
  ParseDecimalField(product.unit_cost(), p + ".unit_cost", price, errors);
}

bool IsCertificationCode(absl::string_view code) {
  return MatchesCharset(code, 64, /*allow_upper=*/false, /*allow_underscore=*/true);
}

std::vector<std::string> ReferencedSkus(const Program& program) {
  absl::flat_hash_set<std::string> seen;
  std::vector<std::string> out;
  AddSkus(program.eligible_skus(), seen, out);
  for (const IncentiveRule& rule : program.rules()) {
    switch (rule.kind_case()) {
      case IncentiveRule::kRebate:
        AddSkus(rule.rebate().skus(), seen, out);
        break;
      case IncentiveRule::kSpif:
        for (const auto& p : rule.spif().products()) {
          if (seen.insert(p.sku()).second) out.push_back(p.sku());
        }
        break;
      case IncentiveRule::kBonus:
        AddSkus(rule.bonus().skus(), seen, out);
        break;
      case IncentiveRule::kGrowth:
        AddSkus(rule.growth().skus(), seen, out);
        break;
      case IncentiveRule::kPoints:
        AddSkus(rule.points().skus(), seen, out);
        break;
      case IncentiveRule::kCoopAccrual:
        AddSkus(rule.coop_accrual().skus(), seen, out);
        break;
      default:
        break;
    }
  }
  return out;
}

void ValidateProgram(const Program& program, const absl::flat_hash_set<std::string>& known_skus,
                     FieldErrors& errors) {
  ProgramChecker(program, known_skus, errors).Check();
}

void ValidateEligibility(const cim::v1::Eligibility& e, absl::string_view prefix,
                         FieldErrors& errors) {
  const auto field = [&](absl::string_view list, int i) {
    return absl::StrCat(prefix, ".", list, "[", i, "]");
  };
  for (int i = 0; i < e.partner_types_size(); ++i) {
    if (e.partner_types(i) == cim::v1::PARTNER_TYPE_UNSPECIFIED ||
        !cim::v1::PartnerType_IsValid(e.partner_types(i))) {
      errors.Add(field("partner_types", i), "must be a partner type");
    }
  }
  for (int i = 0; i < e.tiers_size(); ++i) {
    ValidateTierCode(e.tiers(i), field("tiers", i), errors);
  }
  for (int i = 0; i < e.regions_size(); ++i) {
    ValidateRegionCode(e.regions(i), field("regions", i), errors);
  }
  for (int i = 0; i < e.partner_ids_size(); ++i) {
    if (e.partner_ids(i) <= 0) errors.Add(field("partner_ids", i), "must be a partner id");
  }
  for (int i = 0; i < e.required_certifications_size(); ++i) {
    if (!IsCertificationCode(e.required_certifications(i))) {
      errors.Add(field("required_certifications", i), kCertificationCodeRule);
    }
  }
}

}  // namespace cim

// Field validation of products and programs, including the incentive rules (rules are data:
// every rule is checked on save and refused with field-level errors). Pure C++.
#ifndef CIM_SERVER_PROGRAM_PROGRAM_RULES_H_
#define CIM_SERVER_PROGRAM_PROGRAM_RULES_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "cim/v1/program.pb.h"
#include "lib/status_util.h"

namespace cim {

using cim::v1::IncentiveRule;
using cim::v1::Product;
using cim::v1::Program;

inline constexpr int kMaxRulesPerProgram = 50;
inline constexpr int kMaxRebateTiers = 20;
inline constexpr int kMaxPartnerTierUplifts = 20;
// Rates (percent, points per unit) carry at most this many decimal places.
inline constexpr int kRateScale = 4;
// Product prices and costs carry at most this many decimal places.
inline constexpr int kPriceScale = 4;

// Adds violations (named `prefix`.field) for every bad field of `product`: SKU, name,
// category, currency, prices.
void ValidateProduct(const Product& product, absl::string_view prefix, FieldErrors& errors);

// True for a certification code: 1 to 64 of a-z, 0-9, '-' and '_' (programs require them,
// training grants them, badges ask for them).
bool IsCertificationCode(absl::string_view code);
inline constexpr char kCertificationCodeRule[] = "1 to 64 of a-z, 0-9, '-' and '_'";

// Adds violations (named `prefix`.list[i]) for every bad code of an audience: partner types,
// tier and region codes, partner ids, certification codes. Programs and catalog items share it.
void ValidateEligibility(const cim::v1::Eligibility& eligibility, absl::string_view prefix,
                         FieldErrors& errors);

// Every SKU `program` names (eligible_skus and rules), without duplicates.
std::vector<std::string> ReferencedSkus(const Program& program);

// Adds violations (named "program.<field>") for every bad field of `program`: text lengths,
// targets, eligibility codes, currency, budget, dates, period, terms, eligible SKUs and each
// rule. `known_skus` holds the catalog SKUs among ReferencedSkus(program); any other SKU is
// unknown.
void ValidateProgram(const Program& program, const absl::flat_hash_set<std::string>& known_skus,
                     FieldErrors& errors);

}  // namespace cim

#endif  // CIM_SERVER_PROGRAM_PROGRAM_RULES_H_

#include "server/claim/claim_rules.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "lib/dates.h"
#include "lib/decimal_field.h"
#include "lib/phrase.h"
#include "lib/sha256.h"
#include "lib/text_field.h"
#include "server/program/program_rules.h"

namespace cim {
namespace {

// ISO 3166-1 alpha-2 codes.
constexpr char kCountries[] =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ "
    "BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM "
    "DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS "
    "GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN "
    "KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ "
    "MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM "
    "PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV "
    "SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI "
    "VN VU WF WS YE YT ZA ZM ZW";

bool IsCountry(absl::string_view code) {
  static const auto* const kSet = [] {
    auto* set = new absl::flat_hash_set<std::string>();
    for (absl::string_view c : absl::StrSplit(kCountries, ' ')) set->insert(std::string(c));
    return set;
  }();
  return code.size() == 2 && kSet->contains(std::string(code));
}

bool IsPrintable(absl::string_view s) {
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) return false;
  }
  return true;
}

const Decimal kMaxUnitPrice = Decimal::FromInt(1'000'000'000);
const Decimal kMaxClaimTotal = Decimal::FromInt(1'000'000'000'000);

void ValidateLines(const Claim& claim, const cim::v1::Program& program,
                   const absl::flat_hash_map<std::string, cim::v1::Product>& products,
                   FieldErrors& errors) {
  if (claim.lines().empty()) {
    errors.Add("claim.lines", "at least one line");
    return;
  }
  if (claim.lines_size() > kMaxClaimLines) {
    errors.Add("claim.lines", Phrase("error.at_most_lines").Count("max", kMaxClaimLines));
    return;
  }
  const absl::flat_hash_set<std::string> eligible(program.eligible_skus().begin(),
                                                  program.eligible_skus().end());
  Decimal total;
  for (int i = 0; i < claim.lines_size(); ++i) {
    const cim::v1::ClaimLine& line = claim.lines(i);
    const std::string f = absl::StrCat("claim.lines[", i, "]");
    auto product = products.find(line.sku());
    if (product == products.end()) {
      errors.Add(f + ".sku", Phrase("error.unknown_sku").Text("sku", line.sku()));
    } else if (product->second.status() != cim::v1::PRODUCT_STATUS_ACTIVE) {
      errors.Add(f + ".sku", Phrase("error.sku_retired").Text("sku", line.sku()));
    } else if (!eligible.empty() && !eligible.contains(line.sku())) {
      errors.Add(f + ".sku", Phrase("error.sku_not_eligible").Text("sku", line.sku()));
    }
    if (line.quantity() < 1 || line.quantity() > kMaxLineQuantity) {
      errors.Add(f + ".quantity", Phrase("error.between_1_and").Count("max", kMaxLineQuantity));
    }
    std::optional<Decimal> price = ParseDecimalField(
        line.unit_price(), f + ".unit_price", {.max_scale = 4, .max = kMaxUnitPrice}, errors);
    if (!price) continue;
    if (product != products.end()) {
      absl::StatusOr<Decimal> list = Decimal::Parse(product->second.list_price());
      if (list.ok() && list->sign() > 0 && *price > *list * Decimal::FromInt(kMaxPriceOverList)) {
        errors.Add(f + ".unit_price", Phrase("error.price_over_list")
                                          .Count("times", kMaxPriceOverList)
                                          .Number("list_price", *list));
      }
    }
    if (line.quantity() >= 1 && line.quantity() <= kMaxLineQuantity) {
      total += *price * Decimal::FromInt(line.quantity());
    }
  }
  if (total > kMaxClaimTotal) {
    errors.Add("claim.lines", Phrase("error.claim_total").Number("max", kMaxClaimTotal));
  }
}

}  // namespace

void ValidateSaleClaim(const Claim& claim, const cim::v1::Program& program,
                       const absl::flat_hash_map<std::string, cim::v1::Product>& products,
                       absl::CivilDay today, FieldErrors& errors) {
  ValidateText(claim.invoice_number(), "claim.invoice_number", 1, 64, errors);
  if (!IsPrintable(claim.invoice_number())) {
    errors.Add("claim.invoice_number", "must not contain control characters");
  }
  absl::StatusOr<absl::CivilDay> invoice_date = ParseDate(claim.invoice_date());
  if (!invoice_date.ok()) {
    errors.Add("claim.invoice_date", std::string(invoice_date.status().message()));
  } else if (*invoice_date > today) {
    errors.Add("claim.invoice_date", "must not be in the future");
  } else if (claim.invoice_date() < program.start_date() ||
             claim.invoice_date() > program.end_date()) {
    errors.Add("claim.invoice_date", Phrase("error.within_program_dates")
                                         .Text("start", program.start_date())
                                         .Text("end", program.end_date()));
  }
  ValidateText(claim.customer_name(), "claim.customer_name", 1, 200, errors);
  if (!IsCountry(claim.customer_country())) {
    errors.Add("claim.customer_country", "an ISO 3166-1 alpha-2 code such as \"NL\"");
  }
  if (claim.currency_code() != program.currency_code()) {
    errors.Add("claim.currency_code",
               Phrase("error.program_currency").Text("currency", program.currency_code()));
  }
  ValidateLines(claim, program, products, errors);
  ValidateText(claim.notes(), "claim.notes", 0, 2000, errors);
  if (claim.attachment_ids_size() > kMaxClaimAttachments) {
    errors.Add("claim.attachment_ids",
               Phrase("error.at_most_attachments").Count("max", kMaxClaimAttachments));
  }
  absl::flat_hash_set<int64_t> seen;
  for (int i = 0; i < claim.attachment_ids_size(); ++i) {
    if (claim.attachment_ids(i) <= 0 || !seen.insert(claim.attachment_ids(i)).second) {
      errors.Add(absl::StrCat("claim.attachment_ids[", i, "]"), "must be a distinct attachment id");
    }
  }
}

SaleClaim ToSaleClaim(const Claim& claim) {
  SaleClaim sale{.invoice_date = ParseDate(claim.invoice_date()).value_or(absl::CivilDay())};
  for (const cim::v1::ClaimLine& line : claim.lines()) {
    sale.lines.push_back({.sku = line.sku(),
                          .quantity = line.quantity(),
                          .unit_price = Decimal::Parse(line.unit_price()).value_or(Decimal())});
  }
  return sale;
}

std::string InvoiceKey(absl::string_view invoice_number) {
  std::string key;
  for (char c : invoice_number) {
    if (c == ' ' || c == '-' || c == '/' || c == '.' || c == '\t') continue;
    key.push_back(absl::ascii_toupper(static_cast<unsigned char>(c)));
  }
  return key;
}

std::string CustomerKey(absl::string_view customer_name) {
  std::string key;
  for (char c : customer_name) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (absl::ascii_isalnum(u) || u >= 0x80) key.push_back(absl::ascii_tolower(u));
  }
  return key;
}

std::string SubmissionHash(const cim::v1::SubmitClaimRequest& request, int64_t partner_id) {
  Claim read;  // exactly the fields SubmitClaim reads
  const Claim& c = request.claim();
  read.set_program_id(c.program_id());
  read.set_partner_id(partner_id);
  read.set_invoice_number(c.invoice_number());
  read.set_invoice_date(c.invoice_date());
  read.set_customer_name(c.customer_name());
  read.set_customer_country(c.customer_country());
  read.set_currency_code(c.currency_code());
  *read.mutable_lines() = c.lines();
  read.set_notes(c.notes());
  *read.mutable_attachment_ids() = c.attachment_ids();
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream out(&stream);
    out.SetSerializationDeterministic(true);
    read.SerializeToCodedStream(&out);
  }
  return Sha256Hex(bytes);
}

std::string ClaimStatusName(ClaimStatus status) {
  return WithoutPrefix(cim::v1::ClaimStatus_Name(status), "CLAIM_STATUS_");
}

absl::StatusOr<ClaimStatus> NextStatus(ClaimStatus from, ClaimAction action) {
  using cim::v1::CLAIM_STATUS_IN_REVIEW;
  using cim::v1::CLAIM_STATUS_SUBMITTED;
  const bool open = from == CLAIM_STATUS_SUBMITTED || from == CLAIM_STATUS_IN_REVIEW;
  ClaimStatus to = cim::v1::CLAIM_STATUS_UNSPECIFIED;
  bool allowed = false;
  switch (action) {
    case ClaimAction::kStartReview:
      to = CLAIM_STATUS_IN_REVIEW;
      allowed = from == CLAIM_STATUS_SUBMITTED;
      break;
    case ClaimAction::kApprove:
      to = cim::v1::CLAIM_STATUS_APPROVED;
      allowed = open;
      break;
    case ClaimAction::kReject:
      to = cim::v1::CLAIM_STATUS_REJECTED;
      allowed = open;
      break;
    case ClaimAction::kRequestInfo:
      to = cim::v1::CLAIM_STATUS_NEEDS_INFO;
      allowed = open;
      break;
    case ClaimAction::kResubmit:
      to = CLAIM_STATUS_SUBMITTED;
      allowed = from == cim::v1::CLAIM_STATUS_NEEDS_INFO;
      break;
  }
  if (!allowed) {
    return absl::FailedPreconditionError(Phrase("error.claim_transition")
                                             .Text("from", ClaimStatusName(from))
                                             .Text("to", ClaimStatusName(to))
                                             .str());
  }
  return to;
}

absl::Status CheckMayReview(const Principal& reviewer, int64_t partner_id, int64_t submitted_by) {
  CIM_RETURN_IF_ERROR(
      RequireRole(reviewer, {cim::v1::ROLE_CHANNEL_MANAGER, cim::v1::ROLE_PROGRAM_ADMIN}));
  if (reviewer.user_id == submitted_by) {
    return absl::PermissionDeniedError("segregation of duties: you submitted this claim");
  }
  if (reviewer.partner_id != 0 && reviewer.partner_id == partner_id) {
    return absl::PermissionDeniedError(
        "segregation of duties: reviewers may not decide on their own partner's claims");
  }
  return absl::OkStatus();
}

}  // namespace cim

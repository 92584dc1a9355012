#include "server/demo/demo_data.h"

#include <array>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "lib/status_util.h"
#include "server/identity/access_token.h"
#include "server/identity/one_time_code.h"

namespace cim {
namespace {

using cim::v1::PartnerType;

struct DemoPartner {
  const char* name;
  PartnerType type;
  const char* tier;
  const char* region;
  int parent;  // index into kPartners + 1, 0 for none
  int reps;
};

// Three distributors with resellers below them, then independent partners of every type.
constexpr DemoPartner kPartners[] = {
    {"Lowlands Distribution B.V.", cim::v1::PARTNER_TYPE_DISTRIBUTOR, "platinum", "EMEA-NL", 0, 6},
    {"Rheinland IT-Großhandel GmbH", cim::v1::PARTNER_TYPE_DISTRIBUTOR, "gold", "EMEA-DE", 0, 5},
    {"Pacific Coast Supply Inc.", cim::v1::PARTNER_TYPE_DISTRIBUTOR, "platinum", "NA-US", 0, 6},
    {"Amstel Systems", cim::v1::PARTNER_TYPE_RESELLER, "gold", "EMEA-NL", 1, 5},
    {"Delta Office Solutions", cim::v1::PARTNER_TYPE_RESELLER, "silver", "EMEA-NL", 1, 4},
    {"Utrecht Netwerken", cim::v1::PARTNER_TYPE_RESELLER, "registered", "EMEA-NL", 1, 3},
    {"Zeeland ICT", cim::v1::PARTNER_TYPE_RESELLER, "silver", "EMEA-NL", 1, 3},
    {"Köln Computer Service", cim::v1::PARTNER_TYPE_RESELLER, "gold", "EMEA-DE", 2, 4},
    {"Bayern Digital", cim::v1::PARTNER_TYPE_RESELLER, "silver", "EMEA-DE", 2, 4},
    {"Hamburg Hafen IT", cim::v1::PARTNER_TYPE_RESELLER, "registered", "EMEA-DE", 2, 3},
    {"Bay Area Tech Partners", cim::v1::PARTNER_TYPE_RESELLER, "gold", "NA-US", 3, 5},
    {"Cascade Networks", cim::v1::PARTNER_TYPE_RESELLER, "silver", "NA-US", 3, 4},
    {"Sonoran Systems", cim::v1::PARTNER_TYPE_RESELLER, "registered", "NA-US", 3, 3},
    {"Redwood Integrators", cim::v1::PARTNER_TYPE_RESELLER, "silver", "NA-US", 3, 4},
    {"Great Lakes Office Equipment", cim::v1::PARTNER_TYPE_DEALER, "gold", "NA-US", 0, 4},
    {"Maple Leaf Dealers", cim::v1::PARTNER_TYPE_DEALER, "silver", "NA-CA", 0, 3},
    {"Nordic Print & Copy", cim::v1::PARTNER_TYPE_DEALER, "registered", "EMEA-SE", 0, 3},
    {"Iberia Equipos", cim::v1::PARTNER_TYPE_DEALER, "silver", "EMEA-ES", 0, 3},
    {"Thames Insurance Brokers", cim::v1::PARTNER_TYPE_BROKER, "gold", "EMEA-UK", 0, 3},
    {"Harbour Risk Partners", cim::v1::PARTNER_TYPE_BROKER, "registered", "APAC-AU", 0, 2},
    {"Lisbon Trade Agents", cim::v1::PARTNER_TYPE_AGENT, "registered", "EMEA-PT", 0, 2},
    {"Andes Commercial Agents", cim::v1::PARTNER_TYPE_AGENT, "silver", "LATAM-CL", 0, 2},
    {"Singapore Channel Agents", cim::v1::PARTNER_TYPE_AGENT, "registered", "APAC-SG", 0, 2},
    {"CloudKeep Managed Services", cim::v1::PARTNER_TYPE_MSP, "platinum", "NA-US", 0, 5},
    {"Polder Managed IT", cim::v1::PARTNER_TYPE_MSP, "gold", "EMEA-NL", 0, 4},
    {"Alpine Cloud Services", cim::v1::PARTNER_TYPE_MSP, "silver", "EMEA-CH", 0, 3},
    {"Outback Managed Networks", cim::v1::PARTNER_TYPE_MSP, "registered", "APAC-AU", 0, 3},
    {"Fjord Secure Ops", cim::v1::PARTNER_TYPE_MSP, "silver", "EMEA-NO", 0, 3},
    {"Sakura IT Services", cim::v1::PARTNER_TYPE_MSP, "gold", "APAC-JP", 0, 3},
    {"Sahara Systems Integration", cim::v1::PARTNER_TYPE_RESELLER, "registered", "EMEA-MA", 0, 2},
};

constexpr std::array<const char*, 40> kFirstNames = {
    "Anna",  "Bram",  "Chloe",  "Daan", "Emma",   "Finn",   "Greta", "Hugo",  "Iris",   "Jonas",
    "Katja", "Lars",  "Mila",   "Noah", "Olivia", "Pieter", "Quinn", "Rosa",  "Sven",   "Tess",
    "Umar",  "Vera",  "Willem", "Xena", "Yara",   "Zeno",   "Amara", "Ben",   "Carmen", "Diego",
    "Elena", "Felix", "Hana",   "Ivan", "Julia",  "Kenji",  "Lucia", "Mateo", "Nora",   "Oscar"};
constexpr std::array<const char*, 32> kLastNames = {
    "de Vries", "Jansen",  "Bakker", "Visser", "Smit",     "Meyer",     "Schulz",  "Fischer",
    "Weber",    "Garcia",  "Silva",  "Tanaka", "Nguyen",   "Kowalski",  "Novak",   "Rossi",
    "Murphy",   "O'Brien", "Larsen", "Berg",   "Haddad",   "Okafor",    "Ramirez", "Chen",
    "Patel",    "Dubois",  "Moreau", "Costa",  "Andersen", "Lindqvist", "Brown",   "Wilson"};

std::string EmailDomain(absl::string_view partner_name) {
  std::string domain;
  for (char c : partner_name) {
    if (absl::ascii_isalnum(c)) domain += absl::ascii_tolower(c);
    if (c == ' ' && domain.size() >= 6) break;
  }
  return absl::StrCat(domain, ".example");
}

std::string EmailLocal(absl::string_view first, absl::string_view last) {
  std::string local = absl::StrCat(first, ".", last);
  std::string out;
  for (char c : local) {
    if (absl::ascii_isalnum(c) || c == '.') out += absl::ascii_tolower(c);
  }
  return out;
}

// Person number `person` (counted over all partners' reps in table order).
std::string RepFirstName(int person) { return kFirstNames[person % kFirstNames.size()]; }
std::string RepLastName(int person) {
  return kLastNames[(person / kFirstNames.size() + person + 1) % kLastNames.size()];
}
std::string RepEmail(int person, absl::string_view domain) {
  return absl::StrCat(EmailLocal(RepFirstName(person), RepLastName(person)), "@", domain);
}

// The person number of the first rep of partner `index`.
int FirstRepOf(int index) {
  int person = 0;
  for (int i = 0; i < index; ++i) person += kPartners[i].reps;
  return person;
}

}  // namespace

absl::StatusOr<DemoSummary> LoadDemoData(PartnerRepository& partners, UserRepository& users,
                                         AccessTokenRepository& tokens,
                                         const PasswordHasher& hasher, const Clock& clock) {
  DemoSummary summary;
  const std::string first_rep = RepEmail(FirstRepOf(3), EmailDomain(kPartners[3].name));
  summary.logins = {
      {"partner rep", first_rep, kPartners[3].name},
      {"partner admin", absl::StrCat("admin@", EmailDomain(kPartners[3].name)), kPartners[3].name},
      {"partner admin (distributor)", absl::StrCat("admin@", EmailDomain(kPartners[0].name)),
       kPartners[0].name},
      {"channel manager", "channel.manager@vendor.example", "vendor"},
      {"program admin", "program.admin@vendor.example", "vendor"},
      {"finance", "finance@vendor.example", "vendor"},
  };
  CIM_ASSIGN_OR_RETURN(std::vector<User> existing, users.List(UserFilter{}, 0, 1));
  if (!existing.empty()) return summary;

  const absl::Time now = clock.Now();
  auto add_user = [&](const std::string& email, const std::string& name, cim::v1::Role role,
                      int64_t partner_id, bool with_password) -> absl::StatusOr<User> {
    User u;
    u.set_email(email);
    u.set_display_name(name);
    u.set_role(role);
    u.set_partner_id(partner_id);
    u.set_status(cim::v1::USER_STATUS_ACTIVE);
    std::optional<std::string> hash;
    if (with_password) {
      // Each person gets their own salt, as real users would.
      CIM_ASSIGN_OR_RETURN(hash, hasher.Hash(kDemoPassword));
    }
    ++summary.users;
    return users.Create(u, hash, now);
  };

  // Vendor staff.
  struct VendorUser {
    const char* email;
    const char* name;
    cim::v1::Role role;
  };
  const VendorUser vendor[] = {
      {"channel.manager@vendor.example", "Charlotte Manager", cim::v1::ROLE_CHANNEL_MANAGER},
      {"cm.emea@vendor.example", "Erik Lindqvist", cim::v1::ROLE_CHANNEL_MANAGER},
      {"cm.na@vendor.example", "Nadia Brooks", cim::v1::ROLE_CHANNEL_MANAGER},
      {"cm.apac@vendor.example", "Kenta Mori", cim::v1::ROLE_CHANNEL_MANAGER},
      {"program.admin@vendor.example", "Priya Admin", cim::v1::ROLE_PROGRAM_ADMIN},
      {"pa.incentives@vendor.example", "Tom Verhoeven", cim::v1::ROLE_PROGRAM_ADMIN},
      {"finance@vendor.example", "Fiona Finance", cim::v1::ROLE_FINANCE},
      {"finance.ops@vendor.example", "Marco Bianchi", cim::v1::ROLE_FINANCE},
  };
  for (const VendorUser& v : vendor) {
    CIM_RETURN_IF_ERROR(add_user(v.email, v.name, v.role, 0, true).status());
  }
  CIM_ASSIGN_OR_RETURN(User service, add_user("erp-sync@service.vendor.example", "ERP sales sync",
                                              cim::v1::ROLE_SERVICE_ACCOUNT, 0, false));

  // Partners, parents first (the table lists them so), and their people.
  std::vector<int64_t> ids;
  int person = 0;
  for (const DemoPartner& dp : kPartners) {
    Partner p;
    p.set_name(dp.name);
    p.set_type(dp.type);
    p.set_tier(dp.tier);
    p.set_region(dp.region);
    p.set_status(cim::v1::PARTNER_STATUS_ACTIVE);
    if (dp.parent > 0) p.set_parent_partner_id(ids[dp.parent - 1]);
    CIM_ASSIGN_OR_RETURN(Partner stored, partners.Create(p, now));
    ids.push_back(stored.id());
    ++summary.partners;
    const std::string domain = EmailDomain(dp.name);
    CIM_RETURN_IF_ERROR(add_user(absl::StrCat("admin@", domain),
                                 absl::StrCat(kFirstNames[(person + 7) % kFirstNames.size()], " ",
                                              kLastNames[(person + 3) % kLastNames.size()]),
                                 cim::v1::ROLE_PARTNER_ADMIN, stored.id(), true)
                            .status());
    for (int i = 0; i < dp.reps; ++i, ++person) {
      CIM_RETURN_IF_ERROR(add_user(RepEmail(person, domain),
                                   absl::StrCat(RepFirstName(person), " ", RepLastName(person)),
                                   cim::v1::ROLE_PARTNER_REP, stored.id(), true)
                              .status());
    }
  }

  NewSecret key = GenerateSecret(kApiKeyPrefix);
  AccessTokenRecord record;
  record.user_id = service.id();
  record.kind = TokenKind::kApiKey;
  record.description = "demo ERP sales sync";
  record.created_at = now;
  record.expires_at = now + absl::Hours(24 * 365);
  CIM_RETURN_IF_ERROR(tokens.Insert(key.hash, record).status());
  summary.service_api_key = key.secret;
  summary.loaded = true;
  return summary;
}

absl::Status LoadDemoTwoStep(TwoStepRepository& two_step, const SecretSealer& sealer,
                             UserRepository& users, const std::vector<cim::v1::Role>& roles,
                             absl::Time now, DemoSummary& summary) {
  for (DemoLogin& login : summary.logins) {
    CIM_ASSIGN_OR_RETURN(UserRecord person, users.GetByEmail(login.email));
    if (absl::c_find(roles, person.user.role()) == roles.end()) continue;
    const std::string secret = NewTotpSecret();
    CIM_ASSIGN_OR_RETURN(std::string sealed,
                         sealer.Seal(secret, TwoStepSealContext(person.user.id())));
    CIM_RETURN_IF_ERROR(two_step.SetPending(person.user.id(), sealed, now));
    CIM_RETURN_IF_ERROR(two_step.Confirm(person.user.id(), sealed, /*step=*/0,
                                         /*code_hashes=*/{}, now));
    login.two_step_secret = secret;
  }
  return absl::OkStatus();
}

}  // namespace cim

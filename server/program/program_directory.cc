#include "server/program/program_directory.h"

#include <algorithm>
#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "google/protobuf/util/message_differencer.h"
#include "lib/pagination.h"
#include "lib/phrase.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "lib/update_mask.h"
#include "server/program/program_policy.h"
#include "server/program/program_rules.h"
#include "server/program/reward_engine.h"

namespace cim {
namespace {

using cim::v1::ProgramStatus;

constexpr int kMaxNamedPartners = 1000;

absl::Status NotFoundProgram(int64_t id) { return NotFoundError("program", id); }

void Normalize(Program& p) { p.set_name(std::string(absl::StripAsciiWhitespace(p.name()))); }

// A program as partners see it: who else got a named-partner deal is not theirs to know.
Program PartnerView(Program program) {
  program.mutable_eligibility()->clear_partner_ids();
  return program;
}

bool SameRules(const Program& a, const Program& b) {
  if (a.rules_size() != b.rules_size()) return false;
  for (int i = 0; i < a.rules_size(); ++i) {
    if (!google::protobuf::util::MessageDifferencer::Equals(a.rules(i), b.rules(i))) return false;
  }
  return true;
}

// INVALID_ARGUMENT unless a terms acceptance names its program and the version accepted.
absl::Status ValidateAcceptance(int64_t program_id, int32_t accepted_terms_version) {
  FieldErrors errors;
  if (program_id <= 0) errors.Add("program_id", "required");
  if (accepted_terms_version <= 0) {
    errors.Add("accepted_terms_version", "required: the terms version you accept");
  }
  return errors.ToStatus();
}

}  // namespace

absl::Status ProgramDirectory::Validate(const Program& program) {
  FieldErrors errors;
  CIM_ASSIGN_OR_RETURN(auto found, products_.FindBySkus(ReferencedSkus(program)));
  absl::flat_hash_set<std::string> known;
  for (const auto& [sku, product] : found) known.insert(sku);
  ValidateProgram(program, known, errors);
  const auto& named = program.eligibility().partner_ids();
  if (named.size() > kMaxNamedPartners) {
    errors.Add("program.eligibility.partner_ids",
               Phrase("error.named_partners").Count("max", kMaxNamedPartners));
  } else {
    for (int i = 0; i < named.size(); ++i) {
      if (named[i] <= 0) continue;  // reported by ValidateProgram
      absl::Status found_partner = partners_.Get(named[i]).status();
      if (absl::IsNotFound(found_partner)) {
        errors.Add(absl::StrCat("program.eligibility.partner_ids[", i, "]"),
                   Phrase("error.unknown_partner").Text("partner", absl::StrCat(named[i])));
      } else if (!found_partner.ok()) {
        return found_partner;
      }
    }
  }
  for (int i = 0; i < program.rules_size(); ++i) {
    const IncentiveRule& rule = program.rules(i);
    if (rule.kind_case() != IncentiveRule::kGrowth || rule.growth().baseline_program_id() <= 0 ||
        rule.growth().baseline_program_id() == program.id()) {
      continue;
    }
    const std::string field = absl::StrCat("program.rules[", i, "].growth.baseline_program_id");
    absl::StatusOr<Program> baseline = programs_.Get(rule.growth().baseline_program_id());
    if (absl::IsNotFound(baseline.status())) {
      errors.Add(field, Phrase("error.unknown_program")
                            .Text("program", absl::StrCat(rule.growth().baseline_program_id())));
    } else if (!baseline.ok()) {
      return baseline.status();
    } else if (baseline->currency_code() != program.currency_code()) {
      errors.Add(field, Phrase("error.program_currency").Text("currency", program.currency_code()));
    }
  }
  return errors.ToStatus();
}

absl::StatusOr<Program> ProgramDirectory::CreateProgram(const Principal& caller,
                                                        const Program& in) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_PROGRAM_ADMIN}));
  Program program = in;
  Normalize(program);
  program.set_status(cim::v1::PROGRAM_STATUS_DRAFT);
  program.set_rules_version(1);
  program.set_terms_version(1);
  CIM_RETURN_IF_ERROR(Validate(program));
  return programs_.Create(program, caller.user_id, clock_.Now());
}

absl::StatusOr<std::vector<NotificationEvent>> ProgramDirectory::OpeningNotices(
    const Program& program) {
  std::vector<NotificationEvent> out;
  const absl::Time now = clock_.Now();
  CIM_RETURN_IF_ERROR(ForEachPartner(
      partners_, {.status = cim::v1::PARTNER_STATUS_ACTIVE},
      [&](const Partner& partner) -> absl::Status {
        CIM_ASSIGN_OR_RETURN(const std::vector<cim::v1::EligibilityGap> gaps,
                             GapsFor(program, partner));
        if (!gaps.empty()) return absl::OkStatus();
        NotificationEvent notice{
            .kind = cim::v1::NOTIFICATION_KIND_PROGRAM_OPEN,
            .partner_id = partner.id(),
            .ref_id = program.id(),
            .link = absl::StrCat("/programs/", program.id()),
            .dedupe_key = absl::StrCat("program-open:", program.id(), ":", partner.id()),
            .occurred_at = now};
        notice.Text("program", program.name()).Text("partner", partner.name());
        out.push_back(std::move(notice));
        return absl::OkStatus();
      }));
  return out;
}

absl::StatusOr<std::vector<cim::v1::EligibilityGap>> ProgramDirectory::GapsFor(
    const Program& program, const Partner& partner) {
  absl::flat_hash_set<std::string> held;
  if (!program.eligibility().required_certifications().empty()) {
    CIM_ASSIGN_OR_RETURN(held, certifications_.HeldByPartner(partner.id()));
  }
  return EligibilityGaps(program, partner, held);
}

absl::Status ProgramDirectory::CheckVersionsReadable(const Principal& caller, int64_t program_id) {
  CIM_RETURN_IF_ERROR(RequireId(program_id, "program_id"));
  CIM_RETURN_IF_ERROR(GetProgram(caller, program_id).status());
  if (ReadsAllPartners(caller)) return absl::OkStatus();
  absl::Status enrolled = programs_.GetEnrollment(program_id, caller.partner_id).status();
  if (absl::IsNotFound(enrolled)) {
    // The program exists for this partner, but its history belongs to those in it.
    return absl::NotFoundError(Phrase("error.program_versions_not_enrolled")
                                   .Text("program", absl::StrCat(program_id))
                                   .str());
  }
  return enrolled;
}

absl::StatusOr<bool> ProgramDirectory::VisibleToPartner(const Program& program,
                                                        int64_t partner_id) {
  if (program.status() == cim::v1::PROGRAM_STATUS_DRAFT) return false;
  // Partners see every published program, also those they do not qualify for yet (a Gold-only
  // program is something to work toward, and enrollment tells them why not) — except deals
  // for named partners, which only those partners (and the enrolled) see.
  const auto& named = program.eligibility().partner_ids();
  if (named.empty() || std::find(named.begin(), named.end(), partner_id) != named.end()) {
    return true;
  }
  absl::Status enrolled = programs_.GetEnrollment(program.id(), partner_id).status();
  if (enrolled.ok()) return true;
  if (!absl::IsNotFound(enrolled)) return enrolled;
  return false;
}

absl::StatusOr<Program> ProgramDirectory::GetProgram(const Principal& caller, int64_t program_id) {
  CIM_RETURN_IF_ERROR(RequireId(program_id, "program_id"));
  CIM_ASSIGN_OR_RETURN(Program program, programs_.Get(program_id));
  if (ReadsAllPartners(caller)) return program;
  CIM_ASSIGN_OR_RETURN(bool visible, VisibleToPartner(program, caller.partner_id));
  if (!visible) return NotFoundProgram(program_id);
  return PartnerView(std::move(program));
}

absl::StatusOr<cim::v1::ListProgramsResponse> ProgramDirectory::ListPrograms(
    const Principal& caller, const cim::v1::ListProgramsRequest& request) {
  FieldErrors errors;
  const int page_size = PageSize(request.page_size(), errors);
  if (!cim::v1::ProgramStatus_IsValid(request.status())) {
    errors.Add("status", "one of DRAFT, ACTIVE, PAUSED, CLOSED");
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(int64_t after, DecodePageToken(request));
  const bool partner_view = !ReadsAllPartners(caller);
  ProgramFilter filter{.status = request.status(),
                       .exclude_drafts = partner_view,
                       .name_contains = request.name_contains()};
  // Partner roles see a subset decided per program: read ahead until the page is full.
  std::vector<Program> visible;
  while (static_cast<int>(visible.size()) <= page_size) {
    CIM_ASSIGN_OR_RETURN(std::vector<Program> rows, programs_.List(filter, after, page_size + 1));
    for (Program& p : rows) {
      after = p.id();
      bool keep = true;
      if (partner_view) {
        CIM_ASSIGN_OR_RETURN(keep, VisibleToPartner(p, caller.partner_id));
      }
      if (keep) visible.push_back(partner_view ? PartnerView(std::move(p)) : std::move(p));
    }
    if (static_cast<int>(rows.size()) <= page_size) break;  // no more rows
  }
  cim::v1::ListProgramsResponse response;
  response.set_next_page_token(
      FillPage(std::move(visible), page_size, response.mutable_programs(), request));
  return response;
}

absl::StatusOr<Program> ProgramDirectory::UpdateProgram(const Principal& caller, const Program& in,
                                                        const google::protobuf::FieldMask& mask) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_PROGRAM_ADMIN}));
  CIM_ASSIGN_OR_RETURN(const Program program, Changed(in, mask));
  return programs_.Update(program, caller.user_id, clock_.Now());
}

absl::StatusOr<Program> ProgramDirectory::PreviewChange(const Principal& caller, const Program& in,
                                                        const google::protobuf::FieldMask& mask) {
  if (!ReadsAllPartners(caller)) return absl::PermissionDeniedError("for vendor roles");
  if (mask.paths().empty()) {
    CIM_RETURN_IF_ERROR(RequireId(in.id(), "program_id"));
    return programs_.Get(in.id());
  }
  return Changed(in, mask);
}

absl::StatusOr<Program> ProgramDirectory::Changed(const Program& in,
                                                  const google::protobuf::FieldMask& mask) {
  FieldErrors errors;
  if (in.id() <= 0) errors.Add("program.id", "required");
  RequireMaskPaths(mask, errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(const Program current, programs_.Get(in.id()));
  if (!in.etag().empty() && in.etag() != current.etag())
    return ChangedSinceReadError("program", in.id());
  if (current.status() == cim::v1::PROGRAM_STATUS_CLOSED) {
    return absl::FailedPreconditionError(
        Phrase("error.program_closed").Text("program", absl::StrCat(in.id())).str());
  }
  const bool draft = current.status() == cim::v1::PROGRAM_STATUS_DRAFT;
  Program program = current;
  for (const std::string& path : mask.paths()) {
    if (path == "name") program.set_name(in.name());
    if (path == "description") program.set_description(in.description());
    if (path == "objectives") program.set_objectives(in.objectives());
    if (path == "targets") *program.mutable_targets() = in.targets();
    if (path == "eligibility") *program.mutable_eligibility() = in.eligibility();
    if (path == "currency_code") program.set_currency_code(in.currency_code());
    if (path == "budget") program.set_budget(in.budget());
    if (path == "start_date") program.set_start_date(in.start_date());
    if (path == "end_date") program.set_end_date(in.end_date());
    if (path == "period") program.set_period(in.period());
    if (path == "terms") program.set_terms(in.terms());
    if (path == "eligible_skus") *program.mutable_eligible_skus() = in.eligible_skus();
    if (path == "rules") *program.mutable_rules() = in.rules();
  }
  Normalize(program);
  if (!draft) {
    for (const auto& [changed, field] :
         {std::pair{program.currency_code() != current.currency_code(), "currency_code"},
          std::pair{program.start_date() != current.start_date(), "start_date"},
          std::pair{program.period() != current.period(), "period"}}) {
      if (changed) {
        return absl::FailedPreconditionError(
            Phrase("error.fixed_after_active").Text("field", field).str());
      }
    }
    if (program.rules().empty()) {
      errors.Add("program.rules", "an active program needs at least one rule");
    }
    // Rules and terms partners have seen change only through a new version.
    if (!SameRules(program, current)) program.set_rules_version(current.rules_version() + 1);
    if (program.terms() != current.terms()) {
      program.set_terms_version(current.terms_version() + 1);
    }
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_RETURN_IF_ERROR(Validate(program));
  return program;
}

absl::StatusOr<cim::v1::ListProgramRulesVersionsResponse> ProgramDirectory::ListRulesVersions(
    const Principal& caller, int64_t program_id) {
  CIM_RETURN_IF_ERROR(CheckVersionsReadable(caller, program_id));
  CIM_ASSIGN_OR_RETURN(std::vector<ProgramRulesVersion> versions,
                       programs_.ListRulesVersions(program_id));
  cim::v1::ListProgramRulesVersionsResponse response;
  for (ProgramRulesVersion& v : versions) *response.add_versions() = std::move(v);
  return response;
}

absl::StatusOr<cim::v1::ListProgramTermsVersionsResponse> ProgramDirectory::ListTermsVersions(
    const Principal& caller, int64_t program_id) {
  CIM_RETURN_IF_ERROR(CheckVersionsReadable(caller, program_id));
  CIM_ASSIGN_OR_RETURN(
      std::vector<cim::v1::ProgramTermsVersion> versions,
      programs_.ListTermsVersions(program_id, ReadsAllPartners(caller) ? 0 : caller.partner_id));
  cim::v1::ListProgramTermsVersionsResponse response;
  for (cim::v1::ProgramTermsVersion& v : versions) *response.add_versions() = std::move(v);
  return response;
}

absl::StatusOr<Program> ProgramDirectory::ChangeStatus(const Principal& caller, int64_t program_id,
                                                       const std::string& etag, ProgramStatus to) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_PROGRAM_ADMIN}));
  CIM_RETURN_IF_ERROR(RequireId(program_id, "program_id"));
  CIM_ASSIGN_OR_RETURN(Program program, programs_.Get(program_id));
  if (!etag.empty() && etag != program.etag()) return ChangedSinceReadError("program", program_id);
  CIM_RETURN_IF_ERROR(CheckTransition(program.status(), to));
  if (to == cim::v1::PROGRAM_STATUS_ACTIVE && program.rules().empty()) {
    return absl::FailedPreconditionError("a program needs at least one rule to be activated");
  }
  // A draft going live opens to the partners it admits: their admins hear of it.
  std::vector<NotificationEvent> notices;
  if (to == cim::v1::PROGRAM_STATUS_ACTIVE && program.status() == cim::v1::PROGRAM_STATUS_DRAFT) {
    CIM_ASSIGN_OR_RETURN(notices, OpeningNotices(program));
  }
  program.set_status(to);
  return programs_.Update(program, caller.user_id, clock_.Now(), notices);
}

absl::StatusOr<cim::v1::CheckEligibilityResponse> ProgramDirectory::CheckEligibility(
    const Principal& caller, const cim::v1::CheckEligibilityRequest& request) {
  CIM_RETURN_IF_ERROR(RequireId(request.program_id(), "program_id"));
  CIM_ASSIGN_OR_RETURN(const int64_t partner_id, PartnerReadScope(caller, request.partner_id()));
  CIM_RETURN_IF_ERROR(RequireId(partner_id, "partner_id"));
  CIM_ASSIGN_OR_RETURN(Program program, GetProgram(caller, request.program_id()));
  CIM_ASSIGN_OR_RETURN(Partner partner, partners_.Get(partner_id));
  CIM_ASSIGN_OR_RETURN(std::vector<cim::v1::EligibilityGap> gaps, GapsFor(program, partner));
  absl::StatusOr<Enrollment> enrollment = programs_.GetEnrollment(program.id(), partner_id);
  if (!enrollment.ok() && !absl::IsNotFound(enrollment.status())) return enrollment.status();
  cim::v1::CheckEligibilityResponse response;
  response.set_eligible(gaps.empty());
  for (cim::v1::EligibilityGap& g : gaps) {
    response.add_reasons(g.reason());
    *response.add_gaps() = std::move(g);
  }
  response.set_enrolled(enrollment.ok());
  if (enrollment.ok()) response.set_accepted_terms_version(enrollment->accepted_terms_version());
  response.set_terms_version(program.terms_version());
  response.set_terms(program.terms());
  return response;
}

absl::StatusOr<Enrollment> ProgramDirectory::EnrollPartner(
    const Principal& caller, const cim::v1::EnrollPartnerRequest& request) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_PARTNER_ADMIN}));
  CIM_RETURN_IF_ERROR(ValidateAcceptance(request.program_id(), request.accepted_terms_version()));
  CIM_ASSIGN_OR_RETURN(Program program, GetProgram(caller, request.program_id()));
  if (program.status() != cim::v1::PROGRAM_STATUS_ACTIVE) {
    return absl::FailedPreconditionError(Phrase("error.enrollment_closed")
                                             .Text("program", program.name())
                                             .Text("status", ProgramStatusName(program.status()))
                                             .str());
  }
  CIM_ASSIGN_OR_RETURN(Partner partner, partners_.Get(caller.partner_id));
  CIM_ASSIGN_OR_RETURN(std::vector<cim::v1::EligibilityGap> gaps, GapsFor(program, partner));
  if (!gaps.empty()) {
    std::vector<std::string> reasons;
    for (const cim::v1::EligibilityGap& g : gaps) reasons.push_back(g.reason());
    return absl::FailedPreconditionError(
        Phrase("error.not_eligible").List("reasons", reasons).str());
  }
  if (request.accepted_terms_version() != program.terms_version()) {
    return absl::FailedPreconditionError(Phrase("error.terms_changed")
                                             .Count("current", program.terms_version())
                                             .Count("accepted", request.accepted_terms_version())
                                             .str());
  }
  Enrollment enrollment;
  enrollment.set_program_id(program.id());
  enrollment.set_partner_id(partner.id());
  enrollment.set_accepted_terms_version(program.terms_version());
  enrollment.set_accepted_by_user_id(caller.user_id);
  SetTimestamp(clock_.Now(), enrollment.mutable_accept_time());
  // An MDF rule allocates the partner's fund on enrollment, drawing on the budget.
  std::vector<LedgerPosting> postings;
  Decimal budget_draw;
  for (const IncentiveRule& rule : program.rules()) {
    if (rule.kind_case() != IncentiveRule::kMdfAllocation) continue;
    std::optional<Reward> allocation = MdfAllocation(program, rule, partner.tier());
    if (!allocation) continue;
    budget_draw += allocation->amount;
    postings.push_back(LedgerPosting{.partner_id = partner.id(),
                                     .program_id = program.id(),
                                     .rules_version = program.rules_version(),
                                     .rule_id = rule.id(),
                                     .account = cim::v1::LEDGER_ACCOUNT_MDF_FUND,
                                     .kind = cim::v1::LEDGER_ENTRY_KIND_MDF_ALLOCATION,
                                     .unit = program.currency_code(),
                                     .amount = allocation->amount,
                                     .basis = allocation->basis,
                                     .created_by = caller.user_id,
                                     .created_at = clock_.Now()});
  }
  absl::StatusOr<Enrollment> stored = programs_.Enroll(enrollment, postings, budget_draw);
  if (absl::IsAlreadyExists(stored.status())) {
    return absl::AlreadyExistsError(Phrase("error.already_enrolled")
                                        .Text("partner", partner.name())
                                        .Text("program", absl::StrCat(program.id()))
                                        .str());
  }
  return stored;
}

absl::StatusOr<Enrollment> ProgramDirectory::AcceptTerms(
    const Principal& caller, const cim::v1::AcceptProgramTermsRequest& request) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_PARTNER_ADMIN}));
  CIM_RETURN_IF_ERROR(ValidateAcceptance(request.program_id(), request.accepted_terms_version()));
  CIM_RETURN_IF_ERROR(GetProgram(caller, request.program_id()).status());
  return programs_.AcceptTerms(request.program_id(), caller.partner_id,
                               request.accepted_terms_version(), caller.user_id, clock_.Now());
}

absl::StatusOr<cim::v1::ListEnrollmentsResponse> ProgramDirectory::ListEnrollments(
    const Principal& caller, const cim::v1::ListEnrollmentsRequest& request) {
  FieldErrors errors;
  const int page_size = PageSize(request.page_size(), errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(int64_t after, DecodePageToken(request));
  EnrollmentFilter filter{.program_id = request.program_id(), .partner_id = request.partner_id()};
  CIM_ASSIGN_OR_RETURN(filter.partner_id, PartnerReadScope(caller, filter.partner_id));
  CIM_ASSIGN_OR_RETURN(std::vector<Enrollment> rows,
                       programs_.ListEnrollments(filter, after, page_size + 1));
  cim::v1::ListEnrollmentsResponse response;
  response.set_next_page_token(
      FillPage(std::move(rows), page_size, response.mutable_enrollments(), request));
  return response;
}

}  // namespace cim

// ProgramDirectory on the real stores (MariaDB, the certification registry, an injected clock):
// only program admins create programs, stored as DRAFT at rules and terms version 1 and
// validated against the catalog and the partners; partners never see drafts nor deals for other
// named partners (NOT_FOUND, and left out of lists that still fill their pages); an active
// program's rules and terms change only by a new version, its currency, start and period never,
// a closed one not at all, a stale etag ABORTED; status moves only along the lifecycle;
// eligibility gives every reason (region, certification) and enrollment needs an active program
// and the current terms, allocating MDF on the way, once per partner; enrollments are listed
// within the caller's partner.
#include "server/program/program_directory.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/clock.h"
#include "lib/proto_time.h"
#include "server/identity/mysql_partner_repository.h"
#include "server/training/mysql_certification_registry.h"
#include "tests/server/program/program_store_fixture.h"
#include "tests/testing/phrase_matchers.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::ReadsInEnglish;

using ::cim::testing::InEnglish;

using ::cim::testing::StatusIs;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Property;

class ProgramDirectoryTest : public ProgramStoreTest {
 protected:
  static google::protobuf::FieldMask Mask(std::vector<std::string> paths) {
    google::protobuf::FieldMask mask;
    for (std::string& p : paths) mask.add_paths(std::move(p));
    return mask;
  }

  // Creates kPointsProgram (edited) through the directory and moves it to `status`.
  Program Created(cim::v1::ProgramStatus status = cim::v1::PROGRAM_STATUS_DRAFT,
                  const std::function<void(Program&)>& edit = {}) {
    Program p = Parse<Program>(kPointsProgram);
    if (edit) edit(p);
    absl::StatusOr<Program> created = directory_.CreateProgram(Admin(), p);
    EXPECT_TRUE(created.ok()) << created.status();
    if (!created.ok() || status == cim::v1::PROGRAM_STATUS_DRAFT) {
      return created.value_or(Program());
    }
    absl::StatusOr<Program> moved =
        directory_.ChangeStatus(Admin(), created->id(), created->etag(), status);
    EXPECT_TRUE(moved.ok()) << moved.status();
    return moved.value_or(Program());
  }

  absl::StatusOr<Enrollment> Enroll(const Principal& caller, int64_t program, int terms = 1) {
    cim::v1::EnrollPartnerRequest request;
    request.set_program_id(program);
    request.set_accepted_terms_version(terms);
    return directory_.EnrollPartner(caller, request);
  }

  FakeClock clock_{T0()};
  MysqlPartnerRepository partners_{database_.db()};
  MysqlCertificationRegistry certifications_{database_.db(), clock_};
  ProgramDirectory directory_{programs_, products_, partners_, certifications_, clock_};
};

TEST_F(ProgramDirectoryTest, ProgramAdminsCreateValidatedDrafts) {
  Program in = Parse<Program>(kPointsProgram);
  EXPECT_THAT(directory_.CreateProgram(Manager(), in),
              StatusIs(absl::StatusCode::kPermissionDenied));

  in.set_name("  Storage points  ");
  in.set_status(cim::v1::PROGRAM_STATUS_ACTIVE);
  in.set_rules_version(7);
  absl::StatusOr<Program> created = directory_.CreateProgram(Admin(), in);
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->name(), "Storage points");
  EXPECT_EQ(created->status(), cim::v1::PROGRAM_STATUS_DRAFT);
  EXPECT_EQ(created->rules_version(), 1);
  EXPECT_EQ(created->terms_version(), 1);
  EXPECT_EQ(FromTimestamp(created->create_time()), T0());
  EXPECT_EQ(Count(absl::StrCat("SELECT created_by FROM programs WHERE id = ", created->id())),
            kVera);

  // SKUs and named partners are looked up; every violation is named.
  Program bad = Parse<Program>(kPointsProgram);
  bad.mutable_rules(0)->mutable_points()->set_skus(0, "NO-SUCH");
  bad.mutable_eligibility()->add_partner_ids(99);
  EXPECT_THAT(directory_.CreateProgram(Admin(), bad),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("NO-SUCH"),
                             HasSubstr("program.eligibility.partner_ids[0]: unknown partner 99"))));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM programs"), 1);

  // A growth rule's baseline program must exist, in the program's currency.
  const auto with_growth = [&](int64_t baseline_program, const std::string& currency) {
    Program p = Parse<Program>(kPointsProgram);
    p.set_currency_code(currency);
    cim::v1::IncentiveRule& rule = *p.add_rules();
    rule.set_id("growth");
    rule.set_name("Growth");
    rule.mutable_growth()->set_min_growth_percent("10");
    rule.mutable_growth()->set_amount("500");
    rule.mutable_growth()->set_baseline(cim::v1::BASELINE_PERIOD_SAME_LAST_YEAR);
    rule.mutable_growth()->set_baseline_program_id(baseline_program);
    return directory_.CreateProgram(Admin(), p);
  };
  EXPECT_THAT(
      with_growth(999, created->currency_code()),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("program.rules[1].growth.baseline_program_id: unknown program 999")));
  EXPECT_THAT(
      with_growth(created->id(), "USD"),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("growth.baseline_program_id: must be the program's currency USD")));
  EXPECT_THAT(
      with_growth(-1, created->currency_code()),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("growth.baseline_program_id")));
  EXPECT_TRUE(with_growth(created->id(), created->currency_code()).ok());
}

TEST_F(ProgramDirectoryTest, PartnersSeeNeitherDraftsNorOtherPartnersDeals) {
  const Program draft = Created();
  const auto for_alpha = [](Program& p) { p.mutable_eligibility()->add_partner_ids(kAlpha); };
  const Program deal = Created(cim::v1::PROGRAM_STATUS_ACTIVE, for_alpha);
  const Program another_deal = Created(cim::v1::PROGRAM_STATUS_ACTIVE, for_alpha);
  const Program open = Created(cim::v1::PROGRAM_STATUS_ACTIVE);

  EXPECT_THAT(directory_.GetProgram(Manager(), draft.id()),
              testing::IsOkAndHolds(Property(&Program::status, cim::v1::PROGRAM_STATUS_DRAFT)));
  EXPECT_THAT(directory_.GetProgram(Rob(), draft.id()),
              StatusIs(absl::StatusCode::kNotFound,
                       HasSubstr(absl::StrCat("program ", draft.id(), " not found"))));
  EXPECT_THAT(directory_.GetProgram(BeaAsAdmin(), deal.id()),
              StatusIs(absl::StatusCode::kNotFound));
  // The named partner sees the deal, but not who else is named in it.
  absl::StatusOr<Program> alpha_view = directory_.GetProgram(Rob(), deal.id());
  ASSERT_TRUE(alpha_view.ok()) << alpha_view.status();
  EXPECT_THAT(alpha_view->eligibility().partner_ids(), IsEmpty());
  EXPECT_THAT(directory_.GetProgram(Manager(), deal.id())->eligibility().partner_ids(),
              ElementsAre(kAlpha));
  EXPECT_THAT(directory_.GetProgram(Rob(), 0),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("program_id")));

  // Lists leave them out, reading past a page of rows they may not see to fill the page.
  cim::v1::ListProgramsRequest one;
  one.set_page_size(1);
  absl::StatusOr<cim::v1::ListProgramsResponse> bravo = directory_.ListPrograms(BeaAsAdmin(), one);
  ASSERT_TRUE(bravo.ok()) << bravo.status();
  EXPECT_THAT(bravo->programs(), ElementsAre(Property(&Program::id, open.id())));
  EXPECT_EQ(bravo->next_page_token(), "");
  absl::StatusOr<cim::v1::ListProgramsResponse> alpha = directory_.ListPrograms(Rob(), one);
  ASSERT_TRUE(alpha.ok()) << alpha.status();
  EXPECT_THAT(alpha->programs(), ElementsAre(Property(&Program::id, deal.id())));
  one.set_page_token(alpha->next_page_token());
  absl::StatusOr<cim::v1::ListProgramsResponse> next = directory_.ListPrograms(Rob(), one);
  ASSERT_TRUE(next.ok()) << next.status();
  EXPECT_THAT(next->programs(), ElementsAre(Property(&Program::id, another_deal.id())));
  absl::StatusOr<cim::v1::ListProgramsResponse> vendor =
      directory_.ListPrograms(Manager(), cim::v1::ListProgramsRequest());
  ASSERT_TRUE(vendor.ok()) << vendor.status();
  EXPECT_EQ(vendor->programs_size(), 4);
  cim::v1::ListProgramsRequest bad_status;
  bad_status.set_status(static_cast<cim::v1::ProgramStatus>(42));
  EXPECT_THAT(directory_.ListPrograms(Manager(), bad_status),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("status")));
}

TEST_F(ProgramDirectoryTest, AnActiveProgramChangesOnlyByANewVersion) {
  const Program draft = Created();
  // A draft is edited in place: still version 1.
  Program edit;
  edit.set_id(draft.id());
  edit.set_terms("Draft terms, reworded");
  *edit.add_rules() = draft.rules(0);
  edit.mutable_rules(0)->mutable_points()->set_points_per_currency_unit("0.2");
  absl::StatusOr<Program> edited =
      directory_.UpdateProgram(Admin(), edit, Mask({"terms", "rules"}));
  ASSERT_TRUE(edited.ok()) << edited.status();
  EXPECT_EQ(edited->rules_version(), 1);
  EXPECT_EQ(edited->terms_version(), 1);

  absl::StatusOr<Program> active =
      directory_.ChangeStatus(Admin(), draft.id(), edited->etag(), cim::v1::PROGRAM_STATUS_ACTIVE);
  ASSERT_TRUE(active.ok()) << active.status();
  // Partners have seen it: new rules are version 2, new terms version 2, a new name neither.
  edit.mutable_rules(0)->mutable_points()->set_points_per_currency_unit("0.3");
  edit.set_terms("Terms v2");
  edit.set_name("Storage points plus");
  edit.set_etag(active->etag());
  absl::StatusOr<Program> v2 =
      directory_.UpdateProgram(Admin(), edit, Mask({"rules", "terms", "name"}));
  ASSERT_TRUE(v2.ok()) << v2.status();
  EXPECT_EQ(v2->rules_version(), 2);
  EXPECT_EQ(v2->terms_version(), 2);
  EXPECT_EQ(v2->name(), "Storage points plus");
  Program renamed_only;
  renamed_only.set_id(draft.id());
  renamed_only.set_description("Only the description");
  absl::StatusOr<Program> same =
      directory_.UpdateProgram(Admin(), renamed_only, Mask({"description"}));
  ASSERT_TRUE(same.ok()) << same.status();
  EXPECT_EQ(same->rules_version(), 2);
  EXPECT_EQ(same->terms_version(), 2);
  absl::StatusOr<cim::v1::ListProgramRulesVersionsResponse> versions =
      directory_.ListRulesVersions(Manager(), draft.id());
  ASSERT_TRUE(versions.ok()) << versions.status();
  ASSERT_EQ(versions->versions_size(), 2);
  EXPECT_EQ(versions->versions(1).rules(0).points().points_per_currency_unit(), "0.2");
  // Alpha is not in the program: its history is not Alpha's to read.
  EXPECT_THAT(directory_.ListRulesVersions(Rob(), draft.id()),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("not enrolled")));

  // Fixed once active; a rule is required; a stale etag loses; no mask, no change.
  Program currency;
  currency.set_id(draft.id());
  currency.set_currency_code("USD");
  EXPECT_THAT(directory_.UpdateProgram(Admin(), currency, Mask({"currency_code"})),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("currency_code is fixed")));
  Program no_rules;
  no_rules.set_id(draft.id());
  EXPECT_THAT(directory_.UpdateProgram(Admin(), no_rules, Mask({"rules"})),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("program.rules")));
  Program stale = renamed_only;
  stale.set_etag(active->etag());
  EXPECT_THAT(directory_.UpdateProgram(Admin(), stale, Mask({"description"})),
              StatusIs(absl::StatusCode::kAborted));
  EXPECT_THAT(directory_.UpdateProgram(Admin(), renamed_only, Mask({})),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("update_mask")));
  EXPECT_THAT(directory_.UpdateProgram(Manager(), renamed_only, Mask({"description"})),
              StatusIs(absl::StatusCode::kPermissionDenied));

  // A preview shows the change without storing it.
  Program preview;
  preview.set_id(draft.id());
  preview.set_budget("20000");
  absl::StatusOr<Program> previewed =
      directory_.PreviewChange(Manager(), preview, Mask({"budget"}));
  ASSERT_TRUE(previewed.ok()) << previewed.status();
  EXPECT_EQ(previewed->budget(), "20000");
  EXPECT_EQ(programs_.Get(draft.id())->budget(), "10000.00");
  EXPECT_THAT(directory_.PreviewChange(Rob(), preview, Mask({"budget"})),
              StatusIs(absl::StatusCode::kPermissionDenied));

  // Closed: no change at all.
  absl::StatusOr<Program> closed =
      directory_.ChangeStatus(Admin(), draft.id(), "", cim::v1::PROGRAM_STATUS_CLOSED);
  ASSERT_TRUE(closed.ok()) << closed.status();
  EXPECT_THAT(directory_.UpdateProgram(Admin(), renamed_only, Mask({"description"})),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("is closed")));
}

TEST_F(ProgramDirectoryTest, StatusMovesAlongTheLifecycleOnly) {
  const Program empty = Created(cim::v1::PROGRAM_STATUS_DRAFT, [](Program& p) { p.clear_rules(); });
  EXPECT_THAT(directory_.ChangeStatus(Admin(), empty.id(), "", cim::v1::PROGRAM_STATUS_ACTIVE),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("at least one rule")));
  const Program draft = Created();
  EXPECT_THAT(directory_.ChangeStatus(Admin(), draft.id(), "", cim::v1::PROGRAM_STATUS_PAUSED),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("a DRAFT program cannot become PAUSED")));
  EXPECT_THAT(directory_.ChangeStatus(Admin(), draft.id(), "999", cim::v1::PROGRAM_STATUS_ACTIVE),
              StatusIs(absl::StatusCode::kAborted));
  EXPECT_THAT(directory_.ChangeStatus(Manager(), draft.id(), "", cim::v1::PROGRAM_STATUS_ACTIVE),
              StatusIs(absl::StatusCode::kPermissionDenied));
  for (cim::v1::ProgramStatus to :
       {cim::v1::PROGRAM_STATUS_ACTIVE, cim::v1::PROGRAM_STATUS_PAUSED,
        cim::v1::PROGRAM_STATUS_ACTIVE, cim::v1::PROGRAM_STATUS_CLOSED}) {
    EXPECT_THAT(directory_.ChangeStatus(Admin(), draft.id(), "", to),
                testing::IsOkAndHolds(Property(&Program::status, to)));
  }
  EXPECT_THAT(directory_.ChangeStatus(Admin(), draft.id(), "", cim::v1::PROGRAM_STATUS_ACTIVE),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("a CLOSED program cannot become ACTIVE")));
}

TEST_F(ProgramDirectoryTest, EligibilityAndEnrollmentGiveEveryReason) {
  const Program program = Created(cim::v1::PROGRAM_STATUS_ACTIVE, [](Program& p) {
    p.mutable_eligibility()->clear_regions();
    p.mutable_eligibility()->add_regions("EMEA");
    p.mutable_eligibility()->add_required_certifications("storage-expert");
    *p.add_rules() = Parse<cim::v1::IncentiveRule>(
        R"pb(id: "mdf"
             name: "MDF"
             mdf_allocation {
               amount_per_partner: "500"
               tier_amounts { tier: "gold" amount: "800" }
             })pb");
  });

  cim::v1::CheckEligibilityRequest check;
  check.set_program_id(program.id());
  check.set_partner_id(kBravo);
  absl::StatusOr<cim::v1::CheckEligibilityResponse> bravo =
      directory_.CheckEligibility(Manager(), check);
  ASSERT_TRUE(bravo.ok()) << bravo.status();
  EXPECT_FALSE(bravo->eligible());
  EXPECT_THAT(bravo->reasons(),
              ElementsAre(ReadsInEnglish("region NA is not eligible (EMEA only)"),
                          ReadsInEnglish("requires certification storage-expert, which no user of "
                                         "the partner holds")));
  EXPECT_EQ(bravo->terms_version(), 1);
  // A partner checks only itself.
  EXPECT_THAT(directory_.CheckEligibility(Rob(), check), StatusIs(absl::StatusCode::kNotFound));

  EXPECT_THAT(Enroll(Ann(), program.id()),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("not eligible: requires certification storage-expert")));
  // Once Ann holds the certification, Alpha may enroll: with the current terms only.
  Exec(
      "INSERT INTO certifications (user_id, certification_code, partner_id, module_id, earned_at,"
      " expires_at) VALUES (2, 'storage-expert', 1, 1, '2026-01-01', '2027-01-01')");
  check.set_partner_id(0);
  absl::StatusOr<cim::v1::CheckEligibilityResponse> alpha =
      directory_.CheckEligibility(Rob(), check);
  ASSERT_TRUE(alpha.ok()) << alpha.status();
  EXPECT_TRUE(alpha->eligible());
  EXPECT_FALSE(alpha->enrolled());
  EXPECT_THAT(Enroll(Ann(), program.id(), 2),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("the terms changed")));
  EXPECT_THAT(Enroll(Rob(), program.id()), StatusIs(absl::StatusCode::kPermissionDenied));

  absl::StatusOr<Enrollment> enrolled = Enroll(Ann(), program.id());
  ASSERT_TRUE(enrolled.ok()) << enrolled.status();
  EXPECT_EQ(enrolled->partner_id(), kAlpha);
  EXPECT_EQ(enrolled->accepted_by_user_id(), kAnn);
  EXPECT_EQ(FromTimestamp(enrolled->accept_time()), T0());
  // Gold Alpha's MDF allocation is posted and drawn from the budget.
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM ledger_entries WHERE partner_id = 1"
                               " AND account = ",
                               cim::v1::LEDGER_ACCOUNT_MDF_FUND, " AND amount = 800")),
            1);
  EXPECT_EQ(programs_.Get(program.id())->budget_remaining(), "9200.00");
  EXPECT_THAT(
      Enroll(Ann(), program.id()),
      StatusIs(absl::StatusCode::kAlreadyExists,
               HasSubstr(absl::StrCat("Alpha is already enrolled in program ", program.id()))));
  EXPECT_TRUE(directory_.CheckEligibility(Rob(), check)->enrolled());

  // A paused program takes no enrollments.
  const Program paused = Created(cim::v1::PROGRAM_STATUS_ACTIVE);
  ASSERT_TRUE(
      directory_.ChangeStatus(Admin(), paused.id(), "", cim::v1::PROGRAM_STATUS_PAUSED).ok());
  EXPECT_THAT(Enroll(BeaAsAdmin(), paused.id()),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("is PAUSED")));
}

TEST_F(ProgramDirectoryTest, EnrollmentsAreListedWithinTheCallersPartner) {
  const Program program = Created(cim::v1::PROGRAM_STATUS_ACTIVE);
  ASSERT_TRUE(Enroll(Ann(), program.id()).ok());
  ASSERT_TRUE(Enroll(BeaAsAdmin(), program.id()).ok());

  absl::StatusOr<cim::v1::ListEnrollmentsResponse> mine =
      directory_.ListEnrollments(Rob(), cim::v1::ListEnrollmentsRequest());
  ASSERT_TRUE(mine.ok()) << mine.status();
  EXPECT_THAT(mine->enrollments(), ElementsAre(Property(&Enrollment::partner_id, kAlpha)));
  cim::v1::ListEnrollmentsRequest of_bravo;
  of_bravo.set_partner_id(kBravo);
  EXPECT_THAT(directory_.ListEnrollments(Rob(), of_bravo),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("partner 2 not found")));
  absl::StatusOr<cim::v1::ListEnrollmentsResponse> vendor =
      directory_.ListEnrollments(Manager(), of_bravo);
  ASSERT_TRUE(vendor.ok()) << vendor.status();
  EXPECT_THAT(vendor->enrollments(), ElementsAre(Property(&Enrollment::partner_id, kBravo)));
  cim::v1::ListEnrollmentsRequest page;
  page.set_page_size(1);
  absl::StatusOr<cim::v1::ListEnrollmentsResponse> first =
      directory_.ListEnrollments(Manager(), page);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->enrollments_size(), 1);
  EXPECT_NE(first->next_page_token(), "");
}

}  // namespace
}  // namespace cim

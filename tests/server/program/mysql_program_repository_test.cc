// The program store against MariaDB: a program stored with its rules and terms as version 1 and
// read back whole (budget drawn and remaining exact), an unknown id NOT_FOUND; an update only at
// the version read (ABORTED otherwise, changing nothing; a malformed etag INVALID_ARGUMENT); rules
// and terms versioned: a new version adds a row and keeps the old ones, the current version's
// text is replaced only with its author and time when it differs; a budget below what is drawn
// FAILED_PRECONDITION; enrollments drawing on the budget all or nothing, once per partner;
// filters and paging; and definitions cached by version but never stale after a change.
#include "server/program/mysql_program_repository.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cim/v1/ledger.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/proto_time.h"
#include "tests/server/program/program_store_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Property;
using ::testing::UnorderedElementsAre;

class MysqlProgramRepositoryTest : public ProgramStoreTest {
 protected:
  static cim::v1::IncentiveRule Rule(const std::string& text) {
    return Parse<cim::v1::IncentiveRule>(text);
  }

  static Enrollment EnrollmentOf(int64_t program, int64_t partner, int64_t by) {
    Enrollment e;
    e.set_program_id(program);
    e.set_partner_id(partner);
    e.set_accepted_terms_version(1);
    e.set_accepted_by_user_id(by);
    SetTimestamp(T0(), e.mutable_accept_time());
    return e;
  }

  // An MDF allocation of `amount` EUR to `partner` in `program`.
  static LedgerPosting Allocation(int64_t program, int64_t partner, const std::string& amount) {
    return LedgerPosting{.partner_id = partner,
                         .program_id = program,
                         .rules_version = 1,
                         .rule_id = "mdf",
                         .account = cim::v1::LEDGER_ACCOUNT_MDF_FUND,
                         .kind = cim::v1::LEDGER_ENTRY_KIND_MDF_ALLOCATION,
                         .unit = "EUR",
                         .amount = *Decimal::Parse(amount),
                         .basis = "MDF",
                         .created_by = kAnn,
                         .created_at = T0()};
  }
};

TEST_F(MysqlProgramRepositoryTest, StoresAProgramWithVersionOneAndReadsItBack) {
  const Program stored = StoreProgram(cim::v1::PROGRAM_STATUS_DRAFT);
  EXPECT_GT(stored.id(), 0);
  EXPECT_THAT(told_, ElementsAre(absl::StrCat("inserted programs/", stored.id())));
  EXPECT_EQ(stored.name(), "Storage points");
  EXPECT_EQ(stored.objectives(), "Grow storage");
  EXPECT_EQ(stored.budget(), "10000.00");  // EUR minor units
  EXPECT_EQ(stored.budget_drawn(), "0.00");
  EXPECT_EQ(stored.budget_remaining(), "10000.00");
  EXPECT_EQ(stored.start_date(), "2026-01-01");
  EXPECT_EQ(stored.period(), cim::v1::PROGRAM_PERIOD_QUARTER);
  EXPECT_EQ(stored.status(), cim::v1::PROGRAM_STATUS_DRAFT);
  EXPECT_EQ(stored.rules_version(), 1);
  EXPECT_EQ(stored.terms_version(), 1);
  EXPECT_EQ(stored.terms(), "Terms v1");
  EXPECT_THAT(stored.eligible_skus(), ElementsAre("ST-200"));
  EXPECT_THAT(stored.eligibility().regions(), ElementsAre("EMEA", "NA"));
  ASSERT_EQ(stored.targets_size(), 1);
  EXPECT_EQ(stored.targets(0).target(), "50000");
  ASSERT_EQ(stored.rules_size(), 1);
  EXPECT_EQ(stored.rules(0).points().points_per_currency_unit(), "0.1");
  EXPECT_EQ(FromTimestamp(stored.create_time()), T0());
  EXPECT_FALSE(stored.etag().empty());

  absl::StatusOr<Program> got = programs_.Get(stored.id());
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->SerializeAsString(), stored.SerializeAsString());
  EXPECT_THAT(programs_.Get(999),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("program 999 not found")));
  EXPECT_THAT(programs_.ListRulesVersions(999), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(MysqlProgramRepositoryTest, UpdatesOnlyAtTheVersionRead) {
  const Program stored = StoreProgram(cim::v1::PROGRAM_STATUS_DRAFT);
  Program renamed = stored;
  renamed.set_name("Storage points 2026");
  absl::StatusOr<Program> updated = programs_.Update(renamed, kVera, T0() + absl::Hours(1));
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->name(), "Storage points 2026");
  EXPECT_NE(updated->etag(), stored.etag());
  EXPECT_EQ(FromTimestamp(updated->update_time()), T0() + absl::Hours(1));
  EXPECT_EQ(FromTimestamp(updated->create_time()), T0());
  EXPECT_THAT(told_, ElementsAre(absl::StrCat("changing programs/", stored.id())));

  // A writer still holding the first version loses, and changes nothing.
  Program stale = stored;
  stale.set_name("Lost update");
  EXPECT_THAT(programs_.Update(stale, kVera, T0() + absl::Hours(2)),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("was changed by someone else")));
  EXPECT_EQ(programs_.Get(stored.id())->name(), "Storage points 2026");

  Program malformed = *updated;
  malformed.set_etag("v2");
  EXPECT_THAT(programs_.Update(malformed, kVera, T0()),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("etag")));
  Program missing = *updated;
  missing.set_id(999);
  EXPECT_THAT(programs_.Update(missing, kVera, T0()), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(MysqlProgramRepositoryTest, RulesAndTermsChangeByNewVersionsKeepingTheOldOnes) {
  const Program v1 = StoreProgram(cim::v1::PROGRAM_STATUS_ACTIVE);
  // A new rules version and a new terms version, written by Ann an hour later.
  Program v2 = v1;
  *v2.mutable_rules(0)->mutable_points()->mutable_points_per_currency_unit() = "0.2";
  v2.set_rules_version(2);
  v2.set_terms("Terms v2");
  v2.set_terms_version(2);
  absl::StatusOr<Program> stored = programs_.Update(v2, kAnn, T0() + absl::Hours(1));
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->rules_version(), 2);
  EXPECT_EQ(stored->rules(0).points().points_per_currency_unit(), "0.2");
  EXPECT_EQ(stored->terms_version(), 2);
  EXPECT_EQ(stored->terms(), "Terms v2");

  absl::StatusOr<std::vector<ProgramRulesVersion>> versions = programs_.ListRulesVersions(v1.id());
  ASSERT_TRUE(versions.ok()) << versions.status();
  ASSERT_EQ(versions->size(), 2u);  // newest first; version 1 as partners accepted it
  EXPECT_EQ((*versions)[0].version(), 2);
  EXPECT_EQ((*versions)[0].program_id(), v1.id());
  EXPECT_EQ((*versions)[0].created_by_user_id(), kAnn);
  EXPECT_EQ(FromTimestamp((*versions)[0].create_time()), T0() + absl::Hours(1));
  EXPECT_EQ((*versions)[0].rules(0).points().points_per_currency_unit(), "0.2");
  EXPECT_EQ((*versions)[1].version(), 1);
  EXPECT_EQ((*versions)[1].created_by_user_id(), kVera);
  EXPECT_EQ((*versions)[1].rules(0).points().points_per_currency_unit(), "0.1");
  EXPECT_EQ(
      Count(absl::StrCat("SELECT COUNT(*) FROM program_terms_versions WHERE program_id = ", v1.id(),
                         " AND (version = 1 AND terms = 'Terms v1' OR version = 2"
                         " AND terms = 'Terms v2')")),
      2);

  // Saving the current version unchanged keeps its author and time...
  absl::StatusOr<Program> same = programs_.Update(*stored, kRob, T0() + absl::Hours(2));
  ASSERT_TRUE(same.ok()) << same.status();
  versions = programs_.ListRulesVersions(v1.id());
  ASSERT_TRUE(versions.ok()) << versions.status();
  EXPECT_EQ((*versions)[0].created_by_user_id(), kAnn);
  EXPECT_EQ(FromTimestamp((*versions)[0].create_time()), T0() + absl::Hours(1));
  // ...a changed text at the same version replaces it (as a draft is edited), with its author.
  Program edited = *same;
  edited.mutable_rules(0)->set_name("Points, doubled");
  ASSERT_TRUE(programs_.Update(edited, kRob, T0() + absl::Hours(3)).ok());
  versions = programs_.ListRulesVersions(v1.id());
  ASSERT_TRUE(versions.ok()) << versions.status();
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].rules(0).name(), "Points, doubled");
  EXPECT_EQ((*versions)[0].created_by_user_id(), kRob);
  EXPECT_EQ(FromTimestamp((*versions)[0].create_time()), T0() + absl::Hours(3));
}

TEST_F(MysqlProgramRepositoryTest, EnrollmentsDrawOnTheBudgetAllOrNothingOncePerPartner) {
  const Program program = StoreProgram(cim::v1::PROGRAM_STATUS_ACTIVE);
  absl::StatusOr<Enrollment> alpha =
      programs_.Enroll(EnrollmentOf(program.id(), kAlpha, kAnn),
                       {Allocation(program.id(), kAlpha, "6000.50")}, *Decimal::Parse("6000.50"));
  ASSERT_TRUE(alpha.ok()) << alpha.status();
  EXPECT_GT(alpha->id(), 0);
  EXPECT_THAT(told_, ElementsAre(absl::StrCat("inserted enrollments/", alpha->id())));
  absl::StatusOr<Program> drawn = programs_.Get(program.id());
  ASSERT_TRUE(drawn.ok()) << drawn.status();
  EXPECT_EQ(drawn->budget_drawn(), "6000.50");
  EXPECT_EQ(drawn->budget_remaining(), "3999.50");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_entries WHERE partner_id = 1 AND amount = 6000.5"),
            1);

  // Twice for one partner: refused.
  EXPECT_THAT(programs_.Enroll(EnrollmentOf(program.id(), kAlpha, kAnn), {}, Decimal()),
              StatusIs(absl::StatusCode::kAlreadyExists));
  // Beyond what is left: nothing is written, not even the enrollment or its posting.
  EXPECT_THAT(programs_.Enroll(EnrollmentOf(program.id(), kBravo, kBea),
                               {Allocation(program.id(), kBravo, "4000")}, Decimal::FromInt(4000)),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM enrollments"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_entries"), 1);
  // Nor may the budget shrink below what is drawn.
  Program smaller = *drawn;
  smaller.set_budget("6000");
  EXPECT_THAT(programs_.Update(smaller, kVera, T0()),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_EQ(programs_.Get(program.id())->budget(), "10000.00");

  absl::StatusOr<Enrollment> got = programs_.GetEnrollment(program.id(), kAlpha);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->SerializeAsString(), alpha->SerializeAsString());
  EXPECT_THAT(
      programs_.GetEnrollment(program.id(), kBravo),
      StatusIs(absl::StatusCode::kNotFound,
               HasSubstr(absl::StrCat("partner 2 is not enrolled in program ", program.id()))));
  EXPECT_THAT(
      programs_.AcceptedTermsVersions({{program.id(), kAlpha}, {program.id(), kBravo}, {999, 1}}),
      testing::IsOkAndHolds(UnorderedElementsAre(::testing::Pair(
          std::pair<int64_t, int64_t>(program.id(), kAlpha), alpha->accepted_terms_version()))));
}

TEST_F(MysqlProgramRepositoryTest, TermsAreAcceptedPerVersionAndListedWithWhoAcceptedThem) {
  const Program program = StoreProgram(cim::v1::PROGRAM_STATUS_ACTIVE);
  Enrollment enrollment;
  enrollment.set_program_id(program.id());
  enrollment.set_partner_id(kAlpha);
  enrollment.set_accepted_terms_version(1);
  enrollment.set_accepted_by_user_id(kAnn);
  SetTimestamp(T0(), enrollment.mutable_accept_time());
  ASSERT_THAT(programs_.Enroll(enrollment, {}, Decimal()), testing::IsOk());
  CIM_ASSERT_OK_AND_ASSIGN(Program v2, programs_.Get(program.id()));
  v2.set_terms("Terms v2");
  v2.set_terms_version(2);
  ASSERT_THAT(programs_.Update(v2, kVera, T0() + absl::Hours(1)), testing::IsOk());

  EXPECT_THAT(programs_.AcceptTerms(program.id(), kAlpha, 1, kAnn, T0()),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("terms version 2 is current, not 1")));
  EXPECT_THAT(programs_.AcceptTerms(program.id(), kBravo, 2, kBea, T0()),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("not enrolled")));
  EXPECT_THAT(programs_.AcceptTerms(999, kAlpha, 2, kAnn, T0()),
              StatusIs(absl::StatusCode::kNotFound));
  const absl::Time later = T0() + absl::Hours(2);
  CIM_ASSERT_OK_AND_ASSIGN(const Enrollment accepted,
                           programs_.AcceptTerms(program.id(), kAlpha, 2, kAnn, later));
  EXPECT_EQ(accepted.accepted_terms_version(), 2);
  EXPECT_EQ(FromTimestamp(accepted.accept_time()), later);
  CIM_ASSERT_OK_AND_ASSIGN(const Enrollment stored, programs_.GetEnrollment(program.id(), kAlpha));
  EXPECT_EQ(stored.SerializeAsString(), accepted.SerializeAsString());

  CIM_ASSERT_OK_AND_ASSIGN(std::vector<cim::v1::ProgramTermsVersion> versions,
                           programs_.ListTermsVersions(program.id(), kAlpha));
  ASSERT_EQ(versions.size(), 2);
  EXPECT_EQ(versions[0].version(), 2);
  EXPECT_EQ(versions[0].terms(), "Terms v2");
  EXPECT_EQ(versions[0].accepted_by_user_id(), kAnn);
  EXPECT_EQ(FromTimestamp(versions[0].accept_time()), later);
  EXPECT_EQ(versions[1].version(), 1);
  EXPECT_EQ(FromTimestamp(versions[1].accept_time()), T0());
  CIM_ASSERT_OK_AND_ASSIGN(versions, programs_.ListTermsVersions(program.id(), kBravo));
  ASSERT_EQ(versions.size(), 2);
  EXPECT_EQ(versions[0].accepted_by_user_id(), 0);
  EXPECT_FALSE(versions[0].has_accept_time());
  EXPECT_THAT(programs_.ListTermsVersions(999, 0), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM program_terms_acceptances"), 2);
}

TEST_F(MysqlProgramRepositoryTest, ListsByFilterAndPage) {
  const Program draft = StoreProgram(cim::v1::PROGRAM_STATUS_DRAFT);
  const Program active = StoreProgram(cim::v1::PROGRAM_STATUS_ACTIVE, T0(),
                                      [](Program& p) { p.set_name("100% storage"); });
  const Program closed = StoreProgram(cim::v1::PROGRAM_STATUS_CLOSED, T0(),
                                      [](Program& p) { p.set_name("1000 storage"); });
  const Program other = StoreProgram(cim::v1::PROGRAM_STATUS_ACTIVE, T0(),
                                     [](Program& p) { p.set_name("Networking"); });
  auto names = [&](const ProgramFilter& filter, int64_t after, int limit) {
    std::vector<std::string> out;
    absl::StatusOr<std::vector<Program>> rows = programs_.List(filter, after, limit);
    EXPECT_TRUE(rows.ok()) << rows.status();
    for (const Program& p : rows.value_or(std::vector<Program>())) out.push_back(p.name());
    return out;
  };
  EXPECT_THAT(names({}, 0, 10),
              ElementsAre("Storage points", "100% storage", "1000 storage", "Networking"));
  EXPECT_THAT(names({}, active.id(), 1), ElementsAre("1000 storage"));
  EXPECT_THAT(names({.status = cim::v1::PROGRAM_STATUS_ACTIVE}, 0, 10),
              ElementsAre("100% storage", "Networking"));
  EXPECT_THAT(names({.exclude_drafts = true}, 0, 10),
              ElementsAre("100% storage", "1000 storage", "Networking"));
  // The name filter matches literally: '%' is no wildcard.
  EXPECT_THAT(names({.name_contains = "100%"}, 0, 10), ElementsAre("100% storage"));
  EXPECT_THAT(names({.name_contains = "STORAGE"}, 0, 10),
              ElementsAre("Storage points", "100% storage", "1000 storage"));
  EXPECT_THAT(names({}, other.id(), 10), IsEmpty());
  EXPECT_LT(draft.id(), closed.id());

  // Enrollments by program and partner, by page.
  ASSERT_TRUE(programs_.Enroll(EnrollmentOf(active.id(), kAlpha, kAnn), {}, Decimal()).ok());
  ASSERT_TRUE(programs_.Enroll(EnrollmentOf(other.id(), kAlpha, kAnn), {}, Decimal()).ok());
  ASSERT_TRUE(programs_.Enroll(EnrollmentOf(active.id(), kBravo, kBea), {}, Decimal()).ok());
  absl::StatusOr<std::vector<Enrollment>> of_active =
      programs_.ListEnrollments({.program_id = active.id()}, 0, 10);
  ASSERT_TRUE(of_active.ok()) << of_active.status();
  EXPECT_THAT(*of_active, ElementsAre(Property(&Enrollment::partner_id, kAlpha),
                                      Property(&Enrollment::partner_id, kBravo)));
  absl::StatusOr<std::vector<Enrollment>> of_alpha =
      programs_.ListEnrollments({.partner_id = kAlpha}, 0, 1);
  ASSERT_TRUE(of_alpha.ok()) << of_alpha.status();
  EXPECT_THAT(*of_alpha, ElementsAre(Property(&Enrollment::program_id, active.id())));
  absl::StatusOr<std::vector<Enrollment>> next =
      programs_.ListEnrollments({.partner_id = kAlpha}, (*of_alpha)[0].id(), 10);
  ASSERT_TRUE(next.ok()) << next.status();
  EXPECT_THAT(*next, ElementsAre(Property(&Enrollment::program_id, other.id())));
}

TEST_F(MysqlProgramRepositoryTest, DefinitionsAreCachedByVersionButNeverStale) {
  const Program a = StoreProgram(cim::v1::PROGRAM_STATUS_ACTIVE);
  const Program b =
      StoreProgram(cim::v1::PROGRAM_STATUS_ACTIVE, T0(), [](Program& p) { p.set_name("Second"); });
  absl::StatusOr<absl::flat_hash_map<int64_t, Program>> first =
      programs_.GetDefinitions({a.id(), b.id(), 999});
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_EQ(first->size(), 2u);  // unknown ids are left out
  EXPECT_EQ(first->at(a.id()).SerializeAsString(), a.SerializeAsString());
  EXPECT_EQ(first->at(b.id()).name(), "Second");

  Program renamed = a;
  renamed.set_name("Renamed");
  *renamed.mutable_rules(0)->mutable_points()->mutable_points_per_currency_unit() = "0.5";
  renamed.set_rules_version(2);
  ASSERT_TRUE(programs_.Update(renamed, kVera, T0()).ok());
  absl::StatusOr<absl::flat_hash_map<int64_t, Program>> second =
      programs_.GetDefinitions({a.id(), b.id()});
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->at(a.id()).name(), "Renamed");
  EXPECT_EQ(second->at(a.id()).rules_version(), 2);
  EXPECT_EQ(second->at(a.id()).rules(0).points().points_per_currency_unit(), "0.5");
  EXPECT_EQ(second->at(b.id()).SerializeAsString(), first->at(b.id()).SerializeAsString());
  EXPECT_THAT(programs_.GetDefinitions({}), testing::IsOkAndHolds(IsEmpty()));
}

}  // namespace
}  // namespace cim

// The partner store against MariaDB: created and read back by column name (no parent stored as
// NULL), updated only at the version the caller read, listed by filter and id order; every
// change inside an AuditScope lands on the audit trail without the store naming it.
#include "server/identity/mysql_partner_repository.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/audit_scope.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_database.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Property;

class MysqlPartnerRepositoryTest : public ::testing::Test {
 protected:
  Partner Stored(const std::string& name, cim::v1::PartnerType type, int64_t parent = 0) {
    Partner p;
    p.set_name(name);
    p.set_type(type);
    p.set_tier("gold");
    p.set_region("EMEA");
    p.set_parent_partner_id(parent);
    p.set_status(cim::v1::PARTNER_STATUS_ACTIVE);
    absl::StatusOr<Partner> created = partners_.Create(p, kNow);
    EXPECT_TRUE(created.ok()) << created.status();
    return created.value_or(Partner());
  }

  std::vector<std::string> Names(const PartnerFilter& filter, int64_t after = 0, int limit = 10) {
    std::vector<std::string> out;
    absl::StatusOr<std::vector<Partner>> listed = partners_.List(filter, after, limit);
    EXPECT_TRUE(listed.ok()) << listed.status();
    for (const Partner& p : listed.value_or(std::vector<Partner>())) out.push_back(p.name());
    return out;
  }

  long long AuditRecords(const std::string& entity_id) {
    return database_.Count(absl::StrCat(
        "SELECT COUNT(*) FROM audit_log WHERE entity_type = 'partners' AND entity_id = '",
        entity_id, "'"));
  }

  static constexpr absl::Time kNow = absl::FromUnixSeconds(1772442000);  // 2026-03-02 09:00 UTC
  testing::TestDatabase database_;
  MysqlPartnerRepository partners_{database_.db()};
};

TEST_F(MysqlPartnerRepositoryTest, CreatedPartnersReadBackByName) {
  const Partner distributor = Stored("Northwind", cim::v1::PARTNER_TYPE_DISTRIBUTOR);
  const Partner reseller = Stored("Contoso", cim::v1::PARTNER_TYPE_RESELLER, distributor.id());
  EXPECT_GT(distributor.id(), 0);
  EXPECT_EQ(reseller.id(), distributor.id() + 1);
  EXPECT_EQ(distributor.etag(), "1");
  EXPECT_EQ(distributor.parent_partner_id(), 0);
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM partners WHERE parent_partner_id IS NULL"), 1);

  absl::StatusOr<Partner> read = partners_.Get(reseller.id());
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->name(), "Contoso");
  EXPECT_EQ(read->type(), cim::v1::PARTNER_TYPE_RESELLER);
  EXPECT_EQ(read->tier(), "gold");
  EXPECT_EQ(read->region(), "EMEA");
  EXPECT_EQ(read->parent_partner_id(), distributor.id());
  EXPECT_EQ(read->status(), cim::v1::PARTNER_STATUS_ACTIVE);
  EXPECT_EQ(read->create_time().seconds(), absl::ToUnixSeconds(kNow));
  EXPECT_EQ(read->update_time().seconds(), absl::ToUnixSeconds(kNow));

  EXPECT_THAT(partners_.Get(reseller.id() + 100),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("not found")));
}

TEST_F(MysqlPartnerRepositoryTest, UpdatesOnlyAtTheVersionRead) {
  Partner partner = Stored("Fabrikam", cim::v1::PARTNER_TYPE_DEALER);
  partner.set_name("Fabrikam Ltd");
  partner.set_status(cim::v1::PARTNER_STATUS_SUSPENDED);
  absl::StatusOr<Partner> updated = partners_.Update(partner, kNow + absl::Hours(1));
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->name(), "Fabrikam Ltd");
  EXPECT_EQ(updated->status(), cim::v1::PARTNER_STATUS_SUSPENDED);
  EXPECT_EQ(updated->etag(), "2");
  EXPECT_EQ(updated->update_time().seconds(), absl::ToUnixSeconds(kNow + absl::Hours(1)));
  EXPECT_EQ(updated->create_time().seconds(), absl::ToUnixSeconds(kNow));

  // `partner` still carries etag 1: someone else's change came first.
  EXPECT_THAT(partners_.Update(partner, kNow),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("changed by someone else")));
  Partner missing = partner;
  missing.set_id(partner.id() + 100);
  EXPECT_THAT(partners_.Update(missing, kNow), StatusIs(absl::StatusCode::kNotFound));
  missing.set_etag("W/1");
  EXPECT_THAT(partners_.Update(missing, kNow), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_EQ(partners_.Get(partner.id())->name(), "Fabrikam Ltd");
}

TEST_F(MysqlPartnerRepositoryTest, ListsByFilterInIdOrder) {
  const Partner north = Stored("Northwind", cim::v1::PARTNER_TYPE_DISTRIBUTOR);
  Stored("Contoso 100%", cim::v1::PARTNER_TYPE_RESELLER, north.id());
  Stored("Contoso_West", cim::v1::PARTNER_TYPE_RESELLER, north.id());
  Stored("Adatum", cim::v1::PARTNER_TYPE_MSP);

  EXPECT_THAT(Names({}), ElementsAre("Northwind", "Contoso 100%", "Contoso_West", "Adatum"));
  EXPECT_THAT(Names({.type = cim::v1::PARTNER_TYPE_RESELLER}),
              ElementsAre("Contoso 100%", "Contoso_West"));
  EXPECT_THAT(Names({.parent_partner_id = north.id()}),
              ElementsAre("Contoso 100%", "Contoso_West"));
  // LIKE's wildcards in the text are matched literally.
  EXPECT_THAT(Names({.name_contains = "100%"}), ElementsAre("Contoso 100%"));
  EXPECT_THAT(Names({.name_contains = "o_W"}), ElementsAre("Contoso_West"));
  EXPECT_THAT(Names({.id = north.id()}), ElementsAre("Northwind"));
  // Pages continue after the last id seen.
  EXPECT_THAT(Names({}, /*after=*/0, /*limit=*/2), ElementsAre("Northwind", "Contoso 100%"));
  EXPECT_THAT(Names({}, /*after=*/north.id() + 1, /*limit=*/2),
              ElementsAre("Contoso_West", "Adatum"));
}

TEST_F(MysqlPartnerRepositoryTest, ChangesInAnAuditScopeAreOnTheTrail) {
  const Partner quiet = Stored("Unaudited", cim::v1::PARTNER_TYPE_AGENT);
  EXPECT_EQ(AuditRecords(absl::StrCat(quiet.id())), 0);

  Partner audited;
  {
    AuditScope scope(
        AuditActor{.user_id = 7, .role = 1, .rpc = "CreatePartner", .request_id = "req-1"});
    audited = Stored("Audited", cim::v1::PARTNER_TYPE_AGENT);
  }
  {
    AuditScope scope(
        AuditActor{.user_id = 7, .role = 1, .rpc = "UpdatePartner", .request_id = "req-2"});
    audited.set_region("APAC");
    ASSERT_TRUE(partners_.Update(audited, kNow).ok());
  }
  const std::string id = absl::StrCat(audited.id());
  EXPECT_EQ(AuditRecords(id), 2);
  EXPECT_EQ(database_.Count(absl::StrCat(
                "SELECT COUNT(*) FROM audit_log WHERE entity_id = '", id,
                "' AND rpc = 'CreatePartner' AND before_json = '' AND after_json LIKE '%EMEA%'")),
            1);
  EXPECT_EQ(database_.Count(absl::StrCat("SELECT COUNT(*) FROM audit_log WHERE entity_id = '", id,
                                         "' AND rpc = 'UpdatePartner' AND before_json LIKE '%EMEA%'"
                                         " AND after_json LIKE '%APAC%' AND actor_user_id = 7")),
            1);
}

}  // namespace
}  // namespace cim

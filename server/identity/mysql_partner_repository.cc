#include "server/identity/mysql_partner_repository.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/db/table.h"

namespace cim {
namespace {

constexpr char kColumns[] =
    "id, name, type, tier, region, parent_partner_id, status, created_at, updated_at, version";

Partner PartnerFromRow(const soci::row& row) {
  const NamedRow r(row);
  Partner p;
  p.set_id(r.Integer("id"));
  p.set_name(r.Text("name"));
  p.set_type(static_cast<cim::v1::PartnerType>(r.Int("type")));
  p.set_tier(r.Text("tier"));
  p.set_region(r.Text("region"));
  p.set_parent_partner_id(r.Integer("parent_partner_id"));
  p.set_status(static_cast<cim::v1::PartnerStatus>(r.Int("status")));
  SetTimestamp(r.Time("created_at"), p.mutable_create_time());
  SetTimestamp(r.Time("updated_at"), p.mutable_update_time());
  p.set_etag(absl::StrCat(r.Integer("version")));
  return p;
}

absl::StatusOr<Partner> GetIn(soci::session& s, int64_t id) {
  soci::row r;
  if (!Table("partners").Get(s, kColumns, id, r)) {
    return NotFoundError("partner", id);
  }
  return PartnerFromRow(r);
}

// The columns a caller sets on a partner.
Columns PartnerColumns(const Partner& partner, absl::Time now) {
  Columns c;
  c.Set("name", partner.name())
      .Set("type", static_cast<int>(partner.type()))
      .Set("tier", partner.tier())
      .Set("region", partner.region())
      .SetId("parent_partner_id", partner.parent_partner_id())
      .Set("status", static_cast<int>(partner.status()))
      .Set("updated_at", now);
  return c;
}

}  // namespace

absl::StatusOr<Partner> MysqlPartnerRepository::Create(const Partner& partner, absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<Partner> {
    const int64_t id =
        Table("partners").Insert(s, PartnerColumns(partner, now).Set("created_at", now));
    return GetIn(s, id);
  });
}

absl::StatusOr<Partner> MysqlPartnerRepository::Get(int64_t id) {
  return db_.Run([&](soci::session& s) { return GetIn(s, id); });
}

absl::StatusOr<std::vector<Partner>> MysqlPartnerRepository::List(const PartnerFilter& filter,
                                                                  int64_t after_id, int limit) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<Partner>> {
    int type = filter.type, status = filter.status;
    long long parent = filter.parent_partner_id, only = filter.id, after = after_id;
    std::string like = LikeContains(filter.name_contains);
    soci::rowset<soci::row> rows =
        (s.prepare << absl::StrCat("SELECT ", kColumns,
                                   " FROM partners WHERE id > :after"
                                   " AND (:type1 = 0 OR type = :type2)"
                                   " AND (:tier1 = '' OR tier = :tier2)"
                                   " AND (:region1 = '' OR region = :region2)"
                                   " AND (:parent1 = 0 OR parent_partner_id = :parent2)"
                                   " AND (:status1 = 0 OR status = :status2)"
                                   " AND (:only1 = 0 OR id = :only2)"
                                   " AND name LIKE :like"
                                   " ORDER BY id LIMIT :limit"),
         soci::use(after), soci::use(type), soci::use(type), soci::use(filter.tier),
         soci::use(filter.tier), soci::use(filter.region), soci::use(filter.region),
         soci::use(parent), soci::use(parent), soci::use(status), soci::use(status),
         soci::use(only), soci::use(only), soci::use(like), soci::use(limit));
    std::vector<Partner> out;
    for (const soci::row& r : rows) out.push_back(PartnerFromRow(r));
    return out;
  });
}

absl::StatusOr<Partner> MysqlPartnerRepository::Update(const Partner& partner, absl::Time now) {
  long long expected_version = 0;
  if (!absl::SimpleAtoi(partner.etag(), &expected_version)) {
    return absl::InvalidArgumentError("etag: not an etag of this partner");
  }
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<Partner> {
    const int64_t id = partner.id();
    if (Table("partners").Update(s, id, PartnerColumns(partner, now), expected_version) == 0) {
      CIM_RETURN_IF_ERROR(GetIn(s, id).status());  // NOT_FOUND if it is gone
      return ChangedSinceReadError("partner", id);
    }
    return GetIn(s, id);
  });
}

}  // namespace cim

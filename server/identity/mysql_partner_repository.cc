#include "server/identity/mysql_partner_repository.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/audit/mysql_audit.h"

namespace cim {
namespace {

constexpr char kColumns[] =
    "id, name, type, tier, region, parent_partner_id, status, created_at, updated_at, version";

Partner PartnerFromRow(const soci::row& r) {
  Partner p;
  p.set_id(r.get<long long>(0));
  p.set_name(r.get<std::string>(1));
  p.set_type(static_cast<cim::v1::PartnerType>(r.get<int>(2)));
  p.set_tier(r.get<std::string>(3));
  p.set_region(r.get<std::string>(4));
  if (r.get_indicator(5) == soci::i_ok) p.set_parent_partner_id(r.get<long long>(5));
  p.set_status(static_cast<cim::v1::PartnerStatus>(r.get<int>(6)));
  SetTimestamp(FromSqlTime(r.get<std::tm>(7)), p.mutable_create_time());
  SetTimestamp(FromSqlTime(r.get<std::tm>(8)), p.mutable_update_time());
  p.set_etag(absl::StrCat(r.get<long long>(9)));
  return p;
}

absl::StatusOr<Partner> GetIn(soci::session& s, int64_t id) {
  soci::row r;
  long long key = id;
  s << absl::StrCat("SELECT ", kColumns, " FROM partners WHERE id = :id"), soci::use(key),
      soci::into(r);
  if (!s.got_data()) return absl::NotFoundError(absl::StrCat("partner ", id, " not found"));
  return PartnerFromRow(r);
}

}  // namespace

absl::StatusOr<Partner> MysqlPartnerRepository::Create(const Partner& partner, absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<Partner> {
    long long parent = partner.parent_partner_id();
    soci::indicator parent_ind = parent == 0 ? soci::i_null : soci::i_ok;
    int type = partner.type();
    int status = partner.status();
    std::tm t = ToSqlTime(now);
    s << "INSERT INTO partners (name, type, tier, region, parent_partner_id, status, created_at,"
         " updated_at) VALUES (:name, :type, :tier, :region, :parent, :status, :c, :u)",
        soci::use(partner.name()), soci::use(type), soci::use(partner.tier()),
        soci::use(partner.region()), soci::use(parent, parent_ind), soci::use(status), soci::use(t),
        soci::use(t);
    long long id = 0;
    s << "SELECT LAST_INSERT_ID()", soci::into(id);
    AuditInsertedRow(s, "partners", id);
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
    long long id = partner.id();
    AuditRow(s, "partners", id);
    long long parent = partner.parent_partner_id();
    soci::indicator parent_ind = parent == 0 ? soci::i_null : soci::i_ok;
    int type = partner.type();
    int status = partner.status();
    std::tm t = ToSqlTime(now);
    soci::statement st =
        (s.prepare << "UPDATE partners SET name = :name, type = :type, tier = :tier,"
                      " region = :region, parent_partner_id = :parent, status = :status,"
                      " updated_at = :u, version = version + 1 WHERE id = :id AND version = :v",
         soci::use(partner.name()), soci::use(type), soci::use(partner.tier()),
         soci::use(partner.region()), soci::use(parent, parent_ind), soci::use(status),
         soci::use(t), soci::use(id), soci::use(expected_version));
    st.execute(true);
    if (st.get_affected_rows() == 0) {
      CIM_RETURN_IF_ERROR(GetIn(s, id).status());  // NOT_FOUND if it is gone
      return absl::AbortedError(
          absl::StrCat("partner ", id, " was changed by someone else; reload and retry"));
    }
    return GetIn(s, id);
  });
}

}  // namespace cim

#include "server/program/mysql_product_repository.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/db/sql_builder.h"
#include "server/db/table.h"

namespace cim {
namespace {

constexpr char kColumns[] =
    "id, sku, name, category, currency_code, CAST(list_price AS CHAR) AS list_price,"
    " CAST(unit_cost AS CHAR) AS unit_cost, status, created_at, updated_at, version";
// Products looked up per statement by FindBySkus.
constexpr size_t kSkusPerQuery = 500;

Product ProductFromRow(const soci::row& row) {
  const NamedRow r(row);
  Product p;
  p.set_id(r.Integer("id"));
  p.set_sku(r.Text("sku"));
  p.set_name(r.Text("name"));
  p.set_category(r.Text("category"));
  p.set_currency_code(r.Text("currency_code"));
  p.set_list_price(r.Decimal("list_price", 2));
  p.set_unit_cost(r.Decimal("unit_cost", 2));
  p.set_status(static_cast<cim::v1::ProductStatus>(r.Int("status")));
  SetTimestamp(r.Time("created_at"), p.mutable_create_time());
  SetTimestamp(r.Time("updated_at"), p.mutable_update_time());
  p.set_etag(absl::StrCat(r.Integer("version")));
  return p;
}

absl::StatusOr<Product> GetIn(soci::session& s, int64_t id) {
  soci::row r;
  if (!Table("products").Get(s, kColumns, id, r)) {
    return NotFoundError("product", id);
  }
  return ProductFromRow(r);
}

// The columns a caller sets on a product.
Columns ProductColumns(const Product& product, absl::Time now) {
  Columns c;
  c.Set("name", product.name())
      .Set("category", product.category())
      .Set("currency_code", product.currency_code())
      .Set("list_price", product.list_price())
      .Set("unit_cost", product.unit_cost())
      .Set("status", static_cast<int>(product.status()))
      .Set("updated_at", now);
  return c;
}

}  // namespace

absl::StatusOr<Product> MysqlProductRepository::Create(const Product& product, absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<Product> {
    const int64_t id =
        Table("products")
            .Insert(s,
                    ProductColumns(product, now).Set("sku", product.sku()).Set("created_at", now));
    return GetIn(s, id);
  });
}

absl::StatusOr<Product> MysqlProductRepository::Get(int64_t id) {
  return db_.Run([&](soci::session& s) { return GetIn(s, id); });
}

absl::StatusOr<std::vector<Product>> MysqlProductRepository::List(const ProductFilter& filter,
                                                                  int64_t after_id, int limit) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<Product>> {
    int status = filter.status;
    long long after = after_id;
    std::string like = LikeContains(filter.query);
    soci::rowset<soci::row> rows =
        (s.prepare << absl::StrCat("SELECT ", kColumns,
                                   " FROM products WHERE id > :after"
                                   " AND (:category1 = '' OR category = :category2)"
                                   " AND (:status1 = 0 OR status = :status2)"
                                   " AND (sku LIKE :like1 OR name LIKE :like2)"
                                   " ORDER BY id LIMIT :limit"),
         soci::use(after), soci::use(filter.category), soci::use(filter.category),
         soci::use(status), soci::use(status), soci::use(like), soci::use(like), soci::use(limit));
    std::vector<Product> out;
    for (const soci::row& r : rows) out.push_back(ProductFromRow(r));
    return out;
  });
}

absl::StatusOr<Product> MysqlProductRepository::Update(const Product& product, absl::Time now) {
  long long expected_version = 0;
  if (!absl::SimpleAtoi(product.etag(), &expected_version)) {
    return absl::InvalidArgumentError("etag: not an etag of this product");
  }
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<Product> {
    const int64_t id = product.id();
    if (Table("products").Update(s, id, ProductColumns(product, now), expected_version) == 0) {
      CIM_RETURN_IF_ERROR(GetIn(s, id).status());
      return ChangedSinceReadError("product", id);
    }
    return GetIn(s, id);
  });
}

absl::StatusOr<ImportCounts> MysqlProductRepository::Import(const std::vector<Product>& products,
                                                            absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<ImportCounts> {
    ImportCounts counts;
    std::tm t = ToSqlTime(now);
    for (const Product& p : products) {
      long long existing = 0;
      s << "SELECT id FROM products WHERE sku = :sku FOR UPDATE", soci::use(p.sku()),
          soci::into(existing);
      const bool exists = s.got_data();
      if (exists) Table("products").WillChange(s, existing);
      int status = p.status();
      soci::statement st =
          (s.prepare
               << "INSERT INTO products (sku, name, category, currency_code, list_price,"
                  " unit_cost, status, created_at, updated_at) VALUES (:sku, :name,"
                  " :category, :currency, :price, :cost, IF(:status1 = 0, 1, :status2),"
                  " :c, :u) ON DUPLICATE KEY UPDATE name = VALUES(name),"
                  " category = VALUES(category), currency_code = VALUES(currency_code),"
                  " list_price = VALUES(list_price), unit_cost = VALUES(unit_cost),"
                  " status = IF(:status3 = 0, status, :status4), updated_at = VALUES(updated_at),"
                  " version = version + 1, id = LAST_INSERT_ID(id)",
           soci::use(p.sku()), soci::use(p.name()), soci::use(p.category()),
           soci::use(p.currency_code()), soci::use(p.list_price()), soci::use(p.unit_cost()),
           soci::use(status), soci::use(status), soci::use(t), soci::use(t), soci::use(status),
           soci::use(status));
      st.execute(true);
      if (exists) {
        ++counts.updated;
      } else {
        long long id = 0;
        s.get_last_insert_id("products", id);
        Table("products").Inserted(s, id);
        ++counts.created;
      }
    }
    return counts;
  });
}

absl::StatusOr<absl::flat_hash_map<std::string, Product>> MysqlProductRepository::FindBySkus(
    const std::vector<std::string>& skus) {
  return db_.Run(
      [&](soci::session& s) -> absl::StatusOr<absl::flat_hash_map<std::string, Product>> {
        absl::flat_hash_map<std::string, Product> out;
        for (size_t begin = 0; begin < skus.size(); begin += kSkusPerQuery) {
          const size_t end = std::min(skus.size(), begin + kSkusPerQuery);
          SqlBuilder q(absl::StrCat("SELECT ", kColumns, " FROM products WHERE sku IN "));
          q.List(std::vector<std::string>(skus.begin() + begin, skus.begin() + end));
          q.Query(s, [&](const soci::row& r) {
            Product p = ProductFromRow(r);
            out.emplace(p.sku(), std::move(p));
          });
        }
        return out;
      });
}

}  // namespace cim

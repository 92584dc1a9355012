// The product store against MariaDB: products created and read back by column name (prices as
// exact text), a taken SKU refused, updates only at the version read, filters, and an import
// that inserts new SKUs and updates the others (counted by whether the SKU existed), each change
// on the audit trail when made inside an AuditScope.
#include "server/program/mysql_product_repository.h"

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
using ::testing::UnorderedElementsAre;

class MysqlProductRepositoryTest : public ::testing::Test {
 protected:
  static Product Make(const std::string& sku, const std::string& name, const std::string& category,
                      const std::string& price) {
    Product p;
    p.set_sku(sku);
    p.set_name(name);
    p.set_category(category);
    p.set_currency_code("EUR");
    p.set_list_price(price);
    p.set_unit_cost("1.5");
    p.set_status(cim::v1::PRODUCT_STATUS_ACTIVE);
    return p;
  }

  Product Stored(const std::string& sku, const std::string& name, const std::string& category,
                 const std::string& price) {
    absl::StatusOr<Product> created = products_.Create(Make(sku, name, category, price), kNow);
    EXPECT_TRUE(created.ok()) << created.status();
    return created.value_or(Product());
  }

  std::vector<std::string> Skus(const ProductFilter& filter, int64_t after = 0, int limit = 10) {
    std::vector<std::string> out;
    absl::StatusOr<std::vector<Product>> listed = products_.List(filter, after, limit);
    EXPECT_TRUE(listed.ok()) << listed.status();
    for (const Product& p : listed.value_or(std::vector<Product>())) out.push_back(p.sku());
    return out;
  }

  static constexpr absl::Time kNow = absl::FromUnixSeconds(1772442000);  // 2026-03-02 09:00 UTC
  testing::TestDatabase database_;
  MysqlProductRepository products_{database_.db()};
};

TEST_F(MysqlProductRepositoryTest, CreatedProductsReadBackExactly) {
  const Product p = Stored("ST-2000", "FlashArray", "Storage", "18500.5");
  EXPECT_GT(p.id(), 0);
  EXPECT_EQ(p.etag(), "1");
  absl::StatusOr<Product> read = products_.Get(p.id());
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->sku(), "ST-2000");
  EXPECT_EQ(read->name(), "FlashArray");
  EXPECT_EQ(read->category(), "Storage");
  EXPECT_EQ(read->currency_code(), "EUR");
  EXPECT_EQ(read->list_price(), "18500.50");  // at least the currency's two decimals
  EXPECT_EQ(read->unit_cost(), "1.50");
  EXPECT_EQ(read->status(), cim::v1::PRODUCT_STATUS_ACTIVE);
  EXPECT_EQ(read->create_time().seconds(), absl::ToUnixSeconds(kNow));

  EXPECT_THAT(products_.Create(Make("ST-2000", "Again", "Storage", "1"), kNow),
              StatusIs(absl::StatusCode::kAlreadyExists));
  EXPECT_THAT(products_.Get(p.id() + 100), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(MysqlProductRepositoryTest, UpdatesOnlyAtTheVersionRead) {
  Product p = Stored("NW-AP6", "Access point", "Networking", "649");
  p.set_list_price("599.99");
  absl::StatusOr<Product> updated = products_.Update(p, kNow + absl::Hours(2));
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->list_price(), "599.99");
  EXPECT_EQ(updated->etag(), "2");
  EXPECT_EQ(updated->update_time().seconds(), absl::ToUnixSeconds(kNow + absl::Hours(2)));
  EXPECT_THAT(products_.Update(p, kNow), StatusIs(absl::StatusCode::kAborted));
  p.set_id(p.id() + 100);
  EXPECT_THAT(products_.Update(p, kNow), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(MysqlProductRepositoryTest, ListsByCategoryAndText) {
  Stored("ST-2000", "FlashArray 2000", "Storage", "1");
  Stored("ST-4000", "FlashArray 4000", "Storage", "2");
  const Product sw = Stored("NW-SW24", "Switch 24_port", "Networking", "3");
  EXPECT_THAT(Skus({}), ElementsAre("ST-2000", "ST-4000", "NW-SW24"));
  EXPECT_THAT(Skus({.category = "Storage"}), ElementsAre("ST-2000", "ST-4000"));
  EXPECT_THAT(Skus({.query = "4000"}), ElementsAre("ST-4000"));
  EXPECT_THAT(Skus({.query = "flasharray"}), ElementsAre("ST-2000", "ST-4000"));
  EXPECT_THAT(Skus({.query = "4_p"}), ElementsAre("NW-SW24"));  // _ matched literally
  EXPECT_THAT(Skus({.status = cim::v1::PRODUCT_STATUS_RETIRED}), ElementsAre());
  EXPECT_THAT(Skus({}, /*after=*/0, /*limit=*/1), ElementsAre("ST-2000"));
  EXPECT_THAT(Skus({}, /*after=*/sw.id() - 1, /*limit=*/5), ElementsAre("NW-SW24"));
}

TEST_F(MysqlProductRepositoryTest, ImportInsertsNewSkusAndUpdatesTheOthers) {
  const Product existing = Stored("SV-R220", "Rack server", "Servers", "4200");
  {
    AuditScope scope(AuditActor{.user_id = 3, .rpc = "ImportProducts", .request_id = "req-i"});
    absl::StatusOr<ImportCounts> counts =
        products_.Import({Make("SV-R220", "Rack server R220", "Servers", "4100"),
                          Make("SV-R440", "Rack server R440", "Servers", "7900")},
                         kNow + absl::Hours(1));
    ASSERT_TRUE(counts.ok()) << counts.status();
    EXPECT_EQ(counts->created, 1);
    EXPECT_EQ(counts->updated, 1);
  }
  absl::StatusOr<Product> updated = products_.Get(existing.id());
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(updated->name(), "Rack server R220");
  EXPECT_EQ(updated->list_price(), "4100.00");
  EXPECT_EQ(updated->etag(), "2");
  absl::StatusOr<absl::flat_hash_map<std::string, Product>> found =
      products_.FindBySkus({"SV-R220", "SV-R440", "SV-NONE"});
  ASSERT_TRUE(found.ok()) << found.status();
  std::vector<std::string> skus;
  for (const auto& [sku, product] : *found) skus.push_back(sku);
  EXPECT_THAT(skus, UnorderedElementsAre("SV-R220", "SV-R440"));
  // One record per product: the update with its before, the insert without.
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM audit_log WHERE rpc = 'ImportProducts'"
                            " AND entity_type = 'products'"),
            2);
  EXPECT_EQ(database_.Count(absl::StrCat("SELECT COUNT(*) FROM audit_log WHERE entity_id = '",
                                         existing.id(),
                                         "' AND before_json LIKE '%4200.00%'"
                                         " AND after_json LIKE '%4100.00%'")),
            1);
  EXPECT_EQ(database_.Count(absl::StrCat("SELECT COUNT(*) FROM audit_log WHERE entity_id = '",
                                         found->at("SV-R440").id(), "' AND before_json = ''")),
            1);
}

}  // namespace
}  // namespace cim

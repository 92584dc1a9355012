// ProductCatalog on the real product store (MariaDB, an injected clock): only program admins
// create, update and import; a product is stored trimmed and ACTIVE with its prices as exact
// text, a taken SKU ALREADY_EXISTS, bad fields INVALID_ARGUMENT by name; anyone reads and
// searches (a bad status or id INVALID_ARGUMENT, an unknown id NOT_FOUND); an update changes
// only the masked fields at the etag read (ABORTED when stale); an import is all or nothing,
// naming every bad row, and counts what it created and updated.
#include "server/program/product_catalog.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/clock.h"
#include "lib/proto_time.h"
#include "tests/server/program/program_store_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Property;

class ProductCatalogTest : public ProgramStoreTest {
 protected:
  static Principal Admin() {
    return Principal{.user_id = kVera, .role = cim::v1::ROLE_PROGRAM_ADMIN};
  }
  static Principal Rep() {
    return Principal{.user_id = kRob, .role = cim::v1::ROLE_PARTNER_REP, .partner_id = kAlpha};
  }
  static Product Make(const std::string& sku, const std::string& price = "1299.99") {
    Product p;
    p.set_sku(sku);
    p.set_name("Switch " + sku);
    p.set_category("Networking");
    p.set_currency_code("EUR");
    p.set_list_price(price);
    p.set_unit_cost("800");
    return p;
  }
  static google::protobuf::FieldMask Mask(std::vector<std::string> paths) {
    google::protobuf::FieldMask mask;
    for (std::string& p : paths) mask.add_paths(std::move(p));
    return mask;
  }
  std::vector<std::string> Skus(const cim::v1::ListProductsRequest& request) {
    absl::StatusOr<cim::v1::ListProductsResponse> r = catalog_.ListProducts(Rep(), request);
    EXPECT_TRUE(r.ok()) << r.status();
    std::vector<std::string> out;
    if (!r.ok()) return out;
    for (const Product& p : r->products()) out.push_back(p.sku());
    return out;
  }

  FakeClock clock_{T0()};
  ProductCatalog catalog_{products_, clock_};
};

TEST_F(ProductCatalogTest, ProgramAdminsCreateTrimmedActiveProducts) {
  EXPECT_THAT(catalog_.CreateProduct(Rep(), Make("NW-1")),
              StatusIs(absl::StatusCode::kPermissionDenied));
  Product in = Make("NW-1");
  in.set_name("  Switch 24  ");
  in.set_category(" Networking ");
  in.set_status(cim::v1::PRODUCT_STATUS_RETIRED);
  absl::StatusOr<Product> created = catalog_.CreateProduct(Admin(), in);
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_GT(created->id(), 0);
  EXPECT_EQ(created->name(), "Switch 24");
  EXPECT_EQ(created->category(), "Networking");
  EXPECT_EQ(created->status(), cim::v1::PRODUCT_STATUS_ACTIVE);
  EXPECT_EQ(created->list_price(), "1299.99");
  EXPECT_EQ(created->unit_cost(), "800.00");
  EXPECT_EQ(FromTimestamp(created->create_time()), T0());

  EXPECT_THAT(catalog_.CreateProduct(Admin(), Make("NW-1")),
              StatusIs(absl::StatusCode::kAlreadyExists, HasSubstr("SKU NW-1 already exists")));
  Product bad = Make("bad sku!", "12,50");
  bad.set_currency_code("XXX");
  EXPECT_THAT(catalog_.CreateProduct(Admin(), bad),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("product.sku"), HasSubstr("product.list_price"),
                             HasSubstr("product.currency_code"))));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM products"), 3);  // the fixture's two and NW-1
}

TEST_F(ProductCatalogTest, AnyoneReadsAndSearches) {
  const Product nw = *catalog_.CreateProduct(Admin(), Make("NW-1"));
  absl::StatusOr<Product> got = catalog_.GetProduct(Rep(), nw.id());
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->SerializeAsString(), nw.SerializeAsString());
  EXPECT_THAT(catalog_.GetProduct(Rep(), 0),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("product_id")));
  EXPECT_THAT(catalog_.GetProduct(Rep(), 999), StatusIs(absl::StatusCode::kNotFound));

  ASSERT_TRUE(catalog_
                  .UpdateProduct(
                      Admin(),
                      [&] {
                        Product retire;
                        retire.set_id(nw.id());
                        retire.set_status(cim::v1::PRODUCT_STATUS_RETIRED);
                        return retire;
                      }(),
                      Mask({"status"}))
                  .ok());
  cim::v1::ListProductsRequest all;
  EXPECT_THAT(Skus(all), ElementsAre("ST-200", "SV-1", "NW-1"));
  cim::v1::ListProductsRequest storage;
  storage.set_category("Storage");
  EXPECT_THAT(Skus(storage), ElementsAre("ST-200", "SV-1"));
  cim::v1::ListProductsRequest retired;
  retired.set_status(cim::v1::PRODUCT_STATUS_RETIRED);
  EXPECT_THAT(Skus(retired), ElementsAre("NW-1"));
  cim::v1::ListProductsRequest query;
  query.set_query("  st-2 ");  // trimmed, any case
  EXPECT_THAT(Skus(query), ElementsAre("ST-200"));

  cim::v1::ListProductsRequest page;
  page.set_page_size(2);
  absl::StatusOr<cim::v1::ListProductsResponse> first = catalog_.ListProducts(Rep(), page);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->products_size(), 2);
  page.set_page_token(first->next_page_token());
  EXPECT_THAT(Skus(page), ElementsAre("NW-1"));

  cim::v1::ListProductsRequest bad;
  bad.set_status(static_cast<cim::v1::ProductStatus>(9));
  EXPECT_THAT(catalog_.ListProducts(Rep(), bad),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("status")));
}

TEST_F(ProductCatalogTest, UpdatesChangeOnlyMaskedFieldsAtTheEtagRead) {
  const Product nw = *catalog_.CreateProduct(Admin(), Make("NW-1"));
  clock_.Advance(absl::Hours(1));
  Product change;
  change.set_id(nw.id());
  change.set_list_price("999.5");
  change.set_name("Ignored: not in the mask");
  change.set_etag(nw.etag());
  absl::StatusOr<Product> updated = catalog_.UpdateProduct(Admin(), change, Mask({"list_price"}));
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->list_price(), "999.50");
  EXPECT_EQ(updated->name(), "Switch NW-1");
  EXPECT_EQ(FromTimestamp(updated->update_time()), T0() + absl::Hours(1));

  // The first etag is stale now.
  EXPECT_THAT(catalog_.UpdateProduct(Admin(), change, Mask({"list_price"})),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("changed by someone else")));
  Product unset;
  unset.set_id(nw.id());
  EXPECT_THAT(catalog_.UpdateProduct(Admin(), unset, Mask({"status"})),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("product.status")));
  EXPECT_THAT(catalog_.UpdateProduct(Admin(), unset, Mask({})),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("update_mask")));
  unset.set_id(999);
  EXPECT_THAT(catalog_.UpdateProduct(Admin(), unset, Mask({"name"})),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(catalog_.UpdateProduct(Rep(), change, Mask({"list_price"})),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_EQ(catalog_.GetProduct(Rep(), nw.id())->list_price(), "999.50");
}

TEST_F(ProductCatalogTest, ImportsAllOrNothing) {
  cim::v1::ImportProductsRequest request;
  *request.add_products() = Make("NW-1");
  *request.add_products() = Make("NW-2", "-5");
  *request.add_products() = Make("NW-1");
  EXPECT_THAT(catalog_.ImportProducts(Admin(), request),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("products[1].list_price"),
                             HasSubstr("products[2].sku: SKU NW-1 appears more than once"))));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM products"), 2);

  // New SKUs are created, known ones updated.
  request.clear_products();
  *request.add_products() = Make("NW-1");
  Product st = Make("ST-200", "1500");
  st.set_name("Storage array 200");
  *request.add_products() = st;
  absl::StatusOr<cim::v1::ImportProductsResponse> imported =
      catalog_.ImportProducts(Admin(), request);
  ASSERT_TRUE(imported.ok()) << imported.status();
  EXPECT_EQ(imported->created_count(), 1);
  EXPECT_EQ(imported->updated_count(), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM products WHERE sku = 'ST-200' AND list_price = 1500"
                  " AND name = 'Storage array 200'"),
            1);

  EXPECT_THAT(catalog_.ImportProducts(Rep(), request),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(catalog_.ImportProducts(Admin(), cim::v1::ImportProductsRequest()),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("at least one product")));
  cim::v1::ImportProductsRequest too_many;
  for (int i = 0; i <= kMaxImportProducts; ++i)
    *too_many.add_products() = Make(absl::StrCat("X-", i));
  EXPECT_THAT(catalog_.ImportProducts(Admin(), too_many),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("at most 5,000 per import")));
}

TEST_F(ProductCatalogTest, ACsvImportIsCheckedRowByRowAndWrittenOnlyWhenEveryRowIsFine) {
  ASSERT_TRUE(catalog_.CreateProduct(Admin(), Make("NW-1")).ok());
  const std::string header = "sku,name,currency_code,list_price,unit_cost\n";
  cim::v1::ImportProductsFromCsvRequest request;
  request.set_csv(header + "NW-1,Switch 24 v2,EUR,1199,700\nST-9,Storage 9,EUR,-1,\n");
  absl::StatusOr<cim::v1::ImportProductsFromCsvResponse> checked =
      catalog_.ImportProductsFromCsv(Admin(), request);
  ASSERT_TRUE(checked.ok()) << checked.status();
  ASSERT_EQ(checked->rows_size(), 2);
  EXPECT_EQ(checked->rows(0).action(), cim::v1::CSV_PRODUCT_ACTION_UPDATE);
  EXPECT_EQ(checked->rows(1).line(), 3);
  EXPECT_EQ(checked->rows(1).action(), cim::v1::CSV_PRODUCT_ACTION_UNSPECIFIED);
  ASSERT_EQ(checked->rows(1).problems_size(), 1);
  EXPECT_EQ(checked->rows(1).problems(0).column(), "list_price");
  EXPECT_FALSE(checked->imported());
  EXPECT_EQ(checked->created_count(), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM products WHERE name = 'Switch 24 v2'"), 0);

  // Checked without writing: what it would do.
  request.set_csv(header + "NW-1,Switch 24 v2,EUR,1199,700\nST-9,Storage 9,EUR,15000,\n");
  request.set_validate_only(true);
  CIM_ASSERT_OK_AND_ASSIGN(cim::v1::ImportProductsFromCsvResponse preview,
                           catalog_.ImportProductsFromCsv(Admin(), request));
  EXPECT_EQ(preview.created_count(), 1);
  EXPECT_EQ(preview.updated_count(), 1);
  EXPECT_FALSE(preview.imported());
  EXPECT_EQ(preview.rows(1).action(), cim::v1::CSV_PRODUCT_ACTION_CREATE);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM products WHERE sku = 'ST-9'"), 0);

  request.set_validate_only(false);
  CIM_ASSERT_OK_AND_ASSIGN(cim::v1::ImportProductsFromCsvResponse imported,
                           catalog_.ImportProductsFromCsv(Admin(), request));
  EXPECT_TRUE(imported.imported());
  EXPECT_EQ(imported.created_count(), 1);
  EXPECT_EQ(imported.updated_count(), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM products WHERE sku = 'NW-1' AND name = 'Switch 24 v2'"
                  " AND list_price = 1199 AND unit_cost = 700"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM products WHERE sku = 'ST-9' AND status = 1"), 1);

  EXPECT_THAT(catalog_.ImportProductsFromCsv(Rep(), request),
              StatusIs(absl::StatusCode::kPermissionDenied));
  request.set_csv("name\nx\n");
  EXPECT_THAT(catalog_.ImportProductsFromCsv(Admin(), request),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("csv: the header must name the column sku")));
}

}  // namespace
}  // namespace cim

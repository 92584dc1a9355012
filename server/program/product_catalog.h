// Product catalog rules: who may change it, validation, search and bulk import.
// Pure C++ over the repository; clock injected.
#ifndef CIM_SERVER_PROGRAM_PRODUCT_CATALOG_H_
#define CIM_SERVER_PROGRAM_PRODUCT_CATALOG_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "cim/v1/program_service.pb.h"
#include "lib/clock.h"
#include "lib/principal.h"
#include "server/program/product_repository.h"

namespace cim {

inline constexpr int kMaxImportProducts = 5000;

class ProductCatalog {
 public:
  ProductCatalog(ProductRepository& products, const Clock& clock)
      : products_(products), clock_(clock) {}

  // Program admins. Returns the stored product (ACTIVE). INVALID_ARGUMENT with field details;
  // ALREADY_EXISTS for a taken SKU.
  absl::StatusOr<Product> CreateProduct(const Principal& caller, const Product& product);
  // Anyone signed in. NOT_FOUND for an unknown id.
  absl::StatusOr<Product> GetProduct(const Principal& caller, int64_t product_id);
  // Anyone signed in. INVALID_ARGUMENT for a bad page size or token.
  absl::StatusOr<cim::v1::ListProductsResponse> ListProducts(
      const Principal& caller, const cim::v1::ListProductsRequest& request);
  // Program admins. INVALID_ARGUMENT for unknown mask paths or bad values; NOT_FOUND; ABORTED
  // if `product.etag` is set and stale.
  absl::StatusOr<Product> UpdateProduct(const Principal& caller, const Product& product,
                                        const google::protobuf::FieldMask& mask);
  // Program admins. All or nothing: INVALID_ARGUMENT naming every bad field
  // ("products[3].sku") and writing nothing.
  absl::StatusOr<cim::v1::ImportProductsResponse> ImportProducts(
      const Principal& caller, const cim::v1::ImportProductsRequest& request);
  // Program admins. Every row of the CSV with what it does or what is wrong with it; writes
  // the products (all, in one transaction) only when no row has a problem and the request is
  // not validate_only. INVALID_ARGUMENT on "csv" for a file that cannot be read as one.
  absl::StatusOr<cim::v1::ImportProductsFromCsvResponse> ImportProductsFromCsv(
      const Principal& caller, const cim::v1::ImportProductsFromCsvRequest& request);

 private:
  ProductRepository& products_;
  const Clock& clock_;
};

}  // namespace cim

#endif  // CIM_SERVER_PROGRAM_PRODUCT_CATALOG_H_

// Storage of the product catalog.
#ifndef CIM_SERVER_PROGRAM_PRODUCT_REPOSITORY_H_
#define CIM_SERVER_PROGRAM_PRODUCT_REPOSITORY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "cim/v1/program.pb.h"

namespace cim {

using cim::v1::Product;

// Each field narrows the list when set.
struct ProductFilter {
  std::string category;
  cim::v1::ProductStatus status = cim::v1::PRODUCT_STATUS_UNSPECIFIED;
  // Case-insensitive substring of SKU or name.
  std::string query;
};

struct ImportCounts {
  int created = 0;
  int updated = 0;
};

class ProductRepository {
 public:
  virtual ~ProductRepository() = default;
  // Inserts `product` (id ignored) with create and update time `now`. ALREADY_EXISTS if the
  // SKU is taken.
  virtual absl::StatusOr<Product> Create(const Product& product, absl::Time now) = 0;
  // NOT_FOUND if no product has `id`.
  virtual absl::StatusOr<Product> Get(int64_t id) = 0;
  // Up to `limit` products matching `filter` with id > `after_id`, ordered by id.
  virtual absl::StatusOr<std::vector<Product>> List(const ProductFilter& filter, int64_t after_id,
                                                    int limit) = 0;
  // Stores the mutable fields of `product` (by id) if its stored etag is still
  // `product.etag()`. NOT_FOUND if it does not exist; ABORTED if it changed since.
  virtual absl::StatusOr<Product> Update(const Product& product, absl::Time now) = 0;
  // In one transaction, inserts products whose SKU is new and replaces name, category,
  // currency, prices (and status when set) of the others.
  virtual absl::StatusOr<ImportCounts> Import(const std::vector<Product>& products,
                                              absl::Time now) = 0;
  // The products among `skus` that exist (any status), by SKU.
  virtual absl::StatusOr<absl::flat_hash_map<std::string, Product>> FindBySkus(
      const std::vector<std::string>& skus) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_PROGRAM_PRODUCT_REPOSITORY_H_

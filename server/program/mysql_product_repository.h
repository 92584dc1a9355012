// ProductRepository on MySQL/MariaDB.
#ifndef CIM_SERVER_PROGRAM_MYSQL_PRODUCT_REPOSITORY_H_
#define CIM_SERVER_PROGRAM_MYSQL_PRODUCT_REPOSITORY_H_

#include "server/db/mysql_database.h"
#include "server/program/product_repository.h"

namespace cim {

class MysqlProductRepository final : public ProductRepository {
 public:
  explicit MysqlProductRepository(MysqlDatabase& db) : db_(db) {}
  absl::StatusOr<Product> Create(const Product& product, absl::Time now) override;
  absl::StatusOr<Product> Get(int64_t id) override;
  absl::StatusOr<std::vector<Product>> List(const ProductFilter& filter, int64_t after_id,
                                            int limit) override;
  absl::StatusOr<Product> Update(const Product& product, absl::Time now) override;
  absl::StatusOr<ImportCounts> Import(const std::vector<Product>& products,
                                      absl::Time now) override;
  absl::StatusOr<absl::flat_hash_map<std::string, Product>> FindBySkus(
      const std::vector<std::string>& skus) override;

 private:
  MysqlDatabase& db_;
};

}  // namespace cim

#endif  // CIM_SERVER_PROGRAM_MYSQL_PRODUCT_REPOSITORY_H_

#include "server/program/product_catalog.h"

#include <set>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "lib/pagination.h"
#include "lib/phrase.h"
#include "lib/status_util.h"
#include "lib/update_mask.h"
#include "server/program/product_csv.h"
#include "server/program/program_rules.h"

namespace cim {
namespace {

// Trims the free-text fields of a product.
void Normalize(Product& p) {
  p.set_name(std::string(absl::StripAsciiWhitespace(p.name())));
  p.set_category(std::string(absl::StripAsciiWhitespace(p.category())));
}

void ValidateStatus(cim::v1::ProductStatus status, const std::string& field, bool allow_unset,
                    FieldErrors& errors) {
  if ((status == cim::v1::PRODUCT_STATUS_UNSPECIFIED && !allow_unset) ||
      !cim::v1::ProductStatus_IsValid(status)) {
    errors.Add(field, "one of ACTIVE, RETIRED");
  }
}

}  // namespace

absl::StatusOr<Product> ProductCatalog::CreateProduct(const Principal& caller, const Product& in) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_PROGRAM_ADMIN}));
  Product product = in;
  Normalize(product);
  FieldErrors errors;
  ValidateProduct(product, "product", errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  product.set_status(cim::v1::PRODUCT_STATUS_ACTIVE);
  absl::StatusOr<Product> created = products_.Create(product, clock_.Now());
  if (absl::IsAlreadyExists(created.status())) {
    return absl::AlreadyExistsError(Phrase("error.sku_exists").Text("sku", product.sku()).str());
  }
  return created;
}

absl::StatusOr<Product> ProductCatalog::GetProduct(const Principal&, int64_t product_id) {
  if (product_id <= 0) {
    FieldErrors errors;
    errors.Add("product_id", "required");
    return errors.ToStatus();
  }
  return products_.Get(product_id);
}

absl::StatusOr<cim::v1::ListProductsResponse> ProductCatalog::ListProducts(
    const Principal&, const cim::v1::ListProductsRequest& request) {
  FieldErrors errors;
  const int page_size = PageSize(request.page_size(), errors);
  ValidateStatus(request.status(), "status", /*allow_unset=*/true, errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(int64_t after, DecodePageToken(request));
  ProductFilter filter{.category = request.category(),
                       .status = request.status(),
                       .query = std::string(absl::StripAsciiWhitespace(request.query()))};
  CIM_ASSIGN_OR_RETURN(std::vector<Product> rows, products_.List(filter, after, page_size + 1));
  cim::v1::ListProductsResponse response;
  response.set_next_page_token(
      FillPage(std::move(rows), page_size, response.mutable_products(), request));
  return response;
}

absl::StatusOr<Product> ProductCatalog::UpdateProduct(const Principal& caller, const Product& in,
                                                      const google::protobuf::FieldMask& mask) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_PROGRAM_ADMIN}));
  FieldErrors errors;
  if (in.id() <= 0) errors.Add("product.id", "required");
  RequireMaskPaths(mask, errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(Product product, products_.Get(in.id()));
  if (!in.etag().empty() && in.etag() != product.etag()) {
    return ChangedSinceReadError("product", in.id());
  }
  for (const std::string& path : mask.paths()) {
    if (path == "name") product.set_name(in.name());
    if (path == "category") product.set_category(in.category());
    if (path == "currency_code") product.set_currency_code(in.currency_code());
    if (path == "list_price") product.set_list_price(in.list_price());
    if (path == "unit_cost") product.set_unit_cost(in.unit_cost());
    if (path == "status") product.set_status(in.status());
  }
  Normalize(product);
  ValidateProduct(product, "product", errors);
  ValidateStatus(product.status(), "product.status", /*allow_unset=*/false, errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  return products_.Update(product, clock_.Now());
}

absl::StatusOr<cim::v1::ImportProductsResponse> ProductCatalog::ImportProducts(
    const Principal& caller, const cim::v1::ImportProductsRequest& request) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_PROGRAM_ADMIN}));
  FieldErrors errors;
  if (request.products().empty()) errors.Add("products", "at least one product");
  if (request.products_size() > kMaxImportProducts) {
    errors.Add("products", Phrase("error.per_import").Count("max", kMaxImportProducts));
    return errors.ToStatus();
  }
  std::vector<Product> products;
  absl::flat_hash_set<std::string> skus;
  for (int i = 0; i < request.products_size(); ++i) {
    Product p = request.products(i);
    Normalize(p);
    const std::string prefix = absl::StrCat("products[", i, "]");
    ValidateProduct(p, prefix, errors);
    ValidateStatus(p.status(), prefix + ".status", /*allow_unset=*/true, errors);
    if (!skus.insert(p.sku()).second) {
      errors.Add(prefix + ".sku", Phrase("error.sku_twice").Text("sku", p.sku()));
    }
    products.push_back(std::move(p));
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(ImportCounts counts, products_.Import(products, clock_.Now()));
  cim::v1::ImportProductsResponse response;
  response.set_created_count(counts.created);
  response.set_updated_count(counts.updated);
  return response;
}

absl::StatusOr<cim::v1::ImportProductsFromCsvResponse> ProductCatalog::ImportProductsFromCsv(
    const Principal& caller, const cim::v1::ImportProductsFromCsvRequest& request) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_PROGRAM_ADMIN}));
  CIM_ASSIGN_OR_RETURN(std::vector<ProductCsvRow> rows,
                       ParseProductCsv(request.csv(), kMaxImportProducts));
  std::vector<std::string> skus;
  for (const ProductCsvRow& row : rows) skus.push_back(row.product.sku());
  CIM_ASSIGN_OR_RETURN(const auto existing, products_.FindBySkus(skus));
  cim::v1::ImportProductsFromCsvResponse response;
  bool problems = false;
  int created = 0;
  int updated = 0;
  for (const ProductCsvRow& row : rows) {
    cim::v1::CsvProductRow* out = response.add_rows();
    out->set_line(row.line);
    out->set_sku(row.product.sku());
    for (const CsvCellProblem& problem : row.problems) {
      cim::v1::CsvProblem* described = out->add_problems();
      described->set_column(problem.column);
      described->set_description(problem.description);
    }
    if (!row.problems.empty()) {
      problems = true;
    } else if (existing.contains(row.product.sku())) {
      out->set_action(cim::v1::CSV_PRODUCT_ACTION_UPDATE);
      ++updated;
    } else {
      out->set_action(cim::v1::CSV_PRODUCT_ACTION_CREATE);
      ++created;
    }
  }
  if (problems) return response;
  response.set_created_count(created);
  response.set_updated_count(updated);
  if (request.validate_only()) return response;
  std::vector<Product> products;
  for (ProductCsvRow& row : rows) products.push_back(std::move(row.product));
  CIM_ASSIGN_OR_RETURN(const ImportCounts counts, products_.Import(products, clock_.Now()));
  response.set_created_count(counts.created);
  response.set_updated_count(counts.updated);
  response.set_imported(true);
  return response;
}

}  // namespace cim

// Reading a CSV of products for the catalog's import: the header names the columns, each row
// becomes a product or says what is wrong with it. Pure C++.
#ifndef CIM_SERVER_PROGRAM_PRODUCT_CSV_H_
#define CIM_SERVER_PROGRAM_PRODUCT_CSV_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "cim/v1/program.pb.h"

namespace cim {

using cim::v1::Product;

// What is wrong with one cell of a row: the column and a description for people.
struct CsvCellProblem {
  std::string column;
  std::string description;
};

// One row of a product CSV: its line (2 for the first after the header), the product read from
// it and what is wrong with it (nothing when it can be imported).
struct ProductCsvRow {
  int line = 0;
  Product product;
  std::vector<CsvCellProblem> problems;
};

// The rows of `csv`, whose header names sku, name, currency_code and list_price, and optionally
// category, unit_cost and status (ACTIVE or RETIRED; empty keeps a product's status). Each row
// is validated as a product; a SKU named twice is an error on its second row. INVALID_ARGUMENT
// on "csv" for a file over 1 MiB, bad quoting, a missing column, no rows or more than
// `max_rows` rows.
absl::StatusOr<std::vector<ProductCsvRow>> ParseProductCsv(absl::string_view csv, int max_rows);

}  // namespace cim

#endif  // CIM_SERVER_PROGRAM_PRODUCT_CSV_H_

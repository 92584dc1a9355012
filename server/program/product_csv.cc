#include "server/program/product_csv.h"

#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "lib/csv.h"
#include "lib/phrase.h"
#include "lib/status_util.h"
#include "server/program/program_rules.h"

namespace cim {
namespace {

// The columns a product CSV must name.
constexpr const char* kRequired[] = {"sku", "name", "currency_code", "list_price"};

// "ACTIVE" or "RETIRED" (either case); UNSPECIFIED for an empty cell; false otherwise.
bool ReadStatus(const std::string& cell, cim::v1::ProductStatus& status) {
  if (cell.empty()) {
    status = cim::v1::PRODUCT_STATUS_UNSPECIFIED;
    return true;
  }
  return cim::v1::ProductStatus_Parse(absl::StrCat("PRODUCT_STATUS_", absl::AsciiStrToUpper(cell)),
                                      &status) &&
         status != cim::v1::PRODUCT_STATUS_UNSPECIFIED;
}

}  // namespace

absl::StatusOr<std::vector<ProductCsvRow>> ParseProductCsv(absl::string_view csv, int max_rows) {
  const auto bad = [](std::string what) {
    FieldErrors errors;
    errors.Add("csv", std::move(what));
    return errors.ToStatus();
  };
  if (csv.size() > kMaxCsvBytes) return bad("at most 1 MiB");
  absl::StatusOr<CsvTable> table = CsvTable::Parse(csv);
  if (!table.ok()) return bad(std::string(table.status().message()));
  for (const char* column : kRequired) {
    if (!table->Has(column)) {
      return bad(Phrase("error.product_csv_header").Text("column", column));
    }
  }
  if (table->records().empty()) return bad("no products after the header");
  if (static_cast<int>(table->records().size()) > max_rows) {
    return bad(Phrase("error.per_import").Count("max", max_rows));
  }
  std::vector<ProductCsvRow> rows;
  absl::flat_hash_set<std::string> skus;
  for (const CsvRecord& record : table->records()) {
    ProductCsvRow row{.line = record.line};
    Product& p = row.product;
    p.set_sku(table->Cell(record, "sku"));
    p.set_name(table->Cell(record, "name"));
    p.set_category(table->Cell(record, "category"));
    p.set_currency_code(absl::AsciiStrToUpper(table->Cell(record, "currency_code")));
    p.set_list_price(table->Cell(record, "list_price"));
    const std::string cost = table->Cell(record, "unit_cost");
    p.set_unit_cost(cost.empty() ? "0" : cost);
    FieldErrors errors;
    ValidateProduct(p, "row", errors);
    cim::v1::ProductStatus status = cim::v1::PRODUCT_STATUS_UNSPECIFIED;
    if (!ReadStatus(table->Cell(record, "status"), status)) {
      errors.Add("row.status", "one of ACTIVE, RETIRED");
    }
    p.set_status(status);
    if (errors.empty() && !skus.insert(p.sku()).second) {
      errors.Add("row.sku", Phrase("error.sku_twice").Text("sku", p.sku()));
    }
    for (const auto& [field, description] : errors.violations()) {
      row.problems.push_back(
          {.column = std::string(absl::StripPrefix(field, "row.")), .description = description});
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace cim

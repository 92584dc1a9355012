// A product CSV: the header names the columns in any order and case; each row becomes a product
// or names what is wrong with each bad cell (a SKU twice on its second row); a file that cannot
// be read as one is INVALID_ARGUMENT on "csv".
#include "server/program/product_csv.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/csv.h"
#include "tests/testing/phrase_matchers.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::InEnglish;
using ::cim::testing::StatusIs;
using ::testing::HasSubstr;

constexpr char kHeader[] = "sku,name,category,currency_code,list_price,unit_cost,status\n";

// "column: description" for each problem of `row`, in English.
std::vector<std::string> Problems(const ProductCsvRow& row) {
  std::vector<std::string> out;
  for (const CsvCellProblem& p : row.problems) {
    out.push_back(absl::StrCat(p.column, ": ", InEnglish(p.description)));
  }
  return out;
}

TEST(ProductCsvTest, RowsBecomeProducts) {
  absl::StatusOr<std::vector<ProductCsvRow>> rows = ParseProductCsv(
      "List_Price, SKU ,Name,Currency_Code,Status\n"
      "1299.99,NW-1, Switch 24 ,eur,retired\n"
      "\n"
      "15,NW-2,Cable,USD,\n",
      10);
  ASSERT_TRUE(rows.ok()) << rows.status();
  ASSERT_EQ(rows->size(), 2);
  const ProductCsvRow& first = (*rows)[0];
  EXPECT_EQ(first.line, 2);
  EXPECT_TRUE(first.problems.empty());
  EXPECT_EQ(first.product.sku(), "NW-1");
  EXPECT_EQ(first.product.name(), "Switch 24");
  EXPECT_EQ(first.product.currency_code(), "EUR");
  EXPECT_EQ(first.product.list_price(), "1299.99");
  EXPECT_EQ(first.product.unit_cost(), "0");  // no column: no cost
  EXPECT_EQ(first.product.status(), cim::v1::PRODUCT_STATUS_RETIRED);
  EXPECT_EQ((*rows)[1].line, 4);
  EXPECT_EQ((*rows)[1].product.status(), cim::v1::PRODUCT_STATUS_UNSPECIFIED);  // kept
}

TEST(ProductCsvTest, EachBadCellIsNamed) {
  struct Case {
    const char* row;
    std::vector<std::string> problems;
  };
  const std::vector<Case> cases = {
      {"NW-1,Switch,Networking,EUR,10,5,ACTIVE", {}},
      {"NW 1,Switch,Networking,EUR,10,5,", {"sku: 1 to 64 of A-Z a-z 0-9 . _ - /"}},
      {"NW-1,,Networking,EUR,10,5,", {"name: required"}},
      {"NW-1,Switch,Networking,EURO,10,5,",
       {"currency_code: \"EURO\" is not a supported ISO 4217 currency code"}},
      {"NW-1,Switch,Networking,EUR,-10,5,", {"list_price: must not be negative"}},
      {"NW-1,Switch,Networking,EUR,ten,5,",
       {"list_price: \"ten\" is not a decimal number like 1234.56"}},
      {"NW-1,Switch,Networking,EUR,10,5,sold", {"status: one of ACTIVE, RETIRED"}},
      {",,Networking,EUR,,5,",
       {"sku: 1 to 64 of A-Z a-z 0-9 . _ - /", "name: required",
        "list_price: is required (a decimal string such as \"1250.00\")"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.row);
    absl::StatusOr<std::vector<ProductCsvRow>> rows =
        ParseProductCsv(absl::StrCat(kHeader, c.row, "\n"), 10);
    ASSERT_TRUE(rows.ok()) << rows.status();
    ASSERT_EQ(rows->size(), 1);
    EXPECT_EQ(Problems((*rows)[0]), c.problems);
  }
}

TEST(ProductCsvTest, ASkuTwiceIsAProblemOfItsSecondRow) {
  absl::StatusOr<std::vector<ProductCsvRow>> rows = ParseProductCsv(
      absl::StrCat(kHeader, "NW-1,Switch,,EUR,10,,\nNW-2,Router,,EUR,20,,\nNW-1,Again,,EUR,1,,\n"),
      10);
  ASSERT_TRUE(rows.ok()) << rows.status();
  ASSERT_EQ(rows->size(), 3);
  EXPECT_TRUE((*rows)[0].problems.empty());
  EXPECT_TRUE((*rows)[1].problems.empty());
  EXPECT_EQ(Problems((*rows)[2]), std::vector<std::string>{"sku: SKU NW-1 appears more than once"});
}

TEST(ProductCsvTest, AFileThatIsNoProductListIsRefusedOnCsv) {
  struct Case {
    std::string csv;
    const char* problem;
  };
  const std::vector<Case> cases = {
      {"", "csv: the header must name the column sku"},
      {"sku,name,currency_code\nNW-1,Switch,EUR\n",
       "csv: the header must name the column list_price"},
      {"sku,name,currency_code,list_price\n", "csv: no products after the header"},
      {"sku,name,currency_code,list_price\n\"NW-1,Switch\n", "csv: line 3: a quote is open"},
      {absl::StrCat(kHeader, "A,a,,EUR,1,,\nB,b,,EUR,1,,\nC,c,,EUR,1,,\n"),
       "csv: at most 2 per import"},
      {std::string(kMaxCsvBytes + 1, 'x'), "csv: at most 1 MiB"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.problem);
    EXPECT_THAT(ParseProductCsv(c.csv, 2),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(c.problem)));
  }
}

}  // namespace
}  // namespace cim

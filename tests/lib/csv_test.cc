// CSV cells and rows (RFC 4180): quoting only where needed, quotes doubled, CRLF row ends, and
// cells a spreadsheet would run as a formula prefixed with ' so they are shown instead; reading
// rows back with quoted cells, both line ends, and errors that name the line.
#include "lib/csv.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

TEST(CsvTest, TextCells) {
  struct Case {
    const char* value;
    const char* cell;
  };
  const Case cases[] = {
      {"", ""},
      {"Acme GmbH", "Acme GmbH"},
      {"Acme, Inc.", "\"Acme, Inc.\""},
      {"the \"best\" partner", "\"the \"\"best\"\" partner\""},
      {"two\nlines", "\"two\nlines\""},
      {"=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""},
      {"+31 20 123", "'+31 20 123"},
      {"-5", "'-5"},
      {"@SUM(A1)", "'@SUM(A1)"},
      {"\tindent", "'\tindent"},
      {"\rreturn", "\"'\rreturn\""},
      {"a=b", "a=b"},
  };
  for (const Case& c : cases) EXPECT_EQ(CsvText(c.value), c.cell) << c.value;
}

TEST(CsvTest, NumbersAreWrittenAsTheyAre) {
  EXPECT_EQ(CsvNumber("-1250.50"), "-1250.50");
  EXPECT_EQ(CsvNumber("42"), "42");
}

TEST(CsvTest, RowsEndInCrlf) {
  std::string out;
  AppendCsvRow({CsvNumber("1"), CsvText("Acme, Inc."), CsvNumber("-20.01")}, out);
  AppendCsvRow({}, out);
  AppendCsvRow({CsvText("x")}, out);
  EXPECT_EQ(out, "1,\"Acme, Inc.\",-20.01\r\n\r\nx\r\n");
}

using ::cim::testing::StatusIs;
using ::testing::HasSubstr;
using Rows = std::vector<std::vector<std::string>>;

TEST(CsvTest, ParsesQuotedCellsAndBothLineEnds) {
  const absl::StatusOr<Rows> rows =
      ParseCsv("\xEF\xBB\xBForder_id,code\r\n12,\"AB,\"\"C\"\"\"\n13,\"two\nlines\"\n14,\n");
  ASSERT_TRUE(rows.ok()) << rows.status();
  EXPECT_EQ(*rows,
            (Rows{{"order_id", "code"}, {"12", "AB,\"C\""}, {"13", "two\nlines"}, {"14", ""}}));
}

TEST(CsvTest, ReadsWhatItWrites) {
  std::string out;
  AppendCsvRow({CsvText("Acme, Inc."), CsvText("the \"best\""), CsvNumber("-20.01")}, out);
  EXPECT_EQ(*ParseCsv(out), (Rows{{"Acme, Inc.", "the \"best\"", "-20.01"}}));
}

TEST(CsvTest, EmptyTextHasNoRows) {
  EXPECT_TRUE(ParseCsv("")->empty());
  EXPECT_EQ(*ParseCsv("a"), (Rows{{"a"}}));
  EXPECT_EQ(*ParseCsv("\"\""), (Rows{{""}}));
}

TEST(CsvTest, BadQuotesNameTheLine) {
  EXPECT_THAT(ParseCsv("a,b\n\"open\n"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("line 3: a quote is open")));
  EXPECT_THAT(ParseCsv("a\n\"x\"y,z\n"), StatusIs(absl::StatusCode::kInvalidArgument,
                                                  HasSubstr("line 2: text after a closing quote")));
}

TEST(CsvTableTest, ReadsCellsByTheirColumnsName) {
  absl::StatusOr<CsvTable> table =
      CsvTable::Parse(" SKU ,Name,list_price\nA-1, Switch ,10\n\n  \nB-2,Router\n");
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_TRUE(table->Has("sku"));
  EXPECT_TRUE(table->Has("list_price"));
  EXPECT_FALSE(table->Has("category"));
  ASSERT_EQ(table->records().size(), 2);  // blank lines are no rows
  const CsvRecord& first = table->records()[0];
  const CsvRecord& second = table->records()[1];
  EXPECT_EQ(first.line, 2);
  EXPECT_EQ(second.line, 5);
  EXPECT_EQ(table->Cell(first, "sku"), "A-1");
  EXPECT_EQ(table->Cell(first, "name"), "Switch");
  EXPECT_EQ(table->Cell(second, "list_price"), "");  // a short row
  EXPECT_EQ(table->Cell(second, "category"), "");    // no such column
}

TEST(CsvTableTest, EmptyTextHasNoColumnsAndBadQuotesAreRefused) {
  absl::StatusOr<CsvTable> empty = CsvTable::Parse("");
  ASSERT_TRUE(empty.ok());
  EXPECT_FALSE(empty->Has("sku"));
  EXPECT_TRUE(empty->records().empty());
  EXPECT_THAT(CsvTable::Parse("a\n\"open\n"), StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace cim

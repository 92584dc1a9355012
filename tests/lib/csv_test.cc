// CSV cells and rows (RFC 4180): quoting only where needed, quotes doubled, CRLF row ends, and
// cells a spreadsheet would run as a formula prefixed with ' so they are shown instead.
#include "lib/csv.h"

#include <string>

#include "gtest/gtest.h"

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

}  // namespace
}  // namespace cim

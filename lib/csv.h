// CSV (RFC 4180): writing cells that spreadsheets will not run as formulas, and reading rows.
#ifndef CIM_LIB_CSV_H_
#define CIM_LIB_CSV_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace cim {

// The largest CSV file people upload (1 MiB).
inline constexpr size_t kMaxCsvBytes = 1 << 20;

// A text cell: quoted when it holds a comma, quote or line break; prefixed with ' when it
// starts with = + - @ tab or carriage return, so a spreadsheet shows it instead of running it.
std::string CsvText(absl::string_view value);

// A cell known to be a number (amounts, ids): written as is.
inline std::string CsvNumber(absl::string_view value) { return std::string(value); }

// Appends one row (cells already made by CsvText/CsvNumber) and a CRLF to `out`.
void AppendCsvRow(const std::vector<std::string>& cells, std::string& out);

// The rows of `text`: cells split at commas, quoted cells unquoted ("" is a quote inside them),
// rows ended by LF or CRLF; a last empty line and a UTF-8 byte order mark are ignored.
// INVALID_ARGUMENT naming the line for a quote left open or text after a closing quote.
absl::StatusOr<std::vector<std::vector<std::string>>> ParseCsv(absl::string_view text);

// One row of a CsvTable: its line (2 for the first row after the header) and cells.
struct CsvRecord {
  int line = 0;
  std::vector<std::string> cells;
};

// A CSV file read by its header: columns by name (case and surrounding spaces ignored), then
// the rows that are not blank.
class CsvTable {
 public:
  // The table of `text`; INVALID_ARGUMENT as ParseCsv. An empty text has no columns or rows.
  static absl::StatusOr<CsvTable> Parse(absl::string_view text);

  // True if the header names `column` (lower case).
  bool Has(absl::string_view column) const;
  // The cell of `column` in `record` without surrounding spaces; empty if there is none.
  std::string Cell(const CsvRecord& record, absl::string_view column) const;
  const std::vector<CsvRecord>& records() const { return records_; }

 private:
  std::vector<std::string> columns_;
  std::vector<CsvRecord> records_;
};

}  // namespace cim

#endif  // CIM_LIB_CSV_H_

// CSV (RFC 4180): writing cells that spreadsheets will not run as formulas, and reading rows.
#ifndef CIM_LIB_CSV_H_
#define CIM_LIB_CSV_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace cim {

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

}  // namespace cim

#endif  // CIM_LIB_CSV_H_

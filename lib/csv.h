// CSV writing (RFC 4180) with cells that spreadsheets will not run as formulas.
#ifndef CIM_LIB_CSV_H_
#define CIM_LIB_CSV_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace cim {

// A text cell: quoted when it holds a comma, quote or line break; prefixed with ' when it
// starts with = + - @ tab or carriage return, so a spreadsheet shows it instead of running it.
std::string CsvText(absl::string_view value);

// A cell known to be a number (amounts, ids): written as is.
inline std::string CsvNumber(absl::string_view value) { return std::string(value); }

// Appends one row (cells already made by CsvText/CsvNumber) and a CRLF to `out`.
void AppendCsvRow(const std::vector<std::string>& cells, std::string& out);

}  // namespace cim

#endif  // CIM_LIB_CSV_H_

#include "lib/csv.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace cim {

std::string CsvText(absl::string_view value) {
  std::string cell;
  if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                         value[0] == '\t' || value[0] == '\r')) {
    cell.push_back('\'');
  }
  cell.append(value.data(), value.size());
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  quoted.push_back('"');
  return quoted;
}

void AppendCsvRow(const std::vector<std::string>& cells, std::string& out) {
  absl::StrAppend(&out, absl::StrJoin(cells, ","), "\r\n");
}

}  // namespace cim

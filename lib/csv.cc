#include "lib/csv.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "lib/phrase.h"

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

absl::StatusOr<std::vector<std::vector<std::string>>> ParseCsv(absl::string_view text) {
  absl::ConsumePrefix(&text, "\xEF\xBB\xBF");
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  int line = 1;
  bool quoted = false;       // inside a quoted cell
  bool after_quote = false;  // a quoted cell just closed: only a comma or a line end may follow
  const auto end_row = [&] {
    row.push_back(std::move(cell));
    cell.clear();
    rows.push_back(std::move(row));
    row.clear();
    after_quote = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
        after_quote = true;
      } else {
        if (c == '\n') ++line;
        cell += c;
      }
      continue;
    }
    if (c == ',') {
      row.push_back(std::move(cell));
      cell.clear();
      after_quote = false;
    } else if (c == '\n' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
      if (c == '\r') ++i;
      end_row();
      ++line;
    } else if (after_quote) {
      return absl::InvalidArgumentError(Phrase("error.csv_after_quote").Count("line", line).str());
    } else if (c == '"' && cell.empty()) {
      quoted = true;
    } else {
      cell += c;
    }
  }
  if (quoted)
    return absl::InvalidArgumentError(Phrase("error.csv_open_quote").Count("line", line).str());
  if (!cell.empty() || !row.empty() || after_quote) end_row();
  return rows;
}

absl::StatusOr<CsvTable> CsvTable::Parse(absl::string_view text) {
  absl::StatusOr<std::vector<std::vector<std::string>>> rows = ParseCsv(text);
  if (!rows.ok()) return rows.status();
  CsvTable table;
  if (rows->empty()) return table;
  for (const std::string& name : (*rows)[0]) {
    table.columns_.push_back(absl::AsciiStrToLower(absl::StripAsciiWhitespace(name)));
  }
  for (size_t i = 1; i < rows->size(); ++i) {
    std::vector<std::string>& cells = (*rows)[i];
    if (cells.size() == 1 && absl::StripAsciiWhitespace(cells[0]).empty()) continue;  // blank
    table.records_.push_back({.line = static_cast<int>(i) + 1, .cells = std::move(cells)});
  }
  return table;
}

bool CsvTable::Has(absl::string_view column) const {
  return std::find(columns_.begin(), columns_.end(), column) != columns_.end();
}

std::string CsvTable::Cell(const CsvRecord& record, absl::string_view column) const {
  const auto it = std::find(columns_.begin(), columns_.end(), column);
  const size_t index = static_cast<size_t>(it - columns_.begin());
  if (it == columns_.end() || index >= record.cells.size()) return "";
  return std::string(absl::StripAsciiWhitespace(record.cells[index]));
}

}  // namespace cim

#include "portal-gateway/http/access_log.h"

#include <cstdio>

#include "absl/strings/str_cat.h"
#include "lib/json_text.h"

namespace cim::gateway {

std::string AccessLogLine(const AccessLogEntry& entry) {
  const absl::string_view target = entry.target.substr(0, entry.target.find('?'));
  return absl::StrCat(
      "{\"ts\":\"", absl::FormatTime(absl::RFC3339_full, entry.start, absl::UTCTimeZone()),
      "\",\"peer\":", JsonString(entry.peer, /*ascii_only=*/true),
      ",\"method\":", JsonString(entry.method, /*ascii_only=*/true),
      ",\"target\":", JsonString(target, /*ascii_only=*/true), ",\"status\":", entry.status,
      ",\"ms\":", absl::ToDoubleMilliseconds(entry.took),
      ",\"request_id\":", JsonString(entry.request_id, /*ascii_only=*/true), "}\n");
}

void WriteAccessLog(const std::string& line) { std::fwrite(line.data(), 1, line.size(), stderr); }

}  // namespace cim::gateway

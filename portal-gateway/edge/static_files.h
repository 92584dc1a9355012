// Serves the built web portal (web/dist): hashed assets cacheable for a year, index.html never
// cached, and the SPA fallback (unknown paths get index.html so client-side routes work).
#ifndef CIM_PORTAL_GATEWAY_EDGE_STATIC_FILES_H_
#define CIM_PORTAL_GATEWAY_EDGE_STATIC_FILES_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace cim::gateway {

struct StaticFile {
  std::string content;
  std::string content_type;
  std::string cache_control;
};

class StaticFiles {
 public:
  // `root` may be empty (nothing is served).
  explicit StaticFiles(std::string root) : root_(std::move(root)) {}

  // The file for a URL path (already without query). Paths with ".." or that escape the root
  // are refused (nullopt). With spa_fallback, a path with no file extension that names no file
  // gets index.html.
  std::optional<StaticFile> Get(absl::string_view url_path, bool spa_fallback) const;

 private:
  std::optional<StaticFile> Read(const std::string& relative) const;
  std::string root_;
};

}  // namespace cim::gateway

#endif  // CIM_PORTAL_GATEWAY_EDGE_STATIC_FILES_H_

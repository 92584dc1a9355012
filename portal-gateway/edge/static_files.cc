#include "portal-gateway/edge/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "portal-gateway/transcode/path_template.h"

namespace cim::gateway {
namespace {

std::string ContentType(absl::string_view name) {
  struct Type {
    const char* ext;
    const char* type;
  };
  static constexpr Type kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"},
  };
  for (const Type& t : kTypes) {
    if (absl::EndsWith(name, t.ext)) return t.type;
  }
  return "application/octet-stream";
}

}  // namespace

std::optional<StaticFile> StaticFiles::Read(const std::string& relative) const {
  const std::filesystem::path path = std::filesystem::path(root_) / relative;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream buffer;
  buffer << in.rdbuf();
  StaticFile file;
  file.content = buffer.str();
  file.content_type = ContentType(relative);
  // Vite puts content-hashed files under assets/: they never change under the same name.
  file.cache_control =
      absl::StartsWith(relative, "assets/") ? "public, max-age=31536000, immutable" : "no-cache";
  return file;
}

std::optional<StaticFile> StaticFiles::Get(absl::string_view url_path, bool spa_fallback) const {
  if (root_.empty()) return std::nullopt;
  auto decoded = PercentDecode(url_path);
  if (!decoded || decoded->empty() || (*decoded)[0] != '/') return std::nullopt;
  std::string relative;
  for (absl::string_view part : absl::StrSplit(decoded->substr(1), '/', absl::SkipEmpty())) {
    if (part == ".." || part == "." || absl::StrContains(part, '\\') ||
        absl::StrContains(part, '\0')) {
      return std::nullopt;
    }
    if (!relative.empty()) relative += '/';
    relative.append(part.data(), part.size());
  }
  if (relative.empty()) relative = "index.html";
  if (auto file = Read(relative)) return file;
  const std::string last = relative.substr(relative.rfind('/') + 1);
  if (spa_fallback && !absl::StrContains(last, '.')) return Read("index.html");
  return std::nullopt;
}

}  // namespace cim::gateway

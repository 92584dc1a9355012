// StaticFiles: a URL path maps to a file under the root ("/" is index.html); files under
// assets/ are cacheable for a year, every other file is revalidated ("no-cache"); the content
// type comes from the extension; with the SPA fallback a path without an extension that names
// no file gets index.html; nothing outside the root is ever read (.., encoded .., backslashes,
// NUL, malformed escapes), and an empty root serves nothing.
#include "portal-gateway/edge/static_files.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace cim::gateway {
namespace {

constexpr char kIndex[] = "<!doctype html><title>CIM</title>";

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           absl::StrCat("cim_static_", ::getpid(), "_",
                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    root_ = dir_ / "web";
    std::filesystem::create_directories(root_ / "assets");
    Write(root_ / "index.html", kIndex);
    Write(root_ / "assets" / "app-1a2b3c.js", "console.log('hi')");
    Write(root_ / "robots.txt", "User-agent: *");
    // Beside the root, not in it: what an escaping path would reach.
    Write(dir_ / "secret.txt", "the database password");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  static void Write(const std::filesystem::path& path, const std::string& content) {
    std::ofstream(path, std::ios::binary) << content;
  }

  std::filesystem::path dir_;
  std::filesystem::path root_;
};

TEST_F(StaticFilesTest, TheRootPathIsTheIndexPageNeverCached) {
  const StaticFiles files(root_.string());
  for (const char* path : {"/", "/index.html", "//index.html"}) {
    SCOPED_TRACE(path);
    std::optional<StaticFile> file = files.Get(path, /*spa_fallback=*/false);
    ASSERT_TRUE(file.has_value());
    EXPECT_EQ(file->content, kIndex);
    EXPECT_EQ(file->content_type, "text/html; charset=utf-8");
    EXPECT_EQ(file->cache_control, "no-cache");
  }
}

TEST_F(StaticFilesTest, HashedAssetsAreImmutableForAYearOtherFilesRevalidated) {
  const StaticFiles files(root_.string());
  std::optional<StaticFile> asset = files.Get("/assets/app-1a2b3c.js", false);
  ASSERT_TRUE(asset.has_value());
  EXPECT_EQ(asset->content, "console.log('hi')");
  EXPECT_EQ(asset->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(asset->cache_control, "public, max-age=31536000, immutable");

  std::optional<StaticFile> robots = files.Get("/robots.txt", false);
  ASSERT_TRUE(robots.has_value());
  EXPECT_EQ(robots->content, "User-agent: *");
  EXPECT_EQ(robots->content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(robots->cache_control, "no-cache");
}

TEST_F(StaticFilesTest, ContentTypeFollowsTheExtension) {
  const struct {
    const char* name;
    const char* type;
  } cases[] = {
      {"page.html", "text/html; charset=utf-8"},
      {"app.js", "text/javascript; charset=utf-8"},
      {"app.css", "text/css; charset=utf-8"},
      {"data.json", "application/json"},
      {"manifest.webmanifest", "application/manifest+json"},
      {"logo.svg", "image/svg+xml"},
      {"logo.png", "image/png"},
      {"photo.jpg", "image/jpeg"},
      {"favicon.ico", "image/x-icon"},
      {"font.woff2", "font/woff2"},
      {"notes.txt", "text/plain; charset=utf-8"},
      {"app.js.map", "application/json"},
      {"archive.bin", "application/octet-stream"},
      {"LICENSE", "application/octet-stream"},
  };
  for (const auto& c : cases) Write(root_ / "assets" / c.name, "x");
  const StaticFiles files(root_.string());
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::optional<StaticFile> file = files.Get(absl::StrCat("/assets/", c.name), false);
    ASSERT_TRUE(file.has_value());
    EXPECT_EQ(file->content_type, c.type);
  }
}

TEST_F(StaticFilesTest, SpaFallbackServesIndexForClientRoutesOnly) {
  const StaticFiles files(root_.string());
  // Client-side routes (no extension) get the index page, with its cache rule.
  for (const char* path : {"/claims/42", "/claims", "/assets", "/%C3%BCbersicht"}) {
    SCOPED_TRACE(path);
    std::optional<StaticFile> file = files.Get(path, /*spa_fallback=*/true);
    ASSERT_TRUE(file.has_value());
    EXPECT_EQ(file->content, kIndex);
    EXPECT_EQ(file->content_type, "text/html; charset=utf-8");
    EXPECT_EQ(file->cache_control, "no-cache");
    EXPECT_FALSE(files.Get(path, /*spa_fallback=*/false).has_value());
  }
  // A missing file stays missing.
  EXPECT_FALSE(files.Get("/assets/missing.js", true).has_value());
  EXPECT_FALSE(files.Get("/claims/42/report.pdf", true).has_value());
}

TEST_F(StaticFilesTest, NothingOutsideTheRootIsServed) {
  ASSERT_TRUE(std::filesystem::exists(root_ / ".." / "secret.txt"));
  const StaticFiles files(root_.string());
  for (const char* path : {
           "/../secret.txt",
           "/assets/../../secret.txt",
           "/%2e%2e/secret.txt",
           "/%2E%2E%2Fsecret.txt",
           "/assets/..%2f..%2fsecret.txt",
           "/./index.html",
           "/..",
           "/..\\secret.txt",
           "/%5c..%5csecret.txt",
           "/index.html%00.js",
           "/%zz",
           "index.html",
           "",
       }) {
    SCOPED_TRACE(path);
    // Refused outright: not even the SPA fallback answers.
    EXPECT_FALSE(files.Get(path, /*spa_fallback=*/true).has_value());
  }
}

TEST_F(StaticFilesTest, AnEmptyRootServesNothing) {
  const StaticFiles files("");
  EXPECT_FALSE(files.Get("/", true).has_value());
  EXPECT_FALSE(files.Get("/index.html", false).has_value());
  // Nor does a root that does not exist.
  const StaticFiles missing((dir_ / "nowhere").string());
  EXPECT_FALSE(missing.Get("/", true).has_value());
  EXPECT_FALSE(missing.Get("/claims/42", true).has_value());
}

}  // namespace
}  // namespace cim::gateway

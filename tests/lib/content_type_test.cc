// Proof types sniffed from the bytes, never from the name: PDF, PNG and JPEG accepted; anything
// else, truncated or empty refused.
#include "lib/content_type.h"

#include <optional>
#include <string>

#include "gtest/gtest.h"

namespace cim {
namespace {

TEST(AttachmentTypeTest, SniffsFromTheBytes) {
  EXPECT_EQ(SniffContentType("%PDF-1.4\n..."), "application/pdf");
  EXPECT_EQ(SniffContentType(std::string("\x89PNG\r\n\x1a\n\0\0", 10)), "image/png");
  EXPECT_EQ(SniffContentType("\xFF\xD8\xFF\xE0 JFIF"), "image/jpeg");
  EXPECT_EQ(SniffContentType("GIF89a"), std::nullopt);
  EXPECT_EQ(SniffContentType("PK\x03\x04 zip named .pdf"), std::nullopt);
  EXPECT_EQ(SniffContentType(""), std::nullopt);
  EXPECT_EQ(SniffContentType("%PD"), std::nullopt);
}

}  // namespace
}  // namespace cim

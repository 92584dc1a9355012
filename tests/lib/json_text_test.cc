#include "lib/json_text.h"

#include <string>

#include "gtest/gtest.h"

namespace cim {
namespace {

TEST(JsonTextTest, EscapesByTheOneRule) {
  struct Case {
    std::string text;
    bool ascii_only;
    std::string want;
  };
  const Case cases[] = {
      {"", false, R"("")"},
      {"plain", false, R"("plain")"},
      {"say \"hi\"", false, R"("say \"hi\"")"},
      {"back\\slash", false, R"("back\\slash")"},
      {"line\nbreak\r\ttab", false, R"("line\nbreak\r\ttab")"},
      {std::string("nul\0bell\x07", 9), false, R"("nul\u0000bell\u0007")"},
      {"caf\xc3\xa9", false, "\"caf\xc3\xa9\""},
      {"caf\xc3\xa9", true, R"("caf\u00c3\u00a9")"},
      {"del\x7f", true, R"("del\u007f")"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(JsonString(c.text, c.ascii_only), c.want) << c.text;
  }
}

TEST(JsonTextTest, AppendsToWhatIsThere) {
  std::string out = "{\"k\":";
  AppendJsonString(&out, "v");
  out += "}";
  EXPECT_EQ(out, R"({"k":"v"})");
}

}  // namespace
}  // namespace cim

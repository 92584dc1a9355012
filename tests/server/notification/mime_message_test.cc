// The message an email goes out as: headers that cannot be injected, encoded words within
// RFC 2047's length that never split a character, base64 bodies that decode to the text and
// HTML given, and the one-click unsubscribe headers.
#include "server/notification/mime_message.h"

#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::HasSubstr;

// The text of a header value made of encoded words (or plain text).
std::string Decoded(absl::string_view value) {
  std::string out;
  for (absl::string_view word : absl::StrSplit(value, "\r\n ")) {
    if (!absl::ConsumePrefix(&word, "=?UTF-8?B?") || !absl::ConsumeSuffix(&word, "?=")) {
      out.append(word.data(), word.size());
      continue;
    }
    std::string bytes;
    EXPECT_TRUE(absl::Base64Unescape(word, &bytes));
    out += bytes;
  }
  return out;
}

Email Sample() {
  return Email{.from_address = "cim@vendor.example",
               .from_name = "CIM Partner Portal",
               .to_address = "rosa.larsen@amstel.example",
               .to_name = "Rosa Larsen",
               .subject = "Your claim INV-7 was approved",
               .text = "Approved: €1.110,00\n",
               .html = "<p>Approved: <b>€1.110,00</b></p>",
               .message_id = "<cim-email-7@vendor.example>",
               .unsubscribe_url = "https://portal.example/unsubscribe?t=abc"};
}

TEST(MimeMessageTest, HeaderTextIsEncodedOnlyWhenItMustBeAndNeverSplitsACharacter) {
  struct Case {
    std::string text;
    bool encoded;
  } cases[] = {
      {"Your claim was approved", false},
      {"Uw claim is goedgekeurd: € 1.110,00", true},
      {"looks like =?an encoded word?=", true},
      {std::string(30, 'x') + "ééééééééééééééééééééééééééééééééééééé", true},
      {"日本語のテキストはとても長いのでいくつかの単語に分かれます日本語のテキスト", true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const std::string value = EncodedHeaderText(c.text);
    EXPECT_EQ(absl::StartsWith(value, "=?UTF-8?B?"), c.encoded);
    EXPECT_EQ(Decoded(value), c.text);
    for (absl::string_view word : absl::StrSplit(value, "\r\n ")) {
      EXPECT_LE(word.size(), 75u);
      if (!c.encoded) continue;
      ASSERT_TRUE(absl::ConsumePrefix(&word, "=?UTF-8?B?") && absl::ConsumeSuffix(&word, "?="));
      std::string bytes;
      ASSERT_TRUE(absl::Base64Unescape(word, &bytes));
      EXPECT_NE(static_cast<unsigned char>(bytes[0]) & 0xC0, 0x80) << "split inside a character";
    }
  }
}

TEST(MimeMessageTest, AMessageCarriesBothBodiesAndTheUnsubscribeHeaders) {
  absl::StatusOr<std::string> message =
      MimeMessage(Sample(), absl::FromUnixSeconds(1772442000), "=_b");
  ASSERT_TRUE(message.ok()) << message.status();
  EXPECT_THAT(*message, HasSubstr("Date: Mon, 02 Mar 2026 09:00:00 +0000\r\n"));
  EXPECT_THAT(*message, HasSubstr("From: \"CIM Partner Portal\" <cim@vendor.example>\r\n"));
  EXPECT_THAT(*message, HasSubstr("To: \"Rosa Larsen\" <rosa.larsen@amstel.example>\r\n"));
  EXPECT_THAT(*message, HasSubstr("Subject: Your claim INV-7 was approved\r\n"));
  EXPECT_THAT(*message, HasSubstr("Message-ID: <cim-email-7@vendor.example>\r\n"));
  EXPECT_THAT(*message, HasSubstr("List-Unsubscribe: <https://portal.example/unsubscribe?t=abc>\r\n"
                                  "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"));
  EXPECT_THAT(*message, HasSubstr("Content-Type: multipart/alternative; boundary=\"=_b\""));
  // Each part's base64 decodes to the body given.
  std::vector<std::string> bodies;
  for (absl::string_view part : absl::StrSplit(*message, "--=_b\r\n")) {
    const size_t blank = part.find("\r\n\r\n");
    if (!absl::StartsWith(part, "Content-Type: text/")) continue;
    std::string encoded(part.substr(blank + 4));
    encoded = encoded.substr(0, encoded.find("--=_b--"));
    absl::StrReplaceAll({{"\r\n", ""}}, &encoded);
    std::string body;
    ASSERT_TRUE(absl::Base64Unescape(encoded, &body));
    bodies.push_back(body);
  }
  EXPECT_EQ(bodies, (std::vector<std::string>{Sample().text, Sample().html}));
  EXPECT_TRUE(absl::EndsWith(*message, "--=_b--\r\n"));

  // No HTML: one text part; no unsubscribe URL: no such headers.
  Email plain = Sample();
  plain.html.clear();
  plain.unsubscribe_url.clear();
  plain.to_name = "Jan \"de Boer\"";
  message = MimeMessage(plain, absl::FromUnixSeconds(1772442000), "=_b");
  ASSERT_TRUE(message.ok()) << message.status();
  EXPECT_THAT(*message, HasSubstr("Content-Type: text/plain; charset=UTF-8\r\n"));
  EXPECT_THAT(*message, ::testing::Not(HasSubstr("multipart")));
  EXPECT_THAT(*message, ::testing::Not(HasSubstr("List-Unsubscribe")));
  EXPECT_THAT(*message, HasSubstr("To: \"Jan \\\"de Boer\\\"\" <rosa.larsen@amstel.example>"));
}

TEST(MimeMessageTest, NothingPassedInCanAddAHeader) {
  struct Case {
    const char* name;
    void (*change)(Email&);
  } cases[] = {
      {"line break in the subject", [](Email& e) { e.subject = "Hi\r\nBcc: all@example.com"; }},
      {"line break in a name", [](Email& e) { e.to_name = "Rosa\nBcc: x@y.z"; }},
      {"line break in the URL", [](Email& e) { e.unsubscribe_url = "https://x\r\nX: y"; }},
      {"address with an angle bracket", [](Email& e) { e.to_address = "a>@b.example"; }},
      {"no recipient", [](Email& e) { e.to_address = ""; }},
      {"message id without brackets", [](Email& e) { e.message_id = "cim-1@vendor.example"; }},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Email email = Sample();
    c.change(email);
    EXPECT_THAT(MimeMessage(email, absl::UnixEpoch(), "=_b"),
                StatusIs(absl::StatusCode::kInvalidArgument));
  }
}

}  // namespace
}  // namespace cim

#include "server/notification/mime_message.h"

#include <algorithm>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "lib/text_field.h"

namespace cim {
namespace {

// Bytes of text per encoded word: 45 bytes are 60 base64 characters, and with "=?UTF-8?B?"
// and "?=" the word stays within RFC 2047's 75.
constexpr size_t kEncodedWordBytes = 45;
// Base64 body lines, as RFC 2045 allows at most.
constexpr size_t kBodyLine = 76;

bool IsPlainAscii(absl::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7f; }) &&
         !absl::StrContains(text, "=?");
}

bool HasLineBreak(absl::string_view text) {
  return text.find_first_of("\r\n") != absl::string_view::npos;
}

// "Name <address>", the name quoted or encoded as it needs; just the address without a name.
std::string Mailbox(absl::string_view name, absl::string_view address) {
  if (name.empty()) return std::string(address);
  if (!IsPlainAscii(name)) return absl::StrCat(EncodedHeaderText(name), " <", address, ">");
  std::string quoted;
  for (char c : name) {
    if (c == '"' || c == '\\') quoted.push_back('\\');
    quoted.push_back(c);
  }
  return absl::StrCat("\"", quoted, "\" <", address, ">");
}

// `body` in base64, in lines of kBodyLine.
std::string Base64Lines(absl::string_view body) {
  const std::string encoded = absl::Base64Escape(body);
  std::string out;
  for (size_t i = 0; i < encoded.size(); i += kBodyLine) {
    absl::StrAppend(&out, encoded.substr(i, kBodyLine), "\r\n");
  }
  return out;
}

std::string Part(absl::string_view type, absl::string_view body) {
  return absl::StrCat("Content-Type: ", type,
                      "; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n",
                      Base64Lines(body));
}

}  // namespace

std::string EncodedHeaderText(absl::string_view text) {
  if (IsPlainAscii(text)) return std::string(text);
  std::vector<std::string> words;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = std::min(text.size(), start + kEncodedWordBytes);
    // Never split a character: back off over continuation bytes.
    while (end < text.size() && end > start + 1 &&
           (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      --end;
    }
    words.push_back(
        absl::StrCat("=?UTF-8?B?", absl::Base64Escape(text.substr(start, end - start)), "?="));
    start = end;
  }
  return absl::StrJoin(words, "\r\n ");
}

absl::StatusOr<std::string> MimeMessage(const Email& email, absl::Time date,
                                        absl::string_view boundary) {
  if (!IsEmailAddress(email.from_address) || !IsEmailAddress(email.to_address)) {
    return absl::InvalidArgumentError("an email needs a valid sender and recipient address");
  }
  if (!absl::StartsWith(email.message_id, "<") || !absl::EndsWith(email.message_id, ">") ||
      !IsEmailAddress(email.message_id.substr(1, email.message_id.size() - 2))) {
    return absl::InvalidArgumentError("a message id is \"<local@domain>\"");
  }
  for (absl::string_view value :
       {absl::string_view(email.from_name), absl::string_view(email.to_name),
        absl::string_view(email.subject), absl::string_view(email.unsubscribe_url)}) {
    if (HasLineBreak(value)) return absl::InvalidArgumentError("a header value has a line break");
  }
  std::string out = absl::StrCat(
      "Date: ", absl::FormatTime("%a, %d %b %Y %H:%M:%S +0000", date, absl::UTCTimeZone()),
      "\r\nFrom: ", Mailbox(email.from_name, email.from_address),
      "\r\nTo: ", Mailbox(email.to_name, email.to_address),
      "\r\nSubject: ", EncodedHeaderText(email.subject), "\r\nMessage-ID: ", email.message_id,
      "\r\nMIME-Version: 1.0\r\n");
  if (!email.unsubscribe_url.empty()) {
    absl::StrAppend(&out, "List-Unsubscribe: <", email.unsubscribe_url,
                    ">\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n");
  }
  if (email.html.empty()) {
    absl::StrAppend(&out, Part("text/plain", email.text));
    return out;
  }
  absl::StrAppend(&out, "Content-Type: multipart/alternative; boundary=\"", boundary,
                  "\"\r\n\r\n--", boundary, "\r\n", Part("text/plain", email.text), "--", boundary,
                  "\r\n", Part("text/html", email.html), "--", boundary, "--\r\n");
  return out;
}

}  // namespace cim

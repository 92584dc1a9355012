// The message an email is sent as: RFC 5322 headers (words outside ASCII encoded per RFC 2047)
// and a multipart/alternative body with the plain text and the HTML, each in base64 so any
// UTF-8 text travels through any relay. Pure C++.
#ifndef CIM_SERVER_NOTIFICATION_MIME_MESSAGE_H_
#define CIM_SERVER_NOTIFICATION_MIME_MESSAGE_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace cim {

// One email to one person.
struct Email {
  std::string from_address;
  std::string from_name;
  std::string to_address;
  std::string to_name;
  std::string subject;
  std::string text;
  std::string html;
  // "<id@domain>", the same for every attempt at this email: whoever receives it twice can
  // tell it is one email.
  std::string message_id;
  // One-click unsubscribe (RFC 8058) for the email's category; empty: none.
  std::string unsubscribe_url;
};

// The message of `email`, dated `date`, with CRLF line ends and `boundary` between the parts.
// INVALID_ARGUMENT if an address is not one (IsEmailAddress), the message id is not
// "<…@…>", or a header value (names, subject, URL) holds a line break: nothing the caller
// passes can add a header.
absl::StatusOr<std::string> MimeMessage(const Email& email, absl::Time date,
                                        absl::string_view boundary);

// `text` as a header value: as it is when printable ASCII, else as RFC 2047 encoded words
// ("=?UTF-8?B?…?=") of at most 75 characters each, split between characters, never inside one.
std::string EncodedHeaderText(absl::string_view text);

}  // namespace cim

#endif  // CIM_SERVER_NOTIFICATION_MIME_MESSAGE_H_

// What sends one email (SmtpMailer through a relay): the seam between delivery and transport.
#ifndef CIM_SERVER_NOTIFICATION_MAIL_SENDER_H_
#define CIM_SERVER_NOTIFICATION_MAIL_SENDER_H_

#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "server/notification/mime_message.h"

namespace cim {

// What sends one email; SmtpMailer is the real one.
class MailSender {
 public:
  virtual ~MailSender() = default;
  // OK once the relay accepted `email` for delivery. UNAVAILABLE when a later attempt may
  // succeed (no connection, a timeout, a 4xx reply, a refused login); FAILED_PRECONDITION when
  // the relay refused this email for good (a 5xx reply), with its reply. Either error message
  // says what happened.
  virtual absl::Status Send(const Email& email, absl::Time now) = 0;
  // The sender every email carries.
  virtual const std::string& from_address() const = 0;
  virtual const std::string& from_name() const = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_NOTIFICATION_MAIL_SENDER_H_

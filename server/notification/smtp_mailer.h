// Sends email through a configured SMTP relay with libcurl: smtp:// (STARTTLS when the relay
// offers it, and required before a password is sent to any relay but a loopback one) or
// smtps://, with the relay's login taken from the URL. The only code that includes libcurl.
#ifndef CIM_SERVER_NOTIFICATION_SMTP_MAILER_H_
#define CIM_SERVER_NOTIFICATION_SMTP_MAILER_H_

#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/notification/mail_sender.h"

namespace cim {

// Where email goes.
struct SmtpConfig {
  // "smtp://[user:password@]host[:port]" or "smtps://…" (percent-encode ':' and '@' in the
  // login).
  std::string url;
  // The sender every email carries.
  std::string from_address;
  std::string from_name;
  // How long one delivery may take, connection included.
  absl::Duration timeout = absl::Seconds(30);
};

class SmtpMailer final : public MailSender {
 public:
  // INVALID_ARGUMENT for a URL that is not smtp:// or smtps:// with a host, or a sender that is
  // not an email address.
  static absl::StatusOr<std::unique_ptr<SmtpMailer>> Create(SmtpConfig config);

  absl::Status Send(const Email& email, absl::Time now) override;
  const std::string& from_address() const override { return config_.from_address; }
  const std::string& from_name() const override { return config_.from_name; }

 private:
  SmtpMailer(SmtpConfig config, bool require_tls)
      : config_(std::move(config)), require_tls_(require_tls) {}

  SmtpConfig config_;
  // Whether the connection must be encrypted before the login is sent.
  bool require_tls_;
};

}  // namespace cim

#endif  // CIM_SERVER_NOTIFICATION_SMTP_MAILER_H_

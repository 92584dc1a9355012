// Delivery of the email outbox: lease what is due, send each email through the relay, record
// each outcome. A relay that is down costs nothing but time (attempts back off and come back);
// a refusal for good is recorded with the relay's reply. No SQL, no libcurl.
#ifndef CIM_SERVER_NOTIFICATION_EMAIL_DELIVERY_H_
#define CIM_SERVER_NOTIFICATION_EMAIL_DELIVERY_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "lib/clock.h"
#include "server/notification/email_outbox.h"
#include "server/notification/mail_sender.h"

namespace cim {

// Attempts an email gets before it is recorded as failed.
inline constexpr int kMaxEmailAttempts = 10;

// When an email whose attempt `attempt` (1: the first) failed at `now` is tried again: after
// 1 minute, then 5, 15, 60, then every 3 hours; nullopt once kMaxEmailAttempts were made.
std::optional<absl::Time> NextEmailAttempt(int attempt, absl::Time now);

// The Message-ID of outbox email `id` sent from `from_address`: "<cim-email-17@domain>", the
// same for every attempt.
std::string EmailMessageId(int64_t id, const std::string& from_address);

struct EmailDeliveryOptions {
  // Emails per lease.
  int batch = 10;
  // The most one send may take (SmtpConfig::timeout): a lease lasts batch × this plus a
  // minute, so it never runs out while its emails are still being sent.
  absl::Duration send_timeout = absl::Seconds(30);
};

struct EmailRun {
  int sent = 0;
  int retrying = 0;
  int failed = 0;
};

class EmailDelivery {
 public:
  // `owner` names this server in leases (unique among replicas, e.g. host and pid).
  EmailDelivery(EmailOutbox& outbox, MailSender& sender, const Clock& clock, std::string owner,
                EmailDeliveryOptions options = {})
      : outbox_(outbox),
        sender_(sender),
        clock_(clock),
        owner_(std::move(owner)),
        options_(options) {}

  // Leases one batch of due emails and sends them. Returns what happened to them; the first
  // outbox error (the emails not yet recorded come back when their lease runs out).
  absl::StatusOr<EmailRun> RunOnce();

 private:
  EmailOutbox& outbox_;
  MailSender& sender_;
  const Clock& clock_;
  std::string owner_;
  EmailDeliveryOptions options_;
};

}  // namespace cim

#endif  // CIM_SERVER_NOTIFICATION_EMAIL_DELIVERY_H_

#include "server/notification/email_delivery.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "lib/status_util.h"

namespace cim {

std::optional<absl::Time> NextEmailAttempt(int attempt, absl::Time now) {
  if (attempt >= kMaxEmailAttempts) return std::nullopt;
  static constexpr int kMinutes[] = {1, 5, 15, 60};
  const int index = attempt - 1;
  const int minutes = index >= 0 && index < 4 ? kMinutes[index] : 180;
  return now + absl::Minutes(minutes);
}

std::string EmailMessageId(int64_t id, const std::string& from_address) {
  const size_t at = from_address.find('@');
  const std::string domain =
      at == std::string::npos ? std::string("cim.invalid") : from_address.substr(at + 1);
  return absl::StrCat("<cim-email-", id, "@", domain, ">");
}

absl::StatusOr<EmailRun> EmailDelivery::RunOnce() {
  const absl::Duration lease = options_.send_timeout * options_.batch + absl::Minutes(1);
  CIM_ASSIGN_OR_RETURN(std::vector<QueuedEmail> due,
                       outbox_.Lease(owner_, clock_.Now(), lease, options_.batch));
  EmailRun run;
  for (QueuedEmail& queued : due) {
    queued.email.message_id = EmailMessageId(queued.id, sender_.from_address());
    const absl::Status sent = sender_.Send(queued.email, clock_.Now());
    if (sent.ok()) {
      CIM_RETURN_IF_ERROR(outbox_.MarkSent(queued.id, queued.lease, clock_.Now()));
      ++run.sent;
      continue;
    }
    const std::string error(sent.message());
    const std::optional<absl::Time> next =
        absl::IsUnavailable(sent) ? NextEmailAttempt(queued.attempt, clock_.Now()) : std::nullopt;
    if (next.has_value()) {
      CIM_RETURN_IF_ERROR(outbox_.Retry(queued.id, queued.lease, *next, error));
      ++run.retrying;
    } else {
      CIM_RETURN_IF_ERROR(outbox_.MarkFailed(queued.id, queued.lease, error));
      ++run.failed;
    }
  }
  return run;
}

}  // namespace cim

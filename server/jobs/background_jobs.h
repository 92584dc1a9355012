// The work every server does besides answering calls: projects committed events (recognition's
// outbox and leaderboard index), runs the daily partner-tier evaluation when it is due, seals
// new audit records into the hash chain, tells notification events to the people they concern,
// and (with a relay configured) sends the email outbox. Each
// is safe on several replicas at once (ARCHITECTURE.md, "Several replicas").
#ifndef CIM_SERVER_JOBS_BACKGROUND_JOBS_H_
#define CIM_SERVER_JOBS_BACKGROUND_JOBS_H_

#include <optional>

#include "absl/time/time.h"
#include "lib/clock.h"
#include "lib/periodic_task.h"
#include "server/audit/audit_trail.h"
#include "server/jobs/event_projector.h"
#include "server/notification/email_delivery.h"
#include "server/notification/notifications.h"
#include "server/partner_tier/partner_tiers.h"

namespace cim {

struct BackgroundJobsOptions {
  // How often recognition looks for new outbox events and score changes.
  absl::Duration recognition_interval = absl::Milliseconds(200);
  // How often a server checks whether today's (UTC) tier evaluation has run.
  absl::Duration tier_schedule_interval = absl::Minutes(1);
  // How often the server chains new audit records (every server; one at a time).
  absl::Duration audit_seal_interval = absl::Milliseconds(100);
  // How often the server tells pending notification events and queues due digests.
  absl::Duration notification_interval = absl::Milliseconds(200);
  // How often the server sends a batch of what the email outbox has due.
  absl::Duration email_interval = absl::Milliseconds(500);
};

class BackgroundJobs {
 public:
  // Starts every job's thread; `email` nullptr: no email delivery (no relay configured).
  BackgroundJobs(RecognitionRepository& recognition, LeaderboardIndex& leaderboards,
                 PartnerTiers& tiers, AuditTrail& audit_trail, Notifications& notifications,
                 EmailDelivery* email, const Clock& clock, const BackgroundJobsOptions& options);
  // Stops and joins every job (a run in progress finishes first).
  ~BackgroundJobs() = default;

 private:
  EventProjector event_projector_;
  PeriodicTask tier_schedule_;
  PeriodicTask audit_sealer_;
  PeriodicTask notifier_;
  std::optional<PeriodicTask> email_sender_;
};

}  // namespace cim

#endif  // CIM_SERVER_JOBS_BACKGROUND_JOBS_H_

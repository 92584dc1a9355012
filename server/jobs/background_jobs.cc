#include "server/jobs/background_jobs.h"

namespace cim {

BackgroundJobs::BackgroundJobs(RecognitionRepository& recognition, LeaderboardIndex& leaderboards,
                               PartnerTiers& tiers, AuditTrail& audit_trail,
                               Notifications& notifications, EmailDelivery* email,
                               const Clock& clock, const BackgroundJobsOptions& options)
    : event_projector_(recognition, leaderboards, clock,
                       EventProjectorOptions{.interval = options.recognition_interval}),
      tier_schedule_("cim-tiers", options.tier_schedule_interval,
                     [&tiers] { return tiers.RunScheduled().status(); }),
      audit_sealer_("cim-audit-seal", options.audit_seal_interval,
                    [&audit_trail] { return audit_trail.SealPending(); }),
      notifier_("cim-notify", options.notification_interval,
                [&notifications] { return notifications.RunOnce(); }) {
  if (email != nullptr) {
    // One batch per round: a relay that hangs holds up a shutdown by one batch at most.
    email_sender_.emplace("cim-email", options.email_interval,
                          [email] { return email->RunOnce().status(); });
  }
}

}  // namespace cim

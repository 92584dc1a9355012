// Every store of the server, built in one place on one database pool. Logic objects and jobs
// take the interfaces (x_repository.h); only this file names the MariaDB implementations.
#ifndef CIM_SERVER_APP_REPOSITORIES_H_
#define CIM_SERVER_APP_REPOSITORIES_H_

#include <memory>

#include "absl/status/statusor.h"
#include "lib/clock.h"
#include "server/accounts/mysql_account_security_repository.h"
#include "server/audit/mysql_audit.h"
#include "server/claim/mysql_claim_repository.h"
#include "server/db/mysql_database.h"
#include "server/dispute/mysql_dispute_repository.h"
#include "server/engagement/mysql_challenge_repository.h"
#include "server/engagement/mysql_feed_repository.h"
#include "server/engagement/mysql_kudos_repository.h"
#include "server/engagement/mysql_survey_repository.h"
#include "server/fund/mysql_fund_repository.h"
#include "server/identity/mysql_access_token_repository.h"
#include "server/identity/mysql_login_throttle_repository.h"
#include "server/identity/mysql_partner_repository.h"
#include "server/identity/mysql_two_step_repository.h"
#include "server/identity/mysql_user_repository.h"
#include "server/money/mysql_ledger_repository.h"
#include "server/notification/mysql_email_outbox.h"
#include "server/notification/mysql_notification_store.h"
#include "server/partner_tier/mysql_partner_tier_repository.h"
#include "server/payout/mysql_payout_repository.h"
#include "server/performance/mysql_performance_repository.h"
#include "server/program/mysql_product_repository.h"
#include "server/program/mysql_program_repository.h"
#include "server/recognition/mysql_recognition_repository.h"
#include "server/redemption/mysql_redemption_repository.h"
#include "server/training/mysql_certification_registry.h"
#include "server/training/mysql_training_repository.h"

namespace cim {

// Connects the pool (MysqlDatabase::Connect) with the audit trail recorded in every transaction.
absl::StatusOr<std::unique_ptr<MysqlDatabase>> OpenDatabase(const std::string& connect,
                                                            int pool_size,
                                                            const DatabaseTimeouts& timeouts = {});

struct Repositories {
  Repositories(MysqlDatabase& db, const Clock& clock);

  MysqlPartnerRepository partners;
  MysqlUserRepository users;
  MysqlAccessTokenRepository tokens;
  MysqlLoginThrottleRepository login_throttle;
  MysqlTwoStepRepository two_step;
  MysqlAccountSecurityRepository accounts;
  MysqlProductRepository products;
  MysqlProgramRepository programs;
  MysqlCertificationRegistry certifications;
  MysqlLedgerRepository ledger;
  MysqlClaimRepository claims;
  MysqlFundRepository funds;
  MysqlDisputeRepository disputes;
  MysqlPayoutRepository payouts;
  MysqlRecognitionRepository recognition;
  MysqlTrainingRepository training;
  MysqlPartnerTierRepository tiers;
  MysqlKudosRepository kudos;
  MysqlFeedRepository feed;
  MysqlChallengeRepository challenges;
  MysqlSurveyRepository surveys;
  MysqlAuditRepository audit;
  MysqlPerformanceRepository performance;
  MysqlRedemptionRepository redemption;
  MysqlEmailOutbox email_outbox;
  MysqlNotificationStore notifications;
};

}  // namespace cim

#endif  // CIM_SERVER_APP_REPOSITORIES_H_

#include "server/app/commands.h"

#include <cstdlib>
#include <iostream>

#include "absl/flags/reflection.h"
#include "server/audit/audit_trail.h"
#include "server/audit/mysql_audit.h"
#include "server/claim/mysql_claim_repository.h"
#include "server/common/status_util.h"
#include "server/db/mysql_migrator.h"
#include "server/demo/demo_data.h"
#include "server/demo/demo_engagement.h"
#include "server/demo/demo_performance.h"
#include "server/demo/demo_programs.h"
#include "server/demo/demo_recognition.h"
#include "server/engagement/mysql_engagement_repository.h"
#include "server/fund/mysql_fund_repository.h"
#include "server/identity/mysql_access_token_repository.h"
#include "server/identity/mysql_partner_repository.h"
#include "server/identity/mysql_user_repository.h"
#include "server/payout/mysql_payout_repository.h"
#include "server/performance/mysql_performance_repository.h"
#include "server/program/mysql_product_repository.h"
#include "server/program/mysql_program_repository.h"
#include "server/recognition/mysql_recognition_repository.h"
#include "server/tier/mysql_tier_repository.h"

namespace cim {

void ApplyEnvironmentOverrides(const std::vector<std::pair<std::string, std::string>>& pairs) {
  for (const auto& [flag_name, env] : pairs) {
    const char* value = std::getenv(env.c_str());
    if (value == nullptr || *value == '\0') continue;
    absl::CommandLineFlag* flag = absl::FindCommandLineFlag(flag_name);
    std::string error;
    if (flag == nullptr || !flag->ParseFrom(value, &error)) {
      std::cerr << "invalid " << env << "=" << value << ": " << error << "\n";
      std::exit(2);
    }
  }
}

absl::Status MigrateOnly(const ServerOptions& options) {
  CIM_ASSIGN_OR_RETURN(std::unique_ptr<MysqlDatabase> db,
                       MysqlDatabase::Connect(options.db_connect, 1, options.db_timeouts));
  CIM_ASSIGN_OR_RETURN(std::vector<MigrationFile> files, ReadMigrations(options.migrations_dir));
  CIM_ASSIGN_OR_RETURN(std::vector<std::string> applied, ApplyMigrations(*db, files));
  std::cerr << "cim-server: " << applied.size() << " migration(s) applied, "
            << files.size() - applied.size() << " already up to date\n";
  for (const std::string& name : applied) std::cerr << "  applied " << name << "\n";
  return absl::OkStatus();
}

absl::StatusOr<bool> VerifyAudit(const ServerOptions& options, std::ostream& out) {
  CIM_ASSIGN_OR_RETURN(std::unique_ptr<MysqlDatabase> db,
                       MysqlDatabase::Connect(options.db_connect, 1, options.db_timeouts));
  MysqlAuditRepository repository(*db);
  AuditTrail trail(repository);
  CIM_ASSIGN_OR_RETURN(const cim::v1::VerifyAuditTrailResponse result, trail.VerifyAll());
  if (result.intact()) {
    out << "audit trail intact: " << result.records_checked() << " records, head "
        << result.head_seq() << " " << result.head_hash() << "\n";
  } else {
    out << "audit trail BROKEN at record " << result.broken_seq() << ": " << result.problem()
        << "\n";
  }
  return result.intact();
}

absl::Status SeedDemo(const ServerOptions& options, std::ostream& out) {
  CIM_RETURN_IF_ERROR(MigrateOnly(options));
  CIM_ASSIGN_OR_RETURN(std::unique_ptr<MysqlDatabase> db,
                       MysqlDatabase::Connect(options.db_connect, 1, options.db_timeouts));
  MysqlPartnerRepository partners(*db);
  MysqlUserRepository users(*db);
  MysqlAccessTokenRepository tokens(*db);
  PasswordHasher hasher(options.password_hash);
  SystemClock clock;
  // The demo's history is on the audit trail too, as the server's own work.
  AuditScope audit(AuditActor{
      .rpc = "seed:demo", .request_id = "demo-seed", .client_address = "cim-server --seed_demo"});
  CIM_ASSIGN_OR_RETURN(DemoSummary summary, LoadDemoData(partners, users, tokens, hasher, clock));
  if (summary.loaded) {
    out << "Demo data loaded: " << summary.partners << " partners, " << summary.users
        << " users.\n";
    MysqlProductRepository products(*db);
    MysqlProgramRepository programs(*db);
    MysqlClaimRepository claims(*db);
    MysqlFundRepository funds(*db);
    MysqlPayoutRepository payouts(*db);
    CIM_ASSIGN_OR_RETURN(DemoProgramSummary money, LoadDemoPrograms({.partners = partners,
                                                                     .users = users,
                                                                     .products = products,
                                                                     .programs = programs,
                                                                     .claims = claims,
                                                                     .funds = funds,
                                                                     .payouts = payouts},
                                                                    clock.Now()));
    out << "Demo programs loaded: " << money.products << " products, " << money.programs
        << " programs, " << money.enrollments << " enrollments, " << money.claims << " claims ("
        << money.approved << " approved), " << money.statements << " statements.\n";
    MysqlRecognitionRepository recognition(*db);
    CIM_ASSIGN_OR_RETURN(UserRecord admin, users.GetByEmail(kDemoProgramAdminEmail));
    CIM_ASSIGN_OR_RETURN(
        DemoRecognitionSummary recognized,
        LoadDemoRecognition(recognition, programs, users, admin.user.id(), clock.Now()));
    out << "Demo recognition loaded: " << recognized.levels << " levels, " << recognized.badges
        << " badges, " << recognized.leaderboards << " leaderboards, "
        << recognized.training_modules << " training modules with " << recognized.completions
        << " completions; " << recognized.events << " events gave " << recognized.awards
        << " badge awards.\n";
    MysqlTierRepository tiers(*db);
    MysqlEngagementRepository engagement(*db);
    CIM_ASSIGN_OR_RETURN(DemoEngagementSummary engaged,
                         LoadDemoEngagement({.tiers = tiers,
                                             .engagement = engagement,
                                             .recognition = recognition,
                                             .users = users,
                                             .partners = partners},
                                            admin.user.id(), clock.Now()));
    out << "Demo tiers and engagement loaded: " << engaged.tiers << " tiers ("
        << engaged.tier_changes << " tier changes over 4 months), " << engaged.kudos << " kudos, "
        << engaged.challenges << " challenges, " << engaged.survey_responses
        << " survey responses; " << engaged.feed_entries << " feed entries.\n";
    MysqlPerformanceRepository performance(*db);
    CIM_ASSIGN_OR_RETURN(const int costs,
                         LoadDemoProgramCosts(performance, programs, admin.user.id(), clock.Now()));
    out << "Demo program costs loaded: " << costs << " admin, training and marketing costs.\n";
  } else {
    out << "Demo data already present (database has users); nothing loaded.\n";
  }
  out << "Demo logins (password for all: " << kDemoPassword << "):\n";
  for (const DemoLogin& login : summary.logins) {
    out << "  " << login.role << ": " << login.email << "  (" << login.note << ")\n";
  }
  if (!summary.service_api_key.empty()) {
    out << "  service account API key (ERP sales sync): " << summary.service_api_key << "\n";
  }
  return absl::OkStatus();
}

}  // namespace cim

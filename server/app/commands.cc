#include "server/app/commands.h"

#include <cstdlib>
#include <iostream>

#include "absl/flags/reflection.h"
#include "lib/messages.h"
#include "lib/status_util.h"
#include "server/app/repositories.h"
#include "server/audit/audit_trail.h"
#include "server/audit/mysql_audit.h"
#include "server/db/mysql_migrator.h"
#include "server/demo/demo_data.h"
#include "server/demo/demo_disputes.h"
#include "server/demo/demo_engagement.h"
#include "server/demo/demo_performance.h"
#include "server/demo/demo_programs.h"
#include "server/demo/demo_recognition.h"
#include "server/demo/demo_rewards.h"

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
                       OpenDatabase(options.db_connect, 1, options.db_timeouts));
  CIM_ASSIGN_OR_RETURN(std::vector<MigrationFile> files, ReadMigrations(options.migrations_dir));
  CIM_ASSIGN_OR_RETURN(std::vector<std::string> applied, ApplyMigrations(*db, files));
  std::cerr << "cim-server: " << applied.size() << " migration(s) applied, "
            << files.size() - applied.size() << " already up to date\n";
  for (const std::string& name : applied) std::cerr << "  applied " << name << "\n";
  return absl::OkStatus();
}

absl::StatusOr<bool> VerifyAudit(const ServerOptions& options, std::ostream& out) {
  CIM_ASSIGN_OR_RETURN(std::unique_ptr<MysqlDatabase> db,
                       OpenDatabase(options.db_connect, 1, options.db_timeouts));
  MysqlAuditRepository repository(*db);  // the one store verification reads
  AuditTrail trail(repository);
  CIM_ASSIGN_OR_RETURN(const cim::v1::VerifyAuditTrailResponse result, trail.VerifyAll());
  if (result.intact()) {
    out << "audit trail intact: " << result.records_checked() << " records, head "
        << result.head_seq() << " " << result.head_hash() << "\n";
  } else {
    out << "audit trail BROKEN at record " << result.broken_seq() << ": "
        << Wording::English().Render(result.problem()) << "\n";
  }
  return result.intact();
}

absl::Status SeedDemo(const ServerOptions& options, std::ostream& out) {
  CIM_RETURN_IF_ERROR(MigrateOnly(options));
  CIM_ASSIGN_OR_RETURN(std::unique_ptr<MysqlDatabase> db,
                       OpenDatabase(options.db_connect, 1, options.db_timeouts));
  SystemClock clock;
  Repositories stores(*db, clock);
  PasswordHasher hasher(options.password_hash);
  // The demo's history is on the audit trail too, as the server's own work.
  AuditScope audit(AuditActor{
      .rpc = "seed:demo", .request_id = "demo-seed", .client_address = "cim-server --seed_demo"});
  CIM_ASSIGN_OR_RETURN(DemoSummary summary,
                       LoadDemoData(stores.partners, stores.users, stores.tokens, hasher, clock));
  if (summary.loaded) {
    out << "Demo data loaded: " << summary.partners << " partners, " << summary.users
        << " users.\n";
    if (options.secrets_key.has_value()) {
      const SecretSealer sealer(options.secrets_key);
      CIM_RETURN_IF_ERROR(LoadDemoTwoStep(stores.two_step, sealer, stores.users,
                                          options.auth.two_step_roles, clock.Now(), summary));
    } else {
      out << "Two-step sign-in not set up for the demo (no --secrets_key_file).\n";
    }
    CIM_ASSIGN_OR_RETURN(DemoProgramSummary money, LoadDemoPrograms({.partners = stores.partners,
                                                                     .users = stores.users,
                                                                     .products = stores.products,
                                                                     .programs = stores.programs,
                                                                     .claims = stores.claims,
                                                                     .funds = stores.funds,
                                                                     .payouts = stores.payouts},
                                                                    clock.Now()));
    out << "Demo programs loaded: " << money.products << " products, " << money.programs
        << " programs, " << money.enrollments << " enrollments, " << money.claims << " claims ("
        << money.approved << " approved), " << money.statements << " statements.\n";
    CIM_ASSIGN_OR_RETURN(UserRecord admin, stores.users.GetByEmail(kDemoProgramAdminEmail));
    CIM_ASSIGN_OR_RETURN(DemoRecognitionSummary recognized,
                         LoadDemoRecognition(stores.recognition, stores.training, stores.programs,
                                             stores.users, admin.user.id(), clock.Now()));
    out << "Demo recognition loaded: " << recognized.levels << " levels, " << recognized.badges
        << " badges, " << recognized.leaderboards << " leaderboards, "
        << recognized.training_modules << " training modules with " << recognized.completions
        << " completions; " << recognized.events << " events gave " << recognized.awards
        << " badge awards.\n";
    CIM_ASSIGN_OR_RETURN(DemoEngagementSummary engaged,
                         LoadDemoEngagement({.tiers = stores.tiers,
                                             .kudos = stores.kudos,
                                             .feed = stores.feed,
                                             .challenges = stores.challenges,
                                             .surveys = stores.surveys,
                                             .recognition = stores.recognition,
                                             .users = stores.users,
                                             .partners = stores.partners,
                                             .programs = stores.programs,
                                             .claims = stores.claims},
                                            admin.user.id(), clock.Now()));
    out << "Demo tiers and engagement loaded: " << engaged.tiers << " tiers ("
        << engaged.tier_changes << " tier changes over 4 months), " << engaged.kudos << " kudos, "
        << engaged.challenges << " challenges, " << engaged.survey_responses
        << " survey responses; " << engaged.feed_entries << " feed entries.\n";
    CIM_ASSIGN_OR_RETURN(const int costs, LoadDemoProgramCosts(stores.performance, stores.programs,
                                                               admin.user.id(), clock.Now()));
    out << "Demo program costs loaded: " << costs << " admin, training and marketing costs.\n";
    Redemption redemption(stores.redemption, stores.ledger, stores.partners, stores.certifications,
                          clock);
    CIM_ASSIGN_OR_RETURN(const DemoRewardsSummary rewards,
                         LoadDemoRewards(redemption, stores.users, admin.user.id()));
    out << "Demo rewards catalog loaded: " << rewards.items << " items, " << rewards.orders
        << " orders.\n";
    CIM_ASSIGN_OR_RETURN(const int disputes,
                         LoadDemoDisputes(stores.disputes, stores.programs, stores.ledger,
                                          stores.users, clock.Now()));
    out << "Demo disputes loaded: " << disputes << " disputes from Amstel Systems.\n";
  } else {
    out << "Demo data already present (database has users); nothing loaded.\n";
  }
  out << "Demo logins (password for all: " << kDemoPassword << "):\n";
  for (const DemoLogin& login : summary.logins) {
    out << "  " << login.role << ": " << login.email << "  (" << login.note;
    if (!login.two_step_secret.empty()) {
      out << "; two-step secret " << login.two_step_secret << ", codes: oathtool --totp -b "
          << login.two_step_secret;
    }
    out << ")\n";
  }
  if (!summary.service_api_key.empty()) {
    out << "  service account API key (ERP sales sync): " << summary.service_api_key << "\n";
  }
  return absl::OkStatus();
}

}  // namespace cim

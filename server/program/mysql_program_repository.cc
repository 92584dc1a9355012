#include "server/program/mysql_program_repository.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "lib/decimal.h"
#include "lib/phrase.h"
#include "lib/proto_json.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/db/sql_builder.h"
#include "server/db/table.h"
#include "server/events/mysql_notification_events.h"
#include "server/money/mysql_budget.h"
#include "server/money/mysql_ledger_entries.h"

namespace cim {
namespace {

constexpr char kSelect[] =
    "SELECT p.id, p.name, p.description, p.objectives, p.design_json, p.currency_code,"
    " CAST(p.budget AS CHAR) AS budget, CAST(b.drawn AS CHAR) AS drawn,"
    " CAST(p.budget - b.drawn AS CHAR) AS remaining, CAST(p.start_date AS CHAR) AS start_date,"
    " CAST(p.end_date AS CHAR) AS end_date, p.period, p.terms_version, p.rules_version, p.status,"
    " p.created_at, p.updated_at, p.version, t.terms, r.rules_json"
    " FROM programs p"
    " JOIN program_terms_versions t ON t.program_id = p.id AND t.version = p.terms_version"
    " JOIN program_rules_versions r ON r.program_id = p.id AND r.version = p.rules_version"
    " JOIN (SELECT program_id, SUM(drawn) AS drawn FROM program_budget_slices"
    "  GROUP BY program_id) b ON b.program_id = p.id";

constexpr char kEnrollmentColumns[] =
    "id, program_id, partner_id, accepted_terms_version, accepted_by, accepted_at";

// The part of a program stored as design_json.
std::string DesignJson(const Program& program) {
  Program design;
  *design.mutable_targets() = program.targets();
  *design.mutable_eligibility() = program.eligibility();
  *design.mutable_eligible_skus() = program.eligible_skus();
  return ToStoredJson(design);
}

std::string RulesJson(const Program& program) {
  ProgramRulesVersion rules;
  *rules.mutable_rules() = program.rules();
  return ToStoredJson(rules);
}

absl::StatusOr<Program> ProgramFromRow(const soci::row& row) {
  const NamedRow r(row);
  Program p;
  CIM_RETURN_IF_ERROR(FromStoredJson(r.Text("design_json"), &p));
  ProgramRulesVersion rules;
  CIM_RETURN_IF_ERROR(FromStoredJson(r.Text("rules_json"), &rules));
  *p.mutable_rules() = std::move(*rules.mutable_rules());
  p.set_id(r.Integer("id"));
  p.set_name(r.Text("name"));
  p.set_description(r.Text("description"));
  p.set_objectives(r.Text("objectives"));
  p.set_currency_code(r.Text("currency_code"));
  const int minor = StoredCurrencyScale(p.currency_code());
  p.set_budget(r.Decimal("budget", minor));
  p.set_budget_drawn(r.Decimal("drawn", minor));
  p.set_budget_remaining(r.Decimal("remaining", minor));
  p.set_start_date(r.Text("start_date"));
  p.set_end_date(r.Text("end_date"));
  p.set_period(static_cast<cim::v1::ProgramPeriod>(r.Int("period")));
  p.set_terms_version(r.Int("terms_version"));
  p.set_rules_version(r.Int("rules_version"));
  p.set_status(static_cast<cim::v1::ProgramStatus>(r.Int("status")));
  SetTimestamp(r.Time("created_at"), p.mutable_create_time());
  SetTimestamp(r.Time("updated_at"), p.mutable_update_time());
  p.set_etag(absl::StrCat(r.Integer("version")));
  p.set_terms(r.Text("terms"));
  return p;
}

}  // namespace

absl::StatusOr<Program> ReadProgram(soci::session& s, int64_t id) {
  CIM_ASSIGN_OR_RETURN(auto programs, ReadPrograms(s, {id}));
  auto it = programs.find(id);
  if (it == programs.end()) return NotFoundError("program", id);
  return std::move(it->second);
}

absl::StatusOr<absl::flat_hash_map<int64_t, Program>> ReadPrograms(
    soci::session& s, const std::vector<int64_t>& ids) {
  absl::flat_hash_map<int64_t, Program> out;
  if (ids.empty()) return out;
  SqlBuilder q(kSelect);
  q << " WHERE p.id IN ";
  q.List(ids);
  absl::Status status;
  q.Query(s, [&](const soci::row& r) {
    absl::StatusOr<Program> program = ProgramFromRow(r);
    if (!program.ok()) {
      status.Update(program.status());
      return;
    }
    const int64_t id = program->id();
    out[id] = *std::move(program);
  });
  CIM_RETURN_IF_ERROR(status);
  return out;
}

absl::StatusOr<absl::flat_hash_map<int64_t, Program>> ProgramCache::Read(
    soci::session& s, const std::vector<int64_t>& ids) {
  absl::flat_hash_map<int64_t, Program> out;
  if (ids.empty()) return out;
  SqlBuilder versions("SELECT id, version FROM programs WHERE id IN ");
  versions.List(ids);
  std::vector<std::pair<int64_t, std::string>> current;  // id, version
  versions.Query(s, [&](const soci::row& r) {
    current.emplace_back(r.get<long long>(0), absl::StrCat(r.get<long long>(1)));
  });
  std::vector<int64_t> changed;
  {
    absl::MutexLock lock(&mu_);
    for (const auto& [id, version] : current) {
      auto it = programs_.find(id);
      if (it != programs_.end() && it->second.etag() == version) {
        out[id] = it->second;
      } else {
        changed.push_back(id);
      }
    }
  }
  if (changed.empty()) return out;
  CIM_ASSIGN_OR_RETURN(auto fresh, ReadPrograms(s, changed));
  absl::MutexLock lock(&mu_);
  for (auto& [id, program] : fresh) {
    Program& cached = programs_[id];
    // A slower reader may bring an older version: keep the newest.
    if (cached.etag().empty() || std::stoll(cached.etag()) < std::stoll(program.etag())) {
      cached = program;
    }
    out[id] = std::move(program);
  }
  return out;
}

namespace {

// Writes the rules and terms of `program` at their versions: a new row, or the current row's
// text replaced (its author and time change only if the text does).
void WriteVersions(soci::session& s, const Program& program, int64_t actor, absl::Time now) {
  long long id = program.id(), by = actor;
  int rules_version = program.rules_version(), terms_version = program.terms_version();
  std::string rules = RulesJson(program);
  std::tm t = ToSqlTime(now);
  s << "INSERT INTO program_rules_versions (program_id, version, rules_json, created_by,"
       " created_at) VALUES (:id, :v, :rules, :by, :t) ON DUPLICATE KEY UPDATE"
       " created_by = IF(rules_json = VALUES(rules_json), created_by, VALUES(created_by)),"
       " created_at = IF(rules_json = VALUES(rules_json), created_at, VALUES(created_at)),"
       " rules_json = VALUES(rules_json)",
      soci::use(id), soci::use(rules_version), soci::use(rules), soci::use(by), soci::use(t);
  s << "INSERT INTO program_terms_versions (program_id, version, terms, created_at)"
       " VALUES (:id, :v, :terms, :t) ON DUPLICATE KEY UPDATE"
       " created_at = IF(terms = VALUES(terms), created_at, VALUES(created_at)),"
       " terms = VALUES(terms)",
      soci::use(id), soci::use(terms_version), soci::use(program.terms()), soci::use(t);
}

Enrollment EnrollmentFromRow(const soci::row& row) {
  const NamedRow r(row);
  Enrollment e;
  e.set_id(r.Integer("id"));
  e.set_program_id(r.Integer("program_id"));
  e.set_partner_id(r.Integer("partner_id"));
  e.set_accepted_terms_version(r.Int("accepted_terms_version"));
  e.set_accepted_by_user_id(r.Integer("accepted_by"));
  SetTimestamp(r.Time("accepted_at"), e.mutable_accept_time());
  return e;
}

// Records that `user_id` of the partner accepted terms `version` of the program at `now`.
void RecordAcceptance(soci::session& s, int64_t program_id, int64_t partner_id, int version,
                      int64_t user_id, absl::Time now) {
  long long program = program_id, partner = partner_id, user = user_id;
  std::tm at = ToSqlTime(now);
  s << "INSERT IGNORE INTO program_terms_acceptances (program_id, partner_id, terms_version,"
       " accepted_by, accepted_at) VALUES (:program, :partner, :version, :user, :at)",
      soci::use(program), soci::use(partner), soci::use(version), soci::use(user), soci::use(at);
}

}  // namespace

absl::StatusOr<Program> MysqlProgramRepository::Create(const Program& program, int64_t actor,
                                                       absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<Program> {
    const int64_t id = Table("programs")
                           .Insert(s, Columns()
                                          .Set("name", program.name())
                                          .Set("description", program.description())
                                          .Set("objectives", program.objectives())
                                          .Set("design_json", DesignJson(program))
                                          .Set("currency_code", program.currency_code())
                                          .Set("budget", program.budget())
                                          .Set("start_date", program.start_date())
                                          .Set("end_date", program.end_date())
                                          .Set("period", static_cast<int>(program.period()))
                                          .Set("terms_version", program.terms_version())
                                          .Set("rules_version", program.rules_version())
                                          .Set("status", static_cast<int>(program.status()))
                                          .Set("created_by", actor)
                                          .Set("created_at", now)
                                          .Set("updated_at", now));
    Program stored = program;
    stored.set_id(id);
    WriteVersions(s, stored, actor, now);
    CIM_ASSIGN_OR_RETURN(Decimal budget, Decimal::Parse(program.budget()));
    CIM_RETURN_IF_ERROR(RebalanceBudget(s, id, budget, 0, Decimal()));
    return ReadProgram(s, id);
  });
}

absl::StatusOr<Program> MysqlProgramRepository::Get(int64_t id) {
  return db_.Run([&](soci::session& s) { return ReadProgram(s, id); });
}

absl::StatusOr<absl::flat_hash_map<int64_t, Program>> MysqlProgramRepository::GetDefinitions(
    const std::vector<int64_t>& ids) {
  return db_.Run([&](soci::session& s) { return definitions_.Read(s, ids); });
}

absl::StatusOr<std::vector<Program>> MysqlProgramRepository::List(const ProgramFilter& filter,
                                                                  int64_t after_id, int limit) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<Program>> {
    int status = filter.status, exclude_drafts = filter.exclude_drafts ? 1 : 0;
    int draft = cim::v1::PROGRAM_STATUS_DRAFT;
    long long after = after_id;
    std::string like = LikeContains(filter.name_contains);
    soci::rowset<soci::row> rows =
        (s.prepare << absl::StrCat(kSelect,
                                   " WHERE p.id > :after"
                                   " AND (:status1 = 0 OR p.status = :status2)"
                                   " AND (:exclude = 0 OR p.status <> :draft)"
                                   " AND p.name LIKE :like ORDER BY p.id LIMIT :limit"),
         soci::use(after), soci::use(status), soci::use(status), soci::use(exclude_drafts),
         soci::use(draft), soci::use(like), soci::use(limit));
    std::vector<Program> out;
    for (const soci::row& r : rows) {
      CIM_ASSIGN_OR_RETURN(Program p, ProgramFromRow(r));
      out.push_back(std::move(p));
    }
    return out;
  });
}

absl::StatusOr<Program> MysqlProgramRepository::Update(
    const Program& program, int64_t actor, absl::Time now,
    const std::vector<NotificationEvent>& notices) {
  long long expected_version = 0;
  if (!absl::SimpleAtoi(program.etag(), &expected_version)) {
    return absl::InvalidArgumentError("etag: not an etag of this program");
  }
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<Program> {
    long long id = program.id();
    Table("programs").WillChange(s, id);
    std::string design = DesignJson(program);
    int period = program.period(), status = program.status();
    int terms_version = program.terms_version(), rules_version = program.rules_version();
    std::tm t = ToSqlTime(now);
    soci::statement st =
        (s.prepare << "UPDATE programs SET name = :name, description = :description,"
                      " objectives = :objectives, design_json = :design,"
                      " currency_code = :currency, budget = :budget, start_date = :start,"
                      " end_date = :end, period = :period, terms_version = :terms_version,"
                      " rules_version = :rules_version, status = :status, updated_at = :u,"
                      " version = version + 1"
                      " WHERE id = :id AND version = :v",
         soci::use(program.name()), soci::use(program.description()),
         soci::use(program.objectives()), soci::use(design), soci::use(program.currency_code()),
         soci::use(program.budget()), soci::use(program.start_date()),
         soci::use(program.end_date()), soci::use(period), soci::use(terms_version),
         soci::use(rules_version), soci::use(status), soci::use(t), soci::use(id),
         soci::use(expected_version));
    st.execute(true);
    if (st.get_affected_rows() == 0) {
      CIM_RETURN_IF_ERROR(ReadProgram(s, id).status());  // NOT_FOUND if it is gone
      return ChangedSinceReadError("program", id);
    }
    CIM_ASSIGN_OR_RETURN(Decimal budget, Decimal::Parse(program.budget()));
    CIM_RETURN_IF_ERROR(RebalanceBudget(s, id, budget, 0, Decimal()));
    WriteVersions(s, program, actor, now);
    AppendNotificationEvents(s, notices);
    return ReadProgram(s, id);
  });
}

absl::StatusOr<std::vector<ProgramRulesVersion>> MysqlProgramRepository::ListRulesVersions(
    int64_t program_id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<ProgramRulesVersion>> {
    CIM_RETURN_IF_ERROR(ReadProgram(s, program_id).status());
    long long id = program_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT version, rules_json, created_by, created_at"
                      " FROM program_rules_versions WHERE program_id = :id ORDER BY version DESC",
         soci::use(id));
    std::vector<ProgramRulesVersion> out;
    for (const soci::row& r : rows) {
      ProgramRulesVersion v;
      CIM_RETURN_IF_ERROR(FromStoredJson(r.get<std::string>(1), &v));
      v.set_program_id(program_id);
      v.set_version(r.get<int>(0));
      v.set_created_by_user_id(r.get<long long>(2));
      SetTimestamp(FromSqlTime(r.get<std::tm>(3)), v.mutable_create_time());
      out.push_back(std::move(v));
    }
    return out;
  });
}

absl::StatusOr<std::vector<cim::v1::ProgramTermsVersion>> MysqlProgramRepository::ListTermsVersions(
    int64_t program_id, int64_t partner_id) {
  return db_.Run(
      [&](soci::session& s) -> absl::StatusOr<std::vector<cim::v1::ProgramTermsVersion>> {
        CIM_RETURN_IF_ERROR(ReadProgram(s, program_id).status());
        long long program = program_id, partner = partner_id;
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT t.version, t.terms, t.created_at, a.accepted_by, a.accepted_at"
                          " FROM program_terms_versions t LEFT JOIN program_terms_acceptances a"
                          " ON a.program_id = t.program_id AND a.terms_version = t.version"
                          " AND a.partner_id = :partner"
                          " WHERE t.program_id = :program ORDER BY t.version DESC",
             soci::use(partner), soci::use(program));
        std::vector<cim::v1::ProgramTermsVersion> out;
        for (const soci::row& row : rows) {
          const NamedRow r(row);
          cim::v1::ProgramTermsVersion& v = out.emplace_back();
          v.set_program_id(program_id);
          v.set_version(r.Int("version"));
          v.set_terms(r.Text("terms"));
          SetTimestamp(r.Time("created_at"), v.mutable_create_time());
          if (!r.IsNull("accepted_by")) {
            v.set_accepted_by_user_id(r.Integer("accepted_by"));
            SetTimestamp(r.Time("accepted_at"), v.mutable_accept_time());
          }
        }
        return out;
      });
}

absl::StatusOr<Enrollment> MysqlProgramRepository::Enroll(
    const Enrollment& enrollment, const std::vector<LedgerPosting>& postings,
    const Decimal& budget_draw) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<Enrollment> {
    const int64_t program = enrollment.program_id(), partner = enrollment.partner_id();
    const int64_t id =
        Table("enrollments")
            .Insert(s, Columns()
                           .Set("program_id", program)
                           .Set("partner_id", partner)
                           .Set("accepted_terms_version", enrollment.accepted_terms_version())
                           .Set("accepted_by", enrollment.accepted_by_user_id())
                           .Set("accepted_at", FromTimestamp(enrollment.accept_time())));
    RecordAcceptance(s, program, partner, enrollment.accepted_terms_version(),
                     enrollment.accepted_by_user_id(), FromTimestamp(enrollment.accept_time()));
    AppendLedgerEntries(s, postings);
    CIM_RETURN_IF_ERROR(DrawBudget(s, program, partner, budget_draw));
    Enrollment stored = enrollment;
    stored.set_id(id);
    return stored;
  });
}

absl::StatusOr<Enrollment> MysqlProgramRepository::AcceptTerms(int64_t program_id,
                                                               int64_t partner_id, int32_t version,
                                                               int64_t user_id, absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<Enrollment> {
    long long program = program_id, partner = partner_id;
    // Shared: a new terms version (an UPDATE of the program) waits until this acceptance is in.
    int current = 0;
    s << "SELECT terms_version FROM programs WHERE id = :id LOCK IN SHARE MODE", soci::use(program),
        soci::into(current);
    if (!s.got_data()) return NotFoundError("program", program_id);
    soci::row row;
    s << absl::StrCat("SELECT ", kEnrollmentColumns,
                      " FROM enrollments WHERE program_id = :program AND partner_id = :partner"
                      " FOR UPDATE"),
        soci::use(program), soci::use(partner), soci::into(row);
    if (!s.got_data()) {
      return absl::NotFoundError(Phrase("error.partner_not_in_program")
                                     .Text("partner", absl::StrCat(partner_id))
                                     .Text("program", absl::StrCat(program_id))
                                     .str());
    }
    Enrollment enrollment = EnrollmentFromRow(row);
    if (version != current) {
      return absl::FailedPreconditionError(Phrase("error.terms_not_current")
                                               .Text("current", absl::StrCat(current))
                                               .Text("version", absl::StrCat(version))
                                               .str());
    }
    if (enrollment.accepted_terms_version() == version) return enrollment;  // accepted already
    Table("enrollments")
        .Update(s, enrollment.id(),
                Columns()
                    .Set("accepted_terms_version", version)
                    .Set("accepted_by", user_id)
                    .Set("accepted_at", now));
    RecordAcceptance(s, program_id, partner_id, version, user_id, now);
    enrollment.set_accepted_terms_version(version);
    enrollment.set_accepted_by_user_id(user_id);
    SetTimestamp(now, enrollment.mutable_accept_time());
    return enrollment;
  });
}

absl::StatusOr<Enrollment> MysqlProgramRepository::GetEnrollment(int64_t program_id,
                                                                 int64_t partner_id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<Enrollment> {
    long long program = program_id, partner = partner_id;
    soci::row r;
    s << absl::StrCat("SELECT ", kEnrollmentColumns,
                      " FROM enrollments WHERE program_id = :program AND partner_id = :partner"),
        soci::use(program), soci::use(partner), soci::into(r);
    if (!s.got_data()) {
      return absl::NotFoundError(Phrase("error.partner_not_in_program")
                                     .Text("partner", absl::StrCat(partner_id))
                                     .Text("program", absl::StrCat(program_id))
                                     .str());
    }
    return EnrollmentFromRow(r);
  });
}

absl::StatusOr<absl::flat_hash_map<std::pair<int64_t, int64_t>, int32_t>>
MysqlProgramRepository::AcceptedTermsVersions(
    const std::vector<std::pair<int64_t, int64_t>>& pairs) {
  using Versions = absl::flat_hash_map<std::pair<int64_t, int64_t>, int32_t>;
  return db_.Run([&](soci::session& s) -> absl::StatusOr<Versions> {
    Versions out;
    if (pairs.empty()) return out;
    SqlBuilder q("SELECT program_id, partner_id, accepted_terms_version FROM enrollments WHERE ");
    for (size_t i = 0; i < pairs.size(); ++i) {
      q << (i == 0 ? "(" : " OR (") << "program_id = ";
      q.Bind(pairs[i].first) << " AND partner_id = ";
      q.Bind(pairs[i].second) << ")";
    }
    q.Query(s, [&](const soci::row& row) {
      const NamedRow r(row);
      out[{r.Integer("program_id"), r.Integer("partner_id")}] = r.Int("accepted_terms_version");
    });
    return out;
  });
}

absl::StatusOr<std::vector<Enrollment>> MysqlProgramRepository::ListEnrollments(
    const EnrollmentFilter& filter, int64_t after_id, int limit) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<Enrollment>> {
    long long program = filter.program_id, partner = filter.partner_id, after = after_id;
    soci::rowset<soci::row> rows =
        (s.prepare << absl::StrCat("SELECT ", kEnrollmentColumns,
                                   " FROM enrollments WHERE id > :after"
                                   " AND (:program1 = 0 OR program_id = :program2)"
                                   " AND (:partner1 = 0 OR partner_id = :partner2)"
                                   " ORDER BY id LIMIT :limit"),
         soci::use(after), soci::use(program), soci::use(program), soci::use(partner),
         soci::use(partner), soci::use(limit));
    std::vector<Enrollment> out;
    for (const soci::row& r : rows) out.push_back(EnrollmentFromRow(r));
    return out;
  });
}

}  // namespace cim

#include "server/training/mysql_training_repository.h"

#include <optional>

#include "absl/strings/str_cat.h"
#include "lib/decimal.h"
#include "lib/phrase.h"
#include "lib/proto_json.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/db/sql_builder.h"
#include "server/db/table.h"
#include "server/events/mysql_outbox.h"
#include "server/money/ledger_repository.h"
#include "server/money/mysql_ledger_entries.h"
#include "server/training/training_rules.h"

namespace cim {
namespace {

constexpr char kModuleColumns[] =
    "id, title, description, duration_minutes, CAST(points AS CHAR) AS points, certification_code,"
    " certification_valid_months, pass_mark, created_at, quiz_json, archived, version";

// The stored form of a module's quiz: {"quiz_questions": [...]}, or empty for none.
std::string QuizJson(const cim::v1::TrainingModule& module) {
  if (module.quiz_questions().empty()) return "";
  cim::v1::TrainingModule quiz;
  *quiz.mutable_quiz_questions() = module.quiz_questions();
  return ToStoredJson(quiz);
}

absl::StatusOr<cim::v1::TrainingModule> ModuleFromRow(const soci::row& row) {
  const NamedRow r(row);
  cim::v1::TrainingModule m;
  const std::string quiz = r.Text("quiz_json");
  if (!quiz.empty()) CIM_RETURN_IF_ERROR(FromStoredJson(quiz, &m));
  m.set_id(r.Integer("id"));
  m.set_title(r.Text("title"));
  m.set_description(r.Text("description"));
  m.set_duration_minutes(r.Int("duration_minutes"));
  m.set_points(r.Decimal("points", 0));
  m.set_certification_code(r.Text("certification_code"));
  m.set_certification_valid_months(r.Int("certification_valid_months"));
  m.set_pass_mark(r.Int("pass_mark"));
  SetTimestamp(r.Time("created_at"), m.mutable_create_time());
  m.set_archived(r.Int("archived") != 0);
  m.set_etag(absl::StrCat(r.Integer("version")));
  return m;
}

// The module `id` as stored, read in the running transaction; NOT_FOUND if none.
absl::StatusOr<cim::v1::TrainingModule> GetModuleIn(soci::session& s, int64_t id) {
  soci::row r;
  if (!Table("training_modules").Get(s, kModuleColumns, id, r)) {
    return NotFoundError("training_module", id);
  }
  return ModuleFromRow(r);
}

constexpr char kCompletionColumns[] =
    "id, module_id, user_id, partner_id, quiz_score,"
    " COALESCE(external_completion_id, '') AS external_completion_id,"
    " CAST(points AS CHAR) AS points, first_completion, completed_at, certification_code,"
    " certification_expires_at";

cim::v1::TrainingCompletion CompletionFromRow(const soci::row& row) {
  const NamedRow r(row);
  cim::v1::TrainingCompletion c;
  c.set_id(r.Integer("id"));
  c.set_module_id(r.Integer("module_id"));
  c.set_user_id(r.Integer("user_id"));
  c.set_partner_id(r.Integer("partner_id"));
  c.set_quiz_score(r.Int("quiz_score"));
  c.set_external_completion_id(r.Text("external_completion_id"));
  c.set_points_awarded(r.Decimal("points", 0));
  c.set_first_completion(r.Int("first_completion") != 0);
  const absl::Time at = r.Time("completed_at");
  SetTimestamp(at, c.mutable_complete_time());
  if (!r.IsNull("certification_expires_at")) {
    cim::v1::Certification* cert = c.mutable_certification();
    cert->set_user_id(c.user_id());
    cert->set_partner_id(c.partner_id());
    cert->set_certification_code(r.Text("certification_code"));
    cert->set_module_id(c.module_id());
    SetTimestamp(at, cert->mutable_earn_time());
    SetTimestamp(r.Time("certification_expires_at"), cert->mutable_expire_time());
  }
  return c;
}

// The completion an LMS recorded with `external_id`, if any.
std::optional<cim::v1::TrainingCompletion> FindExternal(soci::session& s, int64_t recorded_by,
                                                        const std::string& external_id) {
  long long by = recorded_by;
  soci::row r;
  s << absl::StrCat("SELECT ", kCompletionColumns,
                    " FROM training_completions WHERE recorded_by = :by"
                    " AND external_completion_id = :ext"),
      soci::use(by), soci::use(external_id), soci::into(r);
  if (!s.got_data()) return std::nullopt;
  return CompletionFromRow(r);
}

}  // namespace

absl::StatusOr<cim::v1::TrainingModule> MysqlTrainingRepository::InsertTrainingModule(
    const cim::v1::TrainingModule& module, int64_t created_by, absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<cim::v1::TrainingModule> {
    SqlBuilder insert(
        "INSERT INTO training_modules (title, description, duration_minutes, points,"
        " certification_code, certification_valid_months, pass_mark, quiz_json, created_by,"
        " created_at) VALUES (");
    insert.Bind(module.title()) << ", ";
    insert.Bind(module.description()) << ", ";
    insert.Bind(module.duration_minutes()) << ", ";
    insert.Bind(module.points().empty() ? std::string("0") : module.points()) << ", ";
    insert.Bind(module.certification_code()) << ", ";
    insert.Bind(module.certification_valid_months()) << ", ";
    insert.Bind(module.pass_mark()) << ", ";
    insert.Bind(QuizJson(module)) << ", ";
    insert.Bind(created_by) << ", ";
    insert.Bind(ToSqlTime(now)) << ")";
    insert.Execute(s);
    long long id = 0;
    s.get_last_insert_id("training_modules", id);
    Table("training_modules").Inserted(s, id);
    soci::row r;
    s << absl::StrCat("SELECT ", kModuleColumns, " FROM training_modules WHERE id = :id"),
        soci::use(id), soci::into(r);
    return ModuleFromRow(r);
  });
}

absl::StatusOr<cim::v1::TrainingModule> MysqlTrainingRepository::UpdateTrainingModule(
    const cim::v1::TrainingModule& module, int64_t expected_version) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<cim::v1::TrainingModule> {
    // The quiz lives in the module's row (quiz_json), so it is replaced by the same statement.
    Columns columns;
    columns.Set("title", module.title())
        .Set("description", module.description())
        .Set("duration_minutes", module.duration_minutes())
        .Set("points", module.points().empty() ? std::string("0") : module.points())
        .Set("certification_valid_months", module.certification_valid_months())
        .Set("pass_mark", module.pass_mark())
        .Set("quiz_json", QuizJson(module))
        .Set("archived", module.archived());
    if (Table("training_modules").Update(s, module.id(), columns, expected_version) == 0) {
      CIM_RETURN_IF_ERROR(GetModuleIn(s, module.id()).status());
      return ChangedSinceReadError("training_module", module.id());
    }
    return GetModuleIn(s, module.id());
  });
}

absl::StatusOr<std::vector<cim::v1::TrainingModule>> MysqlTrainingRepository::ListTrainingModules(
    int64_t after_id, int limit, bool include_archived) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<cim::v1::TrainingModule>> {
    SqlBuilder query(absl::StrCat("SELECT ", kModuleColumns, " FROM training_modules WHERE id > "));
    query.Bind(after_id);
    if (!include_archived) query << " AND archived = 0";
    query << " ORDER BY id LIMIT ";
    query.Bind(limit);
    std::vector<cim::v1::TrainingModule> out;
    absl::Status status = absl::OkStatus();
    query.Query(s, [&](const soci::row& r) {
      absl::StatusOr<cim::v1::TrainingModule> module = ModuleFromRow(r);
      if (module.ok()) {
        out.push_back(*std::move(module));
      } else if (status.ok()) {
        status = module.status();
      }
    });
    CIM_RETURN_IF_ERROR(status);
    return out;
  });
}

absl::StatusOr<cim::v1::TrainingModule> MysqlTrainingRepository::GetTrainingModule(int64_t id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<cim::v1::TrainingModule> {
    long long key = id;
    soci::row r;
    s << absl::StrCat("SELECT ", kModuleColumns, " FROM training_modules WHERE id = :id"),
        soci::use(key), soci::into(r);
    if (!s.got_data()) {
      return NotFoundError("training_module", id);
    }
    return ModuleFromRow(r);
  });
}

absl::StatusOr<std::vector<absl::Time>> MysqlTrainingRepository::QuizFailuresSince(
    int64_t user_id, int64_t module_id, absl::Time since) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<absl::Time>> {
    SqlBuilder query("SELECT attempted_at FROM training_quiz_failures WHERE user_id = ");
    query.Bind(user_id) << " AND module_id = ";
    query.Bind(module_id) << " AND attempted_at >= ";
    query.Bind(ToSqlTime(since)) << " ORDER BY attempted_at, id";
    std::vector<absl::Time> out;
    query.Query(s, [&](const soci::row& r) { out.push_back(NamedRow(r).Time("attempted_at")); });
    return out;
  });
}

absl::Status MysqlTrainingRepository::RecordQuizFailure(int64_t user_id, int64_t module_id,
                                                        int quiz_score, absl::Time at) {
  return db_.Run([&](soci::session& s) -> absl::Status {
    SqlBuilder insert(
        "INSERT INTO training_quiz_failures (user_id, module_id, quiz_score, attempted_at)"
        " VALUES ");
    insert.Tuple(user_id, module_id, quiz_score, ToSqlTime(at));
    insert.Execute(s);
    return absl::OkStatus();
  });
}

absl::StatusOr<absl::flat_hash_map<int64_t, absl::Time>>
MysqlTrainingRepository::LastCompletionTimes(int64_t user_id,
                                             const std::vector<int64_t>& module_ids) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<absl::flat_hash_map<int64_t, absl::Time>> {
    absl::flat_hash_map<int64_t, absl::Time> out;
    if (module_ids.empty()) return out;
    SqlBuilder query(
        "SELECT module_id, MAX(completed_at) AS completed_at FROM training_completions"
        " WHERE user_id = ");
    query.Bind(static_cast<long long>(user_id)) << " AND module_id IN ";
    query.List(module_ids) << " GROUP BY module_id";
    query.Query(s, [&](const soci::row& row) {
      const NamedRow r(row);
      out[r.Integer("module_id")] = r.Time("completed_at");
    });
    return out;
  });
}

absl::StatusOr<cim::v1::TrainingCompletion> MysqlTrainingRepository::RecordCompletion(
    const NewCompletion& in) {
  const cim::v1::TrainingModule& module = in.module;
  const bool external = !in.external_completion_id.empty();
  // The completion stored for a repeated LMS id, if it is this one.
  const auto same = [&](const cim::v1::TrainingCompletion& stored)
      -> absl::StatusOr<cim::v1::TrainingCompletion> {
    if (stored.user_id() != in.user_id || stored.module_id() != module.id()) {
      return absl::AlreadyExistsError(Phrase("error.completion_id_reused")
                                          .Text("id", in.external_completion_id)
                                          .Text("completion", absl::StrCat(stored.id()))
                                          .str());
    }
    return stored;
  };
  absl::StatusOr<cim::v1::TrainingCompletion> result =
      db_.Transact([&](soci::session& s) -> absl::StatusOr<cim::v1::TrainingCompletion> {
        if (external) {
          if (auto stored = FindExternal(s, in.recorded_by, in.external_completion_id)) {
            return same(*stored);  // recorded before, even if the module is archived since
          }
        }
        long long user = in.user_id, module_id = module.id();
        {
          // Shared: an edit or archive of the module (an UPDATE of its row) waits until this
          // completion is in, or this completion until the edit is.
          soci::row row;
          s << absl::StrCat("SELECT ", kModuleColumns,
                            " FROM training_modules WHERE id = :id LOCK IN SHARE MODE"),
              soci::use(module_id), soci::into(row);
          if (!s.got_data()) return NotFoundError("training_module", module.id());
          CIM_ASSIGN_OR_RETURN(const cim::v1::TrainingModule stored, ModuleFromRow(row));
          CIM_RETURN_IF_ERROR(CheckModuleOpen(stored));
          if (!module.etag().empty() && module.etag() != stored.etag()) {
            return ChangedSinceReadError("training_module", module.id());
          }
        }
        soci::statement first_insert =
            (s.prepare << "INSERT IGNORE INTO training_firsts (user_id, module_id)"
                          " VALUES (:u, :m)",
             soci::use(user), soci::use(module_id));
        first_insert.execute(true);
        const bool first = first_insert.get_affected_rows() == 1;
        CIM_ASSIGN_OR_RETURN(const Decimal module_points,
                             Decimal::Parse(module.points().empty() ? "0" : module.points()));
        const Decimal points = first ? module_points : Decimal();
        const bool certifies = !module.certification_code().empty();
        // The completion first, so the points entry can name it.
        SqlBuilder row(
            "INSERT INTO training_completions (module_id, user_id, partner_id, quiz_score,"
            " recorded_by, external_completion_id, points, first_completion, certification_code,"
            " certification_expires_at, completed_at) VALUES (");
        row.Bind(module.id()) << ", ";
        row.Bind(in.user_id) << ", ";
        row.Bind(in.partner_id) << ", ";
        row.Bind(in.quiz_score) << ", ";
        row.Bind(in.recorded_by) << ", ";
        row.BindOrNull(in.external_completion_id, !external) << ", ";
        row.Bind(points.ToString()) << ", ";
        row.Bind(first ? 1 : 0) << ", ";
        row.Bind(module.certification_code()) << ", ";
        if (certifies) {
          row.Bind(ToSqlTime(in.certification_expiry));
        } else {
          row << "NULL";
        }
        row << ", ";
        row.Bind(ToSqlTime(in.now)) << ")";
        row.Execute(s);
        long long id = 0;
        s.get_last_insert_id("training_completions", id);
        Table("training_completions").Inserted(s, id);
        if (!points.is_zero()) {
          AppendLedgerEntries(
              s, {LedgerPosting{.partner_id = in.partner_id,
                                .user_id = in.user_id,
                                .account = cim::v1::LEDGER_ACCOUNT_POINTS,
                                .kind = cim::v1::LEDGER_ENTRY_KIND_POINTS,
                                .unit = kPointsUnit,
                                .amount = points,
                                .basis = Phrase("ledger.training")
                                             .Text("module", module.title())
                                             .Text("module_id", absl::StrCat(module.id()))
                                             .Text("completion", absl::StrCat(id)),
                                .created_by = in.recorded_by,
                                .created_at = in.now}});
        }
        if (first) {
          // Module badges and other criteria follow from the event (ProcessOutbox).
          AppendOutboxEvents(
              s, {OutboxEvent{.kind = cim::v1::RECOGNITION_EVENT_KIND_TRAINING_COMPLETED,
                              .partner_id = in.partner_id,
                              .user_id = in.user_id,
                              .points = points,
                              .occurred_at = FromSqlTime(ToSqlTime(in.now)),
                              .created_at = in.now}});
        }
        if (certifies) {
          // A renewal never shortens: an earlier, longer expiry (and where it came from) stays.
          long long partner = in.partner_id;
          std::tm earned = ToSqlTime(in.now), expires = ToSqlTime(in.certification_expiry);
          s << "INSERT INTO certifications (user_id, certification_code, partner_id, module_id,"
               " earned_at, expires_at) VALUES (:u, :c, :p, :m, :e, :x)"
               " ON DUPLICATE KEY UPDATE partner_id = VALUES(partner_id),"
               " module_id = IF(VALUES(expires_at) > expires_at, VALUES(module_id), module_id),"
               " earned_at = IF(VALUES(expires_at) > expires_at, VALUES(earned_at), earned_at),"
               " expires_at = GREATEST(expires_at, VALUES(expires_at))",
              soci::use(user), soci::use(module.certification_code()), soci::use(partner),
              soci::use(module_id), soci::use(earned), soci::use(expires);
        }
        soci::row r;
        s << absl::StrCat("SELECT ", kCompletionColumns,
                          " FROM training_completions WHERE id = :id"),
            soci::use(id), soci::into(r);
        cim::v1::TrainingCompletion out = CompletionFromRow(r);
        if (certifies) {
          // The certification as held now (a longer earlier grant stays).
          std::tm earned{}, expires{};
          long long from_module = 0;
          s << "SELECT earned_at, expires_at, module_id FROM certifications"
               " WHERE user_id = :u AND certification_code = :c",
              soci::use(user), soci::use(module.certification_code()), soci::into(earned),
              soci::into(expires), soci::into(from_module);
          SetTimestamp(FromSqlTime(earned), out.mutable_certification()->mutable_earn_time());
          SetTimestamp(FromSqlTime(expires), out.mutable_certification()->mutable_expire_time());
          out.mutable_certification()->set_module_id(from_module);
        }
        return out;
      });
  if (external && absl::IsAlreadyExists(result.status())) {
    // The same LMS id committed by a concurrent call: answer with what it stored.
    absl::StatusOr<std::optional<cim::v1::TrainingCompletion>> stored = db_.Run(
        [&](soci::session& s) -> absl::StatusOr<std::optional<cim::v1::TrainingCompletion>> {
          return FindExternal(s, in.recorded_by, in.external_completion_id);
        });
    if (stored.ok() && stored->has_value()) return same(**stored);
  }
  return result;
}

absl::StatusOr<std::vector<cim::v1::Certification>> MysqlTrainingRepository::ListCertifications(
    const CertificationFilter& filter, int64_t offset, int limit) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<cim::v1::Certification>> {
    SqlBuilder q(
        "SELECT c.user_id, c.partner_id, c.certification_code, c.module_id, c.earned_at,"
        " c.expires_at, u.display_name FROM certifications c JOIN users u ON u.id = c.user_id"
        " AND u.partner_id = c.partner_id AND u.status = ");
    q.Bind(static_cast<int>(cim::v1::USER_STATUS_ACTIVE)) << " WHERE 1 = 1";
    if (filter.user_id != 0) {
      q << " AND c.user_id = ";
      q.Bind(filter.user_id);
    }
    if (filter.partner_id != 0) {
      q << " AND c.partner_id = ";
      q.Bind(filter.partner_id);
    }
    if (filter.expiring_before) {
      q << " AND c.expires_at < ";
      q.Bind(ToSqlTime(*filter.expiring_before));
    }
    if (filter.valid_at) {
      q << " AND c.expires_at > ";
      q.Bind(ToSqlTime(*filter.valid_at));
    }
    q << " ORDER BY c.expires_at, c.user_id, c.certification_code LIMIT ";
    q.Bind(limit) << " OFFSET ";
    q.Bind(offset);
    std::vector<cim::v1::Certification> out;
    q.Query(s, [&](const soci::row& row) {
      const NamedRow r(row);
      cim::v1::Certification& c = out.emplace_back();
      c.set_user_id(r.Integer("user_id"));
      c.set_partner_id(r.Integer("partner_id"));
      c.set_certification_code(r.Text("certification_code"));
      c.set_module_id(r.Integer("module_id"));
      SetTimestamp(r.Time("earned_at"), c.mutable_earn_time());
      SetTimestamp(r.Time("expires_at"), c.mutable_expire_time());
      c.set_user_display_name(r.Text("display_name"));
    });
    return out;
  });
}

}  // namespace cim

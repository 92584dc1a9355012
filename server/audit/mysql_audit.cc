#include "server/audit/mysql_audit.h"

#include <optional>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/synchronization/mutex.h"
#include "lib/audit_scope.h"
#include "lib/json_text.h"
#include "server/db/mysql_database.h"
#include "server/db/sql_builder.h"

namespace cim {
namespace {

// An entity the running transaction changes: how to read it, what it was before, and who
// changes it.
struct AuditedEntity {
  std::string entity_type;
  std::string entity_id;
  // Reads the entity: one row (`many` false) or a set of rows, each ? bound to the next of
  // `binds`.
  std::string select_sql;
  std::vector<std::string> binds;
  bool many = false;
  std::string before_json;  // "" when it did not exist
  AuditActor actor;
};

// What the transaction running on this thread has changed so far.
thread_local std::vector<AuditedEntity> pending;
// "Before" states read ahead for a batch (Prefetch), by select_sql + '\n' + key; each serves
// one Track.
thread_local absl::flat_hash_map<std::string, std::string> prefetched;

// Columns audit snapshots leave out: secrets, hashed or sealed (*_sealed), and the *_guard
// counters that only make Galera certify conflicting transactions (0015_galera_guards.sql).
bool IsLeftOutOfSnapshots(absl::string_view name) {
  return name == "password_hash" || name == "token_hash" || name == "code_hash" ||
         absl::EndsWith(name, "_sealed") || absl::EndsWith(name, "_guard");
}

// {"column": value, …}: integers as numbers, everything else as the text AuditColumns cast it
// to, NULL as null.
std::string RowJson(const soci::row& row) {
  std::string out = "{";
  bool first = true;
  for (std::size_t i = 0; i < row.size(); ++i) {
    const soci::column_properties& p = row.get_properties(i);
    if (IsLeftOutOfSnapshots(p.get_name()) || p.get_data_type() == soci::dt_blob) continue;
    if (!first) out += ',';
    first = false;
    AppendJsonString(&out, p.get_name());
    out += ':';
    if (row.get_indicator(i) == soci::i_null) {
      out += "null";
      continue;
    }
    switch (p.get_data_type()) {
      case soci::dt_integer:
      case soci::dt_long_long:
      case soci::dt_unsigned_long_long:
        absl::StrAppend(&out, RowInteger(row, i));
        break;
      case soci::dt_string:
        AppendJsonString(&out, row.get<std::string>(i));
        break;
      default:
        // Only AuditColumns' text casts reach here; anything else is a programming error.
        AppendJsonString(&out, "(not cast to text)");
    }
  }
  out += '}';
  return out;
}

// The entity's state now: its row as a JSON object ("" when it does not exist) or its rows as
// an array. `lock`: read with FOR UPDATE, so nobody changes it between this "before" and the
// transaction's own change.
std::string Snapshot(soci::session& s, const AuditedEntity& e, bool lock) {
  SqlBuilder sql;
  std::vector<absl::string_view> parts = absl::StrSplit(e.select_sql, '?');
  for (std::size_t i = 0; i < parts.size(); ++i) {
    sql << parts[i];
    if (i + 1 < parts.size()) sql.Bind(e.binds.at(i));
  }
  if (lock) sql << " FOR UPDATE";
  std::string out;
  int rows = 0;
  sql.Query(s, [&](const soci::row& row) {
    if (rows++ > 0) out += ',';
    out += RowJson(row);
  });
  if (e.many) return absl::StrCat("[", out, "]");
  return out;
}

// For a one-row entity read by its id ("… WHERE id = ?" or "… WHERE c.id = ?"), the query
// without its "= ?": the rows of many such entities are then read with one "IN (…)".
std::optional<std::string> BatchPrefix(const AuditedEntity& e) {
  if (e.many || e.binds.size() != 1) return std::nullopt;
  absl::string_view sql = e.select_sql;
  if (!absl::ConsumeSuffix(&sql, "id = ?") || sql.empty()) return std::nullopt;
  if (sql.back() != ' ' && sql.back() != '.') return std::nullopt;
  return std::string(e.select_sql.substr(0, e.select_sql.size() - 3));
}

// The rows `prefix` IN `ids` reads, as JSON by their id ("" for ids without a row).
absl::flat_hash_map<std::string, std::string> BatchSnapshot(soci::session& s,
                                                            const std::string& prefix,
                                                            const std::vector<std::string>& ids,
                                                            bool lock) {
  absl::flat_hash_map<std::string, std::string> out;
  for (const std::string& id : ids) out[id] = "";
  SqlBuilder sql(prefix);
  sql << "IN ";
  sql.List(ids);
  if (lock) sql << " FOR UPDATE";
  sql.Query(s, [&](const soci::row& row) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (row.get_properties(i).get_name() == "id") {
        out[absl::StrCat(RowInteger(row, i))] = RowJson(row);
        return;
      }
    }
  });
  return out;
}

// The columns of `table` (as `alias`) for a snapshot: integers as they are, everything else
// (DECIMAL money included) cast to exact text, secrets and blobs left out.
std::string AuditColumns(soci::session& s, absl::string_view table, absl::string_view alias) {
  static absl::Mutex mu(absl::kConstInit);
  static auto* cache = new absl::flat_hash_map<std::string, std::string>();
  const std::string key = absl::StrCat(table, " ", alias);
  {
    absl::MutexLock lock(&mu);
    if (auto it = cache->find(key); it != cache->end()) return it->second;
  }
  std::vector<std::string> columns;
  const std::string table_name(table);
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT column_name, data_type FROM information_schema.columns"
                    " WHERE table_schema = DATABASE() AND table_name = :t"
                    " ORDER BY ordinal_position",
       soci::use(table_name));
  for (const soci::row& r : rows) {
    const std::string name = r.get<std::string>(0), type = r.get<std::string>(1);
    if (IsLeftOutOfSnapshots(name) || absl::StrContains(type, "blob")) continue;
    const bool integer = absl::EndsWith(type, "int");
    columns.push_back(integer ? absl::StrCat(alias, ".", name)
                              : absl::StrCat("CAST(", alias, ".", name, " AS CHAR) AS ", name));
  }
  std::string list = absl::StrJoin(columns, ", ");
  absl::MutexLock lock(&mu);
  cache->emplace(key, list);
  return list;
}

// The query reading an entity of `view` (each key column bound to the next ?).
std::string ViewSql(soci::session& s, const EntityView& view) {
  std::string sql = absl::StrCat(
      "SELECT ", view.columns.empty() ? AuditColumns(s, view.table, "t") : view.columns,
      view.extra.empty() ? "" : ", ", view.extra, " FROM ", view.table, " t");
  if (!view.joins.empty()) absl::StrAppend(&sql, " ", view.joins);
  for (std::size_t i = 0; i < view.key.size(); ++i) {
    absl::StrAppend(&sql, i == 0 ? " WHERE t." : " AND t.", view.key[i], " = ?");
  }
  if (!view.order_by.empty()) absl::StrAppend(&sql, " ORDER BY ", view.order_by);
  return sql;
}

// A change announced by a store: recorded as the current AuditScope's, once per entity and
// request (two callers' changes in one batch are two records), with its "before" read now.
void Track(soci::session& s, const EntityChange& change) {
  const AuditScope* scope = AuditScope::Current();
  if (scope == nullptr) return;  // not an audited call (demo data, a test's setup)
  AuditedEntity entity;
  entity.entity_type = change.view->table;
  entity.entity_id = change.EntityId();
  entity.actor = scope->actor();
  for (const AuditedEntity& e : pending) {
    if (e.entity_type == entity.entity_type && e.entity_id == entity.entity_id &&
        e.actor.request_id == entity.actor.request_id) {
      return;
    }
  }
  entity.select_sql = ViewSql(s, *change.view);
  entity.many = change.view->whole();
  if (!entity.many) entity.binds = change.key_values;
  if (!change.inserted) {
    auto ahead = entity.binds.size() == 1
                     ? prefetched.find(absl::StrCat(entity.select_sql, "\n", entity.binds[0]))
                     : prefetched.end();
    // A state read ahead serves the first caller only: a later one finds what the first left.
    if (ahead != prefetched.end()) {
      entity.before_json = std::move(ahead->second);
      prefetched.erase(ahead);
    } else {
      entity.before_json = Snapshot(s, entity, /*lock=*/true);
    }
  }
  pending.push_back(std::move(entity));
}

// Reads ahead (with row locks) the "before" states of one-row entities of `view` by `ids`, in
// one query, for Track to find.
void Prefetch(soci::session& s, const EntityView& view, const std::vector<std::string>& ids) {
  AuditedEntity probe;
  probe.select_sql = ViewSql(s, view);
  probe.binds = {"0"};
  const std::optional<std::string> prefix = BatchPrefix(probe);
  if (!prefix) return;
  for (auto& [id, json] : BatchSnapshot(s, *prefix, ids, /*lock=*/true)) {
    prefetched[absl::StrCat(probe.select_sql, "\n", id)] = std::move(json);
  }
}

constexpr char kRecordColumns[] =
    "COALESCE(seq, 0), " CIM_MICROS_OF("at") ", actor_user_id, actor_role, actor_partner_id, rpc,"
    " entity_type, entity_id, before_json, after_json, request_id, client_address,"
    " COALESCE(prev_hash, ''), COALESCE(hash, ''), id";

AuditRecord RecordFromRow(const soci::row& r) {
  AuditRecord a;
  a.id = RowInteger(r, 0);
  a.at = absl::FromUnixMicros(RowInteger(r, 1));
  a.actor_user_id = RowInteger(r, 2);
  a.role = static_cast<int>(RowInteger(r, 3));
  a.partner_id = RowInteger(r, 4);
  a.rpc = r.get<std::string>(5);
  a.entity_type = r.get<std::string>(6);
  a.entity_id = r.get<std::string>(7);
  a.before_json = r.get<std::string>(8);
  a.after_json = r.get<std::string>(9);
  a.request_id = r.get<std::string>(10);
  a.client_address = r.get<std::string>(11);
  a.prev_hash = r.get<std::string>(12);
  a.hash = r.get<std::string>(13);
  a.row_id = RowInteger(r, 14);
  return a;
}

void AuditTransactionBegin() {
  pending.clear();
  prefetched.clear();
}

absl::Status AuditBeforeCommit(soci::session& s) {
  if (pending.empty()) return absl::OkStatus();
  std::vector<AuditedEntity> entities = std::move(pending);
  pending.clear();
  prefetched.clear();
  // "After" states: one query for every batch of one-row entities of the same kind.
  std::vector<std::string> afters(entities.size());
  absl::flat_hash_map<std::string, std::vector<size_t>> batches;
  for (size_t i = 0; i < entities.size(); ++i) {
    if (std::optional<std::string> prefix = BatchPrefix(entities[i])) {
      batches[*prefix].push_back(i);
    } else {
      afters[i] = Snapshot(s, entities[i], /*lock=*/false);
    }
  }
  for (const auto& [prefix, members] : batches) {
    std::vector<std::string> ids;
    for (size_t i : members) ids.push_back(entities[i].binds[0]);
    absl::flat_hash_map<std::string, std::string> rows =
        BatchSnapshot(s, prefix, ids, /*lock=*/false);
    for (size_t i : members) afters[i] = rows[entities[i].binds[0]];
  }
  // Microseconds: what DATETIME(6) keeps, so the hash verifies after a round trip.
  const absl::Time at = absl::FromUnixMicros(absl::ToUnixMicros(absl::Now()));
  std::vector<AuditRecord> records;
  for (size_t i = 0; i < entities.size(); ++i) {
    AuditedEntity& e = entities[i];
    std::string after = std::move(afters[i]);
    if (after == e.before_json) continue;  // nothing changed (an idempotent retry)
    const AuditActor& actor = e.actor;
    AuditRecord r;
    r.at = at;
    r.actor_user_id = actor.user_id;
    r.role = actor.role;
    r.partner_id = actor.partner_id;
    r.rpc = actor.rpc;
    r.entity_type = std::move(e.entity_type);
    r.entity_id = std::move(e.entity_id);
    r.before_json = std::move(e.before_json);
    r.after_json = std::move(after);
    r.request_id = actor.request_id;
    r.client_address = actor.client_address;
    records.push_back(std::move(r));
  }
  if (records.empty()) return absl::OkStatus();

  // Unsealed: the sealer chains committed records in the order they committed, so writers never
  // queue on the chain head.
  const std::string at_text = ToSqlMicros(at);
  SqlBuilder insert(
      "INSERT INTO audit_log (at, actor_user_id, actor_role, actor_partner_id, rpc, entity_type,"
      " entity_id, before_json, after_json, request_id, client_address) VALUES ");
  insert.Join(records, [&](const AuditRecord& r) {
    insert.Tuple(at_text, static_cast<long long>(r.actor_user_id), r.role,
                 static_cast<long long>(r.partner_id), r.rpc, r.entity_type, r.entity_id,
                 r.before_json, r.after_json, r.request_id, r.client_address);
  });
  insert.Execute(s);
  return absl::OkStatus();
}

}  // namespace

void RecordAuditTrail(MysqlDatabase& db) {
  db.AddCommitHook(CommitHook{.begin = AuditTransactionBegin,
                              .changing = Track,
                              .changing_soon = Prefetch,
                              .before_commit = AuditBeforeCommit});
}

absl::StatusOr<std::vector<AuditRecord>> MysqlAuditRepository::List(const AuditFilter& f) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<AuditRecord>> {
    SqlBuilder sql(absl::StrCat("SELECT ", kRecordColumns, " FROM audit_log WHERE 1 = 1"));
    if (f.actor_user_id != 0) (sql << " AND actor_user_id = ").Bind(f.actor_user_id);
    if (f.actor_partner_id != 0) (sql << " AND actor_partner_id = ").Bind(f.actor_partner_id);
    if (!f.rpc.empty()) (sql << " AND rpc = ").Bind(f.rpc);
    if (!f.entity_type.empty()) (sql << " AND entity_type = ").Bind(f.entity_type);
    if (!f.entity_id.empty()) (sql << " AND entity_id = ").Bind(f.entity_id);
    if (!f.request_id.empty()) (sql << " AND request_id = ").Bind(f.request_id);
    if (f.from) (sql << " AND at >= ").Bind(ToSqlMicros(*f.from));
    if (f.to) (sql << " AND at < ").Bind(ToSqlMicros(*f.to));
    if (f.before_row > 0) (sql << " AND id < ").Bind(f.before_row);
    sql << " ORDER BY id DESC LIMIT ";
    sql.Bind(f.limit);
    std::vector<AuditRecord> out;
    sql.Query(s, [&](const soci::row& r) { out.push_back(RecordFromRow(r)); });
    return out;
  });
}

absl::StatusOr<std::vector<AuditRecord>> MysqlAuditRepository::ReadChain(int64_t after_seq,
                                                                         int limit) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<AuditRecord>> {
    SqlBuilder sql(absl::StrCat("SELECT ", kRecordColumns, " FROM audit_log WHERE seq > "));
    sql.Bind(static_cast<long long>(after_seq));
    sql << " ORDER BY seq LIMIT ";
    sql.Bind(limit);
    std::vector<AuditRecord> out;
    sql.Query(s, [&](const soci::row& r) { out.push_back(RecordFromRow(r)); });
    return out;
  });
}

absl::StatusOr<int> MysqlAuditRepository::Seal(int limit) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<int> {
    long long seq = 0;
    std::string hash;
    // One sealer at a time; the others find the head locked and leave it to it.
    s << "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE SKIP LOCKED",
        soci::into(seq), soci::into(hash);
    if (!s.got_data()) return 0;
    SqlBuilder pending(absl::StrCat("SELECT ", kRecordColumns,
                                    " FROM audit_log WHERE seq IS NULL ORDER BY id LIMIT "));
    pending.Bind(limit);
    std::vector<AuditRecord> records;
    pending.Query(s, [&](const soci::row& r) { records.push_back(RecordFromRow(r)); });
    if (records.empty()) return 0;
    for (AuditRecord& r : records) {
      r.id = ++seq;
      r.prev_hash = hash;
      r.hash = AuditHash(r, r.prev_hash);
      hash = r.hash;
    }
    SqlBuilder seal("UPDATE audit_log SET seq = CASE id");
    for (const AuditRecord& r : records) {
      seal << " WHEN ";
      seal.Bind(static_cast<long long>(r.row_id)) << " THEN ";
      seal.Bind(static_cast<long long>(r.id));
    }
    seal << " END, prev_hash = CASE id";
    for (const AuditRecord& r : records) {
      seal << " WHEN ";
      seal.Bind(static_cast<long long>(r.row_id)) << " THEN ";
      seal.Bind(r.prev_hash);
    }
    seal << " END, hash = CASE id";
    for (const AuditRecord& r : records) {
      seal << " WHEN ";
      seal.Bind(static_cast<long long>(r.row_id)) << " THEN ";
      seal.Bind(r.hash);
    }
    seal << " END WHERE id IN ";
    seal.Join(
        records, [&](const AuditRecord& r) { seal.Bind(static_cast<long long>(r.row_id)); }, "(",
        ")");
    seal.Execute(s);
    s << "UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1",
        soci::use(seq), soci::use(hash);
    return static_cast<int>(records.size());
  });
}

absl::StatusOr<AuditHead> MysqlAuditRepository::Head() {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<AuditHead> {
    long long seq = 0;
    AuditHead head;
    s << "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1", soci::into(seq),
        soci::into(head.hash);
    if (!s.got_data()) return absl::FailedPreconditionError("audit_chain_head is missing");
    head.seq = seq;
    return head;
  });
}

}  // namespace cim

#include "server/notification/mysql_email_outbox.h"

#include "absl/random/random.h"
#include "absl/strings/str_cat.h"
#include "lib/text_field.h"
#include "server/db/sql_builder.h"
#include "server/db/table.h"

namespace cim {
namespace {

constexpr int kSending = static_cast<int>(EmailStatus::kSending);

// The longest error kept (the column's size).
constexpr size_t kMaxError = 1000;

}  // namespace

void EnqueueEmail(soci::session& s, const NewEmail& email) {
  SqlBuilder q(
      "INSERT IGNORE INTO email_outbox (user_id, category, dedupe_key, to_address, to_name,"
      " subject, text_body, html_body, unsubscribe_url, unsubscribe_hash, status, attempts,"
      " next_attempt_at, created_at) VALUES (");
  const std::string now = ToSqlMicros(email.now);
  q.Bind(static_cast<long long>(email.user_id)) << ", ";
  q.Bind(email.category) << ", ";
  for (const std::string* text :
       {&email.dedupe_key, &email.to_address, &email.to_name, &email.subject, &email.text,
        &email.html, &email.unsubscribe_url}) {
    q.Bind(*text) << ", ";
  }
  q.BindOrNull(email.unsubscribe_hash, email.unsubscribe_hash.empty()) << ", ";
  q.Bind(static_cast<int>(EmailStatus::kPending)) << ", 0, ";
  q.Bind(now) << ", ";
  q.Bind(now) << ")";
  q.Execute(s);
}

absl::StatusOr<std::vector<QueuedEmail>> MysqlEmailOutbox::Lease(const std::string& owner,
                                                                 absl::Time now,
                                                                 absl::Duration lease, int limit) {
  // This call's lease: the owner and a random part (lease_owner holds 100 characters).
  absl::BitGen random;
  const std::string token = absl::StrCat(
      owner.substr(0, 70), "/", absl::Hex(absl::Uniform<uint64_t>(random), absl::kZeroPad16));
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<std::vector<QueuedEmail>> {
    const std::string at = ToSqlMicros(now);
    SqlBuilder update("UPDATE email_outbox SET status = ");
    update.Bind(kSending) << ", lease_owner = ";
    update.Bind(token) << ", lease_until = ";
    update.Bind(ToSqlMicros(now + lease)) << ", attempts = attempts + 1 WHERE (status = ";
    update.Bind(static_cast<int>(EmailStatus::kPending)) << " AND next_attempt_at <= ";
    update.Bind(at) << ") OR (status = ";
    update.Bind(kSending) << " AND lease_until < ";
    update.Bind(at) << ") ORDER BY id LIMIT ";
    update.Bind(limit);
    if (update.Execute(s) == 0) return std::vector<QueuedEmail>();
    SqlBuilder q(
        "SELECT id, attempts, to_address, to_name, subject, text_body, html_body,"
        " unsubscribe_url FROM email_outbox WHERE status = ");
    q.Bind(kSending) << " AND lease_owner = ";
    q.Bind(token) << " ORDER BY id";
    std::vector<QueuedEmail> out;
    q.Query(s, [&](const soci::row& row) {
      const NamedRow r(row);
      out.push_back(QueuedEmail{.id = r.Integer("id"),
                                .lease = token,
                                .attempt = r.Int("attempts"),
                                .email = Email{.to_address = r.Text("to_address"),
                                               .to_name = r.Text("to_name"),
                                               .subject = r.Text("subject"),
                                               .text = r.Text("text_body"),
                                               .html = r.Text("html_body"),
                                               .unsubscribe_url = r.Text("unsubscribe_url")}});
    });
    return out;
  });
}

absl::Status MysqlEmailOutbox::Settle(int64_t id, const std::string& lease,
                                      const std::function<void(SqlBuilder&)>& set) {
  return db_.Run([&](soci::session& s) -> absl::Status {
    SqlBuilder q("UPDATE email_outbox SET ");
    set(q);
    q << ", lease_owner = NULL, lease_until = NULL WHERE id = ";
    q.Bind(static_cast<long long>(id)) << " AND status = ";
    q.Bind(kSending) << " AND lease_owner = ";
    q.Bind(lease);
    if (q.Execute(s) == 0) {
      return absl::FailedPreconditionError(
          absl::StrCat("email ", id, " is no longer under lease ", lease));
    }
    return absl::OkStatus();
  });
}

absl::Status MysqlEmailOutbox::MarkSent(int64_t id, const std::string& lease, absl::Time now) {
  return Settle(id, lease, [&](SqlBuilder& q) {
    q << "status = ";
    q.Bind(static_cast<int>(EmailStatus::kSent)) << ", sent_at = ";
    q.Bind(ToSqlMicros(now)) << ", last_error = ''";
  });
}

absl::Status MysqlEmailOutbox::Retry(int64_t id, const std::string& lease, absl::Time next_attempt,
                                     const std::string& error) {
  return Settle(id, lease, [&](SqlBuilder& q) {
    q << "status = ";
    q.Bind(static_cast<int>(EmailStatus::kPending)) << ", next_attempt_at = ";
    q.Bind(ToSqlMicros(next_attempt)) << ", last_error = ";
    q.Bind(TruncateCodePoints(error, kMaxError));
  });
}

absl::Status MysqlEmailOutbox::MarkFailed(int64_t id, const std::string& lease,
                                          const std::string& error) {
  return Settle(id, lease, [&](SqlBuilder& q) {
    q << "status = ";
    q.Bind(static_cast<int>(EmailStatus::kFailed)) << ", last_error = ";
    q.Bind(TruncateCodePoints(error, kMaxError));
  });
}

}  // namespace cim

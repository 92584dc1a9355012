#include "server/export/exports.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "lib/csv.h"
#include "lib/dates.h"
#include "lib/messages.h"
#include "lib/status_util.h"
#include "lib/text_field.h"

namespace cim {
namespace {

constexpr int kPageSize = 500;

// Buffers CSV rows and hands them to the sink a chunk at a time, after a first message naming
// the file and its type.
class CsvStream {
 public:
  CsvStream(const ChunkSink& sink, std::string filename)
      : sink_(sink), filename_(std::move(filename)) {}

  // Adds a row; false once the receiver is gone.
  bool Row(const std::vector<std::string>& cells) {
    AppendCsvRow(cells, buffer_);
    return buffer_.size() < Exports::kChunkBytes || Flush();
  }

  // Sends what is buffered. CANCELLED if the receiver is gone.
  absl::Status Finish() {
    if (!Flush()) return Cancelled();
    return absl::OkStatus();
  }

  static absl::Status Cancelled() { return absl::CancelledError("the export was cancelled"); }

 private:
  bool Flush() {
    if (!sent_) {
      cim::v1::FileChunk file;
      file.mutable_file()->set_filename(filename_);
      file.mutable_file()->set_content_type("text/csv; charset=utf-8");
      sent_ = true;
      if (!sink_(file)) return false;
    }
    if (buffer_.empty()) return true;
    cim::v1::FileChunk chunk;
    chunk.set_data(std::move(buffer_));
    buffer_.clear();
    return sink_(chunk);
  }

  const ChunkSink& sink_;
  std::string filename_;
  std::string buffer_;
  bool sent_ = false;
};

std::string Num(int64_t n) { return CsvNumber(absl::StrCat(n)); }

std::string Utc(const google::protobuf::Timestamp& t) {
  if (t.seconds() == 0 && t.nanos() == 0) return "";
  return CsvText(absl::FormatTime("%Y-%m-%d %H:%M:%S", absl::FromUnixSeconds(t.seconds()),
                                  absl::UTCTimeZone()));
}

std::string Label(const std::string& enum_name, absl::string_view prefix) {
  return CsvText(absl::AsciiStrToLower(WithoutPrefix(enum_name, prefix)));
}

bool Within(const DateRange& range, const google::protobuf::Timestamp& t) {
  return range.Contains(DayOf(absl::FromUnixSeconds(t.seconds())));
}

// Pages through a List RPC's logic: `list(token)` returns a page, `rows(page)` writes its
// rows (false: the receiver is gone).
template <typename Response, typename List, typename Rows>
absl::Status Pages(CsvStream& out, List list, Rows rows) {
  std::string token;
  do {
    CIM_ASSIGN_OR_RETURN(const Response page, list(token));
    if (!rows(page)) return CsvStream::Cancelled();
    token = page.next_page_token();
  } while (!token.empty());
  return out.Finish();
}

}  // namespace

absl::Status Exports::Claims(const Principal& caller, const cim::v1::ExportClaimsRequest& request,
                             const ChunkSink& sink) {
  if (caller.role == cim::v1::ROLE_PARTNER_REP) {
    return absl::PermissionDeniedError("partner admins export their partner's claims");
  }
  CIM_ASSIGN_OR_RETURN(const DateRange window,
                       ParseDateWindow(request.from_date(), request.to_date()));
  CsvStream out(sink, absl::StrCat("claims-", FormatDate(DayOf(clock_.Now())), ".csv"));
  if (!out.Row({"claim_id", "program_id", "partner_id", "status", "invoice_number", "invoice_date",
                "customer_name", "customer_country", "currency", "total_amount", "lines", "flags",
                "submitted_by_user_id", "reviewer_user_id", "submitted_utc", "updated_utc"})) {
    return CsvStream::Cancelled();
  }
  return Pages<cim::v1::ListClaimsResponse>(
      out,
      [&](const std::string& token) {
        cim::v1::ListClaimsRequest page;
        page.set_page_size(kPageSize);
        page.set_page_token(token);
        page.set_status(request.status());
        page.set_program_id(request.program_id());
        page.set_partner_id(request.partner_id());
        return claims_.List(caller, page);
      },
      [&](const cim::v1::ListClaimsResponse& page) {
        for (const cim::v1::Claim& c : page.claims()) {
          if (!Within(window, c.create_time())) continue;
          std::vector<std::string> flags;
          for (const auto& f : c.flags()) {
            flags.push_back(absl::AsciiStrToLower(
                WithoutPrefix(cim::v1::ClaimFlag_Name(f.flag()), "CLAIM_FLAG_")));
          }
          if (!out.Row({Num(c.id()), Num(c.program_id()), Num(c.partner_id()),
                        Label(cim::v1::ClaimStatus_Name(c.status()), "CLAIM_STATUS_"),
                        CsvText(c.invoice_number()), CsvText(c.invoice_date()),
                        CsvText(c.customer_name()), CsvText(c.customer_country()),
                        CsvText(c.currency_code()), CsvNumber(c.total_amount()),
                        Num(c.lines_size()), CsvText(absl::StrJoin(flags, " ")),
                        Num(c.submitted_by_user_id()), Num(c.reviewer_user_id()),
                        Utc(c.create_time()), Utc(c.update_time())})) {
            return false;
          }
        }
        return true;
      });
}

absl::Status Exports::Ledger(const Principal& caller, const cim::v1::ExportLedgerRequest& request,
                             const ChunkSink& sink) {
  CIM_ASSIGN_OR_RETURN(const DateRange window,
                       ParseDateWindow(request.from_date(), request.to_date()));
  CsvStream out(sink, absl::StrCat("ledger-", FormatDate(DayOf(clock_.Now())), ".csv"));
  if (!out.Row({"entry_id", "posted_utc", "partner_id", "user_id", "program_id", "rule_id",
                "rules_version", "claim_id", "fund_request_id", "account", "kind", "unit", "amount",
                "basis", "reverses_entry_id", "statement_id"})) {
    return CsvStream::Cancelled();
  }
  return Pages<cim::v1::ListLedgerEntriesResponse>(
      out,
      [&](const std::string& token) {
        cim::v1::ListLedgerEntriesRequest page;
        page.set_page_size(kPageSize);
        page.set_page_token(token);
        page.set_partner_id(request.partner_id());
        page.set_program_id(request.program_id());
        return ledger_.ListEntries(caller, page);
      },
      [&, words = Wording(MessageCatalogs::Compiled(), caller.language)](
          const cim::v1::ListLedgerEntriesResponse& page) {
        for (const cim::v1::LedgerEntry& e : page.entries()) {
          if (!Within(window, e.create_time())) continue;
          if (!out.Row({Num(e.id()), Utc(e.create_time()), Num(e.partner_id()), Num(e.user_id()),
                        Num(e.program_id()), CsvText(e.rule_id()), Num(e.rules_version()),
                        Num(e.claim_id()), Num(e.fund_request_id()),
                        Label(cim::v1::LedgerAccount_Name(e.account()), "LEDGER_ACCOUNT_"),
                        Label(cim::v1::LedgerEntryKind_Name(e.kind()), "LEDGER_ENTRY_KIND_"),
                        CsvText(e.unit()), CsvNumber(e.amount()), CsvText(words.Render(e.basis())),
                        Num(e.reverses_entry_id()), Num(e.statement_id())})) {
            return false;
          }
        }
        return true;
      });
}

absl::Status Exports::Statements(const Principal& caller,
                                 const cim::v1::ExportStatementsRequest& request,
                                 const ChunkSink& sink) {
  CIM_ASSIGN_OR_RETURN(const DateRange window,
                       ParseDateWindow(request.from_date(), request.to_date()));
  CsvStream out(sink, absl::StrCat("statements-", FormatDate(DayOf(clock_.Now())), ".csv"));
  if (!out.Row({"statement_id", "payout_run_id", "partner_id", "partner_name", "period_start",
                "period_end", "currency", "total", "entries", "status", "payment_reference",
                "paid_utc", "created_utc"})) {
    return CsvStream::Cancelled();
  }
  return Pages<cim::v1::ListStatementsResponse>(
      out,
      [&](const std::string& token) {
        cim::v1::ListStatementsRequest page;
        page.set_page_size(kPageSize);
        page.set_page_token(token);
        page.set_partner_id(request.partner_id());
        return payouts_.List(caller, page);
      },
      [&](const cim::v1::ListStatementsResponse& page) {
        for (const cim::v1::Statement& s : page.statements()) {
          absl::StatusOr<absl::CivilDay> end = ParseDate(s.period_end());
          if (end.ok() && !window.Contains(*end)) continue;
          if (!out.Row(
                  {Num(s.id()), Num(s.payout_run_id()), Num(s.partner_id()),
                   CsvText(s.partner_name()), CsvText(s.period_start()), CsvText(s.period_end()),
                   CsvText(s.currency_code()), CsvNumber(s.total()), Num(s.entry_count()),
                   Label(cim::v1::StatementStatus_Name(s.status()), "STATEMENT_STATUS_"),
                   CsvText(s.payment_reference()), Utc(s.paid_time()), Utc(s.create_time())})) {
            return false;
          }
        }
        return true;
      });
}

absl::Status Exports::Performance(const Principal& caller,
                                  const cim::v1::ExportProgramPerformanceRequest& request,
                                  const ChunkSink& sink) {
  cim::v1::GetProgramPerformanceRequest get;
  get.set_program_id(request.program_id());
  get.set_baseline_start(request.baseline_start());
  get.set_baseline_end(request.baseline_end());
  CIM_ASSIGN_OR_RETURN(const cim::v1::ProgramPerformance p, performance_.Get(caller, get));
  CsvStream out(sink,
                absl::StrCat("program-", p.program_id(), "-performance-", p.period_end(), ".csv"));
  if (!out.Row({"segment",
                "key",
                "label",
                "partners",
                "currency",
                "period_start",
                "period_end",
                "baseline_start",
                "baseline_end",
                "program_sales",
                "program_cogs",
                "program_days",
                "baseline_sales",
                "baseline_cogs",
                "baseline_days",
                "expected_sales",
                "expected_cogs",
                "incremental_sales",
                "incremental_cogs",
                "gross_profit",
                "rewards_cost",
                "admin_cost",
                "training_cost",
                "marketing_cost",
                "total_cost",
                "net_profit",
                "roi_percent"})) {
    return CsvStream::Cancelled();
  }
  const auto row = [&](const char* segment, const std::string& key, const std::string& label,
                       int64_t partners, const cim::v1::RoiFigures& r) {
    return out.Row({CsvText(segment),
                    CsvText(key),
                    CsvText(label),
                    Num(partners),
                    CsvText(p.currency_code()),
                    CsvText(p.period_start()),
                    CsvText(p.period_end()),
                    CsvText(p.baseline_start()),
                    CsvText(p.baseline_end()),
                    CsvNumber(r.program_sales()),
                    CsvNumber(r.program_cogs()),
                    Num(r.program_days()),
                    CsvNumber(r.baseline_sales()),
                    CsvNumber(r.baseline_cogs()),
                    Num(r.baseline_days()),
                    CsvNumber(r.expected_sales()),
                    CsvNumber(r.expected_cogs()),
                    CsvNumber(r.incremental_sales()),
                    CsvNumber(r.incremental_cogs()),
                    CsvNumber(r.gross_profit()),
                    CsvNumber(r.rewards_cost()),
                    CsvNumber(r.admin_cost()),
                    CsvNumber(r.training_cost()),
                    CsvNumber(r.marketing_cost()),
                    CsvNumber(r.total_cost()),
                    CsvNumber(r.net_profit()),
                    CsvNumber(r.roi_percent())});
  };
  bool open = row("program", absl::StrCat(p.program_id()), p.program_name(),
                  p.engagement().enrolled_partners(), p.roi());
  for (const auto& [segment, rows] :
       {std::pair{"partner", &p.by_partner()}, std::pair{"partner_type", &p.by_partner_type()},
        std::pair{"region", &p.by_region()}}) {
    for (const cim::v1::SegmentPerformance& s : *rows) {
      open = open && row(segment, s.key(), s.label(), s.partner_count(), s.roi());
    }
  }
  if (!open) return CsvStream::Cancelled();
  return out.Finish();
}

}  // namespace cim

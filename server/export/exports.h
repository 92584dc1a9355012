// CSV exports of claims, ledger entries, statements and program performance, streamed in
// chunks: rows are read a page at a time through the same logic (and so the same access rules
// and partner views) as the List RPCs, and each chunk goes out as soon as it is full, so memory
// stays bounded however large the export.
#ifndef CIM_SERVER_EXPORT_EXPORTS_H_
#define CIM_SERVER_EXPORT_EXPORTS_H_

#include <functional>

#include "absl/status/status.h"
#include "cim/v1/export_service.pb.h"
#include "lib/clock.h"
#include "lib/principal.h"
#include "server/claim/claim_workflow.h"
#include "server/money/ledger_book.h"
#include "server/payout/payout_workflow.h"
#include "server/performance/performance_reports.h"

namespace cim {

// Receives each chunk; returns false when the receiver is gone (the export stops: CANCELLED).
using ChunkSink = std::function<bool(const cim::v1::FileChunk&)>;

class Exports {
 public:
  Exports(ClaimWorkflow& claims, LedgerBook& ledger, PayoutWorkflow& payouts,
          PerformanceReports& performance, const Clock& clock)
      : claims_(claims),
        ledger_(ledger),
        payouts_(payouts),
        performance_(performance),
        clock_(clock) {}

  // Each returns OK once the last chunk is sent; the List RPC's errors (PERMISSION_DENIED,
  // INVALID_ARGUMENT) before the first chunk; INVALID_ARGUMENT for bad dates. Partner users
  // may export claims only as partner admins.
  absl::Status Claims(const Principal& caller, const cim::v1::ExportClaimsRequest& request,
                      const ChunkSink& sink);
  absl::Status Ledger(const Principal& caller, const cim::v1::ExportLedgerRequest& request,
                      const ChunkSink& sink);
  absl::Status Statements(const Principal& caller, const cim::v1::ExportStatementsRequest& request,
                          const ChunkSink& sink);
  absl::Status Performance(const Principal& caller,
                           const cim::v1::ExportProgramPerformanceRequest& request,
                           const ChunkSink& sink);

  // Bytes per chunk (a chunk goes out once it holds at least this much).
  static constexpr size_t kChunkBytes = 64 * 1024;

 private:
  ClaimWorkflow& claims_;
  LedgerBook& ledger_;
  PayoutWorkflow& payouts_;
  PerformanceReports& performance_;
  const Clock& clock_;
};

}  // namespace cim

#endif  // CIM_SERVER_EXPORT_EXPORTS_H_

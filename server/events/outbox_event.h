// A domain event for the outbox: written in the same transaction as the change that caused it
// and applied exactly once by its consumers (recognition).
#ifndef CIM_SERVER_EVENTS_OUTBOX_EVENT_H_
#define CIM_SERVER_EVENTS_OUTBOX_EVENT_H_

#include <cstdint>
#include <string>

#include "absl/time/time.h"
#include "cim/v1/recognition.pb.h"
#include "lib/decimal.h"

namespace cim {

struct OutboxEvent {
  int64_t id = 0;  // set when stored
  cim::v1::RecognitionEventKind kind = cim::v1::RECOGNITION_EVENT_KIND_UNSPECIFIED;
  int64_t partner_id = 0;
  int64_t user_id = 0;
  int64_t program_id = 0;
  int64_t claim_id = 0;
  // Sales counted, in currency_code (empty: none).
  Decimal amount;
  std::string currency_code;
  // Points earned (negative when taken back).
  Decimal points;
  // When the event counts (for a reversal: the reversed reward's time).
  absl::Time occurred_at;
  absl::Time created_at;
  // The tier change, kudos or challenge the event is about (0: none).
  int64_t ref_id = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_EVENTS_OUTBOX_EVENT_H_

// A claim as one entity when a transaction changes it (server/db/entity_change.h): its row with
// its lines, wherever it changes (the claim store, a payout marking it paid).
#ifndef CIM_SERVER_CLAIM_MYSQL_CLAIM_VIEW_H_
#define CIM_SERVER_CLAIM_MYSQL_CLAIM_VIEW_H_

#include "server/db/entity_change.h"

namespace cim {

inline EntityView ClaimView() {
  return EntityView{
      .table = "claims",
      .extra =
          "(SELECT JSON_ARRAYAGG(JSON_OBJECT('sku', l.sku, 'quantity', l.quantity,"
          " 'unit_price', CAST(l.unit_price AS CHAR), 'amount', CAST(l.amount AS CHAR))"
          " ORDER BY l.line_no) FROM claim_lines l WHERE l.claim_id = t.id) AS line_items"};
}

}  // namespace cim

#endif  // CIM_SERVER_CLAIM_MYSQL_CLAIM_VIEW_H_

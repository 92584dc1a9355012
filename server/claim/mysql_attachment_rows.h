// Attachments (proof files) as rows: the columns every reader selects and the row's mapping,
// for claims and fund requests alike. Only mysql_* files use it.
#ifndef CIM_SERVER_CLAIM_MYSQL_ATTACHMENT_ROWS_H_
#define CIM_SERVER_CLAIM_MYSQL_ATTACHMENT_ROWS_H_

#include <soci/soci.h>

#include "cim/v1/claim.pb.h"

namespace cim {

// Select list of an attachment's metadata (never its chunks).
inline constexpr char kAttachmentColumns[] =
    "id, claim_id, filename, content_type, size_bytes, sha256, uploaded_by, created_at,"
    " partner_id";

// An attachment from a row selected with kAttachmentColumns.
cim::v1::Attachment AttachmentFromRow(const soci::row& row);

}  // namespace cim

#endif  // CIM_SERVER_CLAIM_MYSQL_ATTACHMENT_ROWS_H_

#include "server/claim/mysql_attachment_rows.h"

#include "lib/proto_time.h"
#include "server/db/table.h"

namespace cim {

cim::v1::Attachment AttachmentFromRow(const soci::row& row) {
  const NamedRow r(row);
  cim::v1::Attachment a;
  a.set_id(r.Integer("id"));
  a.set_claim_id(r.Integer("claim_id"));
  a.set_filename(r.Text("filename"));
  a.set_content_type(r.Text("content_type"));
  a.set_size_bytes(r.Integer("size_bytes"));
  a.set_sha256(r.Text("sha256"));
  a.set_uploaded_by_user_id(r.Integer("uploaded_by"));
  SetTimestamp(r.Time("created_at"), a.mutable_create_time());
  a.set_partner_id(r.Integer("partner_id"));
  return a;
}

}  // namespace cim

// The one attachment mapping against MariaDB: a row selected with kAttachmentColumns becomes
// the attachment with every column in its field (times to the second, the size and digest
// exactly), an upload not attached to a claim (also a fund request's proof) reads claim id 0,
// and what the claim store writes reads back equal to what it returned.
#include "server/claim/mysql_attachment_rows.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/proto_time.h"
#include "lib/sha256.h"
#include "tests/server/claim/claim_store_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

class MysqlAttachmentRowsTest : public ClaimStoreTest {
 protected:
  // Attachment `id` as AttachmentFromRow maps it.
  absl::StatusOr<cim::v1::Attachment> Read(int64_t id) {
    return database_.db().Run([&](soci::session& s) -> absl::StatusOr<cim::v1::Attachment> {
      soci::row row;
      long long key = id;
      s << absl::StrCat("SELECT ", kAttachmentColumns, " FROM attachments WHERE id = :id"),
          soci::use(key), soci::into(row);
      if (!s.got_data()) return absl::NotFoundError(absl::StrCat("no attachment ", id));
      return AttachmentFromRow(row);
    });
  }

  // The sha256 column of a test row.
  static std::string Digest(char c) { return std::string(64, c); }
};

TEST_F(MysqlAttachmentRowsTest, MapsEveryColumnOfAnAttachedProof) {
  const int64_t claim = Insert(SaleClaim(kAlpha, kRob, "INV-1"));
  Exec(absl::StrCat(
      "INSERT INTO attachments (id, partner_id, uploaded_by, claim_id, filename, content_type,"
      " size_bytes, sha256, created_at) VALUES (41, 1, 4, ",
      claim, ", 'invoice 1.pdf', 'application/pdf', 5368709120, '", Digest('a'),
      "', '2026-03-02 09:15:07')"));
  CIM_ASSERT_OK_AND_ASSIGN(const cim::v1::Attachment a, Read(41));
  EXPECT_EQ(a.id(), 41);
  EXPECT_EQ(a.claim_id(), claim);
  EXPECT_EQ(a.partner_id(), kAlpha);
  EXPECT_EQ(a.uploaded_by_user_id(), kRob);
  EXPECT_EQ(a.filename(), "invoice 1.pdf");
  EXPECT_EQ(a.content_type(), "application/pdf");
  EXPECT_EQ(a.size_bytes(), 5368709120);  // beyond 32 bits
  EXPECT_EQ(a.sha256(), Digest('a'));
  EXPECT_EQ(FromTimestamp(a.create_time()), T0() + absl::Seconds(15 * 60 + 7));
}

TEST_F(MysqlAttachmentRowsTest, AnUploadNotAttachedToAClaimReadsClaimIdZero) {
  Exec(absl::StrCat(
      "INSERT INTO attachments (id, partner_id, uploaded_by, claim_id, fund_request_id, filename,"
      " content_type, size_bytes, sha256, created_at) VALUES"
      " (7, 2, 5, NULL, NULL, 'po.png', 'image/png', 12, '",
      Digest('b'),
      "', '2026-03-02 09:00:00'), (8, 1, 3, NULL, 99, 'proof.jpg', 'image/jpeg', 34, '",
      Digest('c'), "', '2026-03-02 09:00:00')"));
  CIM_ASSERT_OK_AND_ASSIGN(const cim::v1::Attachment upload, Read(7));
  EXPECT_EQ(upload.claim_id(), 0);
  EXPECT_EQ(upload.partner_id(), kBravo);
  EXPECT_EQ(upload.uploaded_by_user_id(), kBea);
  EXPECT_EQ(upload.content_type(), "image/png");
  EXPECT_EQ(upload.size_bytes(), 12);
  // A fund request's proof: the same mapping, still no claim.
  CIM_ASSERT_OK_AND_ASSIGN(const cim::v1::Attachment proof, Read(8));
  EXPECT_EQ(proof.claim_id(), 0);
  EXPECT_EQ(proof.partner_id(), kAlpha);
  EXPECT_EQ(proof.filename(), "proof.jpg");
  EXPECT_EQ(FromTimestamp(proof.create_time()), T0());
}

TEST_F(MysqlAttachmentRowsTest, ReadsBackWhatTheClaimStoreWrote) {
  const std::string bytes = "%PDF-1.7\nproof";
  cim::v1::Attachment in;
  in.set_partner_id(kAlpha);
  in.set_uploaded_by_user_id(kAnn);
  in.set_filename("proof.pdf");
  in.set_content_type("application/pdf");
  in.set_size_bytes(static_cast<int64_t>(bytes.size()));
  in.set_sha256(Sha256Hex(bytes));
  SetTimestamp(T0(), in.mutable_create_time());
  CIM_ASSERT_OK_AND_ASSIGN(const cim::v1::Attachment stored, claims_.CreateAttachment(in, bytes));
  CIM_ASSERT_OK_AND_ASSIGN(const cim::v1::Attachment read, Read(stored.id()));
  EXPECT_EQ(read.SerializeAsString(), stored.SerializeAsString()) << read.DebugString();
  EXPECT_EQ(read.size_bytes(), 14);
}

}  // namespace
}  // namespace cim

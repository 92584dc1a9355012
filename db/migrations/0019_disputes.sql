-- Disputes: a partner questions a claim, a reward, a missing reward or a statement line; vendor
-- staff reply and resolve with an adjustment entry on the ledger or a refusal. The age clock is
-- stored (opened, first vendor reply, resolved). All times are UTC. Safe to re-run.

CREATE TABLE IF NOT EXISTS disputes (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  partner_id BIGINT NOT NULL,
  opened_by BIGINT NOT NULL,
  -- Opaque client token, unique per user, compared byte for byte.
  idempotency_key VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL,
  -- cim.v1.DisputeSubjectKind and what it names.
  subject_kind TINYINT NOT NULL,
  claim_id BIGINT NULL,
  entry_id BIGINT NULL,
  statement_id BIGINT NULL,
  -- The subject's program (NULL if it has none).
  program_id BIGINT NULL,
  expected VARCHAR(500) NOT NULL DEFAULT '',
  -- cim.v1.DisputeState.
  state TINYINT NOT NULL,
  resolution TEXT NOT NULL,
  resolved_by BIGINT NULL,
  opened_at DATETIME NOT NULL,
  first_reply_at DATETIME NULL,
  resolved_at DATETIME NULL,
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE KEY uq_disputes_idempotency (opened_by, idempotency_key),
  KEY idx_disputes_partner (partner_id, id),
  KEY idx_disputes_state (state, id),
  KEY idx_disputes_program (program_id, state),
  CONSTRAINT fk_disputes_partner FOREIGN KEY (partner_id) REFERENCES partners (id),
  CONSTRAINT fk_disputes_opened_by FOREIGN KEY (opened_by) REFERENCES users (id),
  CONSTRAINT fk_disputes_resolved_by FOREIGN KEY (resolved_by) REFERENCES users (id),
  CONSTRAINT fk_disputes_program FOREIGN KEY (program_id) REFERENCES programs (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS dispute_messages (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  dispute_id BIGINT NOT NULL,
  author_id BIGINT NOT NULL,
  from_vendor TINYINT NOT NULL,
  body TEXT NOT NULL,
  created_at DATETIME NOT NULL,
  KEY idx_dispute_messages (dispute_id, id),
  CONSTRAINT fk_dispute_messages_dispute FOREIGN KEY (dispute_id) REFERENCES disputes (id),
  CONSTRAINT fk_dispute_messages_author FOREIGN KEY (author_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Proof of a dispute is an attachment of one of its messages.
ALTER TABLE attachments ADD COLUMN IF NOT EXISTS dispute_message_id BIGINT NULL;
ALTER TABLE attachments ADD KEY IF NOT EXISTS idx_attachments_dispute_message (dispute_message_id);
-- An adjustment entry names the dispute it resolved; a dispute has at most one.
ALTER TABLE ledger_entries ADD COLUMN IF NOT EXISTS dispute_id BIGINT NULL;
ALTER TABLE ledger_entries ADD UNIQUE KEY IF NOT EXISTS uq_ledger_dispute (dispute_id);

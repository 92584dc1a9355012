-- Claims (with lines, timeline, conflicts and proof attachments), the append-only ledger and
-- the per-period totals the rules engine reads. All times are UTC. Safe to re-run.

CREATE TABLE IF NOT EXISTS claims (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  program_id BIGINT NOT NULL,
  partner_id BIGINT NOT NULL,
  submitted_by BIGINT NOT NULL,
  idempotency_key VARCHAR(100) NOT NULL,
  -- SHA-256 of the canonical request: a reused key with another body is refused.
  request_hash CHAR(64) NOT NULL,
  invoice_number VARCHAR(64) NOT NULL,
  -- invoice_number upper-cased without spaces, '-', '/', '.' (duplicate and conflict checks).
  invoice_key VARCHAR(64) NOT NULL,
  invoice_date DATE NOT NULL,
  customer_name VARCHAR(200) NOT NULL,
  -- customer_name lower-cased, letters and digits only.
  customer_key VARCHAR(200) NOT NULL,
  customer_country CHAR(2) NOT NULL,
  currency_code CHAR(3) NOT NULL,
  total_amount DECIMAL(19,4) NOT NULL,
  notes TEXT NOT NULL,
  status TINYINT NOT NULL,
  resubmitted TINYINT NOT NULL DEFAULT 0,
  reviewer_id BIGINT NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  -- One live claim per partner and invoice: rejected claims (status 4) free the number.
  live_invoice_key VARCHAR(64) AS (IF(status = 4, NULL, invoice_key)) PERSISTENT,
  UNIQUE KEY uq_claims_idempotency (partner_id, idempotency_key),
  UNIQUE KEY uq_claims_live_invoice (partner_id, live_invoice_key),
  KEY idx_claims_invoice (invoice_key),
  KEY idx_claims_partner (partner_id, id),
  KEY idx_claims_status (status, id),
  KEY idx_claims_program (program_id, status, id),
  KEY idx_claims_partner_date (partner_id, status, invoice_date),
  CONSTRAINT fk_claims_program FOREIGN KEY (program_id) REFERENCES programs (id),
  CONSTRAINT fk_claims_partner FOREIGN KEY (partner_id) REFERENCES partners (id),
  CONSTRAINT fk_claims_submitter FOREIGN KEY (submitted_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS claim_lines (
  claim_id BIGINT NOT NULL,
  line_no INT NOT NULL,
  sku VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  quantity BIGINT NOT NULL,
  unit_price DECIMAL(19,4) NOT NULL,
  amount DECIMAL(19,4) NOT NULL,
  PRIMARY KEY (claim_id, line_no),
  CONSTRAINT fk_claim_lines_claim FOREIGN KEY (claim_id) REFERENCES claims (id)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS claim_events (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  claim_id BIGINT NOT NULL,
  from_status TINYINT NOT NULL,
  to_status TINYINT NOT NULL,
  actor_id BIGINT NOT NULL,
  comment TEXT NOT NULL,
  created_at DATETIME NOT NULL,
  KEY idx_claim_events_claim (claim_id, id),
  CONSTRAINT fk_claim_events_claim FOREIGN KEY (claim_id) REFERENCES claims (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Channel conflicts: both directions are stored so each claim lists the other.
CREATE TABLE IF NOT EXISTS claim_conflicts (
  claim_id BIGINT NOT NULL,
  other_claim_id BIGINT NOT NULL,
  reason VARCHAR(500) NOT NULL,
  PRIMARY KEY (claim_id, other_claim_id),
  CONSTRAINT fk_claim_conflicts_claim FOREIGN KEY (claim_id) REFERENCES claims (id),
  CONSTRAINT fk_claim_conflicts_other FOREIGN KEY (other_claim_id) REFERENCES claims (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS attachments (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  partner_id BIGINT NOT NULL,
  uploaded_by BIGINT NOT NULL,
  claim_id BIGINT NULL,
  filename VARCHAR(200) NOT NULL,
  content_type VARCHAR(40) NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 CHAR(64) NOT NULL,
  created_at DATETIME NOT NULL,
  KEY idx_attachments_claim (claim_id),
  CONSTRAINT fk_attachments_partner FOREIGN KEY (partner_id) REFERENCES partners (id),
  CONSTRAINT fk_attachments_claim FOREIGN KEY (claim_id) REFERENCES claims (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Attachment bytes in chunks of at most 1 MiB (below max_allowed_packet), in the system of
-- record so backups and replicas carry them.
CREATE TABLE IF NOT EXISTS attachment_chunks (
  attachment_id BIGINT NOT NULL,
  seq INT NOT NULL,
  data MEDIUMBLOB NOT NULL,
  PRIMARY KEY (attachment_id, seq),
  CONSTRAINT fk_attachment_chunks FOREIGN KEY (attachment_id) REFERENCES attachments (id)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS ledger_entries (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  partner_id BIGINT NOT NULL,
  user_id BIGINT NULL,
  program_id BIGINT NULL,
  rules_version INT NULL,
  rule_id VARCHAR(40) NULL,
  claim_id BIGINT NULL,
  account TINYINT NOT NULL,
  kind TINYINT NOT NULL,
  unit VARCHAR(8) NOT NULL,
  amount DECIMAL(19,4) NOT NULL,
  basis VARCHAR(1000) NOT NULL,
  period_start DATE NULL,
  reverses_entry_id BIGINT NULL,
  -- PAYOUT entries: the statement paid.
  statement_id BIGINT NULL,
  created_by BIGINT NOT NULL,
  created_at DATETIME NOT NULL,
  UNIQUE KEY uq_ledger_reverses (reverses_entry_id),
  KEY idx_ledger_partner (partner_id, account, id),
  KEY idx_ledger_user (user_id, account, id),
  KEY idx_ledger_claim (claim_id),
  KEY idx_ledger_program (program_id, partner_id, id),
  CONSTRAINT fk_ledger_partner FOREIGN KEY (partner_id) REFERENCES partners (id),
  CONSTRAINT fk_ledger_reverses FOREIGN KEY (reverses_entry_id) REFERENCES ledger_entries (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The ledger is append-only, enforced by the database itself.
CREATE TRIGGER IF NOT EXISTS ledger_entries_no_update BEFORE UPDATE ON ledger_entries
  FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_entries is append-only';
CREATE TRIGGER IF NOT EXISTS ledger_entries_no_delete BEFORE DELETE ON ledger_entries
  FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_entries is append-only';

-- Per partner, program, rule and period: eligible volume and rebate posted so far. Derived
-- from approved claims and the ledger (rebuildable); its row lock serialises approvals that
-- share a partner, rule and period, so tiers are computed on an exact history.
CREATE TABLE IF NOT EXISTS reward_period_totals (
  program_id BIGINT NOT NULL,
  partner_id BIGINT NOT NULL,
  rule_id VARCHAR(40) NOT NULL,
  period_start DATE NOT NULL,
  volume DECIMAL(19,4) NOT NULL DEFAULT 0,
  rebate_posted DECIMAL(19,4) NOT NULL DEFAULT 0,
  lump_sum_posted TINYINT NOT NULL DEFAULT 0,
  PRIMARY KEY (program_id, partner_id, rule_id, period_start)
) ENGINE=InnoDB;

-- MDF and co-op fund requests: pre-approval reserves an amount of the partner's fund in a
-- program; reimbursement against proof of performance moves it to payable. Fund balances
-- themselves are ledger accounts. All times are UTC. Safe to re-run.

CREATE TABLE IF NOT EXISTS fund_requests (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  program_id BIGINT NOT NULL,
  partner_id BIGINT NOT NULL,
  -- The ledger account of the fund: 3 co-op, 4 MDF.
  fund TINYINT NOT NULL,
  activity VARCHAR(200) NOT NULL,
  description TEXT NOT NULL,
  planned_cost DECIMAL(19,4) NOT NULL,
  start_date DATE NOT NULL,
  end_date DATE NOT NULL,
  status TINYINT NOT NULL,
  approved_amount DECIMAL(19,4) NULL,
  actual_cost DECIMAL(19,4) NULL,
  reimbursed_amount DECIMAL(19,4) NULL,
  proof_notes TEXT NOT NULL,
  requested_by BIGINT NOT NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  KEY idx_fund_requests_partner (partner_id, id),
  KEY idx_fund_requests_program (program_id, partner_id, fund, status),
  KEY idx_fund_requests_status (status, id),
  CONSTRAINT fk_fund_requests_program FOREIGN KEY (program_id) REFERENCES programs (id),
  CONSTRAINT fk_fund_requests_partner FOREIGN KEY (partner_id) REFERENCES partners (id),
  CONSTRAINT fk_fund_requests_user FOREIGN KEY (requested_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS fund_request_events (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  request_id BIGINT NOT NULL,
  from_status TINYINT NOT NULL,
  to_status TINYINT NOT NULL,
  actor_id BIGINT NOT NULL,
  comment TEXT NOT NULL,
  created_at DATETIME NOT NULL,
  KEY idx_fund_request_events (request_id, id),
  CONSTRAINT fk_fund_request_events FOREIGN KEY (request_id) REFERENCES fund_requests (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Proof of performance is an attachment of a fund request.
ALTER TABLE attachments ADD COLUMN IF NOT EXISTS fund_request_id BIGINT NULL;
ALTER TABLE attachments ADD KEY IF NOT EXISTS idx_attachments_fund_request (fund_request_id);
-- Reimbursements reference their fund request.
ALTER TABLE ledger_entries ADD COLUMN IF NOT EXISTS fund_request_id BIGINT NULL;
ALTER TABLE ledger_entries ADD KEY IF NOT EXISTS idx_ledger_fund_request (fund_request_id);

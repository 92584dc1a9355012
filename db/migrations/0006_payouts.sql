-- Payout runs and statements. A payable ledger entry is in at most one statement (the primary
-- key of statement_lines), so nothing is paid twice. All times are UTC. Safe to re-run.

CREATE TABLE IF NOT EXISTS payout_runs (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  period_start DATE NOT NULL,
  period_end DATE NOT NULL,
  created_by BIGINT NOT NULL,
  created_at DATETIME NOT NULL,
  CONSTRAINT fk_payout_runs_user FOREIGN KEY (created_by) REFERENCES users (id)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS statements (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  run_id BIGINT NOT NULL,
  partner_id BIGINT NOT NULL,
  currency_code CHAR(3) NOT NULL,
  total DECIMAL(19,4) NOT NULL DEFAULT 0,
  entry_count INT NOT NULL DEFAULT 0,
  status TINYINT NOT NULL,
  payment_reference VARCHAR(100) NULL,
  paid_by BIGINT NULL,
  paid_at DATETIME NULL,
  created_at DATETIME NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE KEY uq_statements_run_partner (run_id, partner_id, currency_code),
  KEY idx_statements_partner (partner_id, id),
  KEY idx_statements_status (status, id),
  CONSTRAINT fk_statements_run FOREIGN KEY (run_id) REFERENCES payout_runs (id),
  CONSTRAINT fk_statements_partner FOREIGN KEY (partner_id) REFERENCES partners (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS statement_lines (
  entry_id BIGINT NOT NULL PRIMARY KEY,
  statement_id BIGINT NOT NULL,
  KEY idx_statement_lines_statement (statement_id),
  CONSTRAINT fk_statement_lines_entry FOREIGN KEY (entry_id) REFERENCES ledger_entries (id),
  CONSTRAINT fk_statement_lines_statement FOREIGN KEY (statement_id) REFERENCES statements (id)
) ENGINE=InnoDB;

-- Finding unpaid payable entries: by account and time.
ALTER TABLE ledger_entries ADD KEY IF NOT EXISTS idx_ledger_account_time (account, created_at);

-- Issue 5: the audit trail and the costs entered against programs.

-- One record per changed entity, appended in the same transaction as the change. seq is the
-- chain position (1, 2, … without gaps), given out under the lock on audit_chain_head, and
-- hash = SHA-256(prev_hash, fields) (server/audit/audit_chain.h).
CREATE TABLE IF NOT EXISTS audit_log (
  seq BIGINT NOT NULL PRIMARY KEY,
  at DATETIME(6) NOT NULL,
  actor_user_id BIGINT NOT NULL,
  actor_role TINYINT NOT NULL,
  actor_partner_id BIGINT NOT NULL,
  rpc VARCHAR(80) NOT NULL,
  entity_type VARCHAR(40) NOT NULL,
  entity_id VARCHAR(80) NOT NULL,
  before_json MEDIUMTEXT NOT NULL,
  after_json MEDIUMTEXT NOT NULL,
  request_id VARCHAR(80) NOT NULL,
  client_address VARCHAR(200) NOT NULL,
  prev_hash CHAR(64) CHARACTER SET ascii NOT NULL,
  hash CHAR(64) CHARACTER SET ascii NOT NULL,
  KEY idx_audit_entity (entity_type, entity_id, seq),
  KEY idx_audit_actor (actor_user_id, seq),
  KEY idx_audit_partner (actor_partner_id, seq),
  KEY idx_audit_request (request_id),
  KEY idx_audit_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The chain head: the newest seq and hash. Locked by each auditing transaction just before it
-- commits, so records are chained in commit order.
CREATE TABLE IF NOT EXISTS audit_chain_head (
  id TINYINT NOT NULL PRIMARY KEY,
  last_seq BIGINT NOT NULL,
  last_hash CHAR(64) CHARACTER SET ascii NOT NULL
) ENGINE=InnoDB;
INSERT IGNORE INTO audit_chain_head (id, last_seq, last_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Append-only in the database too: an edit or delete needs someone to drop these first (and
-- VerifyAuditTrail still finds it).
CREATE OR REPLACE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only';
CREATE OR REPLACE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only';

-- Admin, training and marketing costs entered against a program (ROI's total program cost).
CREATE TABLE IF NOT EXISTS program_costs (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  program_id BIGINT NOT NULL,
  category TINYINT NOT NULL,
  amount DECIMAL(19,4) NOT NULL,
  description VARCHAR(500) NOT NULL,
  incurred_on DATE NOT NULL,
  created_by BIGINT NOT NULL,
  created_at DATETIME NOT NULL,
  voided TINYINT NOT NULL DEFAULT 0,
  KEY idx_program_costs_program (program_id, id),
  CONSTRAINT fk_program_costs_program FOREIGN KEY (program_id) REFERENCES programs (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

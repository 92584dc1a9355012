-- Issue 5: the audit trail and the costs entered against programs.

-- One record per changed entity, appended in the same transaction as the change. The sealer
-- (every server, one at a time under the lock on audit_chain_head) then gives each committed
-- record its chain position `seq` (1, 2, … without gaps, in the order records committed) and
-- hash = SHA-256(prev_hash, fields) (server/audit/audit_chain.h), within a second.
CREATE TABLE IF NOT EXISTS audit_log (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  seq BIGINT NULL,
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
  prev_hash CHAR(64) CHARACTER SET ascii NULL,
  hash CHAR(64) CHARACTER SET ascii NULL,
  UNIQUE KEY uq_audit_seq (seq),
  KEY idx_audit_entity (entity_type, entity_id, id),
  KEY idx_audit_actor (actor_user_id, id),
  KEY idx_audit_partner (actor_partner_id, id),
  KEY idx_audit_request (request_id),
  KEY idx_audit_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The chain head: the newest sealed seq and hash.
CREATE TABLE IF NOT EXISTS audit_chain_head (
  id TINYINT NOT NULL PRIMARY KEY,
  last_seq BIGINT NOT NULL,
  last_hash CHAR(64) CHARACTER SET ascii NOT NULL
) ENGINE=InnoDB;
INSERT IGNORE INTO audit_chain_head (id, last_seq, last_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Append-only in the database too: no deletes, and an update may only seal an unsealed record
-- (every other column keeps its value; a sealed record's update fails on the NULL `at`).
-- An edit or delete needs someone to drop these first, and VerifyAuditTrail still finds it.
CREATE OR REPLACE TRIGGER audit_log_seal_only BEFORE UPDATE ON audit_log FOR EACH ROW
  SET NEW.at = IF(OLD.hash IS NULL, OLD.at, NULL), NEW.id = OLD.id,
      NEW.actor_user_id = OLD.actor_user_id, NEW.actor_role = OLD.actor_role,
      NEW.actor_partner_id = OLD.actor_partner_id, NEW.rpc = OLD.rpc,
      NEW.entity_type = OLD.entity_type, NEW.entity_id = OLD.entity_id,
      NEW.before_json = OLD.before_json, NEW.after_json = OLD.after_json,
      NEW.request_id = OLD.request_id, NEW.client_address = OLD.client_address;
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

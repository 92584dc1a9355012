-- One row per invoice number and end customer ever claimed: submissions of the same deal lock
-- it before looking for other partners' claims, so two partners submitting the same invoice at
-- the same moment still see each other and both claims are flagged as a channel conflict.
CREATE TABLE IF NOT EXISTS claim_invoice_locks (
  invoice_key VARCHAR(64) NOT NULL,
  customer_key VARCHAR(200) NOT NULL,
  PRIMARY KEY (invoice_key, customer_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

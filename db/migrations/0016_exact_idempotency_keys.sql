-- Idempotency keys are opaque client tokens: compared byte for byte. Under the table's
-- case-insensitive, pad-space collation "key-a" and "KEY-A " were the same key, so a new claim
-- whose key differed from an earlier one only in case was refused as a reuse. Safe to re-run.
ALTER TABLE claims
  MODIFY idempotency_key VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL;

-- On a Galera cluster a SELECT ... FOR UPDATE locks a row on one node only, and only rows a
-- transaction really changes are certified against concurrent transactions on other nodes.
-- Each rule that a row lock serialised now changes that row, so that of two conflicting
-- transactions on different nodes one commits and the other is aborted (1213) and run again.
--   enrollments.fund_version: every MDF/co-op fund decision of a partner in a program;
--   kudos_budgets.version: every kudos that draws on a monthly budget;
--   claim_invoice_locks.version: every submission of the same invoice and customer;
--   recognition_state.runs: every outbox processor run that changed anything.
ALTER TABLE enrollments ADD COLUMN IF NOT EXISTS fund_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE kudos_budgets ADD COLUMN IF NOT EXISTS version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE claim_invoice_locks ADD COLUMN IF NOT EXISTS version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE recognition_state ADD COLUMN IF NOT EXISTS runs BIGINT NOT NULL DEFAULT 0;

-- On a Galera cluster a SELECT ... FOR UPDATE locks a row on one node only, and only rows a
-- transaction really changes are certified against concurrent transactions on other nodes.
-- Each rule that a row lock serialised now changes that row, so that of two conflicting
-- transactions on different nodes one commits and the other is aborted (1213) and run again.
--   enrollments.fund_guard: every MDF/co-op fund decision of a partner in a program;
--   kudos_budgets.draw_guard: every kudos that draws on a monthly budget;
--   claim_invoice_locks.submit_guard: every submission of the same invoice and customer;
--   recognition_state.run_guard: every outbox processor run that changed anything.
-- Columns named *_guard say nothing about the entity: audit snapshots leave them out.
ALTER TABLE enrollments ADD COLUMN IF NOT EXISTS fund_guard BIGINT NOT NULL DEFAULT 0;
ALTER TABLE kudos_budgets ADD COLUMN IF NOT EXISTS draw_guard BIGINT NOT NULL DEFAULT 0;
ALTER TABLE claim_invoice_locks ADD COLUMN IF NOT EXISTS submit_guard BIGINT NOT NULL DEFAULT 0;
ALTER TABLE recognition_state ADD COLUMN IF NOT EXISTS run_guard BIGINT NOT NULL DEFAULT 0;

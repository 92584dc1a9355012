-- The rewards catalog and redemption orders: items partner users buy with their points. An
-- order's points leave through one ledger entry (kind 12, REDEMPTION) and come back through its
-- reversal. All times are UTC. Safe to re-run.

CREATE TABLE IF NOT EXISTS reward_items (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(120) NOT NULL,
  description TEXT NOT NULL,
  kind TINYINT NOT NULL,
  points_price DECIMAL(19,4) NOT NULL,
  unlimited_stock TINYINT NOT NULL,
  -- Units left: orders take them with a conditional UPDATE, and the CHECK holds the line.
  stock BIGINT NOT NULL DEFAULT 0,
  -- protobuf JSON of a cim.v1.Eligibility: who may see and redeem the item.
  availability TEXT NOT NULL,
  per_user_limit INT NOT NULL DEFAULT 0,
  -- Orders of at least this many points wait for approval; NULL: none do.
  approval_points DECIMAL(19,4) NULL,
  low_stock_threshold BIGINT NOT NULL DEFAULT 0,
  status TINYINT NOT NULL,
  image_id BIGINT NULL,
  created_by BIGINT NOT NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  KEY idx_reward_items_status (status, points_price),
  CONSTRAINT ck_reward_items_stock CHECK (stock >= 0),
  CONSTRAINT ck_reward_items_price CHECK (points_price > 0),
  CONSTRAINT fk_reward_items_user FOREIGN KEY (created_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS reward_item_images (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  item_id BIGINT NOT NULL,
  filename VARCHAR(200) NOT NULL,
  content_type VARCHAR(40) NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 CHAR(64) NOT NULL,
  -- At most 2 MiB (below max_allowed_packet).
  content MEDIUMBLOB NOT NULL,
  uploaded_by BIGINT NOT NULL,
  created_at DATETIME NOT NULL,
  KEY idx_reward_item_images_item (item_id),
  CONSTRAINT fk_reward_item_images_item FOREIGN KEY (item_id) REFERENCES reward_items (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS redemption_orders (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  partner_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  item_id BIGINT NOT NULL,
  idempotency_key VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL,
  -- SHA-256 of the canonical request: a reused key with another request is refused.
  request_hash CHAR(64) NOT NULL,
  quantity INT NOT NULL,
  points_each DECIMAL(19,4) NOT NULL,
  points_total DECIMAL(19,4) NOT NULL,
  status TINYINT NOT NULL,
  delivery_address VARCHAR(500) NOT NULL,
  fulfilment_code VARCHAR(200) NOT NULL DEFAULT '',
  tracking_reference VARCHAR(200) NOT NULL DEFAULT '',
  reason VARCHAR(500) NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE KEY uq_redemption_orders_key (user_id, idempotency_key),
  KEY idx_redemption_orders_partner (partner_id, id),
  KEY idx_redemption_orders_status (status, id),
  KEY idx_redemption_orders_item (item_id, user_id, status),
  CONSTRAINT ck_redemption_orders_quantity CHECK (quantity > 0),
  CONSTRAINT fk_redemption_orders_partner FOREIGN KEY (partner_id) REFERENCES partners (id),
  CONSTRAINT fk_redemption_orders_user FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT fk_redemption_orders_item FOREIGN KEY (item_id) REFERENCES reward_items (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS redemption_order_events (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id BIGINT NOT NULL,
  status TINYINT NOT NULL,
  actor_id BIGINT NOT NULL,
  note VARCHAR(500) NOT NULL,
  created_at DATETIME NOT NULL,
  KEY idx_redemption_order_events (order_id, id),
  CONSTRAINT fk_redemption_order_events FOREIGN KEY (order_id) REFERENCES redemption_orders (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per user who ordered: each order changes it, so orders of one user run one after the
-- other (on every node: Galera certifies the written row) and each sees the balance the one
-- before it left.
CREATE TABLE IF NOT EXISTS redemption_wallets (
  user_id BIGINT NOT NULL PRIMARY KEY,
  orders BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT fk_redemption_wallets_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB;

-- Redemption entries and their reversals name their order.
ALTER TABLE ledger_entries ADD COLUMN IF NOT EXISTS redemption_order_id BIGINT NULL;
ALTER TABLE ledger_entries ADD KEY IF NOT EXISTS idx_ledger_redemption_order (redemption_order_id);

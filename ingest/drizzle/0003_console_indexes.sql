-- Indexes for the operator console's framework and identity filters, which page sessions by last activity.
-- Written by hand (drizzle-kit generate --custom), so the drizzle snapshots do not list them.
CREATE INDEX IF NOT EXISTS `sessions_framework_last_seen_idx` ON `sessions` (`framework`,`last_seen`);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `sessions_identity_hash_last_seen_idx` ON `sessions` (`identity_hash`,`last_seen`);

CREATE TABLE `agents` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`signature_agent` text NOT NULL,
	`scopes` text NOT NULL,
	`rate_limit` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agents_signature_agent_idx` ON `agents` (`signature_agent`);--> statement-breakpoint
CREATE TABLE `beacons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` text NOT NULL,
	`seq` integer NOT NULL,
	`page` integer NOT NULL,
	`path` text NOT NULL,
	`received_at` integer NOT NULL,
	`event_count` integer NOT NULL,
	`events` text NOT NULL,
	`env` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `beacons_session_id_seq_idx` ON `beacons` (`session_id`,`seq`);--> statement-breakpoint
CREATE INDEX `beacons_received_at_idx` ON `beacons` (`received_at`);--> statement-breakpoint
CREATE TABLE `decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` text NOT NULL,
	`at` integer NOT NULL,
	`class` text NOT NULL,
	`previous_class` text,
	`agent_driven` integer NOT NULL,
	`framework` text,
	`score` real NOT NULL,
	`reasons` text NOT NULL,
	`evidence` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `decisions_session_id_at_idx` ON `decisions` (`session_id`,`at`);--> statement-breakpoint
CREATE INDEX `decisions_at_idx` ON `decisions` (`at`);--> statement-breakpoint
CREATE TABLE `session_baselines` (
	`session_id` text PRIMARY KEY NOT NULL,
	`stats` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`class` text NOT NULL,
	`agent_driven` integer NOT NULL,
	`framework` text,
	`score` real NOT NULL,
	`reasons` text NOT NULL,
	`evidence` text NOT NULL,
	`first_seen` integer NOT NULL,
	`last_seen` integer NOT NULL,
	`last_seq` integer NOT NULL,
	`beacon_count` integer NOT NULL,
	`event_count` integer NOT NULL,
	`user_agent` text,
	`client_network` text,
	`identity_hash` text,
	`state` text NOT NULL,
	`tag` text NOT NULL,
	`tag_class` text NOT NULL,
	`tag_expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sessions_last_seen_idx` ON `sessions` (`last_seen`,`id`);--> statement-breakpoint
CREATE INDEX `sessions_class_last_seen_idx` ON `sessions` (`class`,`last_seen`);--> statement-breakpoint
CREATE INDEX `sessions_site_id_last_seen_idx` ON `sessions` (`site_id`,`last_seen`);--> statement-breakpoint
CREATE TABLE `sites` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`origins` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `windows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` text NOT NULL,
	`seq` integer NOT NULL,
	`computed_at` integer NOT NULL,
	`features` text NOT NULL,
	`class` text NOT NULL,
	`score` real NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `windows_session_id_seq_idx` ON `windows` (`session_id`,`seq`);
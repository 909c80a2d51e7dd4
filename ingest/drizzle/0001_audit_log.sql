CREATE TABLE `audit_anchors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`last_id` integer NOT NULL,
	`last_hash` text NOT NULL,
	`pruned_count` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_records` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`site_id` text,
	`session_id` text,
	`identity_hash` text,
	`class` text NOT NULL,
	`agent_driven` integer NOT NULL,
	`label` text NOT NULL,
	`framework` text,
	`agent_id` text,
	`score` real,
	`reasons` text NOT NULL,
	`client_network` text,
	`user_agent` text,
	`route` text,
	`outcome` text,
	`rule` text,
	`source` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_records_at_idx` ON `audit_records` (`at`);--> statement-breakpoint
CREATE INDEX `audit_records_class_id_idx` ON `audit_records` (`class`,`id`);--> statement-breakpoint
CREATE INDEX `audit_records_session_id_id_idx` ON `audit_records` (`session_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_records_agent_driven_id_idx` ON `audit_records` (`agent_driven`,`id`);--> statement-breakpoint
CREATE INDEX `audit_records_framework_id_idx` ON `audit_records` (`framework`,`id`);
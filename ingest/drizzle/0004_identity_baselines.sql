CREATE TABLE `identity_baselines` (
	`identity_hash` text NOT NULL,
	`feature` text NOT NULL,
	`n` integer NOT NULL,
	`mean` real NOT NULL,
	`m2` real NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`identity_hash`, `feature`)
);

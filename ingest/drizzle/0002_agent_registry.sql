CREATE TABLE `agent_identities` (
	`agent_id` text PRIMARY KEY NOT NULL,
	`operator` text,
	`key_thumbprints` text NOT NULL
);

/** Public entry of the ingest service for embedding and tests. */
export { createApp, type AppOptions } from './http/create_app';
export { openDatabase, type Db } from './store/open_database';
export { createLog, type Log } from './log';
export { createTagSigner, type TagSigner } from './sign/tag_signer';
export { loadOrCreateSigningKeys } from './sign/signing_keys';
export { upsertSite } from './store/sites';
export { readConfig, type Config } from './config';

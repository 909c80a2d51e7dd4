/**
 * Telltale browser SDK, ESM build. Importing it has no side effects; call `init()` to start.
 * @module
 */
export { init } from './init';
export type { TelltaleOptions } from './options';
export type { TelltaleApi } from './telltale_api';
export type { TagListener } from './tag_state';

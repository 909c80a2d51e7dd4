/**
 * Constants and types shared by the Telltale SDK, ingest service and verifier.
 * The zod validator lives in `@telltale/shared/schema` so that browser bundles never pull it in.
 */
export * from './classes';
export * from './reasons';
export * from './signals';
export * from './errors';
export * from './limits';
export * from './user_agent_catalogue';
export type * from './claims';
export type {
  Beacon,
  BeaconEvent,
  RowBeacon,
  Environment,
  KeyEvent,
  PointerEvent,
  ClickEvent,
  WheelEvent,
  ScrollEvent,
  TouchEvent,
  FocusEvent,
  InputEvent,
  PasteEvent,
  SubmitEvent,
  VisibilityEvent,
  NavEvent,
  VitalEvent,
} from './schema';

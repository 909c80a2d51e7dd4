import type { CollectResponse } from '@telltale/shared';
import { TAG_HEADER } from '@telltale/shared';

import type { Session } from './session';

/** Listener for new tags: the compact JWS and the session class it carries. */
export type TagListener = (tag: string, cls: string) => void;

/** How long `getTag()` waits for a first tag before resolving to null. */
export const TAG_WAIT_MS = 10_000;

/** The current tag, its listeners and the callers waiting for the first one. */
export interface TagState {
  getTag(): Promise<string | null>;
  onTag(listener: TagListener): () => void;
  headers(): Record<string, string>;
  /** Applies the body of a `/v1/collect` response. */
  _apply(response: unknown): void;
  /** Returns the current tag: null when none is known, it has expired, or the SDK is disabled. */
  _current(): string | null;
  /** Marks the SDK as disabled: pending and later `getTag()` calls resolve to null. */
  _disable(): void;
}

/**
 * Creates the tag state on top of `session`, whose unexpired tag from an earlier page is used
 * at once. `save` stores the session after a new tag.
 */
export function createTagState(session: Session, save: () => void): TagState {
  let disabled = false;
  let waiting: ((tag: string | null) => void)[] = [];
  const listeners = new Set<TagListener>();
  const current = () => (!disabled && session.exp! > Date.now() ? session.tag! : null);
  const settle = (tag: string | null) => {
    for (const resolve of waiting) resolve(tag);
    waiting = [];
  };

  return {
    _current: current,

    getTag: () =>
      current() || disabled
        ? Promise.resolve(current())
        : new Promise((resolve) => {
            waiting.push(resolve);
            setTimeout(resolve, TAG_WAIT_MS, null);
          }),

    onTag(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    headers: (): Record<string, string> => (current() ? { [TAG_HEADER]: current()! } : {}),

    _apply(response) {
      const { tag, class: cls, expiresAt } = (response ?? {}) as CollectResponse;
      if (typeof tag !== 'string' || disabled) return;

      const changed = tag !== session.tag;
      session.tag = tag;
      session.cls = cls;
      session.exp = Date.parse(expiresAt);
      save();
      if (!changed) return;

      settle(tag);
      for (const listener of listeners) {
        try {
          listener(tag, cls);
        } catch {
          // A failing listener belongs to the host page; the other listeners still run.
        }
      }
    },

    _disable() {
      disabled = true;
      settle(null);
    },
  };
}

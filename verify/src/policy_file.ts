/**
 * @module
 * Loading and watching a policy file (Node only, because it reads the file system).
 */
import { readFileSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

import { parsePolicy, PolicyError, type Policy } from './policy';

/**
 * Reads and validates a JSON policy file.
 *
 * @throws PolicyError naming the file and every invalid field, or when the file cannot be
 * read or is not JSON.
 */
export function loadPolicyFile(path: string): Policy {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new PolicyError([`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`], `policy file ${path}`);
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PolicyError([`is not valid JSON (${(error as Error).message})`], `policy file ${path}`);
  }
  return parsePolicy(json, `policy file ${path}`);
}

/** Options of `watchPolicyFile`. */
export interface WatchPolicyOptions {
  /** Called with each new valid policy. */
  onChange: (policy: Policy) => void;
  /** Called when a changed file is invalid; the previous policy stays in force. */
  onError: (error: PolicyError) => void;
  /** Milliseconds to wait after the last change event before reading. Default 200. */
  debounceMs?: number;
}

/**
 * Watches a policy file and reloads it after changes, waiting `debounceMs` for editors
 * that write in several steps. The directory is watched rather than the file, so a file
 * replaced by rename (as most editors and `mv` do) keeps being watched. Returns a
 * function that stops watching.
 */
export function watchPolicyFile(path: string, options: WatchPolicyOptions): () => void {
  const debounceMs = options.debounceMs ?? 200;
  const fileName = basename(path);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const reload = () => {
    timer = undefined;
    try {
      options.onChange(loadPolicyFile(path));
    } catch (error) {
      if (error instanceof PolicyError) options.onError(error);
      else throw error;
    }
  };

  const watcher: FSWatcher = watch(dirname(path), (_event, changed) => {
    if (changed !== null && changed !== fileName) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(reload, debounceMs);
  });
  watcher.unref();

  return () => {
    if (timer !== undefined) clearTimeout(timer);
    watcher.close();
  };
}

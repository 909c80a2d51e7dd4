import Database from 'better-sqlite3';

import { bufferToText } from './buffer-to-text';

/** Every row of every table in a SQLite file, keyed by table name. */
export type DatabaseDump = Map<string, Record<string, unknown>[]>;

/**
 * Reads every row of every table (SQLite's own `sqlite_*` tables excepted) from the database
 * file, opened read-only so that a running service can keep writing.
 */
export function dumpDatabase(path: string): DatabaseDump {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as { name: string }[];
    const dump: DatabaseDump = new Map();
    for (const { name } of tables) {
      const quoted = `"${name.replaceAll('"', '""')}"`;
      dump.set(name, db.prepare(`SELECT * FROM ${quoted}`).all() as Record<string, unknown>[]);
    }
    return dump;
  } finally {
    db.close();
  }
}

/**
 * Renders a dump as text, one line per row (`table<TAB>JSON`), so that a test can search every
 * stored value at once. BLOB columns are decoded as UTF-8, after unpacking gzip ones.
 */
export function dumpToText(dump: DatabaseDump): string {
  const lines: string[] = [];
  for (const [table, rows] of dump) {
    for (const row of rows) {
      lines.push(`${table}\t${JSON.stringify(row, (_key, value: unknown) => blobToText(value))}`);
    }
  }
  return lines.join('\n');
}

function blobToText(value: unknown): unknown {
  // JSON.stringify hands the replacer Buffers already converted by Buffer#toJSON.
  if (isSerializedBuffer(value)) {
    return bufferToText(Buffer.from(value.data));
  }
  return value;
}

function isSerializedBuffer(value: unknown): value is { type: 'Buffer'; data: number[] } {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'Buffer' && Array.isArray((value as { data?: unknown }).data);
}

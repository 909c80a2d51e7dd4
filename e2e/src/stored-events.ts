import { dumpDatabase, dumpToText } from './database-dump';

/**
 * Counts the raw SDK events of type `type` (such as `submit` or `input`) stored in the ingest
 * service's SQLite file, by searching every stored value for the event's `"type"` field.
 */
export function countStoredEvents(dbPath: string, type: string): number {
  const text = dumpToText(dumpDatabase(dbPath));
  // Event JSON may sit inside a JSON string column, where its quotes are escaped.
  const pattern = new RegExp(`\\\\?"type\\\\?":\\\\?"${type}\\\\?"`, 'g');
  return text.match(pattern)?.length ?? 0;
}

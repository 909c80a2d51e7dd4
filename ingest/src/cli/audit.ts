/**
 * `npm run audit -- <command>`: exports, verifies and prunes the audit log of the
 * database that `npm start` uses (`TELLTALE_DB`, or `telltale.db` in `TELLTALE_DATA_DIR`).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { writeAuditExport, type AuditExportFormat } from '../audit/write_audit_export';
import { readConfig } from '../config';
import { openDatabase } from '../store/open_database';
import { pruneAuditRecords } from '../store/prune_audit_records';
import { verifyAuditChain } from '../store/verify_audit_chain';

const USAGE = `Usage: npm run audit -- <command> [options]

Commands:
  export --format jsonl|ocsf [--out FILE] [--from TIME]
      Write the audit records, oldest first, one JSON object per line: the records
      as GET /v1/audit shows them (jsonl) or OCSF Detection Finding events (ocsf).
      --out sets the output file (default: standard output); --from keeps records
      at or after TIME (ISO 8601 or milliseconds since the epoch).
  verify
      Check the hash chain; exits with status 1 when a record was edited, deleted or moved.
  prune --days N
      Delete records older than N days and keep the chain verifiable with an anchor.
`;

function fail(message: string): never {
  process.stderr.write(`telltale audit: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function main(argv: string[]): void {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string' },
      days: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help || command === undefined) {
    process.stdout.write(USAGE);
    return;
  }

  const config = readConfig(process.env, process.env.INIT_CWD ?? process.cwd());
  const db = openDatabase(config.dbPath);
  try {
    if (command === 'export') runExport(db, values);
    else if (command === 'verify') runVerify(db);
    else if (command === 'prune') runPrune(db, values.days);
    else fail(`unknown command "${command}".`);
  } finally {
    db.$client.close();
  }
}

function runExport(db: ReturnType<typeof openDatabase>, values: { format?: string; out?: string; from?: string }): void {
  if (values.format !== 'jsonl' && values.format !== 'ocsf') fail('option --format must be jsonl or ocsf.');
  const from = values.from === undefined ? undefined : /^\d+$/.test(values.from) ? Number(values.from) : Date.parse(values.from);
  if (from !== undefined && !Number.isFinite(from)) fail('option --from must be an ISO 8601 time or milliseconds since the epoch.');

  const fd = values.out === undefined ? 1 : openSync(values.out, 'w', 0o600);
  try {
    const count = writeAuditExport(db, values.format as AuditExportFormat, (line) => writeSync(fd, line), { from });
    process.stderr.write(`telltale audit: exported ${count} records as ${values.format}${values.out ? ` to ${values.out}` : ''}.\n`);
  } finally {
    if (fd !== 1) closeSync(fd);
  }
}

function runVerify(db: ReturnType<typeof openDatabase>): void {
  const report = verifyAuditChain(db);
  process.stdout.write(`${JSON.stringify(report)}\n`);
  if (!report.ok) process.exitCode = 1;
}

function runPrune(db: ReturnType<typeof openDatabase>, daysOption: string | undefined): void {
  const days = Number(daysOption);
  if (daysOption === undefined || !Number.isInteger(days) || days < 0) fail('option --days must be a whole number of days, 0 or more.');
  const now = Date.now();
  const deleted = pruneAuditRecords(db, now - days * 24 * 60 * 60 * 1000, now);
  process.stdout.write(`${JSON.stringify({ pruned: deleted })}\n`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`telltale audit: ${(error as Error).message}\n`);
  process.exit(1);
}

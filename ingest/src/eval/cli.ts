/**
 * Detection-quality report: classifies labelled human and bot recordings (and generated
 * adversaries) with the classifier `/v1/collect` uses, prints a table on stdout and writes
 * the figures as JSON.
 *
 * Usage: npm run eval -- --data DIR --json FILE [--check]
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { loadRecordings } from '../recordings/load_recordings';
import { evaluateRecordings } from './evaluate_recordings';
import { formatTable } from './format_table';
import { generateAdversaries } from './generate_adversaries';
import { findMissedTargets } from './quality_targets';

const USAGE = 'Usage: npm run eval -- --data DIR --json FILE [--check]';
const HELP = [
  '  --data DIR   folder with the datasets in their own layouts: delbot/, balabit/, web_bot_detection/, keystroke100/',
  '  --json FILE  where to write the figures as JSON (results, missedTargets, skippedFiles)',
  '  --check      exit 1 when a detection or false-positive target is missed, or no recording is found',
  '  --help       print this help',
  'Targets and columns: docs/evaluation.md',
].join('\n');
/** Known dataset folders under `--data`; each one that is missing is reported and skipped. */
const DATASET_FOLDERS = ['delbot', 'balabit', 'web_bot_detection', 'keystroke100'];

function main(): number {
  let values: { data?: string; json?: string; check?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        data: { type: 'string' },
        json: { type: 'string' },
        check: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}. ${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(`${USAGE}\n\n${HELP}`);
    return 0;
  }
  if (values.data === undefined || values.json === undefined) {
    console.error(`Missing ${values.data === undefined ? '--data' : '--json'}. ${USAGE}`);
    return 2;
  }
  // npm runs scripts from the package root; INIT_CWD is the folder the command was typed in.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const dataDir = resolve(cwd, values.data);
  const jsonFile = resolve(cwd, values.json);
  if (!existsSync(dataDir)) {
    console.error(`Data folder not found: ${dataDir}. Pass the folder that contains the datasets. ${USAGE}`);
    return 2;
  }
  if (!statSync(dataDir).isDirectory()) {
    console.error(`--data must be a folder, but ${dataDir} is a file. Pass the folder that contains the datasets. ${USAGE}`);
    return 2;
  }
  if (existsSync(jsonFile) && statSync(jsonFile).isDirectory()) {
    console.error(`--json must name a file, but ${jsonFile} is a folder. Pass a file path such as ${resolve(jsonFile, 'eval.json')}. ${USAGE}`);
    return 2;
  }
  if (!existsSync(dirname(jsonFile))) {
    console.error(`Folder for --json not found: ${dirname(jsonFile)}. Create it or pass a path in an existing folder. ${USAGE}`);
    return 2;
  }
  for (const folder of DATASET_FOLDERS) {
    if (!existsSync(resolve(dataDir, folder))) console.error(`Note: ${folder}/ not found under ${dataDir}; skipped.`);
  }

  const skippedFiles: { id: string; reason: string }[] = [];
  const recordings = loadRecordings(dataDir, (id, reason) => {
    skippedFiles.push({ id, reason });
    console.error(`Note: skipped ${id}: ${reason}`);
  });
  for (const family of new Set(recordings.filter((r) => r.dataset === 'delbot').map((r) => r.family))) {
    if (!/^circles_(human|bot)_/.test(family)) {
      const label = recordings.find((r) => r.dataset === 'delbot' && r.family === family)?.label;
      console.error(`Note: delbot/${family} is not named circles_human_* or circles_bot_*; it is scored as ${label}.`);
    }
  }
  const all = [...recordings, ...generateAdversaries(recordings)];
  console.error(`Evaluating ${recordings.length} recorded and ${all.length - recordings.length} generated sessions.`);
  let reported = 0;
  const results = evaluateRecordings(all, (done, total) => {
    const tenth = Math.floor((done * 10) / total);
    if (tenth > reported) {
      reported = tenth;
      console.error(`  ${done}/${total} sessions`);
    }
  });

  const missed = findMissedTargets(results);
  writeFileSync(jsonFile, `${JSON.stringify({ results, missedTargets: missed, skippedFiles }, null, 2)}\n`);
  console.log(formatTable(results));

  for (const miss of missed) {
    const relation = miss.bound === 'max' ? 'above the maximum' : 'below the minimum';
    console.error(`Target missed: ${miss.dataset}/${miss.family} automation rate ${pct(miss.measured)} is ${relation} of ${pct(miss.required)}.`);
  }
  if (!values.check) return 0;
  if (recordings.length === 0) {
    console.error(`Check failed: no labelled recordings were found under ${dataDir}, so there is nothing to check.`);
    return 1;
  }
  if (missed.length > 0) {
    console.error(`Check failed: ${missed.length} target${missed.length === 1 ? '' : 's'} missed (listed above and in missedTargets of ${jsonFile}).`);
    return 1;
  }
  console.error(`Check passed: every target is met on ${recordings.length} recorded sessions.`);
  return 0;
}

function pct(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

process.exitCode = main();

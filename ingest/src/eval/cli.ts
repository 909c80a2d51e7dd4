/**
 * Detection-quality report: classifies labelled human and bot recordings (and generated
 * adversaries) with the classifier `/v1/collect` uses, prints a table on stdout and writes
 * the figures as JSON.
 *
 * Usage: npm run eval -- --data DIR --json FILE [--check]
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { loadRecordings } from '../recordings/load_recordings';
import { evaluateRecordings } from './evaluate_recordings';
import { formatTable } from './format_table';
import { generateAdversaries } from './generate_adversaries';
import { findMissedTargets } from './quality_targets';

const USAGE = 'Usage: npm run eval -- --data DIR --json FILE [--check]';
/** Known dataset folders under `--data`; each one that is missing is reported and skipped. */
const DATASET_FOLDERS = ['delbot', 'balabit', 'web_bot_detection', 'keystroke100'];

function main(): number {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, json: { type: 'string' }, check: { type: 'boolean', default: false } },
  });
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
  for (const folder of DATASET_FOLDERS) {
    if (!existsSync(resolve(dataDir, folder))) console.error(`Note: ${folder}/ not found under ${dataDir}; skipped.`);
  }

  const recordings = loadRecordings(dataDir);
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

  writeFileSync(jsonFile, `${JSON.stringify({ results }, null, 2)}\n`);
  console.log(formatTable(results));

  const missed = findMissedTargets(results);
  for (const miss of missed) {
    const relation = miss.bound === 'max' ? 'above the maximum' : 'below the minimum';
    console.error(`Target missed: ${miss.dataset}/${miss.family} automation rate ${pct(miss.measured)} is ${relation} of ${pct(miss.required)}.`);
  }
  if (values.check && missed.length > 0) return 1;
  return 0;
}

function pct(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

process.exitCode = main();

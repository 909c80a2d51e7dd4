/**
 * Prints, per dataset and family of labelled recordings, the distributions of the window
 * features the classifier thresholds on (median, 5th and 95th percentile over active
 * windows), how often each reason fires per window, and the resulting session classes.
 *
 * Usage: node --import tsx ingest/scripts/measure-features.ts --data <datasets folder>
 */
import { parseArgs } from 'node:util';

import { isAgentDriven } from '@telltale/shared';

import { MIN_ACTIVE_MOVES, MIN_KEY_INTERVALS } from '../src/classify/thresholds';
import { loadRecordings, type Recording } from '../src/recordings/load_recordings';
import { replaySession } from '../src/recordings/replay_session';
import { quantile } from '../src/features/stats';

const MEASURED_FEATURES = [
  'pointerMoveCount',
  'pointerClockStepMs',
  'sampleIntervalMsMedian',
  'sampleIntervalCv',
  'zeroMoveShare',
  'segmentCount',
  'straightnessMedian',
  'speedCvMedian',
  'stepLengthCv',
  'stepLengthRobustCv',
  'stepLengthMedianPx',
  'movingStepCount',
  'accelSignChangeRateMedian',
  'evenStepShare',
  'clickCount',
  'clickWithoutApproachCount',
  'keyIntervalCount',
  'keyClockStepMs',
  'keyIntervalMsMedian',
  'keyIntervalMsSpread',
  'keyIntervalCv',
  'windowScore',
  'shiftFeatureCount',
  'shiftZMax',
] as const;

interface FamilyReport {
  sessions: number;
  windows: number;
  activeWindows: number;
  /** Active windows whose own evidence leans to automation (window score above 0). */
  automationLeaningWindows: number;
  values: Map<string, number[]>;
  reasonWindows: Map<string, number>;
  finalClasses: Map<string, number>;
  everAutomation: number;
}

function main(): void {
  const { values } = parseArgs({ options: { data: { type: 'string' } } });
  if (values.data === undefined) {
    console.error('Missing --data: pass the folder that contains the delbot/, balabit/, web_bot_detection/ and keystroke100/ datasets.');
    process.exit(2);
  }
  const recordings = loadRecordings(values.data);
  if (recordings.length === 0) {
    console.error(`No recordings found under ${values.data}.`);
    process.exit(1);
  }

  const reports = new Map<string, FamilyReport>();
  for (const recording of recordings) measure(recording, reportFor(reports, `${recording.dataset}/${recording.family} (${recording.label})`));

  for (const [name, report] of reports) printReport(name, report);
}

function reportFor(reports: Map<string, FamilyReport>, name: string): FamilyReport {
  let report = reports.get(name);
  if (report === undefined) {
    report = {
      sessions: 0,
      windows: 0,
      activeWindows: 0,
      automationLeaningWindows: 0,
      values: new Map(),
      reasonWindows: new Map(),
      finalClasses: new Map(),
      everAutomation: 0,
    };
    reports.set(name, report);
  }
  return report;
}

function measure(recording: Recording, report: FamilyReport): void {
  const steps = replaySession(recording.beacons);
  report.sessions += 1;
  let everAutomation = false;
  for (const step of steps) {
    report.windows += 1;
    if (isAgentDriven(step.decision.cls)) everAutomation = true;
    const features = step.features as unknown as Record<string, number | null>;
    const active = (features.pointerMoveCount ?? 0) >= MIN_ACTIVE_MOVES || (features.keyIntervalCount ?? 0) >= MIN_KEY_INTERVALS;
    if (!active) continue;
    report.activeWindows += 1;
    if ((features.windowScore ?? 0) > 0) report.automationLeaningWindows += 1;
    for (const name of MEASURED_FEATURES) {
      const value = features[name];
      if (value === null || value === undefined) continue;
      const list = report.values.get(name) ?? [];
      list.push(value);
      report.values.set(name, list);
    }
  }
  const last = steps[steps.length - 1];
  const finalClass = last?.decision.cls ?? 'none';
  report.finalClasses.set(finalClass, (report.finalClasses.get(finalClass) ?? 0) + 1);
  for (const code of new Set(steps.flatMap((step) => step.decision.reasons))) {
    report.reasonWindows.set(code, (report.reasonWindows.get(code) ?? 0) + 1);
  }
  if (everAutomation) report.everAutomation += 1;
}

function format(value: number | null): string {
  if (value === null) return '-';
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(3);
}

function printReport(name: string, report: FamilyReport): void {
  console.log(`\n== ${name}: ${report.sessions} sessions, ${report.windows} beacons, ${report.activeWindows} active`);
  console.log(`${'feature'.padEnd(28)}${'min'.padStart(10)}${'p5'.padStart(10)}${'median'.padStart(10)}${'p95'.padStart(10)}${'max'.padStart(10)}${'n'.padStart(7)}`);
  for (const feature of MEASURED_FEATURES) {
    const list = report.values.get(feature) ?? [];
    if (list.length === 0) continue;
    console.log(
      feature.padEnd(28) +
        [0, 0.05, 0.5, 0.95, 1].map((q) => format(quantile(list, q)).padStart(10)).join('') +
        String(list.length).padStart(7),
    );
  }
  const classes = [...report.finalClasses].map(([cls, count]) => `${cls} ${share(count, report.sessions)}`).join(', ');
  console.log(`final class: ${classes}`);
  console.log(`automation at any beacon: ${share(report.everAutomation, report.sessions)}`);
  console.log(`active windows leaning to automation: ${share(report.automationLeaningWindows, report.activeWindows)}`);
  const reasons = [...report.reasonWindows]
    .sort((a, b) => b[1] - a[1])
    .map(([code, count]) => `${code} ${share(count, report.sessions)}`)
    .join(', ');
  console.log(`sessions with reason: ${reasons}`);
}

function share(count: number, total: number): string {
  return `${((100 * count) / total).toFixed(1)}% (${count})`;
}

main();

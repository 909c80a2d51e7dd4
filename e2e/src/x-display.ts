import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;

/** A virtual X display served by an Xvfb process that this test started. */
export interface XDisplay {
  /** Display name for `DISPLAY`, such as `:99`. */
  name: string;
  /** Screen size in pixels. */
  width: number;
  height: number;
  /** Stops Xvfb (SIGTERM, then SIGKILL after 5 s) and waits for it to exit. */
  stop(): Promise<void>;
}

/** Names the programs from `names` that are not on PATH. */
export function findMissingPrograms(names: readonly string[]): string[] {
  return names.filter((name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status !== 0);
}

/**
 * Starts Xvfb on a free display with one screen of `width`×`height` at 24-bit depth and
 * waits until it accepts connections. Xvfb picks the display number itself (`-displayfd`)
 * and listens on its Unix socket only (`-nolisten tcp`).
 * Throws with Xvfb's output when it exits or is not ready within 10 s.
 */
export async function startXvfb(width = 1280, height = 800): Promise<XDisplay> {
  const output: string[] = [];
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  for (const stream of [child.stdout, child.stderr]) {
    if (stream !== null) createInterface({ input: stream }).on('line', (line) => output.push(line));
  }
  const stop = () => stopChild(child, closed);

  try {
    const number = await readDisplayNumber(child);
    return { name: `:${number}`, width, height, stop };
  } catch (error) {
    await stop();
    throw new Error(`Xvfb failed to start: ${(error as Error).message}\nXvfb output:\n${output.slice(-20).join('\n')}`);
  }
}

/** Reads the display number that Xvfb writes to file descriptor 3 once it accepts connections. */
function readDisplayNumber(child: ChildProcess): Promise<number> {
  const stream = child.stdio[3];
  if (stream === null || stream === undefined || !('on' in stream)) {
    return Promise.reject(new Error('no pipe on file descriptor 3'));
  }
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`no display number within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
    stream.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const match = /^(\d+)\n/.exec(text);
      if (match === null) return;
      clearTimeout(timer);
      resolve(Number(match[1]));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the process exited (code ${code}, signal ${signal})`));
    });
  });
}

/** Sends SIGTERM, then SIGKILL after 5 s, and waits until the process has exited. */
export async function stopChild(child: ChildProcess, closed: Promise<void>): Promise<void> {
  const running = child.exitCode === null && child.signalCode === null;
  if (running) child.kill('SIGTERM');
  const timer = running ? setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS) : undefined;
  await closed;
  clearTimeout(timer);
}

import { execFile } from 'node:child_process';

const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Runs `xdotool` with `args` on X display `display` and returns its stdout.
 * One call may chain several commands (`mousemove … sleep 0.016 mousemove …`), so a whole
 * gesture runs in one process and keeps its timing. Throws with xdotool's stderr when it
 * fails or runs longer than `timeoutMs`.
 */
export function runXdotool(display: string, args: readonly string[], timeoutMs = DEFAULT_TIMEOUT_MS): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('xdotool', args, { env: { ...process.env, DISPLAY: display }, timeout: timeoutMs }, (error, stdout, stderr) => {
      if (error) {
        // error.message repeats the whole command line, which runs to thousands of arguments for a replay.
        const outcome = error.killed ? `timed out after ${timeoutMs} ms` : `failed with exit code ${error.code ?? error.signal}`;
        reject(new Error(`xdotool ${args.slice(0, 6).join(' ')} … (${args.length} arguments) ${outcome}: ${stderr.trim()}`));
        return;
      }
      resolve(stdout);
    });
  });
}

/** Formats a delay in milliseconds as the seconds argument of xdotool's `sleep` command. */
export function sleepArgs(ms: number): string[] {
  return ['sleep', (Math.max(0, ms) / 1000).toFixed(4)];
}

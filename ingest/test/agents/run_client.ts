import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Body of `/demo/api/whoami`. */
export interface WhoamiBody {
  class: string;
  agentDriven: boolean;
  framework: string | null;
  reasons: string[];
}

/** Runs a command-line client that prints the response body, and parses it as the whoami JSON. */
export async function runCommand(command: string, args: string[]): Promise<WhoamiBody> {
  const { stdout } = await execFileAsync(command, args, { timeout: 15_000 });
  return JSON.parse(stdout) as WhoamiBody;
}

/** Python 3 program that fetches `sys.argv[1]` with urllib and prints the body. */
export const PYTHON_URLLIB_FETCH = 'import sys, urllib.request\nprint(urllib.request.urlopen(sys.argv[1], timeout=10).read().decode())';

/** A desktop Chrome user agent, as Chrome 131 on Windows sends it. */
export const DESKTOP_CHROME_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/**
 * Python 3 program that fetches `sys.argv[1]` with urllib, sending the default headers of
 * langchain-community's `WebBaseLoader` with a browser user agent in place of its own, as
 * applications that set `header_template["User-Agent"]` do.
 */
export const PYTHON_LANGCHAIN_HEADERS_FETCH = [
  'import sys, urllib.request',
  'headers = {',
  '    "User-Agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",',
  '    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,image/webp,*/*;q=0.8",',
  '    "Accept-Language": "en-US,en;q=0.5",',
  '    "Referer": "https://www.google.com/",',
  '    "DNT": "1",',
  '    "Upgrade-Insecure-Requests": "1",',
  '}',
  'request = urllib.request.Request(sys.argv[1], headers=headers)',
  'print(urllib.request.urlopen(request, timeout=10).read().decode())',
].join('\n');

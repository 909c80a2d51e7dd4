import { chooseSegments, replayPathArgs, type RecordedPath, type ScreenPoint, type ScreenSize } from './human-input';
import { humanTypingArgs } from './human-typing';
import type { SignInLayout } from './sign-in-layout';
import { sleepArgs } from './xdotool';

/**
 * Builds xdotool arguments for a person signing in. After a reading pause, the cursor follows
 * a stretch of a recorded human path to a point near each field's centre. There it clicks
 * with a human press length and types with a human rhythm. The last path leads to the submit
 * button, which it clicks.
 *
 * `cursor` is where the pointer is now and `origin` the window's top-left corner, both on the
 * screen. `random` returns numbers in [0, 1) and drives the click offsets, pauses and typing.
 */
export function humanSignInArgs(options: {
  layout: SignInLayout;
  origin: ScreenPoint;
  cursor: ScreenPoint;
  paths: readonly RecordedPath[];
  screen: ScreenSize;
  random: () => number;
  username: string;
  password: string;
}): string[] {
  const { layout, origin, cursor, paths, screen, random } = options;
  const jitter = (point: ScreenPoint, spreadX: number, spreadY: number): ScreenPoint => ({
    x: origin.x + point.x + (random() - 0.5) * 2 * spreadX,
    y: origin.y + point.y + (random() - 0.5) * 2 * spreadY,
  });
  // Measured with Debian's Chromium at 1280×800, the inputs are 694×41 and the button 91×41 CSS
  // pixels, so these offsets stay inside them.
  const targets = [jitter(layout.username, 120, 8), jitter(layout.password, 120, 8), jitter(layout.submit, 20, 8)];
  const starts = [cursor, targets[0]!, targets[1]!];
  const spans = targets.map((target, i) => Math.hypot(target.x - starts[i]!.x, target.y - starts[i]!.y));
  const chosen = chooseSegments(paths, spans);
  const pause = (min: number, max: number) => sleepArgs(min + random() * (max - min));
  const click = () => ['mousedown', '1', ...pause(70, 130), 'mouseup', '1'];

  return [
    ...pause(900, 1500),
    ...replayPathArgs(chosen[0]!, starts[0]!, targets[0]!, screen),
    ...click(),
    ...pause(250, 500),
    ...humanTypingArgs(options.username, random),
    ...pause(400, 800),
    ...replayPathArgs(chosen[1]!, starts[1]!, targets[1]!, screen),
    ...click(),
    ...pause(250, 500),
    ...humanTypingArgs(options.password, random),
    ...pause(400, 800),
    ...replayPathArgs(chosen[2]!, starts[2]!, targets[2]!, screen),
    ...click(),
  ];
}

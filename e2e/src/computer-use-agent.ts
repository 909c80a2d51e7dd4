import type { ScreenPoint } from './human-input';
import type { SignInLayout } from './sign-in-layout';
import { sleepArgs } from './xdotool';

/** Pause between the agent's actions, as a model deciding its next step would leave. */
const THINK_MS = 700;
/** Delay between typed characters, in ms (`xdotool type --delay`). */
const TYPE_DELAY_MS = 80;

/**
 * Builds the xdotool commands of a "computer-use" agent signing in: the cursor jumps straight
 * to the centre of each field with one `mousemove`, clicks, and types with a constant delay.
 * `origin` is the window's top-left corner on the screen. Each inner array is one xdotool run,
 * because `type` takes every argument after it as text and so must end its command chain.
 */
export function computerUseSignInCommands(layout: SignInLayout, origin: ScreenPoint, username: string, password: string): string[][] {
  const at = (point: ScreenPoint) => [String(Math.round(origin.x + point.x)), String(Math.round(origin.y + point.y))];
  const typeText = (text: string) => ['type', '--delay', String(TYPE_DELAY_MS), text];
  return [
    [...sleepArgs(THINK_MS), 'mousemove', ...at(layout.username), 'click', '1', ...typeText(username)],
    [...sleepArgs(THINK_MS), 'mousemove', ...at(layout.password), 'click', '1', ...typeText(password)],
    [...sleepArgs(THINK_MS), 'mousemove', ...at(layout.submit), 'click', '1'],
  ];
}

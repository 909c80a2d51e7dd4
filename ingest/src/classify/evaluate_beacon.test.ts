import type { BeaconEvent } from '@telltale/shared';
import { describe, expect, it } from 'vitest';

import { DESKTOP_CHROME_ENV, desktopChromeRequest } from '../recordings/desktop_chrome';
import { BOT_FIXTURE_FAMILY, HUMAN_FIXTURE_FAMILIES, loadDelbotFixtures } from '../../test/recordings/fixtures';
import { joinRecordings } from '../../test/recordings/join_recordings';
import {
  fillAndClickEvents,
  PLAYWRIGHT_HEADLESS_ENV,
  playwrightHeadlessRequest,
  STEALTH_PLAYWRIGHT_ENV,
  stealthPlaywrightRequest,
  stealthSignInEvents,
} from '../../test/recordings/playwright_streams';
import { replaySession } from '../recordings/replay_session';
import { evaluateBeacon } from './evaluate_beacon';

const RECEIVED_AT = Date.UTC(2025, 0, 1);

describe('evaluateBeacon: declared automation', () => {
  it('classifies headless Playwright filling a sign-in form as an unverified playwright agent', () => {
    const { decision } = evaluateBeacon(
      null,
      { seq: 0, page: 0, path: '/demo/', env: PLAYWRIGHT_HEADLESS_ENV, events: fillAndClickEvents(800) },
      playwrightHeadlessRequest(RECEIVED_AT),
    );
    expect(decision.cls).toBe('unverified_agent');
    expect(decision.framework).toBe('playwright');
    expect(decision.reasons).toContain('webdriver_flag');
    expect(decision.reasons).toContain('automation_user_agent');
    expect(decision.reasons).toContain('headless_pointer_emulated');
    expect(decision.reasons).toContain('input_without_keys');
    expect(decision.reasons).toContain('click_at_target_centre');
    expect(decision.reasons).toContain('click_without_approach');
    expect(decision.score).toBeGreaterThan(0.99);
  });

  it('classifies headless Playwright that does nothing as an unverified agent', () => {
    const { decision } = evaluateBeacon(
      null,
      { seq: 0, page: 0, path: '/demo/', env: PLAYWRIGHT_HEADLESS_ENV, events: [] },
      playwrightHeadlessRequest(RECEIVED_AT),
    );
    expect(decision.cls).toBe('unverified_agent');
    expect(decision.framework).toBe('playwright');
    expect(decision.reasons[0]).toBe('webdriver_flag');
  });

  it('names Puppeteer from its default viewport', () => {
    const env = {
      ...PLAYWRIGHT_HEADLESS_ENV,
      hover: false,
      finePointer: false,
      window: { innerW: 800, innerH: 600, outerW: 800, outerH: 600 },
    };
    const { decision } = evaluateBeacon(null, { seq: 0, page: 0, path: '/', env, events: [] }, playwrightHeadlessRequest(RECEIVED_AT));
    expect(decision.cls).toBe('unverified_agent');
    expect(decision.framework).toBe('puppeteer');
    expect(decision.reasons).toContain('automation_default_viewport');
  });

  it('names Selenium from ChromeDriver traces', () => {
    const env = { ...DESKTOP_CHROME_ENV, webdriver: true, traces: ['cdc_adoQpoasnfa76pfcZLmcfl_Array'] };
    const { decision } = evaluateBeacon(null, { seq: 0, page: 0, path: '/', env, events: [] }, desktopChromeRequest(RECEIVED_AT));
    expect(decision.cls).toBe('unverified_agent');
    expect(decision.framework).toBe('selenium');
    expect(decision.reasons).toContain('automation_framework_trace');
  });

  it('classifies an HTTP client user agent on the beacon request as an unverified agent', () => {
    const { decision } = evaluateBeacon(
      null,
      { seq: 0, page: 0, path: '/', env: DESKTOP_CHROME_ENV, events: [] },
      { ...desktopChromeRequest(RECEIVED_AT), userAgent: 'python-requests/2.32.3' },
    );
    expect(decision.cls).toBe('unverified_agent');
    expect(decision.framework).toBe('python-requests');
    expect(decision.reasons).toContain('bot_user_agent');
    expect(decision.reasons).toContain('user_agent_mismatch');
  });
});

describe('evaluateBeacon: hidden automation', () => {
  it('classifies Playwright with the automation flag hidden as a rogue bot', () => {
    const { decision } = evaluateBeacon(
      null,
      { seq: 0, page: 0, path: '/demo/', env: STEALTH_PLAYWRIGHT_ENV, events: stealthSignInEvents(800) },
      stealthPlaywrightRequest(RECEIVED_AT),
    );
    expect(decision.cls).toBe('rogue_bot');
    expect(decision.reasons).toContain('client_hints_mismatch');
    expect(decision.reasons).toContain('key_hold_mechanical');
    expect(decision.reasons).toContain('key_interval_regular');
    expect(decision.reasons).toContain('pointer_timing_regular');
    expect(decision.reasons).not.toContain('webdriver_flag');
  });

  it('keeps the environment evidence on later beacons without an environment', () => {
    const first = evaluateBeacon(
      null,
      { seq: 0, page: 0, path: '/demo/', env: STEALTH_PLAYWRIGHT_ENV, events: [] },
      stealthPlaywrightRequest(RECEIVED_AT),
    );
    const second = evaluateBeacon(
      first.state,
      { seq: 1, page: 0, path: '/demo/', events: stealthSignInEvents(800) },
      stealthPlaywrightRequest(RECEIVED_AT + 5000),
    );
    expect(first.decision.cls).toBe('rogue_bot');
    expect(second.decision.cls).toBe('rogue_bot');
    expect(second.decision.reasons).toContain('client_hints_mismatch');
    expect(second.decision.reasons).toContain('key_interval_regular');
  });

  it.each(loadDelbotFixtures(BOT_FIXTURE_FAMILY))('classifies DELBOT pynput recording $file as a rogue bot', ({ beacons }) => {
    const steps = replaySession(beacons);
    const last = steps[steps.length - 1]!;
    expect(last.decision.cls).toBe('rogue_bot');
    expect(last.decision.reasons).toContain('pointer_speed_constant');
  });
});

describe('evaluateBeacon: people and too little evidence', () => {
  it('classifies ordinary desktop Chrome with no interaction as unknown', () => {
    const { decision, state } = evaluateBeacon(
      null,
      { seq: 0, page: 0, path: '/', env: DESKTOP_CHROME_ENV, events: [] },
      desktopChromeRequest(RECEIVED_AT),
    );
    expect(decision.cls).toBe('unknown');
    expect(decision.reasons).toEqual(['no_interaction']);
    expect(decision.framework).toBeNull();
    expect(state.baseline).toBeNull();
  });

  it('keeps a page view with only a scroll unknown', () => {
    const events: BeaconEvent[] = [
      { type: 'nav', t: 50, kind: 'load', path: '/' },
      { type: 'wheel', t: 2000, dx: 0, dy: 100 },
      { type: 'scroll', t: 2010, y: 100 },
    ];
    const { decision } = evaluateBeacon(null, { seq: 0, page: 0, path: '/', env: DESKTOP_CHROME_ENV, events }, desktopChromeRequest(RECEIVED_AT));
    expect(decision.cls).toBe('unknown');
  });

  const humanFixtures = HUMAN_FIXTURE_FAMILIES.flatMap((family) =>
    loadDelbotFixtures(family).map((fixture) => ({ ...fixture, family })),
  );
  it.each(humanFixtures)('classifies DELBOT $family recording $file as human', ({ beacons }) => {
    const steps = replaySession(beacons);
    const last = steps[steps.length - 1]!;
    expect(last.decision.cls).toBe('human');
    expect(last.decision.reasons).toEqual(['pointer_dynamics_human']);
    expect(last.decision.score).toBeLessThan(0.5);
  });
});

describe('evaluateBeacon: session history', () => {
  const humanBeacons = loadDelbotFixtures('circles_human_pc1').map((fixture) => fixture.beacons);
  const botBeacons = loadDelbotFixtures(BOT_FIXTURE_FAMILY).map((fixture) => fixture.beacons);

  it('builds a baseline from the first active windows', () => {
    const steps = replaySession(joinRecordings(humanBeacons));
    const baseline = steps[steps.length - 1]!.state.baseline;
    expect(steps.map((step) => step.state.baseline?.windows)).toEqual([1, 2, 3]);
    expect(baseline?.features.stepLengthCv?.n).toBe(3);
  });

  it('reports a session shift when a script takes over from a person', () => {
    const steps = replaySession(joinRecordings([...humanBeacons, ...botBeacons]));
    const classes = steps.map((step) => step.decision.cls);
    expect(classes.slice(0, 3)).toEqual(['human', 'human', 'human']);
    expect(classes[3]).toBe('rogue_bot');
    expect(steps[3]!.decision.reasons).toContain('session_shift');
    expect(steps[3]!.decision.reasons).toContain('pointer_speed_constant');
  });

  it('keeps a human session human through one ambiguous window', () => {
    const human = replaySession(joinRecordings(humanBeacons));
    const state = human[human.length - 1]!.state;
    // One click reached by a jump: weak evidence on its own.
    const events: BeaconEvent[] = [
      { type: 'pointer', t: 30_000, kind: 'move', x: 900, y: 650 },
      { type: 'click', t: 30_040, x: 900, y: 650, dx: 4, dy: -3, w: 120, h: 36, detail: 1 },
    ];
    const { decision } = evaluateBeacon(state, { seq: 3, page: 0, path: '/', events }, desktopChromeRequest(RECEIVED_AT + 30_000));
    expect(decision.cls).toBe('human');
  });

  it('flips a human session on a window of scripted input', () => {
    const human = replaySession(joinRecordings(humanBeacons));
    const state = human[human.length - 1]!.state;
    const { decision } = evaluateBeacon(
      state,
      { seq: 3, page: 0, path: '/', events: fillAndClickEvents(30_000) },
      desktopChromeRequest(RECEIVED_AT + 30_000),
    );
    expect(decision.cls).toBe('rogue_bot');
    expect(decision.reasons).toContain('input_without_keys');
  });

  it('keeps the state small and JSON-serialisable however long the session runs', () => {
    const beacons = joinRecordings(Array.from({ length: 60 }, (_, i) => humanBeacons[i % humanBeacons.length]!));
    const steps = replaySession(beacons);
    const sizes = steps.map((step) => JSON.stringify(step.state).length);
    const last = steps[steps.length - 1]!.state;
    expect(JSON.parse(JSON.stringify(last))).toEqual(last);
    expect(Math.max(...sizes)).toBeLessThan(4096);
    expect(sizes[sizes.length - 1]).toBeLessThanOrEqual(sizes[5]! + 64);
  });

  it('starts per-page carries afresh on a new page load', () => {
    const first = evaluateBeacon(
      null,
      {
        seq: 0,
        page: 0,
        path: '/',
        env: DESKTOP_CHROME_ENV,
        events: [{ type: 'key', t: 100, phase: 'down', cls: 'letter', field: 0 }],
      },
      desktopChromeRequest(RECEIVED_AT),
    );
    expect(first.state.carry.keyedFields).toEqual([0]);
    const second = evaluateBeacon(first.state, { seq: 1, page: 1, path: '/next', events: [] }, desktopChromeRequest(RECEIVED_AT + 1000));
    expect(second.state.carry.keyedFields).toEqual([]);
    expect(second.features.pageCount).toBe(2);
  });
});

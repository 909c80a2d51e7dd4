import type { Page, TestInfo } from '@playwright/test';

import { postHumanAndBot, type PostedSession } from '../../ingest/test/console/post_console_sessions';
import { emptyBeacon, postBeacon } from '../../ingest/test/support/beacons';
import { expect, test } from '../src/fixtures';

test.use({ viewport: { width: 1280, height: 800 } });

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Signs in with the keyboard only: the token field has focus on load, and Enter submits. */
async function signIn(page: Page, token: string): Promise<void> {
  await page.goto('/console/sessions');
  await expect(page).toHaveURL(/\/console\/sign-in$/);
  await expect(page.locator('#token')).toBeFocused();
  await page.keyboard.type(token);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/console\/sessions$/);
}

/** Checks what the session page draws for a posted session. */
async function expectSessionDrawn(page: Page, session: PostedSession): Promise<void> {
  await expect(page.locator('[data-field="class"]')).toHaveText(session.class === 'human' ? 'Human' : /Rogue bot|Unverified agent/);

  const path = page.locator('path.trajectory-path');
  await expect(path).toHaveAttribute('data-points', String(session.pointerCount));
  const d = (await path.getAttribute('d')) ?? '';
  expect(d.match(/[ML]/g)?.length).toBe(session.pointerCount);
  expect(await page.locator('path.speed').count()).toBeGreaterThan(0);
  const pathBox = await path.boundingBox();
  expect(pathBox?.width ?? 0).toBeGreaterThan(50);

  const holdBars = page.locator('svg.histogram').first().locator('rect.bar');
  expect(await holdBars.count()).toBeGreaterThan(0);
  expect(await page.locator('svg.histogram').nth(1).locator('rect.bar').count()).toBeGreaterThan(0);
  await expect(page.getByText(`Hold time: ${session.keyHoldCount} in this session`)).toBeVisible();

  const reasons = page.locator('table.reasons tbody tr');
  expect(await reasons.count()).toBeGreaterThan(0);
  for (const row of await reasons.all()) {
    await expect(row.locator('td.value')).not.toHaveText('');
    await expect(row.locator('td.human-range')).not.toHaveText('');
  }
}

test('console signs in, filters and draws sessions', async ({ page, ingest }, testInfo) => {
  const { human, bot } = await postHumanAndBot(ingest.origin);
  expect(human.class).toBe('human');
  expect(['rogue_bot', 'unverified_agent']).toContain(bot.class);

  await signIn(page, ingest.adminToken);
  await expect(page.locator(`tr[data-session="${human.id}"]`)).toBeVisible();
  await expect(page.locator(`tr[data-session="${bot.id}"]`)).toBeVisible();
  await expect(page.locator('li[data-class="human"] .count')).toHaveText('1');
  expect(await page.locator('rect.class-bar').count()).toBeGreaterThan(0);
  await screenshot(page, testInfo, 'sessions');

  await page.getByLabel('Class', { exact: true }).selectOption('human');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/class=human/);
  await expect(page.locator(`tr[data-session="${human.id}"]`)).toBeVisible();
  await expect(page.locator(`tr[data-session="${bot.id}"]`)).toHaveCount(0);
  await screenshot(page, testInfo, 'sessions-human');

  await page.getByLabel('Class', { exact: true }).selectOption('');
  await page.getByLabel('Agent-driven', { exact: true }).selectOption('true');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator(`tr[data-session="${bot.id}"]`)).toBeVisible();
  await expect(page.locator(`tr[data-session="${human.id}"]`)).toHaveCount(0);

  await page.getByRole('link', { name: bot.id }).click();
  await expect(page).toHaveURL(new RegExp(`/console/sessions/${bot.id}$`));
  await expectSessionDrawn(page, bot);
  await screenshot(page, testInfo, 'session-bot');

  await page.goto(`/console/sessions/${human.id}`);
  await expectSessionDrawn(page, human);
  await screenshot(page, testInfo, 'session-human');

  await page.goto('/console/audit?verify=1');
  await expect(page.locator('[data-chain="ok"]')).toBeVisible();
  expect(await page.locator('table.audit tbody tr').count()).toBeGreaterThan(0);
  await screenshot(page, testInfo, 'audit');

  await page.goto('/console/agents');
  await expect(page.getByRole('heading', { name: 'Registered agents' })).toBeVisible();
  await screenshot(page, testInfo, 'agents');
});

test('console fits a narrow screen', async ({ page, ingest }, testInfo) => {
  const { bot } = await postHumanAndBot(ingest.origin);
  await signIn(page, ingest.adminToken);

  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ['/console/sessions', `/console/sessions/${bot.id}`]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }
  await screenshot(page, testInfo, 'session-narrow');
});

test('console list updates while open', async ({ page, ingest }) => {
  await signIn(page, ingest.adminToken);
  await expect(page.locator('tr[data-session]')).toHaveCount(0);

  const beacon = emptyBeacon();
  expect((await postBeacon(ingest.origin, beacon)).status).toBe(200);
  await expect(page.locator(`tr[data-session="${beacon.sid}"]`)).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('#live-status')).toContainText('Updated');
});

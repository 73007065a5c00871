/**
 * A mail as a person sees it: the HTML part of a real resolution mail (received by the test's
 * SMTP relay) rendered by headless Chromium, checked for its structure and screenshot into
 * test/artifacts/ (looked at by a person when the template changes).
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../packages/server/src/core/ids';
import { ARTIFACTS, chromiumMissing, launchBrowser } from './support/browser';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { startTestRelay } from './support/smtp';
import { until } from './support/until';
import { desk } from './service-desk.helpers';

const missing = chromiumMissing();

describe.skipIf(missing !== null)(`a mail rendered by headless Chromium${missing ? ` (skipped: ${missing})` : ''}`, async () => {
  const relay = await startTestRelay();
  const server = await startTestServer({ env: { SMTP_URL: relay.url, NOTIFICATION_POLL_MS: '200' } });
  const { open, ok } = desk(server);
  const cca = { token: await server.tokenForRole('CCA', 'CSP-LYON') };
  const sn1 = { token: await server.tokenForRole('SN1_AGENT') };
  const { rows } = await sql(server.databaseUrl, `select p.id, p.email from person p join structure s on s.id = p.structure_id where s.code = 'CSP-LYON' and p.held_roles = '{END_USER}' order by p.email limit 1`);
  const requester = rows[0] as { id: string; email: string };
  const browser = await launchBrowser();
  afterAll(() => browser.close());

  it('the resolution mail: French, one h1, the facts as a list, the link reachable, nothing fetched from outside', async () => {
    const { ticket } = await open(cca, { title: 'Poste de pièce 1508892764/00003 non reporté <urgent>', requesterId: toGlobalId('Person', requester.id) });
    const taken = await ok('TAKE', sn1, ticket);
    await ok('RESOLVE', sn1, taken, 'Le poste était clôturé sur l’exercice précédent : un nouveau poste a été créé sur l’EJ.\nVous pouvez reprendre la saisie du service fait.');
    const mail = await until(async () => relay.to(requester.email).find((m) => m.parsed.subject?.includes('résolue')), 15_000);
    const html = String(mail.parsed.html);
    for (const [name, width] of [['desktop', 1000], ['mobile', 390]] as const) {
      const ctx = await browser.context();
      const page = await ctx.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.setContent(html, { waitUntil: 'load' });
      expect(await page.getAttribute('html', 'lang')).toBe('fr');
      expect(await page.locator('h1').allTextContents()).toEqual([`La demande ${ticket.reference} a été résolue`]);
      expect(await page.locator('table').count()).toBe(0);
      expect(await page.locator('img:not([alt])').count()).toBe(0);
      const facts = await page.locator('dl dt').allTextContents();
      expect(facts).toEqual(['Demande', 'Structure', 'État', 'Traitée par']);
      expect(await page.locator('dl dd').nth(0).textContent()).toBe(`${ticket.reference} — Poste de pièce 1508892764/00003 non reporté <urgent>`);
      const link = page.getByRole('link', { name: `Voir la demande ${ticket.reference}` });
      expect(await link.getAttribute('href')).toMatch(new RegExp(`/tickets/${ticket.reference}$`));
      // the content fits the screen: no horizontal scrolling on a phone
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      const png = join(ARTIFACTS, `mail-resolved-${name}.png`);
      await page.screenshot({ path: png, fullPage: true });
      expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
      expect(ctx.blocked).toEqual([]);
      await ctx.close();
    }
  }, 60_000);
});

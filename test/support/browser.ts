/**
 * Headless Chromium for browser tests: Debian's `chromium` (never a downloaded build),
 * driven by playwright-core, which gives each launch a fresh temporary profile. Outside 127.0.0.1 the network is closed twice: the host
 * resolver maps every other name to nothing, and the context aborts (and records) any
 * request to another host, so a page that reaches for a CDN or a font fails the test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots and PDFs the tests keep (gitignored). */
export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

/**
 * Whether Chromium is there; installs Debian's package when it is missing and we are root
 * (as CI is). Returns the reason when it cannot be had, for a test to skip with.
 */
export function chromiumMissing(): string | null {
  if (existsSync(CHROMIUM)) return null;
  if (process.getuid?.() === 0) {
    try {
      execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], { stdio: 'pipe', timeout: 600_000 });
    } catch {
      /* reported below */
    }
    if (existsSync(CHROMIUM)) return null;
  }
  const why = `Chromium is not installed at ${CHROMIUM} and could not be installed (apt-get install -y chromium, as root)`;
  if (process.env.CI) throw new Error(`${why}: CI must have it`);
  return why;
}

export interface TestBrowser {
  browser: Browser;
  /** A fresh context whose requests to anything but 127.0.0.1 are aborted and listed in `blocked`. */
  context(opts?: { extraHTTPHeaders?: Record<string, string> }): Promise<BrowserContext & { blocked: string[] }>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  return {
    browser,
    async context(opts = {}) {
      const ctx = (await browser.newContext({ viewport: { width: 1400, height: 900 }, ...opts })) as BrowserContext & { blocked: string[] };
      ctx.blocked = [];
      await ctx.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') return route.continue();
        ctx.blocked.push(url.href);
        return route.abort('blockedbyclient');
      });
      return ctx;
    },
    async close() {
      await browser.close();
    },
  };
}

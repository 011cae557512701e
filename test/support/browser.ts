import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Where the browser tests leave a screenshot of every page they visit. */
export const SCREENSHOTS = join('test-results', 'screenshots');

/** Debian's Chromium, headless (no sandbox: CI containers run as root). */
export async function launchBrowser(): Promise<Browser> {
  await mkdir(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
}

export interface BrowserPage {
  context: BrowserContext;
  page: Page;
  /** Errors the page threw and console errors it logged (CSP violations among them). */
  errors: string[];
}

/** A fresh context (its own storage: sign-in and language) with a page that records its errors. */
export async function newPage(browser: Browser, baseURL: string, options: { viewport?: { width: number; height: number } } = {}): Promise<BrowserPage> {
  const context = await browser.newContext({
    baseURL,
    viewport: options.viewport ?? { width: 1280, height: 860 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return { context, page, errors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

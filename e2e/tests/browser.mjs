// Shared browser set-up for the end-to-end tests: Debian's Chromium driven by
// playwright-core. Playwright never downloads a browser here.
//
//   import { launchBrowser, newPage, closeBrowser, baseUrl, screenshot } from './browser.mjs';
//   const page = await newPage({ javaScript: false });
//   after(closeBrowser);
//
// Each `launchBrowser()` starts Chromium with a fresh, throwaway profile (Playwright
// creates a new temporary --user-data-dir per launch and deletes it on close); each
// `newPage()` opens a new browser context, so pages share no cookies or storage.

import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

/** Where screenshots go (git-ignored). */
export const artifactsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

/** The server under test, e.g. `http://127.0.0.1:41234` (set by e2e/run). */
export const baseUrl = (() => {
  const url = process.env.KHIEN_BASE_URL;
  if (!url) {
    throw new Error('KHIEN_BASE_URL is not set: run the browser tests with e2e/run');
  }
  return url.replace(/\/+$/, '');
})();

const CHROMIUM = process.env.KHIEN_CHROMIUM || '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

let browser = null;

/** Starts Chromium once per test process and returns it. */
export async function launchBrowser() {
  if (browser === null || !browser.isConnected()) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 30_000,
    });
  }
  return browser;
}

/** Closes the browser started by `launchBrowser()`, if any. */
export async function closeBrowser() {
  if (browser !== null) {
    const closing = browser;
    browser = null;
    await closing.close();
  }
}

/**
 * A page in a fresh browser context. `javaScript: false` is how a careful reporter
 * (Tor Browser "Safest") sees the site, and is the default: every page must work
 * without it. Close with `await page.context().close()`.
 */
export async function newPage({ javaScript = false, locale = 'vi-VN', viewport } = {}) {
  const context = await (await launchBrowser()).newContext({
    javaScriptEnabled: javaScript,
    locale,
    viewport: viewport ?? { width: 1280, height: 800 },
    serviceWorkers: 'block',
  });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  return context.newPage();
}

/** Records the URL of every request the page makes from now on. */
export function recordRequests(page) {
  const urls = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** Requests (from `recordRequests`) that did not go to the server under test. */
export function foreignRequests(urls) {
  const origin = new URL(baseUrl).origin;
  return urls.filter((url) => new URL(url).origin !== origin);
}

/** Saves a full-page screenshot as `e2e/artifacts/<name>.png` and returns its path. */
export async function screenshot(page, name) {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

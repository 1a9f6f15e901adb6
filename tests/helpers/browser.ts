// Shared browser plumbing for the e2e suite: Debian's Chromium, one browser context per person,
// page-error bookkeeping, screenshots under test-output/e2e/ (gitignored) and joining by code.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../server/src/export/pdf';
import { ROOT, startServer, type RunningServer, type StartOptions } from './server';

/** Where screenshots and downloaded files land. */
export const E2E_OUT = path.join(ROOT, 'test-output', 'e2e');

/** Console errors of requests that fail while a test has taken the browser offline. */
export const OFFLINE_ERRORS = /net::ERR_INTERNET_DISCONNECTED/;

/** The path of a file in test-output/e2e/ (the folder is created if need be). */
export function outputPath(file: string): string {
  fs.mkdirSync(E2E_OUT, { recursive: true });
  return path.join(E2E_OUT, file);
}

/** The e2e tests drive the built client: fail early, with the fix, when it is missing. */
export function requireBuiltClient(): void {
  if (!fs.existsSync(path.join(ROOT, 'client', 'dist', 'index.html'))) throw new Error('client/dist is missing: run `npm run build` first');
}

/** Debian's Chromium (or CHROMIUM_PATH), headless, without the background chatter. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** What an e2e file runs against: a real server on the built client, and Chromium. */
export interface E2eRig {
  srv: RunningServer;
  browser: Browser;
}

/** An e2e file's setup: the built client must exist, then a real server starts and Chromium launches. */
export async function startE2e(opts: StartOptions = {}): Promise<E2eRig> {
  requireBuiltClient();
  const srv = await startServer(opts);
  return { srv, browser: await launchBrowser() };
}

/** An e2e file's teardown: the browser closes and the server stops (either may never have started). */
export async function stopE2e(srv: RunningServer | undefined, browser: Browser | undefined): Promise<void> {
  await browser?.close();
  await srv?.stop();
}

export interface WatchOptions {
  /** Collects page errors and console errors as `[name] …` lines; a test expects it empty. */
  problems: string[];
  /** Console errors that are expected (not collected). */
  ignoreConsole?: RegExp;
}

/** Records a page's errors into `problems` under its person's name. */
export function watchPage(page: Page, name: string, opts: WatchOptions): Page {
  const { problems, ignoreConsole } = opts;
  page.on('pageerror', (err) => problems.push(`[${name}] pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !ignoreConsole?.test(msg.text())) problems.push(`[${name}] console.error: ${msg.text()}`);
  });
  // The app asks in its own dialogs (in the page's language): a native alert/confirm/prompt is a defect.
  page.on('dialog', (d) => {
    problems.push(`[${name}] native ${d.type()} dialog: ${d.message()}`);
    void d.dismiss();
  });
  return page;
}

export interface PersonPageOptions extends WatchOptions {
  name: string;
  /** Over the defaults: English, a 1280×900 laptop. */
  context?: BrowserContextOptions;
}

/** A page in a browser context of its own (one person, one device), watched for errors. */
export async function newPersonPage(browser: Browser, opts: PersonPageOptions): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, ...opts.context });
  return watchPage(await context.newPage(), opts.name, opts);
}

/** A screenshot in test-output/e2e/; a full-page one is taken from the top. */
export async function shot(page: Page, file: string, fullPage = true): Promise<void> {
  // From the top, so the sticky header is not painted over the middle of a full-page shot.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: outputPath(file), fullPage });
}

export interface JoinShots {
  /** Taken of the filled-in join form. */
  form?: string;
  /** Taken of the welcome (seat picker) after joining. */
  welcome?: string;
}

/** Joins a workshop by code the way a delegate does: name, delegation, "Join the workshop". */
export async function joinInBrowser(page: Page, baseUrl: string, code: string, name: string, delegation: string, shots: JoinShots = {}) {
  await page.goto(`${baseUrl}/join/${code}`);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Delegation').selectOption({ label: delegation });
  if (shots.form) await shot(page, shots.form);
  await page.getByRole('button', { name: 'Join the workshop' }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`Welcome, ${name}`) }).waitFor();
  if (shots.welcome) await shot(page, shots.welcome);
}

/** Every text frame the page's WebSockets receive from now on (Socket.IO packets, as sent). */
export function receivedFrames(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (ws) =>
    ws.on('framereceived', (f) => frames.push(typeof f.payload === 'string' ? f.payload : f.payload.toString('utf8'))),
  );
  return frames;
}

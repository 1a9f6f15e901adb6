/**
 * Export a workshop from the server's data directory:
 *   npm run --silent export -- --workshop ID_OR_CODE --format docx|pdf|md|csv|json --out FILE
 *                              [--locale en|th] [--data-dir DIR]
 * Reads the same database the server writes (DATABASE_URL if set, else DATA_DIR, default ./data,
 * file worldcafe.db),
 * folds the workshop's event log and renders it with renderExport (as the HTTP endpoints do).
 * Safe while the server runs: it only reads (WAL lets readers and the writer work side by side).
 * Prints the written file's path. Exit codes: 0 ok, 1 unknown workshop / missing data directory /
 * rendering failed, 2 bad arguments (unknown format or locale, missing option).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { type WorkshopState, normaliseJoinCode } from '@world-cafe/shared';
import type { EventStore } from '../store/eventStore';
import { openStore } from '../store/openStore';
import { loadCommitted } from '../realtime/committedView';
import { configFromEnv } from '../config';
import { EXPORT_FORMATS, isExportFormat, renderExport } from '../export/index';
import { REPORT_LOCALES, isLocale } from '@world-cafe/shared/export';

const USAGE = `usage: npm run --silent export -- --workshop ID_OR_CODE --format ${EXPORT_FORMATS.join('|')} --out FILE [--locale ${REPORT_LOCALES.join('|')}] [--data-dir DIR]`;

export type CliOutcome = { code: 0; stdout: string } | { code: 1 | 2; stderr: string };

const bad = (message: string): CliOutcome => ({ code: 2, stderr: `${message}\n${USAGE}` });

export async function runExportCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<CliOutcome> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        workshop: { type: 'string', short: 'w' },
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        locale: { type: 'string', short: 'l' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    return bad((err as Error).message);
  }
  if (values.help) return { code: 0, stdout: USAGE };
  if (!values.workshop?.trim()) return bad('missing --workshop');
  if (!values.format) return bad('missing --format');
  if (!isExportFormat(values.format)) return bad(`unknown format "${values.format}" (use ${EXPORT_FORMATS.join(', ')})`);
  if (!values.out?.trim()) return bad('missing --out');
  if (values.locale !== undefined && !isLocale(values.locale))
    return bad(`unknown locale "${values.locale}" (use ${REPORT_LOCALES.join(', ')})`);
  const format = values.format;
  const locale = values.locale;

  // --data-dir names a SQLite directory explicitly; otherwise the server's own choice applies, with
  // the server's own validation (a mistyped DATABASE_URL must not become a new SQLite file)
  let databaseUrl: string | undefined;
  try {
    databaseUrl = values['data-dir'] ? undefined : configFromEnv(env).databaseUrl;
  } catch (err) {
    return bad((err as Error).message);
  }
  let source: string;
  if (databaseUrl) {
    source = databaseUrl;
  } else {
    const dataDir = path.resolve(values['data-dir'] ?? env.DATA_DIR ?? 'data');
    source = path.join(dataDir, 'worldcafe.db');
    if (!fs.existsSync(dataDir)) return { code: 1, stderr: `data directory not found: ${dataDir}` };
    if (!fs.existsSync(source)) return { code: 1, stderr: `no World Café database in ${dataDir} (expected ${source})` };
  }
  const where = databaseUrl ? 'the PostgreSQL database' : path.dirname(source);

  let state: WorkshopState | null;
  try {
    state = await loadWorkshop(source, values.workshop.trim());
  } catch (err) {
    return { code: 1, stderr: `cannot read ${databaseUrl ? 'the PostgreSQL database' : source}: ${(err as Error).message}` };
  }
  if (!state) return { code: 1, stderr: `no workshop with id or join code "${values.workshop}" in ${where}` };

  const out = path.resolve(values.out);
  try {
    const rendered = await renderExport(state, format, { locale });
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, rendered.body);
  } catch (err) {
    return { code: 1, stderr: `export failed: ${(err as Error).message}` };
  }
  return { code: 0, stdout: out };
}

/** The workshop's folded state, by id or join code, from a SQLite file or a postgres:// URL. */
export async function loadWorkshop(location: string, idOrCode: string): Promise<WorkshopState | null> {
  // inline writer: this process never writes, so no writer thread is worth starting
  const store = await openStore(location, { writer: 'inline' });
  try {
    return await foldWorkshop(store, idOrCode);
  } finally {
    await store.close();
  }
}

/** The workshop's folded state, by id or join code (any case, with or without the dash). */
export async function foldWorkshop(store: EventStore, idOrCode: string): Promise<WorkshopState | null> {
  const record = (await store.findWorkshop(idOrCode)) ?? (await store.findWorkshopByCode(normaliseJoinCode(idOrCode)));
  if (!record) return null;
  // the same load as the server's: the latest snapshot, then the events after it
  const { state } = await loadCommitted(store, record.id);
  return state.seq === 0 ? null : state;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outcome = await runExportCli(process.argv.slice(2));
  if (outcome.code === 0) process.stdout.write(`${outcome.stdout}\n`);
  else process.stderr.write(`${outcome.stderr}\n`);
  process.exitCode = outcome.code;
}

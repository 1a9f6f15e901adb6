/**
 * Seating planner CLI: `npm run --silent plan -- FILE.json`.
 * Prints {"rounds": [...], "metrics": {...}} as JSON on stdout.
 * Exit codes: 0 ok, 1 impossible case (reason on stderr), 2 bad input file (message on stderr).
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import {
  MAX_PARTICIPANTS,
  MAX_ROUNDS,
  MAX_TABLES,
  PlanImpossibleError,
  PlanInputError,
  plan,
  validateInput,
} from '@world-cafe/shared/seating';

const Id = z.string().min(1).max(200);

const RoundSchema = z.record(Id, z.array(Id).max(MAX_PARTICIPANTS));

export const PlanInputSchema = z.strictObject({
  tables: z
    .array(z.strictObject({ id: Id, capacity: z.number().int().min(0).max(10_000) }))
    .min(1)
    .max(MAX_TABLES),
  participants: z
    .array(
      z.strictObject({
        id: Id,
        delegation: z.string().max(200),
        hostOf: Id.nullish(),
        languages: z.array(z.string().min(1).max(100)).max(50).optional(),
      }),
    )
    .max(MAX_PARTICIPANTS),
  rounds: z.number().int().min(1).max(MAX_ROUNDS),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .optional(),
  played: z.array(RoundSchema).max(MAX_ROUNDS).optional(),
  pins: z
    .array(z.strictObject({ participant: Id, table: Id, round: z.number().int().min(1).max(MAX_ROUNDS) }))
    .max(MAX_PARTICIPANTS * 10)
    .optional(),
});

export type CliOutcome = { code: 0; stdout: string } | { code: 1 | 2; stderr: string };

/** The whole CLI minus process I/O (exported for reuse). */
export function runPlanCli(file: string | undefined): CliOutcome {
  if (!file) return { code: 2, stderr: 'usage: plan FILE.json' };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return { code: 2, stderr: `cannot read ${file}: ${(err as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { code: 2, stderr: `${file} is not valid JSON: ${(err as Error).message}` };
  }
  const parsed = PlanInputSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    return { code: 2, stderr: `invalid input in ${file}:\n${lines.join('\n')}` };
  }
  const input = parsed.data;
  const issues = validateInput(input);
  if (issues.length > 0) return { code: 2, stderr: `invalid input in ${file}:\n${issues.map((s) => `  ${s}`).join('\n')}` };
  try {
    // Offline planning: the deterministic work budget ends the search, the wall-clock cap is only a
    // far-off safety net, so the same file gives the same plan on a busy or an idle machine.
    const result = plan(input, { timeBudgetMs: 60_000 });
    return { code: 0, stdout: JSON.stringify(result) };
  } catch (err) {
    if (err instanceof PlanImpossibleError) return { code: 1, stderr: `impossible: ${err.message}` };
    if (err instanceof PlanInputError) return { code: 2, stderr: `invalid input in ${file}: ${err.message}` };
    throw err;
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const out = runPlanCli(process.argv[2]);
  if (out.code === 0) process.stdout.write(`${out.stdout}\n`);
  else process.stderr.write(`${out.stderr}\n`);
  process.exitCode = out.code;
}

import { defineConfig } from 'vitest/config';

// One config, four projects: unit (pure, fast), integration (real server + sockets + SQLite, and
// the PostgreSQL store contract), e2e (real Chromium against the built client), cluster (private
// PostgreSQL/Redis servers that tests stop and start; several nodes). `npm test` runs unit +
// integration; `npm run test:cluster` the cluster project.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'client/src/**/*.test.ts', 'bench/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/helpers/fastCheckSeed.ts'],
          // A few unit tests start worker threads (the SQLite writer): on a busy 2-core machine a
          // start alone can take seconds, and vitest's 5 s default made them fail for no fault of theirs.
          testTimeout: 20_000,
          // the same as integration's: vitest 4 refuses projects with different maxWorkers in one
          // run unless each gets its own sequence.groupOrder, and then they run one after the other
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // two files at once (each its own server on an ephemeral port, its own data directory or
          // database): `npm test` took 7.4 min quiet one at a time, 4.6 two at a time (6.2 beside a
          // CPU hog). The timing checks (presence-flood, coldload, engine) are relative or generous
          // and pass beside a hog with lint running too.
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'cluster',
          include: ['tests/cluster/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // two files at once (each its own server, browser and data directory): most of a file's
          // time is the browser rendering and axe, and one at a time left a core idle — 14.8 min
          // serial on the 2-core CI machine. The files pass beside a CPU hog, so sharing is safe.
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});

import { describe, expect, it } from 'vitest';
import { MIGRATIONS, type Migration, pendingMigrations } from './migrations';

const m = (version: number): Migration => ({ version, name: `m${version}`, sqlite: '', postgres: '' });

describe('pendingMigrations', () => {
  it.each([
    { applied: [], all: [m(1), m(2), m(3)], pending: [1, 2, 3] },
    { applied: [1], all: [m(1), m(2), m(3)], pending: [2, 3] },
    { applied: [1, 2, 3], all: [m(1), m(2), m(3)], pending: [] },
    { applied: [], all: [m(2), m(1)], pending: [1, 2] },
    // a hole in what was applied is filled (never happens by itself, but a manual fix may leave one)
    { applied: [1, 3], all: [m(1), m(2), m(3)], pending: [2] },
    // versions reserved by parallel work: 6 before 5 exists, then 5 arrives and runs alone
    { applied: [], all: [m(1), m(2), m(4), m(6)], pending: [1, 2, 4, 6] },
    { applied: [1, 2, 4, 6], all: [m(1), m(2), m(4), m(5), m(6)], pending: [5] },
  ])('applied $applied of $all.length → pending $pending', ({ applied, all, pending }) => {
    expect(pendingMigrations(applied, all).map((x) => x.version)).toEqual(pending);
  });

  it.each([
    { applied: [1, 4], all: [m(1), m(2)], message: /schema version 4.*knows up to 2/ },
    { applied: [], all: [m(1), m(1)], message: /unique positive/ },
    { applied: [], all: [m(0), m(1)], message: /unique positive/ },
    { applied: [1, 6], all: [m(1), m(2), m(5)], message: /schema version 6.*knows up to 5/ },
  ])('refuses applied $applied with versions $all.length', ({ applied, all, message }) => {
    expect(() => pendingMigrations(applied, all)).toThrow(message);
  });

  it('the shipped list is valid and has SQL for both dialects', () => {
    expect(pendingMigrations([]).length).toBe(MIGRATIONS.length);
    for (const mig of MIGRATIONS) {
      expect(mig.sqlite.trim()).not.toBe('');
      expect(mig.postgres.trim()).not.toBe('');
    }
  });
});

/**
 * Affine plane AG(2, q) for a prime power q: q² points, q+1 parallel classes of q lines of q points,
 * every pair of points on exactly one line. Gives a zero-repeat schedule for q² people at q tables
 * of q for up to q+1 rounds (the "social golfer" q-q-(q+1) instances).
 */

function primePower(q: number): { p: number; k: number } | null {
  if (q < 2) return null;
  let p = 2;
  while (p * p <= q && q % p !== 0) p++;
  if (q % p !== 0) p = q;
  let k = 0;
  let x = q;
  while (x % p === 0) {
    x /= p;
    k++;
  }
  return x === 1 ? { p, k } : null;
}

/** Addition and multiplication tables of GF(q), elements 0..q-1; null if q is not a prime power. */
export function galoisField(q: number): { add: Int32Array; mul: Int32Array } | null {
  const pp = primePower(q);
  if (!pp || q > 256) return null;
  const { p, k } = pp;
  const digits = (a: number): number[] => {
    const d: number[] = [];
    for (let i = 0; i < k; i++) {
      d.push(a % p);
      a = Math.floor(a / p);
    }
    return d;
  };
  const fromDigits = (d: number[]): number => d.reduceRight((acc, x) => acc * p + x, 0);
  const add = new Int32Array(q * q);
  for (let a = 0; a < q; a++) {
    for (let b = 0; b < q; b++) {
      const da = digits(a);
      const db = digits(b);
      add[a * q + b] = fromDigits(da.map((x, i) => (x + (db[i] as number)) % p));
    }
  }
  // try monic polynomials x^k + c(x) until the multiplication table forms a field
  for (let c = 0; c < q; c++) {
    const poly = digits(c); // low coefficients of the modulus
    const mul = new Int32Array(q * q);
    for (let a = 0; a < q; a++) {
      for (let b = 0; b < q; b++) {
        const da = digits(a);
        const db = digits(b);
        const prod = new Array<number>(2 * k).fill(0);
        for (let i = 0; i < k; i++)
          for (let j = 0; j < k; j++) prod[i + j] = ((prod[i + j] as number) + (da[i] as number) * (db[j] as number)) % p;
        for (let deg = 2 * k - 1; deg >= k; deg--) {
          const coef = prod[deg] as number;
          if (coef === 0) continue;
          prod[deg] = 0;
          // x^deg = x^(deg-k) * x^k = -x^(deg-k) * c(x)
          for (let i = 0; i < k; i++) {
            prod[deg - k + i] = ((((prod[deg - k + i] as number) - coef * (poly[i] as number)) % p) + p) % p;
          }
        }
        mul[a * q + b] = fromDigits(prod.slice(0, k));
      }
    }
    let field = true;
    for (let a = 1; a < q && field; a++) {
      let inv = false;
      for (let b = 1; b < q; b++) if (mul[a * q + b] === 1) inv = true;
      field = inv;
    }
    if (field) return { add, mul };
  }
  return null;
}

/**
 * Rounds of the affine resolution: result[r][point] = line (table) index, for r < rounds ≤ q+1.
 * Point (x, y) is index x*q + y; class m < q is "y = m·x + c" (table c), class q is "x = c".
 */
export function affineRounds(q: number, rounds: number): number[][] | null {
  if (rounds > q + 1) return null;
  const f = galoisField(q);
  if (!f) return null;
  const { add, mul } = f;
  // additive inverse
  const neg = new Int32Array(q);
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) if (add[a * q + b] === 0) neg[a] = b;
  const out: number[][] = [];
  for (let r = 0; r < rounds; r++) {
    const row: number[] = [];
    for (let x = 0; x < q; x++) {
      for (let y = 0; y < q; y++) {
        if (r === q) row.push(x);
        else row.push(add[y * q + (neg[mul[r * q + x] as number] as number)] as number); // c = y - m·x
      }
    }
    out.push(row);
  }
  return out;
}

/**
 * Rounds for 2^e people at tables of 4 (e ≥ 2): point x ∈ GF(2)^e, round r seats the cosets of a
 * 2-dimensional subspace W_r = {0, a, b, a⊕b}; x and y meet in round r iff x⊕y ∈ W_r. Subspaces
 * with disjoint non-zero vectors (a partial line spread of PG(e−1, 2), found greedily/by a small
 * backtrack) give rounds without any repeat — 9 rounds for 32 people (8-4-9). Further rounds
 * take the subspace whose vectors were used least, so each round adds (2^e/2)·(overlap) repeats
 * (8-4-10: 16 repeats). result[r][point] = table index.
 */
export function binaryPlaneRounds(e: number, rounds: number): number[][] | null {
  if (e < 2 || e > 12 || rounds < 1) return null;
  const n = 1 << e;
  const lines: Array<[number, number, number]> = [];
  for (let a = 1; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const c = a ^ b;
      if (c > b) lines.push([a, b, c]);
    }
  }
  // largest partial spread we can find within a small node budget (bounded by `rounds`)
  const used = new Uint8Array(n);
  const cur: Array<[number, number, number]> = [];
  let bestSpread: Array<[number, number, number]> = [];
  let nodes = 0;
  const maxSpread = Math.min(rounds, Math.floor((n - 1) / 3));
  const rec = (from: number): void => {
    if (cur.length > bestSpread.length) bestSpread = cur.slice();
    if (bestSpread.length >= maxSpread || ++nodes > 20000) return;
    for (let k = from; k < lines.length; k++) {
      const l = lines[k] as [number, number, number];
      if (used[l[0]] || used[l[1]] || used[l[2]]) continue;
      used[l[0]] = used[l[1]] = used[l[2]] = 1;
      cur.push(l);
      rec(k + 1);
      cur.pop();
      used[l[0]] = used[l[1]] = used[l[2]] = 0;
      if (bestSpread.length >= maxSpread || nodes > 20000) return;
    }
  };
  rec(0);
  const chosen = bestSpread.slice(0, rounds);
  const usage = new Int32Array(n);
  for (const l of chosen) for (const v of l) usage[v] = (usage[v] as number) + 1;
  while (chosen.length < rounds) {
    let best: [number, number, number] | null = null;
    let bestUse = Infinity;
    for (const l of lines) {
      const u = (usage[l[0]] as number) + (usage[l[1]] as number) + (usage[l[2]] as number);
      if (u < bestUse) {
        bestUse = u;
        best = l;
      }
    }
    const l = best as [number, number, number];
    for (const v of l) usage[v] = (usage[v] as number) + 1;
    chosen.push(l);
  }
  return chosen.map(([a, b]) => {
    const table = new Map<number, number>();
    const row: number[] = [];
    for (let x = 0; x < n; x++) {
      const rep = Math.min(x, x ^ a, x ^ b, x ^ a ^ b);
      let t = table.get(rep);
      if (t === undefined) {
        t = table.size;
        table.set(rep, t);
      }
      row.push(t);
    }
    return row;
  });
}

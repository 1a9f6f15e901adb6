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
        for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) prod[i + j] = ((prod[i + j] as number) + (da[i] as number) * (db[j] as number)) % p;
        for (let deg = 2 * k - 1; deg >= k; deg--) {
          const coef = prod[deg] as number;
          if (coef === 0) continue;
          prod[deg] = 0;
          // x^deg = x^(deg-k) * x^k = -x^(deg-k) * c(x)
          for (let i = 0; i < k; i++) {
            prod[deg - k + i] = (((prod[deg - k + i] as number) - coef * (poly[i] as number)) % p + p) % p;
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

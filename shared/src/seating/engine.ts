/**
 * Index-based seating state with incremental costs, greedy construction and a tabu local search
 * over swap moves (two movable people at different tables of the same planned round).
 */
import type { Model } from './model';
import { evenSpreadPairs } from './model';
import type { Rng } from './rng';
import { shuffleInPlace } from './rng';
import type { SearchStats } from './types';

export interface Costs {
  noReturn: number;
  del: number;
  rep: number;
  lang: number;
}

export class Engine {
  readonly m: Model;
  readonly n: number;
  readonly T: number;
  readonly R: number;
  readonly P: number;
  /** Table of each person per round (−1 = absent in a played round); R*n. */
  readonly tableOf: Int32Array;
  /** Member lists: round r table t occupies mem[off[r*T+t] .. off[r*T+t+1]). */
  readonly off: Int32Array;
  readonly mem: Int32Array;
  /** Index of person in mem for each round; R*n. */
  readonly pos: Int32Array;
  readonly meet: Uint8Array;
  readonly shareCnt: Int32Array;
  readonly nr: Int32Array;
  readonly movable: Uint8Array;
  readonly roomCount: Int32Array;
  /**
   * Current table sizes and "has a free seat" flags per round (R*T). They start as the model's
   * balanced targets; `move` shifts a "+1" between tables of a planned round (the multiset of sizes,
   * hence balance and the lower bounds, never changes) so the no-return rule can be met.
   */
  readonly size: Int32Array;
  readonly room: Uint8Array;
  readonly nrActive: boolean;
  readonly W_LANG = 1;
  readonly W_REP: number;
  readonly W_DEL: number;
  readonly W_NR: number;
  costs: Costs = { noReturn: 0, del: 0, rep: 0, lang: 0 };
  private readonly mark: Int32Array;
  private readonly list: Int32Array;
  private stamp = 0;

  constructor(m: Model) {
    this.m = m;
    const { n, T, R, P } = m;
    this.n = n;
    this.T = T;
    this.R = R;
    this.P = P;
    this.tableOf = new Int32Array(R * n).fill(-1);
    this.off = new Int32Array(R * T + 1);
    let total = 0;
    for (let r = 0; r < R; r++) {
      for (let t = 0; t < T; t++) {
        this.off[r * T + t] = total;
        total += m.size[r * T + t] as number;
      }
    }
    this.off[R * T] = total;
    this.mem = new Int32Array(total).fill(-1);
    this.pos = new Int32Array(R * n).fill(-1);
    this.meet = new Uint8Array(n * n);
    this.shareCnt = new Int32Array(R * n);
    this.nr = new Int32Array(n);
    this.movable = new Uint8Array(R * n);
    this.size = Int32Array.from(m.size);
    this.room = Uint8Array.from(m.room);
    for (let r = P; r < R; r++) {
      for (let i = 0; i < n; i++) this.movable[r * n + i] = (m.fixed[r * n + i] as number) < 0 ? 1 : 0;
    }
    this.roomCount = new Int32Array(R);
    let anyRoom = false;
    for (let r = 0; r < R; r++) {
      let c = 0;
      for (let t = 0; t < T; t++) {
        const rm = m.room[r * T + t] as number;
        c += rm;
      }
      this.roomCount[r] = c;
      if (r >= P && c > 0) anyRoom = true;
    }
    this.nrActive = anyRoom && R - P >= 1 && R >= 2;
    let S = 1;
    for (let i = 0; i < R * T; i++) S = Math.max(S, m.size[i] as number);
    const B = 2 * S + 1;
    this.W_REP = B;
    this.W_DEL = B * B;
    this.W_NR = B * B * B;
    this.mark = new Int32Array(T);
    this.list = new Int32Array(Math.max(R, 1));
    // played rounds
    for (let r = 0; r < P; r++) {
      const fill = new Int32Array(T);
      for (let i = 0; i < n; i++) {
        const t = m.playedTable[r * n + i] as number;
        if (t < 0) continue;
        const k = (this.off[r * T + t] as number) + (fill[t] as number);
        fill[t] = (fill[t] as number) + 1;
        this.mem[k] = i;
        this.pos[r * n + i] = k;
        this.tableOf[r * n + i] = t;
      }
    }
  }

  cost(): number {
    const c = this.costs;
    return c.noReturn * this.W_NR + c.del * this.W_DEL + c.rep * this.W_REP + c.lang * this.W_LANG;
  }

  weigh(c: Costs): number {
    return c.noReturn * this.W_NR + c.del * this.W_DEL + c.rep * this.W_REP + c.lang * this.W_LANG;
  }

  /** Lower bounds in the engine's own terms (present people only). */
  bounds(): Costs {
    const { m, T, R, P, n } = this;
    const nonEmpty = (r: number): number => {
      let k = 0;
      for (let t = 0; t < T; t++) if ((this.size[r * T + t] as number) > 0) k++;
      return k;
    };
    const played = this.softOfRounds(0, P);
    let rep = played.rep;
    for (let r = Math.max(1, P); r < R; r++) {
      const prev = nonEmpty(r - 1);
      for (let t = 0; t < T; t++) rep += evenSpreadPairs(this.size[r * T + t] as number, prev);
    }
    let del = played.del;
    for (let r = P; r < R; r++) {
      const bins = nonEmpty(r);
      for (const k of m.delSizes) del += evenSpreadPairs(k, bins);
    }
    let lonely = 0;
    if (m.share) {
      for (let i = 0; i < n; i++) {
        if (!m.hasLang[i]) continue;
        let any = false;
        for (let j = 0; j < n && !any; j++) if (j !== i && m.share[i * n + j]) any = true;
        if (!any) lonely++;
      }
    }
    return { noReturn: 0, del, rep, lang: played.lang + lonely * (R - P) };
  }

  private softOfRounds(from: number, to: number): Costs {
    const { n, T, m } = this;
    const meet = new Uint8Array(n * n);
    const out: Costs = { noReturn: 0, del: 0, rep: 0, lang: 0 };
    for (let r = 0; r < to; r++) {
      for (let t = 0; t < T; t++) {
        const a = this.off[r * T + t] as number;
        const b = this.off[r * T + t + 1] as number;
        for (let k = a; k < b; k++) {
          const i = this.mem[k] as number;
          if (i < 0) continue;
          let shares = false;
          for (let l = a; l < b; l++) {
            const j = this.mem[l] as number;
            if (j < 0 || j === i) continue;
            if (m.share && m.share[i * n + j]) shares = true;
            if (l > k) {
              const c = meet[i * n + j] as number;
              if (r >= from) {
                if (c >= 1) out.rep++;
                if (m.del[i] === m.del[j]) out.del++;
              }
              meet[i * n + j] = c + 1;
              meet[j * n + i] = c + 1;
            }
          }
          if (r >= from && m.hasLang[i] && !shares) out.lang++;
        }
      }
    }
    return out;
  }

  /** No-return violations of traveller p, optionally with p moved to table t0 in round r0. */
  nrOf(p: number, r0: number, t0: number): number {
    if (!this.nrActive || (this.m.hostTable[p] as number) >= 0) return 0;
    const { n, T, R, P } = this;
    const room = this.room;
    const mark = this.mark;
    const list = this.list;
    const stamp = ++this.stamp;
    let len = 0;
    let cnt = 0;
    for (let r = 0; r < R; r++) {
      const t = r === r0 ? t0 : (this.tableOf[r * n + p] as number);
      if (t < 0) continue;
      if (mark[t] === stamp) {
        // a return in a planned round is a violation when some unvisited table still had room
        const rc = this.roomCount[r] as number;
        if (r >= P && rc > 0) {
          let visitedWithRoom = 0;
          for (let i = 0; i < len; i++) visitedWithRoom += room[r * T + (list[i] as number)] as number;
          if (visitedWithRoom < rc) cnt++;
        }
      } else {
        mark[t] = stamp;
        list[len++] = t;
      }
    }
    return cnt;
  }

  private placeInit(r: number, p: number, t: number, fill: Int32Array): void {
    const { n, T } = this;
    const k = (this.off[r * T + t] as number) + (fill[t] as number);
    fill[t] = (fill[t] as number) + 1;
    this.mem[k] = p;
    this.pos[r * n + p] = k;
    this.tableOf[r * n + p] = t;
  }

  /** Add the meetings of round r to the meet matrix. */
  private addMeets(r: number): void {
    const { n, T } = this;
    for (let t = 0; t < T; t++) {
      const a = this.off[r * T + t] as number;
      const b = this.off[r * T + t + 1] as number;
      for (let k = a; k < b; k++) {
        const i = this.mem[k] as number;
        if (i < 0) continue;
        for (let l = k + 1; l < b; l++) {
          const j = this.mem[l] as number;
          if (j < 0) continue;
          const c = (this.meet[i * n + j] as number) + 1;
          this.meet[i * n + j] = c;
          this.meet[j * n + i] = c;
        }
      }
    }
  }

  /** Set a whole planned round from an assignment (person → table), which must match the sizes. */
  setRound(r: number, assign: ArrayLike<number>): void {
    const fill = new Int32Array(this.T);
    for (let p = 0; p < this.n; p++) this.placeInit(r, p, assign[p] as number, fill);
  }

  /** Greedy construction of planned rounds P..R-1, round by round. */
  construct(rng: Rng): void {
    const { n, T, R, P, m } = this;
    for (let r = 0; r < P; r++) this.addMeets(r);
    const visits = new Uint8Array(n * T);
    for (let r = 0; r < P; r++) {
      for (let i = 0; i < n; i++) {
        const t = this.tableOf[r * n + i] as number;
        if (t >= 0 && (visits[i * T + t] as number) < 255) visits[i * T + t] = (visits[i * T + t] as number) + 1;
      }
    }
    const delSize = m.delSizes;
    for (let r = P; r < R; r++) {
      const fill = new Int32Array(T);
      const left = new Int32Array(T);
      for (let t = 0; t < T; t++) left[t] = this.size[r * T + t] as number;
      const order: number[] = [];
      for (let i = 0; i < n; i++) {
        const f = m.fixed[r * n + i] as number;
        if (f >= 0) {
          this.placeInit(r, i, f, fill);
          left[f] = (left[f] as number) - 1;
        } else order.push(i);
      }
      shuffleInPlace(order, rng);
      // most constrained first: big delegations, then people with languages
      const key = (i: number): number => (delSize[m.del[i] as number] as number) * 2 + (m.hasLang[i] as number);
      order.sort((a, b) => key(b) - key(a));
      for (const p of order) {
        let unvisitedAvail = 0;
        const isHost = (m.hostTable[p] as number) >= 0;
        if (this.nrActive && !isHost) {
          for (let t = 0; t < T; t++) {
            if ((left[t] as number) > 0 && this.room[r * T + t] && visits[p * T + t] === 0) unvisitedAvail++;
          }
        }
        let best = -1;
        let bestCost = Infinity;
        let bestLeft = -1;
        let ties = 0;
        for (let t = 0; t < T; t++) {
          const lt = left[t] as number;
          if (lt <= 0) continue;
          let c = 0;
          if (unvisitedAvail > 0 && (visits[p * T + t] as number) > 0) c += this.W_NR;
          const a = this.off[r * T + t] as number;
          const b = a + (fill[t] as number);
          let shares = false;
          for (let k = a; k < b; k++) {
            const z = this.mem[k] as number;
            if (m.del[z] === m.del[p]) c += this.W_DEL;
            if ((this.meet[p * n + z] as number) > 0) c += this.W_REP;
            if (m.share && m.share[p * n + z]) shares = true;
          }
          if (m.hasLang[p] && !shares) c += this.W_LANG;
          if (c < bestCost || (c === bestCost && lt > bestLeft)) {
            best = t;
            bestCost = c;
            bestLeft = lt;
            ties = 1;
          } else if (c === bestCost && lt === bestLeft) {
            ties++;
            if (rng.int(ties) === 0) best = t;
          }
        }
        if (best < 0) throw new Error('internal: no seat left');
        this.placeInit(r, p, best, fill);
        left[best] = (left[best] as number) - 1;
      }
      for (let i = 0; i < n; i++) {
        const t = this.tableOf[r * n + i] as number;
        if ((visits[i * T + t] as number) < 255) visits[i * T + t] = (visits[i * T + t] as number) + 1;
      }
      this.addMeets(r);
    }
    this.recompute(false);
  }

  /** Recompute all derived state (meets, share counts, no-return, costs) from tableOf/mem. */
  recompute(rebuildMeet = true): void {
    const { n, T, R, P, m } = this;
    if (rebuildMeet) {
      this.meet.fill(0);
      for (let r = 0; r < R; r++) this.addMeets(r);
    }
    const c: Costs = { noReturn: 0, del: 0, rep: 0, lang: 0 };
    // repeats over all rounds from meet counts
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const x = this.meet[i * n + j] as number;
        if (x > 1) c.rep += x - 1;
      }
    }
    for (let r = 0; r < R; r++) {
      for (let t = 0; t < T; t++) {
        const a = this.off[r * T + t] as number;
        const b = this.off[r * T + t + 1] as number;
        for (let k = a; k < b; k++) {
          const i = this.mem[k] as number;
          if (i < 0) continue;
          let s = 0;
          for (let l = a; l < b; l++) {
            const j = this.mem[l] as number;
            if (j < 0 || j === i) continue;
            if (m.share && m.share[i * n + j]) s++;
            if (l > k && m.del[i] === m.del[j]) c.del++;
          }
          this.shareCnt[r * n + i] = s;
          if (m.hasLang[i] && s === 0) c.lang++;
        }
      }
    }
    for (let i = 0; i < n; i++) {
      const v = this.nrOf(i, -1, -1);
      this.nr[i] = v;
      c.noReturn += v;
    }
    void P;
    this.costs = c;
  }

  /** Is person p in round r involved in any cost? */
  conflicted(r: number, p: number): boolean {
    const { n, T, m } = this;
    if (!this.movable[r * n + p]) return false;
    const t = this.tableOf[r * n + p] as number;
    if (m.hasLang[p] && this.shareCnt[r * n + p] === 0) return true;
    const a = this.off[r * T + t] as number;
    const b = this.off[r * T + t + 1] as number;
    const d = m.del[p];
    for (let k = a; k < b; k++) {
      const z = this.mem[k] as number;
      if (z === p) continue;
      if ((this.meet[p * n + z] as number) >= 2 || m.del[z] === d) return true;
    }
    if (this.nr[p]) {
      // returning in round r?
      for (let q = 0; q < r; q++) if (this.tableOf[q * n + p] === t) return true;
    }
    return false;
  }

  /** Cost delta of swapping x and y (different tables) in planned round r; fills nrDx/nrDy. */
  delta(r: number, x: number, y: number, nrX: number): number {
    const { n, T, m } = this;
    const A = this.tableOf[r * n + x] as number;
    const B = this.tableOf[r * n + y] as number;
    const meet = this.meet;
    const del = m.del;
    const share = m.share;
    const dx = del[x];
    const dy = del[y];
    let dDel = 0;
    let dRep = 0;
    let dLang = 0;
    let cntX = 0;
    let cntY = 0;
    let a = this.off[r * T + A] as number;
    let b = this.off[r * T + A + 1] as number;
    for (let k = a; k < b; k++) {
      const z = this.mem[k] as number;
      if (z === x) continue;
      if ((meet[x * n + z] as number) >= 2) dRep--;
      if ((meet[y * n + z] as number) >= 1) dRep++;
      const dz = del[z];
      if (dz === dx) dDel--;
      if (dz === dy) dDel++;
      if (share) {
        const sx = share[x * n + z] as number;
        const sy = share[y * n + z] as number;
        if (sy) cntY++;
        if (sx !== sy && m.hasLang[z]) {
          const c = this.shareCnt[r * n + z] as number;
          dLang += (c - sx + sy === 0 ? 1 : 0) - (c === 0 ? 1 : 0);
        }
      }
    }
    a = this.off[r * T + B] as number;
    b = this.off[r * T + B + 1] as number;
    for (let k = a; k < b; k++) {
      const z = this.mem[k] as number;
      if (z === y) continue;
      if ((meet[y * n + z] as number) >= 2) dRep--;
      if ((meet[x * n + z] as number) >= 1) dRep++;
      const dz = del[z];
      if (dz === dy) dDel--;
      if (dz === dx) dDel++;
      if (share) {
        const sx = share[x * n + z] as number;
        const sy = share[y * n + z] as number;
        if (sx) cntX++;
        if (sx !== sy && m.hasLang[z]) {
          const c = this.shareCnt[r * n + z] as number;
          dLang += (c - sy + sx === 0 ? 1 : 0) - (c === 0 ? 1 : 0);
        }
      }
    }
    if (share) {
      if (m.hasLang[x]) dLang += (cntX === 0 ? 1 : 0) - (this.shareCnt[r * n + x] === 0 ? 1 : 0);
      if (m.hasLang[y]) dLang += (cntY === 0 ? 1 : 0) - (this.shareCnt[r * n + y] === 0 ? 1 : 0);
    }
    let dNr = nrX;
    if (this.nrActive) dNr += this.nrOf(y, r, A) - (this.nr[y] as number);
    return dNr * this.W_NR + dDel * this.W_DEL + dRep * this.W_REP + dLang * this.W_LANG;
  }

  /**
   * Part of swap(): at table t of round r, `leave` goes and `join` comes. Updates the meet counts,
   * the delegation and repeat costs and the tablemates' shared-language counts, and returns how
   * many of the table's remaining members share a language with `join`.
   */
  private exchangeAt(r: number, t: number, leave: number, join: number): number {
    const { n, T, m, meet } = this;
    const share = m.share;
    const c = this.costs;
    const dLeave = m.del[leave];
    const dJoin = m.del[join];
    let shared = 0;
    const b = this.off[r * T + t + 1] as number;
    for (let k = this.off[r * T + t] as number; k < b; k++) {
      const z = this.mem[k] as number;
      if (z === leave) continue;
      let v = meet[leave * n + z] as number;
      if (v >= 2) c.rep--;
      meet[leave * n + z] = v - 1;
      meet[z * n + leave] = v - 1;
      v = meet[join * n + z] as number;
      if (v >= 1) c.rep++;
      meet[join * n + z] = v + 1;
      meet[z * n + join] = v + 1;
      const dz = m.del[z];
      if (dz === dLeave) c.del--;
      if (dz === dJoin) c.del++;
      if (share) {
        const sLeave = share[leave * n + z] as number;
        const sJoin = share[join * n + z] as number;
        if (sJoin) shared++;
        if (sLeave !== sJoin) {
          const old = this.shareCnt[r * n + z] as number;
          const nw = old - sLeave + sJoin;
          this.shareCnt[r * n + z] = nw;
          if (m.hasLang[z]) c.lang += (nw === 0 ? 1 : 0) - (old === 0 ? 1 : 0);
        }
      }
    }
    return shared;
  }

  /** Apply the swap of x and y in planned round r, updating all incremental state. */
  swap(r: number, x: number, y: number): void {
    const { n, m } = this;
    const A = this.tableOf[r * n + x] as number;
    const B = this.tableOf[r * n + y] as number;
    const share = m.share;
    const c = this.costs;
    // x leaves table A for B and y leaves B for A: each side's tablemates lose one and gain the other
    const cntY = this.exchangeAt(r, A, x, y);
    const cntX = this.exchangeAt(r, B, y, x);
    if (share) {
      if (m.hasLang[x]) c.lang += (cntX === 0 ? 1 : 0) - (this.shareCnt[r * n + x] === 0 ? 1 : 0);
      if (m.hasLang[y]) c.lang += (cntY === 0 ? 1 : 0) - (this.shareCnt[r * n + y] === 0 ? 1 : 0);
      this.shareCnt[r * n + x] = cntX;
      this.shareCnt[r * n + y] = cntY;
    }
    const px = this.pos[r * n + x] as number;
    const py = this.pos[r * n + y] as number;
    this.mem[px] = y;
    this.mem[py] = x;
    this.pos[r * n + x] = py;
    this.pos[r * n + y] = px;
    this.tableOf[r * n + x] = B;
    this.tableOf[r * n + y] = A;
    if (this.nrActive) {
      const nx = this.nrOf(x, -1, -1);
      const ny = this.nrOf(y, -1, -1);
      c.noReturn += nx - (this.nr[x] as number) + ny - (this.nr[y] as number);
      this.nr[x] = nx;
      this.nr[y] = ny;
    }
  }

  /**
   * Can x move alone from its table A to table B in planned round r? Only a "+1" may move: A must
   * be exactly one larger than B and B must have a free seat, so the round keeps the same multiset
   * of sizes (balance, capacities and lower bounds are unchanged). x must be movable (so A keeps
   * its host and pins).
   */
  canMove(r: number, x: number, B: number): boolean {
    const { n, T } = this;
    const A = this.tableOf[r * n + x] as number;
    if (A === B || !this.movable[r * n + x]) return false;
    const sb = this.size[r * T + B] as number;
    return (this.size[r * T + A] as number) === sb + 1 && sb < (this.m.cap[B] as number);
  }

  /** Total no-return violations with the free-seat flags of tables A and B in round r overridden. */
  private nrTotalWithRoom(r: number, A: number, roomA: number, B: number, roomB: number, x: number): number {
    const { T, n } = this;
    const room = this.room;
    const oldA = room[r * T + A] as number;
    const oldB = room[r * T + B] as number;
    const oldCount = this.roomCount[r] as number;
    room[r * T + A] = roomA;
    room[r * T + B] = roomB;
    this.roomCount[r] = oldCount - oldA - oldB + roomA + roomB;
    let tot = 0;
    for (let i = 0; i < n; i++) tot += i === x ? this.nrOf(i, r, B) : this.nrOf(i, -1, -1);
    room[r * T + A] = oldA;
    room[r * T + B] = oldB;
    this.roomCount[r] = oldCount;
    return tot;
  }

  /** Cost delta of moving x alone to table B in planned round r (see `canMove`). */
  moveDelta(r: number, x: number, B: number): number {
    const { n, T, m } = this;
    const A = this.tableOf[r * n + x] as number;
    const meet = this.meet;
    const share = m.share;
    const dx = m.del[x];
    let dDel = 0;
    let dRep = 0;
    let dLang = 0;
    let cntX = 0;
    let a = this.off[r * T + A] as number;
    let b = this.off[r * T + A + 1] as number;
    for (let k = a; k < b; k++) {
      const z = this.mem[k] as number;
      if (z === x) continue;
      if ((meet[x * n + z] as number) >= 2) dRep--;
      if (m.del[z] === dx) dDel--;
      if (share && share[x * n + z] && m.hasLang[z] && this.shareCnt[r * n + z] === 1) dLang++;
    }
    a = this.off[r * T + B] as number;
    b = this.off[r * T + B + 1] as number;
    for (let k = a; k < b; k++) {
      const z = this.mem[k] as number;
      if ((meet[x * n + z] as number) >= 1) dRep++;
      if (m.del[z] === dx) dDel++;
      if (share && share[x * n + z]) {
        cntX++;
        if (m.hasLang[z] && this.shareCnt[r * n + z] === 0) dLang--;
      }
    }
    if (share && m.hasLang[x]) dLang += (cntX === 0 ? 1 : 0) - (this.shareCnt[r * n + x] === 0 ? 1 : 0);
    let dNr = 0;
    if (this.nrActive) {
      const roomA = (this.size[r * T + A] as number) - 1 < (m.cap[A] as number) ? 1 : 0;
      const roomB = (this.size[r * T + B] as number) + 1 < (m.cap[B] as number) ? 1 : 0;
      if (roomA === this.room[r * T + A] && roomB === this.room[r * T + B]) {
        dNr = this.nrOf(x, r, B) - (this.nr[x] as number);
      } else {
        dNr = this.nrTotalWithRoom(r, A, roomA, B, roomB, x) - this.costs.noReturn;
      }
    }
    return dNr * this.W_NR + dDel * this.W_DEL + dRep * this.W_REP + dLang * this.W_LANG;
  }

  /**
   * Move x alone to table B in planned round r (see `canMove`), updating all state. Returns true
   * when free-seat flags changed (other travellers' no-return status may have changed).
   */
  move(r: number, x: number, B: number): boolean {
    const { n, T, m } = this;
    const A = this.tableOf[r * n + x] as number;
    const meet = this.meet;
    const share = m.share;
    const c = this.costs;
    const dx = m.del[x];
    let cntX = 0;
    const a0 = this.off[r * T] as number;
    const a1 = this.off[r * T + T] as number;
    let a = this.off[r * T + A] as number;
    let b = this.off[r * T + A + 1] as number;
    for (let k = a; k < b; k++) {
      const z = this.mem[k] as number;
      if (z === x) continue;
      const v = meet[x * n + z] as number;
      if (v >= 2) c.rep--;
      meet[x * n + z] = v - 1;
      meet[z * n + x] = v - 1;
      if (m.del[z] === dx) c.del--;
      if (share && share[x * n + z]) {
        const nw = (this.shareCnt[r * n + z] as number) - 1;
        this.shareCnt[r * n + z] = nw;
        if (m.hasLang[z] && nw === 0) c.lang++;
      }
    }
    a = this.off[r * T + B] as number;
    b = this.off[r * T + B + 1] as number;
    for (let k = a; k < b; k++) {
      const z = this.mem[k] as number;
      const v = meet[x * n + z] as number;
      if (v >= 1) c.rep++;
      meet[x * n + z] = v + 1;
      meet[z * n + x] = v + 1;
      if (m.del[z] === dx) c.del++;
      if (share && share[x * n + z]) {
        cntX++;
        const old = this.shareCnt[r * n + z] as number;
        this.shareCnt[r * n + z] = old + 1;
        if (m.hasLang[z] && old === 0) c.lang--;
      }
    }
    if (share) {
      if (m.hasLang[x]) c.lang += (cntX === 0 ? 1 : 0) - (this.shareCnt[r * n + x] === 0 ? 1 : 0);
      this.shareCnt[r * n + x] = cntX;
    }
    // re-lay out round r: x leaves A's segment and joins the end of B's
    const seg = Array.from(this.mem.subarray(a0, a1));
    const oldOff = Array.from(this.off.subarray(r * T, r * T + T + 1));
    this.size[r * T + A] = (this.size[r * T + A] as number) - 1;
    this.size[r * T + B] = (this.size[r * T + B] as number) + 1;
    this.tableOf[r * n + x] = B;
    let k = a0;
    for (let t = 0; t < T; t++) {
      this.off[r * T + t] = k;
      for (let q = (oldOff[t] as number) - a0; q < (oldOff[t + 1] as number) - a0; q++) {
        const z = seg[q] as number;
        if (z === x) continue;
        this.mem[k] = z;
        this.pos[r * n + z] = k;
        k++;
      }
      if (t === B) {
        this.mem[k] = x;
        this.pos[r * n + x] = k;
        k++;
      }
    }
    // free seats
    const roomA = (this.size[r * T + A] as number) < (m.cap[A] as number) ? 1 : 0;
    const roomB = (this.size[r * T + B] as number) < (m.cap[B] as number) ? 1 : 0;
    const roomChanged = roomA !== this.room[r * T + A] || roomB !== this.room[r * T + B];
    if (roomChanged) {
      this.roomCount[r] =
        (this.roomCount[r] as number) - (this.room[r * T + A] as number) - (this.room[r * T + B] as number) + roomA + roomB;
      this.room[r * T + A] = roomA;
      this.room[r * T + B] = roomB;
    }
    if (this.nrActive) {
      if (roomChanged) {
        let tot = 0;
        for (let i = 0; i < n; i++) {
          const v = this.nrOf(i, -1, -1);
          this.nr[i] = v;
          tot += v;
        }
        c.noReturn = tot;
      } else {
        const nx = this.nrOf(x, -1, -1);
        c.noReturn += nx - (this.nr[x] as number);
        this.nr[x] = nx;
      }
    }
    return roomChanged;
  }

  /** Copy of the planned part of the state, for best-solution snapshots. */
  snapshot(): { tableOf: Int32Array; mem: Int32Array; pos: Int32Array; off: Int32Array; size: Int32Array; room: Uint8Array } {
    return {
      tableOf: this.tableOf.slice(),
      mem: this.mem.slice(),
      pos: this.pos.slice(),
      off: this.off.slice(),
      size: this.size.slice(),
      room: this.room.slice(),
    };
  }

  restore(s: ReturnType<Engine['snapshot']>): void {
    this.tableOf.set(s.tableOf);
    this.mem.set(s.mem);
    this.pos.set(s.pos);
    this.off.set(s.off);
    this.size.set(s.size);
    this.room.set(s.room);
    const { T, R } = this;
    for (let r = 0; r < R; r++) {
      let c = 0;
      for (let t = 0; t < T; t++) c += this.room[r * T + t] as number;
      this.roomCount[r] = c;
    }
    this.recompute(true);
  }

  /**
   * Tabu search with swap moves. Stops at the lower bound, after `maxEvaluations` candidate
   * evaluations, or at the wall-clock deadline (safety cap).
   */
  search(rng: Rng, maxEvaluations: number, deadline: number, now: () => number): SearchStats {
    const { n, T, R, P } = this;
    const stats: SearchStats = { evaluations: 0, steps: 0, stoppedBy: 'budget' };
    if (R <= P) {
      stats.stoppedBy = 'lowerBound';
      return stats;
    }
    const target = this.weigh(this.bounds());
    let cur = this.cost();
    let best = cur;
    let bestSnap: ReturnType<Engine['snapshot']> | null = null;
    let curIsBest = true;
    const tabu = new Int32Array(R * n);
    let conflicts: number[] = [];
    const rebuild = (): void => {
      conflicts = [];
      for (let r = P; r < R; r++) for (let p = 0; p < n; p++) if (this.conflicted(r, p)) conflicts.push(r * n + p);
    };
    rebuild();
    let lastImprove = 0;
    let lastBest = 0;
    // converged: no new best for this many steps (keeps small cases fast and deterministic)
    const patience = 40 * Math.max(300, Math.min(20000, 10 * n));
    const stall = Math.max(300, Math.min(20000, 10 * n));
    const nrX = new Float64Array(T);
    const xs: number[] = [];
    const xBudget = 4000;
    let step = 0;
    for (;;) {
      if (cur <= target) {
        stats.stoppedBy = 'lowerBound';
        break;
      }
      if (stats.evaluations >= maxEvaluations) {
        stats.stoppedBy = 'budget';
        break;
      }
      if (step - lastBest > patience) {
        stats.stoppedBy = 'budget';
        break;
      }
      if ((step & 31) === 0 && now() > deadline) {
        stats.stoppedBy = 'time';
        break;
      }
      step++;
      if (step - lastImprove > stall) {
        // perturb from the best solution found so far
        if (!curIsBest && bestSnap) {
          this.restore(bestSnap);
          cur = this.cost();
        }
        const kicks = 1 + rng.int(Math.max(2, Math.floor(n / 16)));
        for (let k = 0; k < kicks; k++) {
          const r = P + rng.int(R - P);
          const x = rng.int(n);
          const y = rng.int(n);
          if (x === y || !this.movable[r * n + x] || !this.movable[r * n + y]) continue;
          if (this.tableOf[r * n + x] === this.tableOf[r * n + y]) continue;
          if (curIsBest) {
            bestSnap = this.snapshot();
            curIsBest = false;
          }
          this.swap(r, x, y);
        }
        cur = this.cost();
        if (cur < best) {
          // the kick itself improved on the best: keep it (else stopping now would restore the old best)
          best = cur;
          curIsBest = true;
          bestSnap = null;
          lastBest = step;
        }
        lastImprove = step;
        rebuild();
        continue;
      }
      // pick a conflicted (round, person); its round is the neighbourhood of this step
      let rp = -1;
      for (let tries = 0; tries < 8 && conflicts.length > 0; tries++) {
        const i = rng.int(conflicts.length);
        const cand = conflicts[i] as number;
        const r = Math.floor(cand / n);
        const p = cand - r * n;
        if (!this.conflicted(r, p)) {
          conflicts[i] = conflicts[conflicts.length - 1] as number;
          conflicts.pop();
          tries--;
          continue;
        }
        rp = cand;
        break;
      }
      if (rp < 0) {
        rebuild();
        if (conflicts.length === 0) {
          // nothing conflicted: every soft cost is zero
          stats.stoppedBy = 'lowerBound';
          break;
        }
        continue;
      }
      const r0 = Math.floor(rp / n);
      // candidate movers: conflicted people of round r0 — or of every planned round when small
      xs.length = 0;
      xs.push(rp);
      const allRounds = (R - P) * n <= 4000;
      for (let rr = allRounds ? P : r0; rr < (allRounds ? R : r0 + 1); rr++) {
        const start = this.off[rr * T] as number;
        const roundSize = (this.off[rr * T + T] as number) - start;
        const maxX = Math.max(1, Math.floor(xBudget / Math.max(1, roundSize)));
        const offs = rng.int(roundSize);
        for (let k = 0; k < roundSize && xs.length < maxX * (rr - (allRounds ? P : r0) + 1); k++) {
          const z = this.mem[start + ((k + offs) % roundSize)] as number;
          if (rr * n + z !== rp && this.conflicted(rr, z)) xs.push(rr * n + z);
        }
      }
      let bestX = -1;
      let bestY = -1;
      let bestR = -1;
      /** ≥ 0: the best move is "x alone to table bestMoveTo" rather than a swap. */
      let bestMoveTo = -1;
      let bestD = Infinity;
      let ties = 0;
      for (const code of xs) {
        const r = Math.floor(code / n);
        const x = code - r * n;
        const start = this.off[r * T] as number;
        const end = this.off[r * T + T] as number;
        const A = this.tableOf[r * n + x] as number;
        if (this.nrActive) {
          const base = this.nr[x] as number;
          for (let t = 0; t < T; t++) nrX[t] = t === A ? 0 : this.nrOf(x, r, t) - base;
        }
        const xTabu = (tabu[r * n + x] as number) > step;
        const aStart = this.off[r * T + A] as number;
        const aEnd = this.off[r * T + A + 1] as number;
        for (let k = start; k < end; k++) {
          if (k === aStart) {
            k = aEnd - 1;
            continue;
          }
          const y = this.mem[k] as number;
          if (!this.movable[r * n + y]) continue;
          const B = this.tableOf[r * n + y] as number;
          const d = this.delta(r, x, y, this.nrActive ? (nrX[B] as number) : 0);
          stats.evaluations++;
          if ((xTabu || (tabu[r * n + y] as number) > step) && !(cur + d < best)) continue;
          if (d < bestD) {
            bestD = d;
            bestX = x;
            bestY = y;
            bestR = r;
            bestMoveTo = -1;
            ties = 1;
          } else if (d === bestD) {
            ties++;
            if (rng.int(ties) === 0) {
              bestX = x;
              bestY = y;
              bestR = r;
              bestMoveTo = -1;
            }
          }
        }
        // A returning traveller may also move alone, in any planned round, shifting a "+1" between
        // tables of that round: with sizes fixed up front, the return (or the earlier visit that
        // makes it one) can otherwise be forced.
        if (this.nrActive && (this.nr[x] as number) > 0 && code === rp) {
          for (let rr = P; rr < R; rr++) {
            const mTabu = (tabu[rr * n + x] as number) > step;
            for (let t = 0; t < T; t++) {
              if (!this.canMove(rr, x, t)) continue;
              const d = this.moveDelta(rr, x, t);
              stats.evaluations++;
              if (mTabu && !(cur + d < best)) continue;
              if (d < bestD) {
                bestD = d;
                bestX = x;
                bestY = -1;
                bestR = rr;
                bestMoveTo = t;
                ties = 1;
              } else if (d === bestD) {
                ties++;
                if (rng.int(ties) === 0) {
                  bestX = x;
                  bestY = -1;
                  bestR = rr;
                  bestMoveTo = t;
                }
              }
            }
          }
        }
      }
      if (bestY < 0 && bestMoveTo < 0) continue;
      const x = bestX;
      const r = bestR;
      const A = this.tableOf[r * n + x] as number;
      if (curIsBest && bestD >= 0) {
        bestSnap = this.snapshot();
        curIsBest = false;
      }
      let B: number;
      const tenure = 2 + rng.int(6);
      let roomChanged = false;
      if (bestMoveTo >= 0) {
        B = bestMoveTo;
        roomChanged = this.move(r, x, B);
      } else {
        B = this.tableOf[r * n + bestY] as number;
        this.swap(r, x, bestY);
        tabu[r * n + bestY] = step + tenure;
      }
      cur += bestD;
      tabu[r * n + x] = step + tenure;
      if (cur < best) {
        best = cur;
        curIsBest = true;
        bestSnap = null;
        lastImprove = step;
        lastBest = step;
      }
      // people whose conflict status may have changed
      for (const t of [A, B]) {
        const a = this.off[r * T + t] as number;
        const b = this.off[r * T + t + 1] as number;
        for (let k = a; k < b; k++) {
          const z = this.mem[k] as number;
          if (this.conflicted(r, z)) conflicts.push(r * n + z);
        }
      }
      if (roomChanged || conflicts.length > 4 * (R - P) * n) rebuild();
    }
    stats.steps = step;
    if (!curIsBest && bestSnap) this.restore(bestSnap);
    return stats;
  }

  /** Simulated annealing with random swap moves (geometric cooling over the evaluation budget). */
  anneal(rng: Rng, maxEvaluations: number, deadline: number, now: () => number, t0: number, t1: number): SearchStats {
    const { n, T, R, P } = this;
    const stats: SearchStats = { evaluations: 0, steps: 0, stoppedBy: 'budget' };
    if (R <= P) return { ...stats, stoppedBy: 'lowerBound' };
    const target = this.weigh(this.bounds());
    let cur = this.cost();
    let best = cur;
    let bestSnap: ReturnType<Engine['snapshot']> | null = null;
    let curIsBest = true;
    const rounds = R - P;
    let temp = t0;
    const steps = Math.max(1, maxEvaluations);
    const cool = Math.pow(t1 / t0, 1 / steps);
    for (let it = 0; it < steps; it++) {
      if (cur <= target) {
        stats.stoppedBy = 'lowerBound';
        break;
      }
      if ((it & 1023) === 0 && now() > deadline) {
        stats.stoppedBy = 'time';
        break;
      }
      temp *= cool;
      const r = P + rng.int(rounds);
      const a = this.off[r * T] as number;
      const size = (this.off[r * T + T] as number) - a;
      const x = this.mem[a + rng.int(size)] as number;
      const y = this.mem[a + rng.int(size)] as number;
      if (!this.movable[r * n + x] || !this.movable[r * n + y]) continue;
      const B = this.tableOf[r * n + y] as number;
      if (this.tableOf[r * n + x] === B) continue;
      const nrx = this.nrActive ? this.nrOf(x, r, B) - (this.nr[x] as number) : 0;
      const d = this.delta(r, x, y, nrx);
      stats.evaluations++;
      if (d <= 0 || rng.next() < Math.exp(-d / temp)) {
        if (curIsBest && d >= 0) {
          bestSnap = this.snapshot();
          curIsBest = false;
        }
        this.swap(r, x, y);
        cur += d;
        if (cur < best) {
          best = cur;
          curIsBest = true;
          bestSnap = null;
        }
      }
    }
    stats.steps = stats.evaluations;
    if (!curIsBest && bestSnap) this.restore(bestSnap);
    return stats;
  }
}

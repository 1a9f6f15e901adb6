import { describe, expect, it } from 'vitest';
import { ClusterRoster, type OnlineChanges } from './clusterRoster';

type Step =
  ['addLocal' | 'removeLocal', string, string] | ['setRemote', string, string[], number] | ['expire', number] | ['extend', number];

// [what happens, the changes it reports, everyone online afterwards]; TTL 3000
const steps: Array<[Step, OnlineChanges, string[]]> = [
  [['addLocal', 'p1', 's1'], { online: ['p1'], offline: [] }, ['p1']],
  [['setRemote', 'B', ['p2', 'p3'], 0], { online: ['p2', 'p3'], offline: [] }, ['p1', 'p2', 'p3']],
  // p1 also has a phone on node C: still one person
  [['setRemote', 'C', ['p1'], 0], { online: [], offline: [] }, ['p1', 'p2', 'p3']],
  // B renews without p3
  [['setRemote', 'B', ['p2'], 1000], { online: [], offline: ['p3'] }, ['p1', 'p2']],
  // the laptop on this node closes: the phone on C keeps p1 online
  [['removeLocal', 'p1', 's1'], { online: [], offline: [] }, ['p1', 'p2']],
  [['removeLocal', 'p1', 's1'], { online: [], offline: [] }, ['p1', 'p2']],
  // C was last heard at 0: it lapses at 3000, B (renewed at 1000) not yet
  [['expire', 2999], { online: [], offline: [] }, ['p1', 'p2']],
  [['expire', 3000], { online: [], offline: ['p1'] }, ['p2']],
  // this node's link was down: B's roster is kept, whatever the clock says
  [['extend', 5000], { online: [], offline: [] }, ['p2']],
  [['expire', 7999], { online: [], offline: [] }, ['p2']],
  [['expire', 8000], { online: [], offline: ['p2'] }, []],
  // a node that says "nobody here any more" is dropped at once
  [['setRemote', 'D', ['p4'], 9000], { online: ['p4'], offline: [] }, ['p4']],
  [['setRemote', 'D', [], 9100], { online: [], offline: ['p4'] }, []],
];

describe('ClusterRoster', () => {
  it('counts each person once across this node and the others, and lets a silent node lapse', () => {
    const r = new ClusterRoster(3000);
    for (const [step, changes, after] of steps) {
      const [op] = step;
      let got: OnlineChanges = { online: [], offline: [] };
      switch (op) {
        case 'addLocal':
        case 'removeLocal':
          got = r[op](step[1], step[2]);
          break;
        case 'setRemote':
          got = r.setRemote(step[1], step[2], step[3]);
          break;
        case 'expire':
          got = r.expire(step[1]);
          break;
        case 'extend':
          r.extend(step[1]);
          break;
        default:
          return ((s: never) => s)(op);
      }
      expect(got, JSON.stringify(step)).toEqual(changes);
      expect(r.online().sort(), JSON.stringify(step)).toEqual(after);
      expect(JSON.parse(r.onlineJson()), JSON.stringify(step)).toEqual(r.online());
    }
    expect(r.knows('B')).toBe(false);
    expect(r.localSize).toBe(0);
  });

  it('keeps online() as JSON, in its order, whenever it is asked for', () => {
    const r = new ClusterRoster();
    expect(r.onlineJson()).toBe('[]');
    r.addLocal('a', 's1');
    r.addLocal('b "quoted"', 's2');
    expect(JSON.parse(r.onlineJson())).toEqual(['a', 'b "quoted"']);
    r.removeLocal('a', 's1');
    r.addLocal('c', 's3');
    r.setRemote('B', ['d'], 0);
    expect(JSON.parse(r.onlineJson())).toEqual(['b "quoted"', 'c', 'd']);
    r.addLocal('e', 's4');
    expect(JSON.parse(r.onlineJson())).toEqual(r.online());
  });

  it('reports only this node’s people to the others', () => {
    const r = new ClusterRoster();
    r.addLocal('a', 's1');
    r.setRemote('B', ['b'], 0);
    expect(r.localOnline()).toEqual(['a']);
    expect(r.knows('B')).toBe(true);
  });
});

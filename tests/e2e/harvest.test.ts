// The harvest in a real browser: a workshop seeded through the API (two delegates write notes
// at two tables), then the facilitator opens the harvest, groups notes by drag and drop, the
// keyboard and the "Add to cluster…" menu, runs a dot vote that two delegates cast in their own
// browser contexts, reveals and closes it, drafts a goal from the winning cluster, and both
// delegates see the goal appear and change live; a stale edit shows the conflict dialog.
// Screenshots land in test-output/e2e/ (gitignored).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { type RunningServer } from '../helpers/server';
import { connect, createWorkshop, join, type Bot } from '../helpers/bots';
import { OFFLINE_ERRORS, newPersonPage, shot, watchPage, startE2e, stopE2e } from '../helpers/browser';

let srv: RunningServer;
let browser: Browser;
const problems: string[] = [];
const bots: Bot[] = [];
const WATCH = { problems, ignoreConsole: OFFLINE_ERRORS };
const watch = (page: Page, name: string) => watchPage(page, name, WATCH);
const newPage = (name: string, context?: BrowserContextOptions) => newPersonPage(browser, { ...WATCH, name, context });

beforeAll(async () => {
  ({ srv: srv, browser: browser } = await startE2e());
});

afterAll(async () => {
  for (const b of bots) b.close();
  await stopE2e(srv, browser);
});

const NOTES: { t1: [string, string, string]; t2: [string, string, string] } = {
  t1: [
    'Strengthen civil service training academies',
    'Regional training programmes for civil servants',
    'E-government services for citizens',
  ],
  t2: [
    'Civil service training exchange across ASEAN',
    'Digital government and online public services',
    'Gender balance in senior civil service posts',
  ],
};

describe('The harvest in the browser', () => {
  it('groups notes, votes with dots and drafts a goal together', async () => {
    // ------------------------------------------------------------ seed through the API
    const ws = await createWorkshop(srv.url, {
      themes: [
        { id: 'people', name: 'Engaging and benefiting the people' },
        { id: 'gov', name: 'Effective governance' },
      ],
      tables: [
        { id: 't1', name: 'Table 1', themeId: 'gov', question: 'What capacities matter?', capacity: 12 },
        { id: 't2', name: 'Table 2', themeId: 'people', question: 'What serves citizens?', capacity: 12 },
      ],
    });
    const somchaiJ = await join(srv.url, ws.joinCode, 'Somchai', 'th');
    const mariaJ = await join(srv.url, ws.joinCode, 'Maria Cruz', 'ph');
    const facBot = await connect(srv.url, { token: ws.facilitatorKey, participantId: ws.participantId });
    const somchaiBot = await connect(srv.url, somchaiJ);
    const mariaBot = await connect(srv.url, mariaJ);
    bots.push(facBot, somchaiBot, mariaBot);
    expect((await somchaiBot.send({ type: 'seat:assign', participantId: somchaiJ.participantId, tableId: 't1' })).ok).toBe(true);
    expect((await mariaBot.send({ type: 'seat:assign', participantId: mariaJ.participantId, tableId: 't2' })).ok).toBe(true);
    let i = 0;
    for (const [bot, tableId, texts] of [
      [somchaiBot, 't1', NOTES.t1],
      [mariaBot, 't2', NOTES.t2],
    ] as const) {
      for (const text of texts) {
        const ack = await bot.send({ type: 'note:create', noteId: `n${++i}`, tableId, text, color: 'yellow', x: 10, y: 10 * i });
        expect(ack.ok).toBe(true);
      }
    }
    expect((await facBot.send({ type: 'workshop:set-phase', phase: 'cafe' })).ok).toBe(true);

    // ------------------------------------------------------------ browsers resume by personal link
    // Tall enough that the drag below does not come near the edge (where dnd-kit scrolls).
    const fac = await newPage('facilitator', { viewport: { width: 1280, height: 1400 } });
    const somchai = await newPage('somchai');
    const maria = await newPage('maria');
    await fac.goto(`${srv.url}/w/${ws.workshopId}#k=${ws.facilitatorKey}`);
    await somchai.goto(`${srv.url}/w/${ws.workshopId}#k=${somchaiJ.token}`);
    await maria.goto(`${srv.url}/w/${ws.workshopId}#k=${mariaJ.token}`);
    await fac.getByRole('heading', { level: 1, name: 'Facilitator console' }).waitFor();
    await somchai.getByRole('heading', { level: 1, name: 'Table 1' }).waitFor();

    // ------------------------------------------------------------ the facilitator opens the harvest
    await fac.getByRole('button', { name: 'Close tables and harvest' }).click();
    for (const p of [fac, somchai, maria]) await p.getByRole('heading', { level: 1, name: 'Harvest' }).waitFor();
    // Everyone sees every table's notes now.
    await expect.poll(() => somchai.getByTestId('hv-note').count()).toBe(6);
    await expect.poll(() => fac.getByTestId('hv-note').count()).toBe(6);
    // Delegates may not group while the setting is "hosts".
    expect(await somchai.getByRole('button', { name: /^Drag note/ }).count()).toBe(0);

    const card = (p: Page, text: string) => p.getByTestId('hv-note').filter({ hasText: text });
    const cluster = (p: Page, name: string) =>
      p.getByTestId('hv-cluster').filter({ has: p.getByRole('heading', { name: new RegExp(name) }) });

    // Pointer drag: a note onto another note starts a cluster of the two.
    const handle = card(fac, NOTES.t1[0]).getByRole('button', { name: /^Drag note/ });
    const target = card(fac, NOTES.t2[0]);
    const hb = (await handle.boundingBox())!;
    const tb = (await target.boundingBox())!;
    await fac.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
    await fac.mouse.down();
    await fac.mouse.move(hb.x + 40, hb.y + 40, { steps: 4 });
    await fac.mouse.move(tb.x + tb.width / 2, tb.y + tb.height / 2, { steps: 12 });
    await fac.mouse.up();
    await cluster(fac, 'Cluster 1').waitFor();
    await expect.poll(() => cluster(fac, 'Cluster 1').getByTestId('hv-note').count()).toBe(2);
    // Delegates see it live.
    await cluster(somchai, 'Cluster 1').waitFor();

    // Rename it.
    // the cluster's one primary action is its draft; Rename waits in its menu (issue 16)
    await cluster(fac, 'Cluster 1').getByRole('button', { name: 'More actions for “Cluster 1”' }).click();
    await fac.getByRole('menuitem', { name: 'Rename' }).click();
    await fac.getByLabel('Cluster name').fill('Civil service training');
    await fac.getByLabel('Cluster name').press('Enter');
    await cluster(maria, 'Civil service training').waitFor();

    // Keyboard: pick up the handle with Space, arrow to a target, drop with Space.
    const kHandle = card(fac, NOTES.t1[1]).getByRole('button', { name: /^Drag note/ });
    await kHandle.focus();
    const live = () => fac.locator('[id^="DndLiveRegion"]').first().textContent();
    await fac.keyboard.press('Space');
    await expect.poll(live).toMatch(/^Picked up|is over the unclustered notes/);
    // dnd-kit measures the drop targets just after the pick-up (a person is never this fast)
    await fac.waitForTimeout(300);
    await fac.keyboard.press('ArrowRight');
    await expect.poll(live).toMatch(/is over the (cluster|note)/);
    await fac.keyboard.press('Space');
    await expect.poll(() => cluster(fac, 'Civil service training').getByTestId('hv-note').count(), { timeout: 5_000 }).toBe(3);
    // The drop was announced for screen readers.
    expect(await live()).toMatch(/dropped on the (cluster|note)/);

    // The menu path: "Add to cluster…" → New cluster, then into it.
    await card(fac, NOTES.t1[2])
      .getByRole('button', { name: /^Add to cluster:/ })
      .click();
    await fac.getByRole('button', { name: 'New cluster' }).click();
    await cluster(fac, 'Cluster 2').waitFor();
    await card(fac, NOTES.t2[1])
      .getByRole('button', { name: /^Add to cluster:/ })
      .click();
    await fac.getByRole('button', { name: 'Cluster 2', exact: true }).click();
    await expect.poll(() => cluster(fac, 'Cluster 2').getByTestId('hv-note').count()).toBe(2);
    // the cluster's one primary action is its draft; Rename waits in its menu (issue 16)
    await cluster(fac, 'Cluster 2').getByRole('button', { name: 'More actions for “Cluster 2”' }).click();
    await fac.getByRole('menuitem', { name: 'Rename' }).click();
    await fac.getByLabel('Cluster name').fill('Digital government');
    await fac.getByLabel('Cluster name').press('Enter');
    await cluster(somchai, 'Digital government').waitFor();

    // Filters: Table 2 only.
    await fac.getByLabel('Table', { exact: true }).selectOption({ label: 'Table 2' });
    await fac.getByText('Showing 3 of 6 notes.').waitFor();
    await fac.getByRole('button', { name: 'Clear the filters' }).click();

    // Suggestions run in the browser.
    await fac.getByRole('button', { name: 'Suggest clusters' }).click();
    await fac.getByTestId('hv-suggestions').waitFor();
    await shot(fac, 'harvest-board.png');
    await fac.getByRole('button', { name: 'Close suggestions' }).click();

    // The facilitator lets everyone group; delegates get the handles.
    await fac.getByLabel('Everyone (except observers)').check();
    await somchai
      .getByRole('button', { name: /^Drag note/ })
      .first()
      .waitFor();
    await shot(somchai, 'harvest-board-delegate.png');

    // Spotlight a cluster: everyone sees it.
    const more = cluster(fac, 'Civil service training').getByRole('button', { name: 'More actions for “Civil service training”' });
    await more.focus();
    await fac.keyboard.press('ArrowDown'); // the menu button pattern: opens on ↓, focus on the first item
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('true');
    await fac.keyboard.press('ArrowDown');
    expect(await fac.evaluate(() => document.activeElement?.textContent)).toContain('Spotlight');
    await fac.keyboard.press('Escape'); // closes, focus back on the button
    await expect.poll(() => more.evaluate((el) => el === document.activeElement)).toBe(true);
    await more.click();
    await fac.getByRole('menuitemcheckbox', { name: 'Spotlight' }).click();
    await maria.getByTestId('spotlight').getByText('Civil service training', { exact: true }).waitFor();
    await shot(maria, 'harvest-spotlight.png', false);
    // …and so does the room's projector (the facilitator's session on the same device).
    const projector = watch(await fac.context().newPage(), 'projector');
    await projector.goto(`${srv.url}/w/${ws.workshopId}/projector`);
    await projector.getByTestId('spotlight').getByText('Civil service training', { exact: true }).waitFor();
    await shot(projector, 'harvest-projector-spotlight.png', false);
    await fac.getByTestId('spotlight').getByRole('button', { name: 'Release the spotlight' }).click();
    await maria.getByTestId('spotlight').waitFor({ state: 'detached' });
    await projector.getByTestId('spotlight').waitFor({ state: 'detached' });
    await projector.close();

    // ------------------------------------------------------------ dot vote
    await fac.getByRole('tab', { name: 'Vote' }).click();
    await fac.getByLabel('Dots each').fill('5');
    await fac.getByLabel('Most dots on one item').fill('3');
    await fac.getByRole('button', { name: 'Open the vote' }).click();
    // Delegates are taken to the ballot.
    for (const p of [somchai, maria]) await p.getByTestId('dots-left').getByText('5 of 5 dots left').waitFor();
    const add = (p: Page, name: string) => p.getByRole('button', { name: `Add a dot to “${name}”` });
    for (let k = 0; k < 3; k++) await add(somchai, 'Civil service training').click();
    await add(somchai, 'Digital government').click();
    await somchai.getByTestId('dots-left').getByText('1 of 5 dots left').waitFor();
    // At most 3 on one item.
    expect(await add(somchai, 'Civil service training').isDisabled()).toBe(true);
    await add(maria, 'Civil service training').click();
    await add(maria, 'Digital government').click();
    await add(maria, 'Digital government').click();
    await maria.getByRole('button', { name: 'Take a dot from “Digital government”' }).click();
    await maria.getByTestId('dots-left').getByText('3 of 5 dots left').waitFor();
    // Results are hidden from delegates; the facilitator sees live totals.
    expect(await somchai.getByTestId('results').count()).toBe(0);
    const totals = fac.getByTestId('live-totals');
    await totals.getByText('4 dots').waitFor();
    await totals.getByText('2 dots').waitFor();
    await shot(somchai, 'vote-ballot.png');
    await fac.getByRole('button', { name: 'Reveal the results' }).click();
    for (const p of [somchai, maria]) await p.getByTestId('results').getByText('4 dots').waitFor();
    const first = somchai.getByTestId('results').locator('li').first();
    expect(await first.textContent()).toContain('Civil service training');
    await somchai.getByRole('button', { name: 'Show dots by delegation' }).click();
    const row = somchai.getByRole('row', { name: /Civil service training/ });
    expect((await row.textContent())!.replace(/\s+/g, '')).toContain('Civilservicetraining134'); // PH 1, TH 3, total 4;
    await fac.getByRole('button', { name: 'Close the vote' }).click();
    await maria.getByTestId('vote').and(maria.locator('[data-vote-status="closed"]')).waitFor();
    await shot(somchai, 'vote-results.png');

    // ------------------------------------------------------------ a goal from the winning cluster
    await fac.getByRole('tab', { name: 'Notes and clusters' }).click();
    await cluster(fac, 'Civil service training').getByRole('button', { name: 'Draft a goal from “Civil service training”' }).click();
    const editor = fac.getByTestId('goal-editor');
    await editor.waitFor();
    expect(await fac.getByTestId('goal-title').inputValue()).toBe('Civil service training');
    // The rationale is pre-filled with the notes; sources show their tables and delegations.
    expect(await fac.getByTestId('goal-rationale').inputValue()).toContain(NOTES.t2[0]);
    await editor.locator('.hv-sources').getByText('Table 2').first().waitFor();
    await editor.locator('.hv-sources').getByText('PH').first().waitFor();

    // Delegates see it appear.
    for (const p of [somchai, maria]) {
      await p.getByRole('tab', { name: /Goals \(1\)/ }).click();
      await p.getByTestId('goal-title').waitFor();
      expect(await p.getByTestId('goal-title').inputValue()).toBe('Civil service training');
    }

    // The facilitator edits the title; delegates see it live.
    const NEW_TITLE = 'Strengthen civil service capacity through regional training';
    await fac.getByTestId('goal-title').fill(NEW_TITLE);
    await fac.getByTestId('goal-title').press('Enter');
    for (const p of [somchai, maria]) await expect.poll(() => p.getByTestId('goal-title').inputValue()).toBe(NEW_TITLE);

    // Presence: Somchai focuses the rationale; the others see who edits it.
    await somchai.getByTestId('goal-rationale').focus();
    // a left-to-right name goes into the sentence as typed (a right-to-left one would be isolated,
    // FSI…PDI, by the one interpolation rule: client/src/i18n/interpolation.ts and its test)
    await fac.getByTestId('editing-badge').getByText('Somchai (TH) editing').waitFor();
    await somchai.getByTestId('goal-rationale').blur();
    await fac.getByTestId('editing-badge').waitFor({ state: 'detached' });

    // An objective and an action with leads and years.
    await maria.getByPlaceholder('New objective').fill('Every AMS runs a joint training module by 2028');
    await maria.getByRole('button', { name: 'Add' }).first().click();
    await expect.poll(() => fac.getByLabel('Objectives, item 1').inputValue()).toBe('Every AMS runs a joint training module by 2028');
    await fac.getByPlaceholder('New action').fill('Set up a regional civil service academy network');
    await fac.locator('.hv-actions').getByRole('button', { name: 'Add' }).click();
    await fac.locator('.hv-actions summary').click();
    await fac.locator('.hv-actions').getByLabel('TH – Thailand').check();
    await somchai.locator('.hv-actions summary', { hasText: 'TH' }).waitFor();

    // ------------------------------------------------------------ a stale edit: both texts side by side
    const goalId = (await fac.getByTestId('goal-editor').getAttribute('data-goal-id'))!;
    await somchai.getByTestId('goal-title').fill('Somchai’s title: regional civil service academies');
    // Meanwhile someone saves another title (a bot on Maria's key).
    await mariaBot.until((b) => b.state.goals[goalId]?.title === NEW_TITLE);
    const v = mariaBot.state.goals[goalId]!.versions.title;
    expect(
      (await mariaBot.send({ type: 'goal:set', goalId, field: 'title', value: 'Maria’s title: ASEAN training exchange', baseVersion: v }))
        .ok,
    ).toBe(true);
    await expect.poll(() => fac.getByTestId('goal-title').inputValue()).toBe('Maria’s title: ASEAN training exchange');
    await somchai.getByTestId('goal-title').press('Enter');
    const conflict = somchai.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.getByTestId('conflict-theirs').textContent()).toBe('Maria’s title: ASEAN training exchange');
    expect(await conflict.getByTestId('conflict-mine').textContent()).toBe('Somchai’s title: regional civil service academies');
    await shot(somchai, 'goal-conflict.png');
    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(() => fac.getByTestId('goal-title').inputValue()).toBe('Somchai’s title: regional civil service academies');

    // The same through the server: an edit queued offline meets a newer version when it is sent.
    const ctx = somchai.context();
    await ctx.setOffline(true);
    await somchai.getByTestId('connection-badge').getByText('Offline').waitFor();
    await somchai.getByTestId('goal-rationale').fill('Written offline by Somchai');
    await somchai.getByTestId('goal-rationale').press('Control+Enter');
    await mariaBot.until((b) => b.state.goals[goalId]!.versions.rationale >= 1);
    const rv = mariaBot.state.goals[goalId]!.versions.rationale;
    expect(
      (await mariaBot.send({ type: 'goal:set', goalId, field: 'rationale', value: 'Rationale agreed with Maria', baseVersion: rv })).ok,
    ).toBe(true);
    await ctx.setOffline(false);
    const conflict2 = somchai.getByTestId('conflict');
    await conflict2.waitFor({ timeout: 15_000 });
    expect(await conflict2.getByTestId('conflict-theirs').textContent()).toBe('Rationale agreed with Maria');
    expect(await conflict2.getByTestId('conflict-mine').textContent()).toBe('Written offline by Somchai');
    await conflict2.getByLabel('Merged text').fill('Rationale agreed with Maria, written offline by Somchai');
    await conflict2.getByRole('button', { name: 'Save the merged text' }).click();
    await expect.poll(() => fac.getByTestId('goal-rationale').inputValue()).toBe('Rationale agreed with Maria, written offline by Somchai');

    // The facilitator marks it agreed.
    await fac.getByRole('button', { name: 'Mark agreed' }).click();
    await maria.getByTestId('goal-status').getByText('Agreed').waitFor();
    await shot(fac, 'goal-editor.png');

    // Phone layout and Thai.
    await maria.setViewportSize({ width: 390, height: 844 });
    await shot(maria, 'goal-phone.png');
    await maria.getByRole('tab', { name: 'Notes and clusters' }).click();
    await maria
      .locator('.app-header')
      .getByRole('combobox', { name: /Language/ })
      .selectOption('th');
    await maria.getByRole('heading', { level: 1, name: 'สรุปผล' }).waitFor();
    await shot(maria, 'harvest-phone-thai.png');

    expect(problems).toEqual([]);
  });
  it('suggests Khmer and Vietnamese notes with their English counterparts, and a straggler for an existing cluster', async () => {
    const ws = await createWorkshop(srv.url, {
      tables: [{ id: 't1', name: 'Table 1', themeId: null, question: 'What should ASEAN do together?', capacity: 12 }],
      delegations: [
        { id: 'kh', name: 'Cambodia', code: 'KH' },
        { id: 'vn', name: 'Viet Nam', code: 'VN' },
        { id: 'ph', name: 'Philippines', code: 'PH' },
      ],
    });
    const facBot = await connect(srv.url, { token: ws.facilitatorKey, participantId: ws.participantId });
    const people = await Promise.all(
      (
        [
          ['Sokha', 'kh'],
          ['Lan', 'vn'],
          ['Maria', 'ph'],
        ] as const
      ).map(async ([name, delegation]) => {
        const joined = await join(srv.url, ws.joinCode, name, delegation);
        const bot = await connect(srv.url, joined);
        bots.push(bot);
        expect((await bot.send({ type: 'seat:assign', participantId: joined.participantId, tableId: 't1' })).ok).toBe(true);
        return bot;
      }),
    );
    bots.push(facBot);
    const [sokha, lan, maria] = people as [Bot, Bot, Bot];
    const TEXT = {
      enDisaster: 'Joint disaster response drills between ASEAN countries',
      kmDisaster: 'ការត្រៀមបង្ការគ្រោះមហន្តរាយ និងទឹកជំនន់',
      viDisaster: 'Diễn tập phòng chống thiên tai chung trong ASEAN',
      enTraining: 'Online training courses for civil servants',
      kmTraining: 'វគ្គបណ្តុះបណ្តាលសម្រាប់មន្ត្រីរាជការ',
      viTraining: 'Đào tạo trực tuyến cho cán bộ công chức',
      junk: 'Wifi password please',
    };
    const author: Record<keyof typeof TEXT, Bot> = {
      enDisaster: maria,
      kmDisaster: sokha,
      viDisaster: lan,
      enTraining: maria,
      kmTraining: sokha,
      viTraining: lan,
      junk: maria,
    };
    let y = 0;
    for (const key of Object.keys(TEXT) as Array<keyof typeof TEXT>) {
      const ack = await author[key].send({
        type: 'note:create',
        noteId: `ml-${key}`,
        tableId: 't1',
        text: TEXT[key],
        color: 'yellow',
        x: 10,
        y: (y += 10),
      });
      expect(ack.ok).toBe(true);
    }
    expect((await facBot.send({ type: 'workshop:set-phase', phase: 'cafe' })).ok).toBe(true);

    const fac = await newPage('facilitator-ml', { viewport: { width: 1280, height: 1200 } });
    await fac.goto(`${srv.url}/w/${ws.workshopId}#k=${ws.facilitatorKey}`);
    await fac.getByRole('button', { name: 'Close tables and harvest' }).click();
    await fac.getByRole('heading', { level: 1, name: 'Harvest' }).waitFor();
    await expect.poll(() => fac.getByTestId('hv-note').count()).toBe(7);
    // The room already has a training cluster with the English note only.
    expect(
      (await facBot.send({ type: 'cluster:create', clusterId: 'c-training', name: 'Civil service training', noteIds: ['ml-enTraining'] }))
        .ok,
    ).toBe(true);
    const cluster = (name: string) => fac.getByTestId('hv-cluster').filter({ has: fac.getByRole('heading', { name }) });
    await cluster('Civil service training').waitFor();

    await fac.getByRole('button', { name: 'Suggest clusters' }).click();
    const panel = fac.getByTestId('hv-suggestions');
    await panel.getByRole('heading', { name: 'Suggestion 1 of 2' }).waitFor();
    // Labels follow the UI language.
    await fac
      .locator('.app-header')
      .getByRole('combobox', { name: /Language/ })
      .selectOption('th');
    await panel.getByText(/^(การรับมือภัยพิบัติ|การฝึกอบรม)$/).waitFor();
    await fac
      .locator('.app-header')
      .getByRole('combobox', { name: /Language/ })
      .selectOption('en');
    await panel.getByText(/^(Disaster resilience|Training)$/).waitFor();
    // Both suggestions, whatever their order: a new disaster group, and the Khmer and Vietnamese
    // training notes for the existing cluster. The junk note is in neither.
    const seen: string[] = [];
    for (let k = 0; k < 2; k++) {
      const notes = await panel.locator('.hv-suggest-notes li').allInnerTexts();
      expect(notes.join('\n')).not.toContain(TEXT.junk);
      if (await panel.getByText('Add these notes to the cluster “Civil service training”.').isVisible()) {
        expect(notes).toHaveLength(2);
        for (const t of [TEXT.kmTraining, TEXT.viTraining]) expect(notes.some((n) => n.includes(t))).toBe(true);
        await shot(fac, 'harvest-suggest-add-to-cluster.png');
        await panel.getByRole('button', { name: 'Add to the cluster' }).click();
        seen.push('add');
      } else {
        await panel.getByText('Disaster resilience', { exact: true }).waitFor();
        expect(notes).toHaveLength(3);
        for (const t of [TEXT.enDisaster, TEXT.kmDisaster, TEXT.viDisaster]) expect(notes.some((n) => n.includes(t))).toBe(true);
        await shot(fac, 'harvest-suggest-multilingual.png');
        await panel.getByRole('button', { name: 'Accept as a new cluster' }).click();
        seen.push('new');
      }
      // the accepted suggestion leaves the list (allInnerTexts does not wait for an element)
      await expect
        .poll(async () => (await panel.locator('.hv-suggest-notes li').allInnerTexts())[0] ?? '', { timeout: 5_000 })
        .not.toBe(notes[0]);
    }
    expect(seen.sort()).toEqual(['add', 'new']);
    await panel.getByRole('heading', { name: 'No more suggestions' }).waitFor();
    await expect.poll(() => cluster('Disaster resilience').getByTestId('hv-note').count()).toBe(3);
    await expect.poll(() => cluster('Civil service training').getByTestId('hv-note').count()).toBe(3);
    expect(problems).toEqual([]);
  });
});

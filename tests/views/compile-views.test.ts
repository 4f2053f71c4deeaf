/**
 * The client questionnaire (klienternas synpunkter) through plan, after,
 * compile and tabulate, on a hand-computed cohort of the small plan (the
 * national template plus its own yes/no item `vantetid`, without don't know).
 */
import { describe, expect, it } from 'vitest';
import {
  after,
  compile,
  mergeCompilations,
  NATIONAL_VIEW_ITEMS,
  safeAfter,
  tabulate,
  UppfoljningError,
  validateCompilation,
  validatePlan,
  viewItems,
  type ClientRecord,
} from '../../src/index.js';
import { makeRecord, smallPlan, smallPlanInput } from '../helpers/fixtures.js';

const T = 'tilltro-nykterhet';
const goal = [{ statement: 'Arbeta' }];

/**
 * R1 kvinna 25 a: 2 → 4, goal met: level 1 (positive_goal_met); respekt 4, rekommendera ja, vantetid nej.
 * R2 man 40 b: 3 → 3, goal met: level 3 (no_change); respekt 2, rekommendera vet inte (0).
 * R3 kvinna 25 a: closed without an after measure: unclassified; answered nothing.
 * R4 man 40 b: withdrawn during the intervention: not asked, not counted.
 * R5 kvinna 25 a: ongoing: not asked, not counted.
 */
function cohort(): ClientRecord[] {
  return [
    makeRecord({ id: 'r1', before: { goals: goal, measures: { [T]: 2 } }, after: { measures: { [T]: 4 }, goalsMet: [true], views: { respekt: 4, rekommendera: true, vantetid: false } } }),
    makeRecord({ id: 'r2', gender: 'man', age: 40, intervention: 'b', before: { goals: goal, measures: { [T]: 3 } }, after: { measures: { [T]: 3 }, goalsMet: [true], views: { respekt: 2, rekommendera: 0 } } }),
    makeRecord({ id: 'r3', before: { measures: { [T]: 3 } }, after: {} }),
    makeRecord({ id: 'r4', gender: 'man', age: 40, intervention: 'b', before: { measures: { [T]: 2 } }, withdraw: { date: '2024-02-01', reason: 'breakdown' } }),
    makeRecord({ id: 'r5', before: { measures: { [T]: 4 } } }),
  ];
}

const zero = { positive_goal_met: 0, positive_goal_not_met: 0, no_change: 0, negative_change: 0, unclassified: 0 };

describe('client views: plan', () => {
  it('the national template has six items in Socialstyrelsen-style Swedish, with English labels', () => {
    expect(viewItems(smallPlan).map((i) => i.id)).toEqual(['respekt', 'lyssnad', 'information', 'inflytande', 'nojd', 'rekommendera', 'vantetid']);
    expect(NATIONAL_VIEW_ITEMS[4]!.label).toEqual({ sv: 'Sammantaget är jag nöjd med den hjälp jag har fått', en: 'Overall, I am satisfied with the help I have received' });
    const respekt = NATIONAL_VIEW_ITEMS[0]!;
    expect(respekt.kind === 'ordinal' && respekt.options.map((o) => o.label.sv)).toEqual(['Instämmer helt', 'Instämmer till stor del', 'Instämmer till viss del', 'Instämmer inte alls']);
    expect(respekt.dontKnow?.label.sv).toBe('Vet inte');
  });

  it('a plan without clientViews stays valid and has no items', () => {
    const { clientViews: _, ...rest } = smallPlanInput;
    const result = validatePlan(rest);
    expect(result.success && viewItems(result.data)).toEqual([]);
  });

  it('names the path and the rule of every mistake in clientViews', () => {
    const result = validatePlan({
      ...smallPlanInput,
      clientViews: {
        template: 'national',
        items: [
          { id: 'respekt', label: { sv: 'Igen', en: 'Again' }, kind: 'yes_no' },
          {
            id: 'egen', label: { sv: 'Egen', en: 'Own' }, kind: 'ordinal', positive: 2,
            options: [{ value: 1, label: { sv: 'Ja', en: 'Yes' } }, { value: 1, label: { sv: 'Nej', en: 'No' } }],
            dontKnow: { value: 1, label: { sv: 'Vet inte', en: "Don't know" } },
          },
        ],
        at: ['after', '6-man', 'after'],
      },
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map((i) => [i.path.join('.'), i.rule])).toEqual([
      ['clientViews.items.0.id', 'duplicate'],
      ['clientViews.items.1.options.1.value', 'duplicate'],
      ['clientViews.items.1.positive', 'max'],
      ['clientViews.items.1.dontKnow.value', 'duplicate'],
      ['clientViews.at.1', 'unknown_code'],
      ['clientViews.at.2', 'duplicate'],
    ]);
  });

  it('refuses a questionnaire with no items', () => {
    const result = validatePlan({ ...smallPlanInput, clientViews: {} });
    expect(!result.success && result.issues.map((i) => [i.path.join('.'), i.rule])).toEqual([['clientViews.items', 'min']]);
  });
});

describe('client views: after', () => {
  const started = makeRecord({ before: { measures: { [T]: 2 } } });

  it('stores the answers as given', () => {
    const closed = after(smallPlan, started, { date: '2024-06-03', reason: 'completed', views: { nojd: 3, vantetid: true } });
    expect(closed.after?.views).toEqual({ nojd: 3, vantetid: true });
  });

  it('a view on an item the plan lacks is a clear error naming the known items, and nothing is applied', () => {
    const input = { date: '2024-06-03', reason: 'completed' as const, views: { nojd: 3, bemotande: 4 } };
    const result = safeAfter(smallPlan, started, input);
    expect(!result.success && result.issues.map((i) => [i.path.join('.'), i.rule, i.params])).toEqual([
      ['views.bemotande', 'unknown_code', { value: 'bemotande', field: 'view item', known: viewItems(smallPlan).map((i) => i.id) }],
    ]);
    expect(started.after).toBeUndefined();
    try {
      after(smallPlan, started, input);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UppfoljningError);
      const error = e as UppfoljningError;
      expect(error.format('en')).toContain('views.bemotande');
      expect(error.format('sv')).toContain('views.bemotande');
    }
  });

  it('a value off the item\'s scale names the values allowed', () => {
    const result = safeAfter(smallPlan, started, { date: '2024-06-03', reason: 'completed', views: { nojd: 5, vantetid: 0, rekommendera: 'ja' } });
    expect(!result.success && result.issues.map((i) => [i.path.join('.'), i.rule])).toEqual([['views.rekommendera', 'type']]);
    const off = safeAfter(smallPlan, started, { date: '2024-06-03', reason: 'completed', views: { nojd: 5, vantetid: 0 } });
    expect(!off.success && off.issues.map((i) => [i.path.join('.'), i.rule, i.params])).toEqual([
      ['views.nojd', 'one_of', { values: ['4', '3', '2', '1', '0'], value: '5' }],
      // vantetid has no don't-know answer: 0 is not one of its values.
      ['views.vantetid', 'one_of', { values: ['true', 'false'], value: '0' }],
    ]);
  });

  it('answers where the plan asks no questionnaire are refused', () => {
    const { clientViews: _, ...rest } = smallPlanInput;
    const result = validatePlan({ ...rest, id: 'no-views' });
    if (!result.success) throw new Error('plan');
    const plan = result.data;
    const record = makeRecord({ before: { measures: { [T]: 2 } } }, plan);
    const r = safeAfter(plan, record, { date: '2024-06-03', reason: 'completed', views: { nojd: 4 } });
    expect(!r.success && r.issues.map((i) => [i.path.join('.'), i.rule])).toEqual([['views', 'unknown_key']]);
  });
});

describe('client views: compile and tabulate (hand-computed)', () => {
  const table = tabulate(compile(smallPlan, cohort()));
  const item = (id: string) => table.total.views.find((v) => v.id === id)!;

  it('counts every closed client once per item, by answer and attainment level', () => {
    // Closed and not withdrawn: R1 (level 1), R2 (level 3), R3 (unclassified) = 3 asked.
    const respekt = item('respekt');
    expect(respekt.asked).toBe(3);
    expect(respekt.answers.map((a) => [a.value, a.count])).toEqual([[4, 1], [3, 0], [2, 1], [1, 0]]);
    expect(respekt.answers[0]!.byLevel).toEqual({ ...zero, positive_goal_met: 1 });
    expect(respekt.answers[2]!.byLevel).toEqual({ ...zero, no_change: 1 });
    expect(respekt.dontKnow?.count).toBe(0);
    expect(respekt.notAnswered).toEqual({ count: 1, byLevel: { ...zero, unclassified: 1 } });
    // Positive: "Instämmer helt" or "till stor del": R1 only, of the 2 who answered.
    expect([respekt.answered, respekt.positive.count, respekt.positive.n]).toEqual([2, 1, 2]);
  });

  it("keeps don't know apart from the answers and from not answered", () => {
    const rek = item('rekommendera');
    expect(rek.answers.map((a) => [a.value, a.count, a.positive])).toEqual([[true, 1, true], [false, 0, false]]);
    expect(rek.dontKnow).toMatchObject({ value: 0, count: 1, byLevel: { ...zero, no_change: 1 } });
    expect(rek.notAnswered.count).toBe(1);
    // 1 yes of 1 who answered yes or no.
    expect([rek.positive.count, rek.positive.n]).toEqual([1, 1]);
    const vantetid = item('vantetid');
    expect(vantetid.dontKnow).toBeNull();
    expect(vantetid.answers.map((a) => a.count)).toEqual([0, 1]);
    expect(vantetid.notAnswered.count).toBe(2);
  });

  it('breaks the counts down by group', () => {
    const rows = tabulate(compile(smallPlan, cohort()), { by: ['gender'] }).rows;
    const respekt = (i: number) => rows[i]!.views.find((v) => v.id === 'respekt')!;
    // Women: R1 (4), R3 (not answered); men: R2 (2).
    expect(respekt(0).answers.map((a) => a.count)).toEqual([1, 0, 0, 0]);
    expect(respekt(0).notAnswered.count).toBe(1);
    expect(respekt(1).answers.map((a) => a.count)).toEqual([0, 0, 1, 0]);
  });

  it('a compiled record with an answer off the scale or an unknown item is counted in invalid by rule, not in part', () => {
    const [r1] = cohort();
    const off = { ...r1!, after: { ...r1!.after!, views: { respekt: 9 } } };
    const unknown = { ...r1!, after: { ...r1!.after!, views: { okand: 1 } } };
    const notObject = { ...r1!, after: { ...r1!.after!, views: 'bra' } } as unknown as ClientRecord;
    const c = compile(smallPlan, [off, unknown, notObject]);
    expect(c.invalid).toEqual({ total: 3, byRule: { one_of: 1, unknown_code: 1, type: 1 } });
    expect(c.counts.flow.every((n) => n === 0)).toBe(true);
    expect(c.counts.views.every((n) => n === 0)).toBe(true);
  });

  it('reads answers in one pass over their keys without changing which rule is counted or what an object inherits', () => {
    const [r1] = cohort();
    const withViews = (views: unknown) => ({ ...r1!, after: { ...r1!.after!, views } }) as unknown as ClientRecord;
    // An unknown item outranks a value off the scale, whichever key comes first.
    const c = compile(smallPlan, [withViews({ respekt: 9, okand: 1 }), withViews({ okand: 1, respekt: 9 })]);
    expect(c.invalid).toEqual({ total: 2, byRule: { unknown_code: 2 } });
    // An answer given as undefined is not answered; an inherited answer is read as before (by name).
    const plain = tabulate(compile(smallPlan, [withViews({ respekt: 4, nojd: undefined })])).total.views;
    const inherited = tabulate(compile(smallPlan, [withViews(Object.create({ respekt: 4 }) as object)])).total.views;
    const respekt = (v: typeof plain) => v.find((i) => i.id === 'respekt')!.answers[0]!.count;
    const nojd = (v: typeof plain) => v.find((i) => i.id === 'nojd')!.notAnswered.count;
    expect([respekt(plain), nojd(plain), respekt(inherited), nojd(inherited)]).toEqual([1, 1, 1, 1]);
  });

  it('merge equals compiling the union, and an altered view count is refused', () => {
    const records = cohort();
    const whole = compile(smallPlan, records);
    expect(mergeCompilations([compile(smallPlan, records.slice(0, 2)), compile(smallPlan, records.slice(2))])).toEqual(whole);
    const altered = JSON.parse(JSON.stringify(whole)) as { counts: { views: number[] } };
    altered.counts.views[0]! += 1;
    const result = validateCompilation(altered);
    expect(!result.success && result.issues.map((i) => [i.path.join('.'), i.rule])).toEqual([['counts.views.0', 'count_sum']]);
  });

  it('the fingerprint changes with the questionnaire, so different questionnaires do not merge', () => {
    const other = validatePlan({ ...smallPlanInput, clientViews: { template: 'national' } });
    if (!other.success) throw new Error('plan');
    expect(compile(other.data, []).meta.fingerprint).not.toBe(compile(smallPlan, []).meta.fingerprint);
  });
});

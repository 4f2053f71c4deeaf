/**
 * The analysis' subgroup comparison (risk difference, too few groups), its
 * attrition breakdown, the wording of its findings in both languages
 * (singular and plural, subgroups named naturally, why a test was not
 * computed) and the statistics notes findings carry.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  analyse,
  compile,
  describeNotComputed,
  findingNotes,
  findingText,
  newcombeDifference,
  noteText,
  parsePlan,
  type Analysis,
  type ClientRecord,
  type Finding,
  type FindingCode,
} from '../../src/index.js';
import { closedRecord, makeRecord, smallPlan as plan, smallPlanInput } from '../helpers/fixtures.js';
import { validRecords } from '../helpers/arbitraries.js';

const T = 'tilltro-nykterhet';
type Of<C extends FindingCode> = Extract<Finding, { readonly code: C }>;
/** The findings of a code, leaving out the background and dose tests not computed (tests/analyse/background.test.ts has them). */
const find = <C extends FindingCode>(a: Analysis, code: C): Of<C>[] =>
  a.findings.filter((f): f is Of<C> => f.code === code && !(f.code === 'not_tested' && (f.params.test === 'background' || f.params.test === 'dose')));
const only = <C extends FindingCode>(a: Analysis, code: C): Of<C> => {
  const list = find(a, code);
  expect(list, code).toHaveLength(1);
  return list[0]!;
};
const texts = (a: Analysis) => a.findings.flatMap((f) => [findingText(f, 'sv'), findingText(f, 'en')]);

/** The small plan with three age bands. */
const threeBands = parsePlan({ ...smallPlanInput, id: 'three', grouping: { ageBands: [{ from: 18, to: 29 }, { from: 30, to: 44 }, { from: 45 }] } });

/** `met` of `n` clients with a goal met, in one group; change 2 → 4 (met) or 2 → 3 (not met). */
const cohortOf = (met: number, n: number, extra: Parameters<typeof closedRecord>[3]): ClientRecord[] =>
  Array.from({ length: n }, (_, i) => closedRecord(2, i < met ? 4 : 3, i < met, extra));

describe('subgroups: the risk difference of goal met, with Newcombe’s interval', () => {
  // Newcombe (1998), Stat Med 17:873–890, Table II, method 10: 56/70 − 48/80 = 0.2000 (0.0524 to 0.3339);
  // the same case tests/stats/proportion.test.ts checks newcombeDifference against.
  const records = [...cohortOf(56, 70, { gender: 'kvinna' }), ...cohortOf(48, 80, { gender: 'man' })];
  const a = analyse(compile(plan, records), { by: ['gender'] });
  const s = a.subgroups[0]!;

  it('two groups: the difference between them, with n per group and the method', () => {
    const d = s.goalMetDifference;
    if (!d.computed) throw new Error(describeNotComputed(d, 'en'));
    expect(d.method).toBe('newcombe-wilson');
    expect([d.successes1, d.n1, d.successes2, d.n2, d.n]).toEqual([56, 70, 48, 80, 150]);
    expect(d.estimate).toBeCloseTo(0.2, 12);
    expect(d.lower).toBeCloseTo(0.0524, 4);
    expect(d.upper).toBeCloseTo(0.3339, 4);
    expect(d.groups.map((g) => [g.key, g.label.en])).toEqual([
      [{ gender: 'kvinna' }, 'Woman'],
      [{ gender: 'man' }, 'Man'],
    ]);
    // The same numbers as the stats module gives for the published counts.
    const { groups: _groups, ...plain } = d;
    expect(plain).toEqual(newcombeDifference(56, 70, 48, 80));
  });

  it('the subgroup finding says it, with its interval, in both languages', () => {
    const f = only(a, 'subgroup_gap');
    expect(findingText(f, 'en')).toBe(
      'The share who reached their goal was 80% among women (n = 70) and 60% among men (n = 80), a difference of 20 percentage points (95% confidence interval from 5 to 33).',
    );
    expect(findingText(f, 'sv')).toBe(
      'Andelen som nådde målet var 80 % bland kvinnor (n = 70) och 60 % bland män (n = 80), en skillnad på 20 procentenheter (95 % konfidensintervall från 5 till 33).',
    );
    // Data only: the groups as the plan labels them, the method by its code.
    expect(f.params).toMatchObject({
      dimension: 'gender',
      highLabel: { sv: 'Kvinna', en: 'Woman' },
      highN: 70,
      lowLabel: { sv: 'Man', en: 'Man' },
      lowN: 80,
      difference: expect.closeTo(0.2, 12),
      method: 'newcombe-wilson',
    });
  });

  it('the higher share comes first whatever the plan’s order', () => {
    const swapped = analyse(compile(plan, [...cohortOf(48, 80, { gender: 'kvinna' }), ...cohortOf(56, 70, { gender: 'man' })]), { by: ['gender'] });
    const d = swapped.subgroups[0]!.goalMetDifference;
    expect(d.computed && [d.groups[0].key, d.n1, d.estimate]).toEqual([{ gender: 'man' }, 70, expect.closeTo(0.2, 12)]);
  });

  it('a group with nobody with a goal: not computed, and no gap finding', () => {
    const noGoal = makeRecord({ gender: 'man', before: { measures: { [T]: 2 } }, after: { measures: { [T]: 4 } } });
    const b = analyse(compile(plan, [...cohortOf(3, 5, { gender: 'kvinna' }), noGoal]), { by: ['gender'] });
    expect(b.subgroups[0]!.goalMetDifference).toMatchObject({ computed: false, reason: 'too_few', n: 0, params: { minimum: 1 } });
    expect(find(b, 'subgroup_gap')).toEqual([]);
  });

  it('more than two groups: between the highest and the lowest share, named as such', () => {
    const rec = (met: boolean, age: number) =>
      makeRecord({ age, before: { goals: [{ statement: 'x' }], measures: { [T]: 2 } }, after: { measures: { [T]: met ? 4 : 3 }, goalsMet: [met] } }, threeBands);
    const records = [
      ...[true, true, false, false].map((m) => rec(m, 25)), // 2 of 4
      ...[true, true, true, false].map((m) => rec(m, 35)), // 3 of 4
      ...[true, false, false, false].map((m) => rec(m, 50)), // 1 of 4
    ];
    const b = analyse(compile(threeBands, records), { by: ['ageBand'] });
    const d = b.subgroups[0]!.goalMetDifference;
    if (!d.computed) throw new Error('not computed');
    expect(d.groups.map((g) => g.key.ageBand)).toEqual(['30–44', '45+']);
    expect(d).toMatchObject({ successes1: 3, n1: 4, successes2: 1, n2: 4, estimate: 0.5 });
    expect(findingText(only(b, 'subgroup_gap'), 'en')).toMatch(
      /^The share who reached their goal was highest in the age band 30–44 years \(75%, n = 4\) and lowest in the age band 45\+ years \(25%, n = 4\), a difference of 50 percentage points \(95% confidence interval from −\d+ to \d+\)\.$/,
    );
    expect(findingText(only(b, 'subgroup_gap'), 'sv')).toMatch(/^Andelen som nådde målet var högst i åldersgruppen 30–44 år \(75 %, n = 4\) och lägst i åldersgruppen 45\+ år \(25 %, n = 4\), en skillnad på 50 procentenheter/);
  });
});

describe('subgroups: too few groups', () => {
  it('n of a "too few groups" result is the number of groups, not of people', () => {
    // Ten women, no men: one group with a goal, one with change scores.
    const a = analyse(compile(plan, cohortOf(6, 10, { gender: 'kvinna' })), { by: ['gender'] });
    const s = a.subgroups[0]!;
    expect(s.goalMetTest).toEqual({ computed: false, n: 1, reason: 'too_few', params: { n: 1, minimum: 2, what: 'groups' } });
    expect(s.changeTest).toEqual({ computed: false, n: 1, reason: 'too_few', params: { n: 1, minimum: 2, what: 'groups' } });
    // Two genders, one empty: the difference is not computed (a group is empty).
    expect(s.goalMetDifference).toMatchObject({ computed: false, reason: 'too_few' });
    const f = find(a, 'not_tested').find((x) => x.params.test === 'goal_met_by_group' && x.params.dimension === 'gender')!;
    expect(f.caution).toBe(true);
    expect(f.params).toMatchObject({ groups: 1, result: s.goalMetTest });
    expect(f.params).not.toHaveProperty('n');
    expect(findingText(f, 'en')).toBe(
      'The difference in goal attainment between the genders could not be tested: too few groups to compare: 1 group with anyone who had a goal, at least 2 needed.',
    );
    expect(findingText(f, 'sv')).toBe(
      'Skillnaden i måluppfyllelse mellan könen kunde inte prövas: för få grupper att jämföra: 1 grupp med någon som hade mål, minst 2 behövs.',
    );
  });

  it('three groups and everyone met the goal: the test is not computed and the finding says why', () => {
    const rec = (age: number) => makeRecord({ age, before: { goals: [{ statement: 'x' }], measures: { [T]: 2 } }, after: { measures: { [T]: 4 }, goalsMet: [true] } }, threeBands);
    const a = analyse(compile(threeBands, [25, 26, 35, 36, 50, 51].map(rec)), { by: ['ageBand'] });
    expect(a.subgroups[0]!.goalMetTest).toMatchObject({ computed: false, reason: 'table_shape' });
    const f = only(a, 'not_tested');
    expect(findingText(f, 'en')).toBe(
      'The difference in goal attainment between the age bands could not be tested: everyone in the groups had the same outcome (all or none reached their goal).',
    );
    expect(findingText(f, 'sv')).toBe(
      'Skillnaden i måluppfyllelse mellan åldersgrupperna kunde inte prövas: alla i grupperna hade samma utfall (alla eller ingen nådde målet).',
    );
  });
});

describe('the paired test not computed: the finding says why', () => {
  it('too few pairs with a change', () => {
    const records = [closedRecord(2, 4), closedRecord(2, 3), closedRecord(3, 2), closedRecord(3, 3), closedRecord(2, 2)];
    const a = analyse(compile(plan, records), { by: [] });
    expect(a.pairedTest).toMatchObject({ computed: false, reason: 'too_few', n: 3, params: { minimum: 6 } });
    const f = only(a, 'not_tested');
    expect(f).toMatchObject({ caution: true, params: { test: 'paired', n: 3, zeros: 2, result: { computed: false, n: 3, reason: 'too_few', params: { minimum: 6 } } } });
    expect(findingText(f, 'en')).toBe(
      'Own confidence in staying sober/drug-free in one year before and after could not be tested: too few to test: 3 pairs with a change (2 without change do not count), at least 6 needed.',
    );
    expect(findingText(f, 'sv')).toBe(
      'Egen tilltro till fortsatt drogfrihet/nykterhet om 1 år före och efter kunde inte prövas: för få för att pröva: 3 par med förändring (2 utan förändring räknas inte), minst 6 behövs.',
    );
    expect(find(a, 'paired_test')).toEqual([]);
  });

  it('one pair: singular', () => {
    const a = analyse(compile(plan, [closedRecord(2, 4)]), { by: [] });
    expect(findingText(only(a, 'not_tested'), 'en')).toMatch(/too few to test: 1 pair with a change, at least 6 needed\.$/);
  });
});

describe('statistics notes: findings with a test carry them, in words', () => {
  const records = [2, 3, 2, 1, 3, 2, 2, 1, 3].map((b, i) => closedRecord(b, i < 2 ? b : Math.min(5, b + 1 + (i % 3)), i % 2 === 0, { gender: i % 2 ? 'man' : 'kvinna' }));
  const a = analyse(compile(plan, records), { by: ['gender'] });

  it('the paired test: its notes (zero differences, ties, exact distribution)', () => {
    const f = only(a, 'paired_test');
    if (!a.pairedTest.computed) throw new Error('not computed');
    expect(f.notes).toEqual(a.pairedTest.notes);
    expect(findingNotes(f, 'en')).toEqual(a.pairedTest.notes.map((n) => noteText(n, 'en')));
    expect(findingNotes(f, 'en')).toContain("2 zero differences were dropped before ranking (Wilcoxon's method)");
    expect(findingNotes(f, 'sv')).toContain('2 nollskillnader togs bort före rangordningen (Wilcoxons metod)');
  });

  it('the subgroup test: its notes; findings without a test have none', () => {
    const f = only(a, 'subgroup_test');
    const t = a.subgroups[0]!.goalMetTest;
    if (!t.computed) throw new Error('not computed');
    expect(findingNotes(f, 'en')).toEqual(t.notes.map((n) => noteText(n, 'en')));
    expect(findingNotes(f, 'en')).toContain('the p-value comes from the exact distribution');
    expect(findingNotes(only(a, 'followed'))).toEqual([]);
  });

  it('Holm: said in the sentence when several subgroup tests are adjusted, with the raw p-value kept', () => {
    const b = analyse(compile(plan, records), { by: ['gender', 'intervention'] });
    for (const f of find(b, 'subgroup_test')) {
      if (b.multipleComparisons === null) continue;
      expect(findingText(f, 'en')).toMatch(new RegExp(`after adjustment for ${b.multipleComparisons.tests} comparisons by Holm's method`));
      expect(findingText(f, 'sv')).toMatch(/efter justering för \d+ jämförelser med Holms metod/);
      expect(Number(f.params.pValue)).toBeGreaterThanOrEqual(Number(f.params.unadjustedPValue));
    }
  });
});

describe('not started: still waiting vs withdrawn before the start', () => {
  const records = [
    closedRecord(2, 4),
    makeRecord({ gender: 'man' }), // waiting
    makeRecord({ withdraw: { date: '2024-01-10', reason: 'declined' } }),
    makeRecord({ withdraw: { date: '2024-01-10', reason: 'moved' } }),
  ];
  const a = analyse(compile(plan, records));

  it('the analysis counts both parts', () => {
    expect(a.attrition).toMatchObject({ notStarted: 3, waiting: 1, withdrawnBeforeStart: 2 });
  });

  it('the sentence explains the whole of "not started"', () => {
    const f = only(a, 'not_started');
    expect(f.params).toEqual({ count: 3, waiting: 1, withdrawnBeforeStart: 2, reasons: [{ code: 'moved', count: 1 }, { code: 'declined', count: 1 }] });
    expect(findingText(f, 'en')).toBe(
      '3 selected clients have not started the intervention: 1 is still waiting to start and 2 were withdrawn before the start (moved 1, declined 1).',
    );
    expect(findingText(f, 'sv')).toBe('3 utvalda har inte påbörjat insatsen: 1 väntar fortfarande på att börja och 2 avfördes före start (flyttat 1, avböjt 1).');
  });

  it('only waiting, only withdrawn, and one of each: singular and plural', () => {
    const waiting = analyse(compile(plan, [makeRecord(), makeRecord()]));
    expect(findingText(only(waiting, 'not_started'), 'en')).toBe('2 selected clients have not started the intervention: 2 are still waiting to start.');
    const one = analyse(compile(plan, [makeRecord({ withdraw: { date: '2024-01-10', reason: 'declined' } })]));
    expect(findingText(only(one, 'not_started'), 'en')).toBe('1 selected client has not started the intervention: 1 was withdrawn before the start (declined 1).');
    expect(findingText(only(one, 'not_started'), 'sv')).toBe('1 utvald har inte påbörjat insatsen: 1 avfördes före start (avböjt 1).');
  });
});

describe('wording: singular and plural, in both languages', () => {
  it('one of everything', () => {
    const records = [
      closedRecord(3, 2, false), // worse
      closedRecord(3, 3, false, { gender: 'man' }), // unchanged
      closedRecord(2, 4, true, { intervention: 'b' }), // improved
      makeRecord({ before: { measures: { [T]: 2 } }, withdraw: { date: '2024-02-01', reason: 'breakdown' } }),
      makeRecord({ before: { measures: { [T]: 2 } }, after: { measures: {} } }), // unclassified
    ];
    const c = compile(plan, [...records, { junk: true } as unknown as ClientRecord]);
    const a = analyse(c);
    const en = (code: FindingCode) => findingText(only(a, code), 'en');
    const sv = (code: FindingCode) => findingText(only(a, code), 'sv');
    expect(en('withdrawn')).toMatch(/^1 of 5 who started \(20%\) was withdrawn/);
    expect(en('direction')).toBe('Of 3 classified, 1 changed for the better (33%), 1 was unchanged and 1 got worse.');
    expect(sv('direction')).toBe('Av 3 bedömda förändrades 1 till det bättre (33 %), 1 var oförändrad och 1 försämrades.');
    expect(en('worse')).toMatch(/^1 client got worse and 1 was unchanged:/);
    expect(sv('worse')).toMatch(/^1 klient försämrades och 1 var oförändrad:/);
    expect(en('unclassified')).toBe('1 of those closed could not be classified: 1 missing the after measure.');
    expect(sv('unclassified')).toBe('1 avslutad kunde inte bedömas: 1 saknar mätning efter.');
    expect(en('invalid_records')).toBe('1 record could not be counted because of invalid data and is reported separately.');
    expect(sv('invalid_records')).toBe('1 post kunde inte räknas på grund av felaktiga uppgifter och redovisas separat.');

    const single = analyse(compile(plan, [closedRecord(2, 4)]));
    expect(findingText(only(single, 'followed'), 'en')).toBe(
      '1 client was selected for the follow-up; 1 started the intervention and 1 has closed it. 1 of those closed could be placed on the goal-attainment scale.',
    );
    expect(findingText(only(single, 'followed'), 'sv')).toMatch(/^1 klient valdes ut till uppföljningen;/);
    expect(findingText(only(single, 'small_n'), 'sv')).toMatch(/^Gruppen är liten \(1 bedömd\)/);
  });

  it('random cohorts: never "1 clients", "1 klienter", "1 were" and the like', () => {
    const enPlural = /(?<![\d.,−-])1 (clients|records|pairs|were|are|have|selected clients|zero)\b/;
    const svPlural = /(?<![\d.,−-])1 (klienter|poster|utvalda|avslutade|bedömda|var oförändrade|grupper)\b/;
    fc.assert(
      fc.property(validRecords(8), (records) => {
        const a = analyse(compile(plan, records));
        for (const f of a.findings) {
          expect(findingText(f, 'en')).not.toMatch(enPlural);
          expect(findingText(f, 'sv')).not.toMatch(svPlural);
          expect(findingText(f, 'en')).not.toMatch(/^1 of \d+ who started \(\d+%\) were/);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('wording: subgroups named naturally', () => {
  it('the plan’s default genders: among women / men, bland kvinnor / män', () => {
    const a = analyse(compile(plan, [...cohortOf(3, 4, { gender: 'kvinna' }), ...cohortOf(1, 4, { gender: 'man' })]), { by: ['gender'] });
    const f = only(a, 'subgroup_gap');
    expect(findingText(f, 'en')).toMatch(/^The share who reached their goal was 75% among women \(n = 4\) and 25% among men \(n = 4\)/);
    expect(findingText(f, 'sv')).toMatch(/^Andelen som nådde målet var 75 % bland kvinnor \(n = 4\) och 25 % bland män \(n = 4\)/);
    for (const t of texts(a)) expect(t).not.toMatch(/among (man|woman)\b|bland (man|kvinna)\b/);
  });

  it('a gender the plan names otherwise: "in the group …", as the plan writes it', () => {
    const other = parsePlan({
      ...smallPlanInput,
      id: 'other',
      grouping: { ...smallPlanInput.grouping, genders: [{ code: 'kvinna', label: { sv: 'Kvinna', en: 'Woman' } }, { code: 'annat', label: { sv: 'Annat kön', en: 'Other gender' } }] },
    });
    const rec = (met: boolean, gender: string) =>
      makeRecord({ gender: gender as never, before: { goals: [{ statement: 'x' }], measures: { [T]: 2 } }, after: { measures: { [T]: met ? 4 : 3 }, goalsMet: [met] } }, other);
    const a = analyse(compile(other, [rec(true, 'annat'), rec(true, 'annat'), rec(false, 'kvinna'), rec(true, 'kvinna')]), { by: ['gender'] });
    expect(findingText(only(a, 'subgroup_gap'), 'en')).toMatch(/^The share who reached their goal was 100% in the group Other gender \(n = 2\) and 50% among women \(n = 2\)/);
    expect(findingText(only(a, 'subgroup_gap'), 'sv')).toMatch(/^Andelen som nådde målet var 100 % i gruppen Annat kön \(n = 2\) och 50 % bland kvinnor \(n = 2\)/);
  });

  it('interventions: among those who received …', () => {
    const a = analyse(compile(plan, [...cohortOf(3, 4, { intervention: 'b' }), ...cohortOf(1, 4, { intervention: 'a' })]), { by: ['intervention'] });
    expect(findingText(only(a, 'subgroup_gap'), 'en')).toMatch(/^The share who reached their goal was 75% among those who received Intervention B \(n = 4\) and 25% among those who received Intervention A/);
    expect(findingText(only(a, 'subgroup_gap'), 'sv')).toMatch(/^Andelen som nådde målet var 75 % bland dem som fick Insats B \(n = 4\)/);
  });
});

describe('the attrition caution', () => {
  it('writes both means with one decimal, as the tables do (2,6 and 2,3, not 2,6 and 2,26)', () => {
    const finding = {
      code: 'attrition_baseline',
      caution: true,
      params: { withdrawnMean: 2.6, withdrawnN: 5, stayedMean: 2.2647, stayedN: 34, instrument: { sv: 'Tilltro', en: 'Confidence' } },
    } as const;
    expect(findingText(finding, 'sv')).toBe(
      'De som avfördes hade före insatsen i genomsnitt 2,6 på tilltro (n = 5), de som stannade 2,3 (n = 34): resultaten gäller dem som stannade, och bortfallet kan dölja sämre utfall.',
    );
    expect(findingText(finding, 'en')).toContain('a mean of 2.6 on confidence before the intervention (n = 5), those who stayed 2.3 (n = 34)');
  });
});

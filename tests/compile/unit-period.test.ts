import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDaysIso,
  compile,
  mergeCompilations,
  parsePlan,
  planPeriods,
  safeMergeCompilations,
  tabulate,
  validatePlan,
  type ClientRecord,
  type Compilation,
  type Plan,
} from '../../src/index.js';
import { buildReport } from '../../src/report/index.js';
import { makeRecord, closedRecord, smallPlanInput } from '../helpers/fixtures.js';
import { validRecordsOf } from '../helpers/arbitraries.js';

const unit = (code: string) => ({ code, label: { sv: `Enhet ${code}`, en: `Unit ${code}` } });
const planOf = (extra: object): Plan => parsePlan({ ...smallPlanInput, ...extra });
const halfYears = planOf({ period: { from: '2024-01-01', to: '2024-12-31' }, periodBy: 'half_year' });

/** A copy of a record with every calendar date moved by `days` (the fold reads only differences and the start). */
function shifted(record: ClientRecord, days: number): ClientRecord {
  const move = (value: unknown): unknown => {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return addDaysIso(value, days);
    if (Array.isArray(value)) return value.map(move);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, move(v)]));
    return value;
  };
  return move(record) as ClientRecord;
}

describe('planPeriods', () => {
  it('lists calendar periods that meet the plan period, cut to it', () => {
    expect(planPeriods({ period: { from: '2019-03-15', to: '2020-02-10' }, periodBy: 'half_year' })).toEqual([
      { code: '2019-h1', label: { sv: 'Första halvåret 2019', en: 'First half of 2019' }, from: '2019-03-15', to: '2019-06-30' },
      { code: '2019-h2', label: { sv: 'Andra halvåret 2019', en: 'Second half of 2019' }, from: '2019-07-01', to: '2019-12-31' },
      { code: '2020-h1', label: { sv: 'Första halvåret 2020', en: 'First half of 2020' }, from: '2020-01-01', to: '2020-02-10' },
    ]);
    // 2024 is a leap year: the first quarter ends on 31 March, February has 29 days but is inside it.
    expect(planPeriods({ period: { from: '2024-01-01', to: '2024-12-31' }, periodBy: 'quarter' }).map((p) => [p.code, p.to])).toEqual([
      ['2024-q1', '2024-03-31'],
      ['2024-q2', '2024-06-30'],
      ['2024-q3', '2024-09-30'],
      ['2024-q4', '2024-12-31'],
    ]);
    expect(planPeriods({ period: { from: '2024-05-05', to: '2024-05-05' }, periodBy: 'year' })).toEqual([
      { code: '2024', label: { sv: '2024', en: '2024' }, from: '2024-05-05', to: '2024-05-05' },
    ]);
  });

  it('needs period.to with periodBy, and refuses too many periods, naming the field', () => {
    const issues = (extra: object) => {
      const r = validatePlan({ ...smallPlanInput, ...extra });
      return r.success ? [] : r.issues.map((i) => [i.path.join('.'), i.rule, i.params.when ?? i.params.maximum]);
    };
    expect(issues({ periodBy: 'year' })).toEqual([['period', 'required', 'periodBy']]);
    expect(issues({ period: { from: '2024-01-01' }, periodBy: 'year' })).toEqual([['period.to', 'required', 'periodBy']]);
    expect(issues({ period: { from: '1990-01-01', to: '2024-12-31' }, periodBy: 'quarter' })).toEqual([['periodBy', 'max', 120]]);
    expect(issues({ period: { from: '2024-01-01' } })).toEqual([]);
    expect(() => planPeriods({ periodBy: 'year' } as never)).toThrow(/period/);
  });
});

describe('compile with periods', () => {
  it('counts each record in the period of its start; never started: of the enrolment; outside: invalid', () => {
    const h1 = closedRecord(2, 4, true); // starts 2024-01-15
    const h2 = shifted(closedRecord(2, 3, false), 200); // starts 2024-08-02
    const notStarted = shifted(makeRecord(), 190); // enrolled 2024-07-16
    const outside = shifted(closedRecord(2, 4, true), 366); // starts 2025-01-15
    const c = compile(halfYears, [h1, h2, notStarted, outside]);
    expect(c.meta.dims.periods.map((p) => p.code)).toEqual(['2024-h1', '2024-h2']);
    expect(c.cells).toBe(2 * 2 * 2 * 1 * 2);
    const rows = tabulate(c, { by: ['period'] }).rows;
    expect(rows.map((r) => [r.key.period, r.flow.selected, r.flow.started, r.attainment.goalMet.count])).toEqual([
      ['2024-h1', 1, 1, 1],
      ['2024-h2', 2, 1, 0],
    ]);
    expect(c.invalid).toEqual({ total: 1, byRule: { outside_period: 1 } });
  });

  it('keeps the layout and the fingerprint of a plan without unit or periods', () => {
    const records = [closedRecord(2, 4), makeRecord()];
    const plain = compile(planOf({}), records);
    const named = compile(planOf({ unit: unit('x') }), records);
    expect(plain.meta.dims.units).toEqual([{ code: '_unit', label: { sv: 'Enheten', en: 'The unit' } }]);
    expect(plain.meta.dims.periods.map((p) => p.code)).toEqual(['_all']);
    expect(named.counts).toEqual(plain.counts);
    expect(named.meta.fingerprint).toBe(plain.meta.fingerprint);
    expect(plain.cells).toBe(8);
  });
});

describe('mergeCompilations with units and periods', () => {
  const plans = ['c', 'a', 'b'].map((code) => planOf({ unit: unit(code) }));

  it('keeps each contributor as a unit, in code order, equal to its own compilation', () => {
    fc.assert(
      fc.property(fc.tuple(validRecordsOf(plans[0]!, 12), validRecordsOf(plans[1]!, 12), validRecordsOf(plans[2]!, 12)), (lists) => {
        const parts = lists.map((records, i) => compile(plans[i]!, records));
        const merged = mergeCompilations(parts);
        expect(merged.meta.dims.units.map((u) => u.code)).toEqual(['a', 'b', 'c']);
        const rows = tabulate(merged, { by: ['unit'] }).rows;
        for (const [i, part] of parts.entries()) {
          const row = rows.find((r) => r.key.unit === part.meta.dims.units[0]!.code)!;
          const own = tabulate(part).total;
          expect({ ...row, key: {}, label: own.label }).toEqual(own);
        }
        // Pooled into a named unit: the same as compiling every record under that unit.
        const county = unit('lan');
        expect(mergeCompilations(parts, { pool: county })).toEqual(compile(planOf({ unit: county }), lists.flat()));
        // Any order, and associative.
        expect(mergeCompilations([parts[2]!, parts[0]!, parts[1]!])).toEqual(merged);
        expect(mergeCompilations([mergeCompilations([parts[0]!, parts[1]!]), parts[2]!])).toEqual(merged);
        expect(mergeCompilations([parts[0]!, mergeCompilations([parts[1]!, parts[2]!])])).toEqual(merged);
      }),
      { numRuns: 25 },
    );
  });

  it('adds batches of one unit, and periods of other compilations, as compiling them together', () => {
    fc.assert(
      fc.property(validRecordsOf(halfYears, 15), validRecordsOf(halfYears, 15), fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), (a, b, later) => {
        const move = (records: ClientRecord[], offset: number) => records.map((r, i) => (later[i + offset] ? shifted(r, 200) : r));
        const [a2, b2] = [move(a, 0), move(b, 15)];
        const whole = compile(halfYears, [...a2, ...b2]);
        expect(mergeCompilations([compile(halfYears, a2), compile(halfYears, b2)])).toEqual(whole);
        // A second plan of the same unit for the next year: its periods join the first's.
        const next = planOf({ period: { from: '2025-01-01', to: '2025-12-31' }, periodBy: 'half_year' });
        const nextYear = compile(next, b2.map((r) => shifted(r, 366)));
        const both = mergeCompilations([nextYear, whole]);
        expect(both.meta.dims.periods.map((p) => p.code)).toEqual(['2024-h1', '2024-h2', '2025-h1', '2025-h2']);
        expect(tabulate(both).total.flow.selected).toBe(a.length + 2 * b.length);
        const byPeriod = tabulate(both, { by: ['period'] }).rows.map((r) => r.flow.selected);
        expect(byPeriod.slice(0, 2)).toEqual(tabulate(whole, { by: ['period'] }).rows.map((r) => r.flow.selected));
      }),
      { numRuns: 25 },
    );
  });

  it('pools with true into the one shared unit, or into "All units"', () => {
    const [c, a] = [compile(plans[0]!, [closedRecord(2, 4)]), compile(plans[1]!, [closedRecord(3, 4)])];
    expect(mergeCompilations([c, c], { pool: true }).meta.dims.units.map((u) => u.code)).toEqual(['c']);
    const pooled = mergeCompilations([c, a], { pool: true });
    expect(pooled.meta.dims.units).toEqual([{ code: '_pooled', label: { sv: 'Alla enheter', en: 'All units' } }]);
    expect(pooled.cells).toBe(8);
    expect(tabulate(pooled).total.flow.closed).toBe(2);
  });

  it('refuses, with distinct, a unit and period given twice', () => {
    const c = compile(plans[0]!, [closedRecord(2, 4)]);
    const a = compile(plans[1]!, [closedRecord(2, 4)]);
    expect(safeMergeCompilations([c, a], { distinct: true }).success).toBe(true);
    const r = safeMergeCompilations([c, a, c], { distinct: true });
    expect(r.success ? [] : r.issues.map((i) => [i.path.join('.'), i.rule, i.params.value])).toEqual([['compilations.2.meta.dims.units', 'duplicate', 'c _all']]);
  });

  it('says exactly which part of the plan differs, in Swedish and English', () => {
    const c = compile(plans[0]!, []);
    const other = compile(planOf({ unit: unit('a'), goalRule: { kind: 'assessed', combine: 'any' }, grouping: { ageBands: [{ from: 18 }] } }), []);
    const r = safeMergeCompilations([c, other]);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => [i.path.join('.'), i.rule, i.params.parts])).toEqual([['compilations.1.meta.fingerprint', 'incompatible', ['ageBands', 'goalRule']]]);
    expect(() => mergeCompilations([c, other])).toThrow(
      'kan inte slås ihop: planerna skiljer sig åt; det som skiljer: åldersgrupperna (["18–29","30+"] mot ["18+"]), regeln för måluppfyllelse ({"kind":"assessed","combine":"all"} mot {"kind":"assessed","combine":"any"})',
    );
    try {
      mergeCompilations([c, other]);
    } catch (e) {
      expect((e as { format(l: 'en'): string }).format('en')).toContain('what differs: age bands (["18–29","30+"] against ["18+"]), goal rule');
    }
    // The same unit code named differently, and a period code with other dates.
    const renamed = compile(planOf({ unit: { code: 'c', label: { sv: 'Annan', en: 'Other' } } }), []);
    const u = safeMergeCompilations([c, renamed]);
    expect(u.success ? [] : u.issues.map((i) => [i.path.join('.'), i.params.parts])).toEqual([['compilations.1.meta.dims.units', ['units']]]);
    const cut = compile(planOf({ period: { from: '2024-03-01', to: '2024-12-31' }, periodBy: 'half_year' }), []);
    const p = safeMergeCompilations([compile(halfYears, []), cut]);
    expect(p.success ? [] : p.issues.map((i) => [i.path.join('.'), i.params.parts])).toEqual([['compilations.1.meta.dims.periods', ['periods']]]);
    // Other periodBy: a part of the fingerprint.
    const years = compile(planOf({ period: { from: '2024-01-01', to: '2024-12-31' }, periodBy: 'year' }), []);
    const y = safeMergeCompilations([compile(halfYears, []), years]);
    expect(y.success ? [] : y.issues.map((i) => i.params.parts)).toEqual([['periodBy']]);
  });

  it('does not change its inputs', () => {
    const parts: Compilation[] = plans.map((p, i) => compile(p, [closedRecord(2 + i, 4), makeRecord()]));
    const copy = structuredClone(parts);
    mergeCompilations(parts);
    mergeCompilations(parts, { pool: true });
    expect(parts).toEqual(copy);
  });
});

describe('the report with several units and periods', () => {
  it('names the units and periods in the header and breaks attainment down by each, protected with the total', () => {
    const records = (n: number, days: number) => Array.from({ length: n }, (_, i) => shifted(closedRecord(2, 2 + (i % 4), i % 3 !== 0), days));
    const a = compile(planOf({ unit: unit('a'), period: { from: '2024-01-01', to: '2024-12-31' }, periodBy: 'half_year' }), [...records(8, 0), ...records(6, 200)]);
    const b = compile(planOf({ unit: unit('b'), period: { from: '2024-01-01', to: '2024-12-31' }, periodBy: 'half_year' }), records(9, 0));
    const model = buildReport(mergeCompilations([a, b]), { locale: 'sv' });
    expect(model.header.filter((l) => ['Enheter', 'Period', 'Perioder'].includes(l.label))).toEqual([
      { label: 'Enheter', text: 'Enhet a, Enhet b' },
      { label: 'Period', text: '2024-01-01 – 2024-12-31' },
      { label: 'Perioder', text: 'Första halvåret 2024 (2024-01-01 – 2024-06-30), Andra halvåret 2024 (2024-07-01 – 2024-12-31)' },
    ]);
    const attainment = model.sections.find((s) => s.id === 'attainment')!;
    expect(attainment.tables.map((t) => t.id)).toEqual(['attainment-total', 'attainment-gender', 'attainment-ageBand', 'attainment-intervention', 'attainment-unit', 'attainment-period']);
    const byUnit = attainment.tables.find((t) => t.id === 'attainment-unit')!;
    expect(byUnit.rows.map((r) => r.label)).toEqual(['Enhet a', 'Enhet b']);
  });
});

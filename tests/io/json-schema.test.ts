import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { compile, followUpWindow, parsePlan, recordJsonSchema, safeDuring, validateRecord } from '../../src/index.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';

// ajv is an independent JSON Schema validator: the schema is checked as a host system would use it.
const plan = parsePlan(bjorkeboPlan);
const cohort = bjorkeboCohort(plan);
const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const schema = recordJsonSchema(plan);
const validate = ajv.compile(schema);
const check = (record: unknown): boolean => validate(record);

describe('recordJsonSchema', () => {
  it('accepts every record of the Björkebo example', () => {
    const failures = cohort.filter((r) => !check(r)).map((r) => ({ id: r.clientId, errors: validate.errors }));
    expect(failures).toEqual([]);
  });

  it('rejects the malformed fixture’s problems: bad date, value off the scale, identity number, text for a number, unknown code', () => {
    const r = cohort[0]!;
    const bad = [
      { ...r, before: { ...r.before!, date: '2019-02-30' } },
      { ...r, before: { ...r.before!, measures: { 'tilltro-nykterhet': 7 } } },
      { ...r, clientId: '19121212-1212' },
      { ...r, age: 'trettio' },
      { ...r, gender: 'okänd' },
      { ...r, age: 17 },
      { ...r, planId: 'annan-plan' },
      { ...r, before: undefined }, // closed without a before-part
      { ...r, withdrawal: { date: r.after!.date, reason: 'moved' } }, // both closed and withdrawn
    ].map((x) => JSON.parse(JSON.stringify(x)) as unknown);
    expect(bad.map((b) => check(b))).toEqual(bad.map(() => false));
  });

  it('turns codes into enums with labels, and ranges into minimum/maximum, titled in Swedish by default', () => {
    const p = schema.properties as Record<string, Record<string, unknown>>;
    expect(p.gender).toMatchObject({ enum: ['kvinna', 'man'], title: 'Kön', description: 'Gender' });
    expect(p.age).toMatchObject({ minimum: 18, maximum: 130 });
    const before = p.before as { properties: Record<string, Record<string, unknown>> };
    expect(before.properties.mainProblem).toMatchObject({ enum: ['alkohol', 'narkotika', 'blandmissbruk'] });
    const measures = before.properties.measures as { properties: Record<string, Record<string, unknown>> };
    expect(measures.properties['tilltro-nykterhet']).toMatchObject({ minimum: 1, maximum: 5, multipleOf: 1 });
    const en = recordJsonSchema(plan, { locale: 'en' }).properties as Record<string, Record<string, unknown>>;
    expect(en.gender).toMatchObject({ title: 'Gender', description: 'Kön' });
  });

  it('holds a during measure to its instrument: 5 on the binary urine test is refused by the JSON Schema, during() and compile alike', () => {
    const r = cohort.find((x) => x.before !== undefined && x.after === undefined && x.withdrawal === undefined) ?? cohort[0]!;
    const date = r.before!.date;
    const event = { kind: 'measure', date, measure: 'urinprov', value: 5 };
    const withFive = JSON.parse(JSON.stringify({ ...r, during: [...r.during, event] })) as unknown;
    const withOne = JSON.parse(JSON.stringify({ ...r, during: [...r.during, { ...event, value: 1 }] })) as unknown;
    expect(check(withFive)).toBe(false);
    expect(check(withOne)).toBe(true);
    const { after: _after, ...open } = r;
    const stepped = safeDuring(plan, { ...open, during: [] } as typeof r, event);
    expect(stepped.success).toBe(false);
    if (!stepped.success) expect(stepped.issues).toMatchObject([{ path: ['value'], rule: 'out_of_range', params: { min: 0, max: 1 } }]);
    const compiled = compile(plan, [withFive as typeof r]);
    expect(compiled.invalid).toEqual({ total: 1, byRule: { out_of_range: 1 } });
  });

  it('carries the view items at each follow-up point that asks them, with the same values as at closing', () => {
    const followUps = [{ id: '12m', label: { sv: '12 månader efter avslut', en: '12 months after closing' }, monthsAfter: 12, measures: ['tilltro-nykterhet'] }];
    const both = parsePlan({ ...bjorkeboPlan, followUps, clientViews: { template: 'national', at: ['after', '12m'] } });
    const afterOnly = parsePlan({ ...bjorkeboPlan, followUps, clientViews: { template: 'national', at: ['after'] } });
    // Each plan's schema has the same $id (the plan id): a validator of its own for each.
    const validator = (p: typeof plan) => {
      const own = new Ajv2020({ allErrors: true, strict: false });
      (addFormats as unknown as (a: Ajv2020) => void)(own);
      return own.compile(recordJsonSchema(p));
    };
    const closed = cohort.find((r) => r.after !== undefined && r.after.reason === 'completed')!;
    const date = followUpWindow({ monthsAfter: 12, windowDays: 30 }, closed.after!.date).target;
    const at12 = (views: Record<string, unknown>) => JSON.parse(JSON.stringify({ ...closed, followUps: [{ point: '12m', date, status: 'reached', measures: { 'tilltro-nykterhet': 4 }, views }] })) as unknown;
    // The national items: 4 (agree completely) to 1 (do not agree at all), 0 for don't know.
    const good = at12({ respekt: 4, nojd: 0, rekommendera: true });
    const outOfRange = at12({ respekt: 5 });
    const unknownItem = at12({ trygg: 3 });
    const v = validator(both);
    expect([v(good), v(outOfRange), v(unknownItem)]).toEqual([true, false, false]);
    // The host's form and validateRecord agree: 5 is not an answer of the item, at the follow-up as at closing.
    expect(validateRecord(both, good).success).toBe(true);
    expect(validateRecord(both, outOfRange)).toMatchObject({ success: false, issues: [{ path: ['followUps', 0, 'views', 'respekt'], rule: 'one_of' }] });
    // The same item schema at the follow-up point as at closing.
    const props = (p: typeof plan) => recordJsonSchema(p).properties as Record<string, { properties: Record<string, unknown>; items?: { properties: Record<string, { properties?: Record<string, unknown> }> } }>;
    const b = props(both);
    const strip = (x: unknown) => JSON.parse(JSON.stringify(x, (k, val: unknown) => (k === 'title' || k === 'description' ? undefined : val))) as unknown;
    expect(strip(b.followUps!.items!.properties.views!.properties)).toEqual(strip((b.after!.properties.views as { properties: unknown }).properties));
    // A plan that asks its questionnaire only at closing takes no views at 12 months.
    const a = validator(afterOnly);
    expect([a(at12({})), a(good)]).toEqual([true, false]);
  });

  it('says under $comment what it cannot check', () => {
    expect(schema.$comment).toMatch(/validateRecord/);
    expect(schema.$comment).toMatch(/goalsMet/);
  });

  it('does not change the plan', () => {
    const copy = structuredClone(plan);
    recordJsonSchema(plan);
    expect(plan).toEqual(copy);
  });
});

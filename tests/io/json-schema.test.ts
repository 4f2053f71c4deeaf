import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { compile, parsePlan, recordJsonSchema, safeDuring } from '../../src/index.js';
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

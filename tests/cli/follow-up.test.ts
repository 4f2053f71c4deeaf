import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { CsvMappingSchema, importCsv, parsePlan } from '../../src/index.js';
import { bjorkeboExamplePlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';

// follow-up.csv (make-fixtures.ts, section 8): the Björkebo example's 40 clients with the
// questionnaire at closing ("Synpunkt …") and a 12-month follow-up (date, status in Swedish
// words, the confidence scale). `init --from` must draft a plan and mapping that read it
// with no hand edit but the decisions it lists, and the import must give back the cohort's
// follow-ups and views.
const F = join(import.meta.dirname, '..', 'fixtures', 'cli');
const file = join(F, 'follow-up.csv');
const example = parsePlan(bjorkeboExamplePlan);
const cohort = bjorkeboCohort(example);

describe('uppfoljning init --from and validate: an export with follow-up columns and client views', () => {
  it('drafts the follow-up point and the questionnaire, lists them as decisions, and the draft validates every row', async () => {
    const out = mkdtempSync(join(tmpdir(), 'uppfoljning-follow-up-'));
    const init = await cli('init', '--from', file, '--out', out);
    expect(init.code).toBe(0);
    const text = init.out.join('\n');
    expect(text).toContain('Uppföljning 12 mån datum → followUps.12m.date');
    expect(text).toContain('Tilltro 12 mån → followUps.12m.measures.tilltro-nykterhet');
    expect(text).toContain('Synpunkt respekt → after.views.respekt');
    expect(text).toContain('Efteruppföljningen `12m` (12 månader efter avslut');
    expect(text).toContain('Klientens synpunkter: kolumnerna lästes som de nationella frågorna');
    const plan = parsePlan(JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')));
    expect(plan.followUps.map((p) => [p.id, p.monthsAfter, p.windowDays, p.measures])).toEqual([['12m', 12, 30, ['tilltro-nykterhet']]]);
    expect(plan.clientViews?.at).toEqual(['after']);

    const validate = await cli('validate', '--plan', join(out, 'plan.json'), '--mapping', join(out, 'mappning.json'), file);
    expect(validate).toEqual({ code: 0, out: ['40 rader: 40 giltiga, 0 med fel.'], err: [] });

    // The import reads each client's follow-up and views as the example's cohort has them.
    const mapping = CsvMappingSchema.parse(JSON.parse(readFileSync(join(out, 'mappning.json'), 'utf8')));
    const result = importCsv(plan, { clients: readFileSync(file) }, mapping);
    expect(result.issues).toEqual([]);
    const byId = new Map(result.records.map((r) => [r.clientId, r]));
    const simple = (f: readonly { point: string; date: string; status: string; measures: Record<string, number> }[]) => f.map((x) => [x.point, x.date, x.status, x.measures]);
    expect(cohort.map((r) => simple(byId.get(r.clientId)!.followUps))).toEqual(cohort.map((r) => simple(r.followUps)));
    expect(cohort.map((r) => byId.get(r.clientId)!.after?.views)).toEqual(cohort.map((r) => r.after?.views));
    // 20 reached, 7 not reached, 5 declined of the 32 closed in the results (tests/report/follow-up.test.ts).
    const statuses = result.records.flatMap((r) => r.followUps.map((f) => f.status));
    expect(['reached', 'not_reached', 'declined'].map((s) => statuses.filter((x) => x === s).length)).toEqual([20, 7, 5]);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as api from '../../src/index.js';
import {
  after,
  analyse,
  before,
  compile,
  createPseudonymizer,
  enrol,
  findingText,
  parseIdentityNumber,
  parsePlan,
  protectTable,
  tabulate,
  type ClientRecord,
  type IdentityNumber,
  type Plan,
} from '../../src/index.js';
import { buildReport, chartSpecs, renderCsv, renderHtml, renderMarkdown, renderText } from '../../src/report/index.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import { expectNoLeaks, findLeaks, identityForms, type Secrets } from './audit-output.js';
import { TEST_KEY } from '../helpers/keys.js';
import { TEST_NUMBERS } from '../helpers/test-numbers.js';

// Identity numbers from Skatteverket's official test series: tests/helpers/test-numbers.ts.

describe('the audit helper finds what it should', () => {
  const secrets: Secrets = { clientIds: ['B1YH0VTMx1gkGe-U_NXnwR2c4GOnVlcL3hwJayuAkQA'], identityNumbers: ['200204192397'], birthDates: ['2002-04-19'] };

  it('in every written form of an identity number, in keys, numbers and prose', () => {
    for (const { text } of identityForms('200204192397')) {
      expect(findLeaks({ note: `Klient ${text} har avslutats` }, secrets).length).toBeGreaterThan(0);
    }
    expect(findLeaks({ rows: [{ [`x${'0204192397'}`]: 1 }] }, secrets).map((l) => l.path)).toEqual(['rows[0].x0204192397']);
    expect(findLeaks([1, 200204192397], secrets).map((l) => l.kind)).toContain('identityNumber');
    expect(findLeaks('| 02 04 19 | 23 97 |', secrets).map((l) => l.form)).toEqual(['digits']);
    expect(findLeaks('<td>2002-04-19</td>', secrets).map((l) => l.kind)).toEqual(['birthDate']);
    expect(findLeaks({ a: { b: 'id B1YH0VTMx1gkGe-U_NXnwR2c4GOnVlcL3hwJayuAkQA' } }, secrets)).toEqual([
      { path: 'a.b', kind: 'clientId', form: 'clientId' },
    ]);
    expect(() => expectNoLeaks({ id: '020419-2397' }, secrets)).toThrow(/identityNumber \(YYMMDD-NNNN\)/);
  });

  it('and nothing else', () => {
    expect(findLeaks({ total: 58, share: 0.25, label: 'Kvinna 18–29 år', date: '2002-04-20' }, secrets)).toEqual([]);
  });
});

/** The Björkebo plan, with a period in which the test numbers' holders are adults. */
const plan: Plan = parsePlan({ ...bjorkeboPlan, period: { from: '2022-01-01', to: '2026-12-31' } });

interface Client {
  readonly identity: string;
  readonly enrolled: string;
  readonly fate: 'completed' | 'breakdown' | 'ongoing';
  readonly before: number;
  readonly after: number;
  readonly goalMet: boolean;
  readonly mainProblem: 'alkohol' | 'narkotika' | 'blandmissbruk';
}

const client: fc.Arbitrary<Client> = fc.record({
  identity: fc.constantFrom(...TEST_NUMBERS),
  enrolled: fc.integer({ min: 0, max: 4 * 365 }).map((d) => api.addDaysIso('2022-01-01', d)),
  fate: fc.constantFrom('completed', 'completed', 'completed', 'breakdown', 'ongoing'),
  before: fc.integer({ min: 1, max: 5 }),
  after: fc.integer({ min: 1, max: 5 }),
  goalMet: fc.boolean(),
  mainProblem: fc.constantFrom('alkohol', 'narkotika', 'blandmissbruk'),
});

/** Runs one client through enrol → before → after, as a host system would. */
function record(c: Client, clientId: string, id: IdentityNumber): ClientRecord {
  const start = api.addDaysIso(c.enrolled, 2);
  let r = enrol(plan, { clientId, intervention: 'f-cra', enrolled: c.enrolled, gender: id.legalGender, birthDate: id.birthDate ?? `${id.birthYear}-07-01` });
  r = before(plan, r, {
    date: start,
    mainProblem: c.mainProblem,
    goals: [{ area: 'boende', statement: 'Få ett eget förstahandskontrakt' }],
    background: { 'tidigare-behandling': true, huvuddrog: 'alkohol', 'boende-fore': 'hemlos' },
    measures: { 'tilltro-nykterhet': c.before },
  });
  const end = api.addDaysIso(start, 120);
  if (c.fate === 'breakdown') return after(plan, r, { date: end, reason: 'breakdown', measures: {} });
  if (c.fate === 'ongoing') return r;
  return after(plan, r, { date: end, reason: 'completed', measures: { 'tilltro-nykterhet': c.after }, goalsMet: [c.goalMet] });
}

/** A fuzzed cohort: its records and the secrets of its inputs. */
async function cohort(clients: readonly Client[], pseudonyms: boolean): Promise<{ records: ClientRecord[]; secrets: Secrets }> {
  const key = TEST_KEY;
  const pseudonymizer = await createPseudonymizer(key, { referenceDate: '2026-12-31' });
  const records: ClientRecord[] = [];
  const secrets = { clientIds: [] as string[], identityNumbers: [] as string[], birthDates: [] as string[] };
  for (const [i, c] of clients.entries()) {
    const id = parseIdentityNumber(c.identity, { referenceDate: c.enrolled });
    // Either the library's pseudonym or a host's own opaque id.
    const clientId = pseudonyms ? await pseudonymizer.pseudonymize(id) : `klient-${i}-${id.birthYear % 97}x`;
    secrets.clientIds.push(clientId);
    secrets.identityNumbers.push(c.identity);
    if (id.birthDate) secrets.birthDates.push(id.birthDate);
    records.push(record(c, clientId, id));
  }
  return { records, secrets };
}

describe('no output meant for people carries a client id, identity number or birth date (fuzzed cohorts)', () => {
  it('compile, tabulate, analyse, findings, protected tables, the report model, Markdown, CSV and chart specs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(client, { minLength: 1, maxLength: 30 }), fc.boolean(), async (clients, pseudonyms) => {
        const { records, secrets } = await cohort(clients, pseudonyms);
        const compilation = compile(plan, records);
        const analysis = analyse(compilation);
        const tables = (['gender', 'ageBand', 'intervention'] as const).map((by) => tabulate(compilation, { by: [by] }));
        const outputs: [string, unknown][] = [
          ['compilation', JSON.parse(JSON.stringify(compilation))],
          ['tabulate()', tabulate(compilation)],
          ['tabulate(by)', tables],
          ['analyse()', analysis],
          ['findings sv', analysis.findings.map((f) => findingText(f, 'sv'))],
          ['findings en', analysis.findings.map((f) => findingText(f, 'en'))],
          ['protectTable', protectTable({ cells: tables[0]!.rows.map((row) => [row.flow.started, row.flow.withdrawn, row.flow.ongoing, row.flow.closed]) })],
        ];
        for (const locale of ['sv', 'en'] as const) {
          const model = buildReport(compilation, { locale }, analysis);
          outputs.push(
            [`report model ${locale}`, model],
            [`renderMarkdown ${locale}`, renderMarkdown(model, { locale })],
            [`renderText ${locale}`, renderText(model, { locale })],
            [`renderCsv ${locale}`, renderCsv(model, { locale })],
            [`chartSpecs ${locale}`, chartSpecs(model)],
          );
        }
        for (const [what, output] of outputs) expectNoLeaks(output, secrets, what);
      }),
      { numRuns: 40 },
    );
  });

  it('the HTML report (charts rendered to SVG)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(client, { minLength: 1, maxLength: 30 }), async (clients) => {
        const { records, secrets } = await cohort(clients, true);
        const compilation = compile(plan, records);
        expectNoLeaks(await renderHtml(compilation, { locale: 'sv' }), secrets, 'renderHtml');
      }),
      { numRuns: 4 },
    );
  });
});

/**
 * A deterministic synthetic cohort for the Björkebo pilot: about 40 clients
 * run through the step functions exactly as a case system would, from one
 * seed. Nobody here exists. Ids are made-up pseudonyms.
 */
import {
  addDaysIso,
  after,
  before,
  during,
  enrol,
  followUp,
  followUpWindow,
  seededRandom,
  withdraw,
  type ClientRecord,
  type DuringEvent,
  type Plan,
} from '../../src/index.js';

const GOALS = [
  ['sysselsattning', 'Börja praktik två dagar i veckan'],
  ['boende', 'Få ett eget förstahandskontrakt'],
  ['relationer', 'Träffa mina barn varannan helg'],
  ['halsa', 'Sova hela nätter och äta regelbundet'],
  ['ekonomi', 'Göra upp en avbetalningsplan för skulderna'],
] as const;

type Fate = 'completed' | 'breakdown' | 'moved' | 'missing-after' | 'ongoing' | 'declined';

/**
 * Who ends how: 31 complete (one without an after-measure), 5 break down,
 * 1 moves, 2 are still in treatment, 1 declines before the start.
 */
const FATES: readonly Fate[] = [
  ...Array<Fate>(30).fill('completed'),
  'missing-after',
  ...Array<Fate>(5).fill('breakdown'),
  'moved',
  'ongoing',
  'ongoing',
  'declined',
];

const STATEMENTS = ['respekt', 'lyssnad', 'information', 'inflytande', 'nojd'] as const;

/**
 * A client's answers to the national questionnaire at closing: those whose
 * confidence rose (`content`) agree more often; now and then a statement is
 * left unanswered or answered "Vet inte" (0).
 */
function answers(random: () => number, content: boolean): Record<string, number | boolean> {
  const out: Record<string, number | boolean> = {};
  const scale = content ? [4, 4, 4, 3, 3, 2] : [4, 3, 3, 2, 2, 1];
  for (const id of STATEMENTS) {
    const r = random();
    if (r < 0.06) continue;
    out[id] = r < 0.1 ? 0 : scale[Math.floor(random() * scale.length)]!;
  }
  const r = random();
  if (r >= 0.05) out.rekommendera = r < 0.09 ? 0 : random() < (content ? 0.9 : 0.6);
  return out;
}

/**
 * AUDIT (0–40, higher is worse) before and after: those whose main problem
 * is alcohol start higher; most drink somewhat less at closing, a few more.
 */
function auditScores(random: () => number, mainProblem: string): { readonly before: number; readonly after: number } {
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const before = mainProblem === 'narkotika' ? int(2, 14) : int(10, 32);
  const drop = [-2, 0, 1, 3, 4, 5, 6, 8, 10][Math.floor(random() * 9)]!;
  return { before, after: Math.min(40, Math.max(0, before - drop)) };
}

/** Builds the cohort's records by calling enrol, before, during, after and withdraw. */
export function bjorkeboCohort(plan: Plan, seed = 'björkebo-2019'): ClientRecord[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const records: ClientRecord[] = [];
  // The questionnaire at closing draws from its own seed, so adding it changed none of the other numbers.
  const viewRandom = seededRandom(`${seed}-synpunkter`);
  const views = (content: boolean) => answers(viewRandom, content);
  // AUDIT and the 12-month follow-up draw from their own seeds too, so the
  // confidence scale, goals and dates are those of the cohort without them.
  const auditRandom = seededRandom(`${seed}-audit`);
  const laterRandom = seededRandom(`${seed}-efteruppfoljning`);

  FATES.forEach((fate, i) => {
    const gender = random() < 0.3 ? 'kvinna' : 'man';
    const age = between(19, 63);
    const enrolled = addDaysIso('2019-01-07', between(0, 300));
    const start = addDaysIso(enrolled, between(0, 6));
    let record = enrol(plan, {
      clientId: `bk-${String(i + 1).padStart(2, '0')}-${Math.floor(random() * 0xffff).toString(16)}`,
      intervention: 'f-cra',
      enrolled,
      gender,
      age,
    });
    if (fate === 'declined') {
      records.push(withdraw(plan, record, { date: addDaysIso(enrolled, 3), reason: 'declined' }));
      return;
    }

    const goalCount = between(1, 2);
    const goals = Array.from({ length: goalCount }, () => {
      const [area, statement] = pick(GOALS);
      return { area, statement };
    });
    // Confidence before: mostly low to middling.
    const confidenceBefore = pick([1, 2, 2, 2, 3, 3, 3, 4]);
    const mainProblem = pick(['alkohol', 'alkohol', 'narkotika', 'blandmissbruk']);
    // AUDIT is drawn for everyone, answered only where the plan asks for it.
    const audit = auditScores(auditRandom, mainProblem);
    const auditAt = (phase: 'before' | 'after'): Record<string, number> => (plan.measures[phase].includes('audit') ? { audit: audit[phase] } : {});
    record = before(plan, record, {
      date: start,
      mainProblem,
      goals,
      background: {
        'tidigare-behandling': random() < 0.6,
        huvuddrog: pick(['alkohol', 'alkohol', 'cannabis', 'amfetamin', 'opioider', 'blandmissbruk']),
        'boende-fore': pick(['egen-bostad', 'andrahand', 'hemlos', 'hemlos', 'institution']),
      },
      measures: { 'tilltro-nykterhet': confidenceBefore, ...auditAt('before') },
    });

    // Weeks in treatment, and how likely a positive test is: higher for
    // those whose treatment later breaks down.
    const weeks = fate === 'breakdown' ? between(2, 9) : fate === 'moved' ? between(4, 12) : fate === 'ongoing' ? between(6, 14) : between(14, 24);
    const risk = fate === 'breakdown' ? 0.3 : 0.06;
    const events: DuringEvent[] = [];
    for (let week = 0; week < weeks; week++) {
      const weekStart = addDaysIso(start, week * 7);
      events.push({ kind: 'measure', date: addDaysIso(weekStart, between(0, 6)), measure: 'urinprov', value: random() < risk ? 1 : 0 });
      events.push({ kind: 'session', date: addDaysIso(weekStart, 1), attended: random() < 0.88 });
      for (let day = 0; day < 7; day++) {
        // Breath tests twice a day; a few missed.
        for (let t = 0; t < 2; t++) {
          if (random() < 0.93) {
            events.push({ kind: 'measure', date: addDaysIso(weekStart, day), measure: 'utandningsprov', value: random() < risk / 3 ? 1 : 0 });
          }
        }
      }
      if (random() < risk / 2) events.push({ kind: 'deviation', date: addDaysIso(weekStart, 3), note: 'Avvikelse rapporterad i VIVA' });
    }
    record = during(plan, record, events);
    const end = addDaysIso(start, weeks * 7);

    switch (fate) {
      case 'ongoing':
        break;
      case 'breakdown':
        record = after(plan, record, { date: end, reason: 'breakdown', measures: {} });
        break;
      case 'moved':
        record = after(plan, record, { date: end, reason: 'moved', measures: {}, views: views(false) });
        break;
      case 'missing-after':
        record = after(plan, record, { date: end, reason: 'completed', measures: {}, goalsMet: goals.map(() => random() < 0.5), views: views(false) });
        break;
      case 'completed': {
        const shift = pick([-1, 0, 0, 1, 1, 1, 2, 2]);
        const confidenceAfter = Math.min(5, Math.max(1, confidenceBefore + shift));
        const likely = shift > 0 ? 0.75 : 0.25;
        record = after(plan, record, {
          date: end,
          reason: 'completed',
          measures: { 'tilltro-nykterhet': confidenceAfter, ...auditAt('after') },
          goalsMet: goals.map(() => random() < likely),
          views: views(shift > 0),
        });
        break;
      }
      default:
        break;
    }
    if (fate === 'completed' || fate === 'moved' || fate === 'missing-after') record = twelveMonths(plan, record, laterRandom, confidenceBefore);
    records.push(record);
  });
  return records;
}

/**
 * The 12-month follow-up of a record closed in the results, where the plan
 * has the point `12m` (bjorkeboExamplePlan): about two in three are reached
 * on a day inside the window and answer the confidence scale (near their
 * closing value, or their value before if there is none), one in five cannot
 * be reached (written down when the window closes), the rest decline when
 * contacted. The same three draws are made either way, so a plan without the
 * point gets the same cohort otherwise.
 */
function twelveMonths(plan: Plan, record: ClientRecord, random: () => number, confidenceBefore: number): ClientRecord {
  const r = random();
  const offset = random();
  const drift = [-1, -1, 0, 0, 0, 1][Math.floor(random() * 6)]!;
  const point = plan.followUps.find((p) => p.id === '12m');
  if (point === undefined) return record;
  const window = followUpWindow(point, record.after!.date);
  if (r < 0.2) return followUp(plan, record, { point: '12m', date: window.end, status: 'not_reached' });
  const date = addDaysIso(window.target, Math.floor(offset * (2 * point.windowDays + 1)) - point.windowDays);
  if (r < 0.33) return followUp(plan, record, { point: '12m', date, status: 'declined' });
  const closing = record.after!.measures['tilltro-nykterhet'] ?? confidenceBefore;
  return followUp(plan, record, { point: '12m', date, status: 'reached', measures: { 'tilltro-nykterhet': Math.min(5, Math.max(1, closing + drift)) } });
}

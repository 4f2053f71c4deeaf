// Random synthetic cohorts for the whole-report attacker (issue 12, item 1):
// the Björkebo example plan (every report section: flow, attainment by gender,
// age band and period, the primary measure, AUDIT, the 12-month follow-up,
// the weekly tests, the target group, the client views), run through the step
// functions as a case system would, with the size, the mix of fates and genders
// and the scores drawn from one seed, skewed on purpose: some cohorts have
// exactly one person in a category (one woman, one withdrawal, one with a main
// problem), the cases where small cells arise. Nobody here exists.
import {
  addDaysIso,
  after,
  before,
  during,
  enrol,
  followUp,
  followUpWindow,
  parsePlan,
  seededRandom,
  withdraw,
  type ClientRecord,
  type DuringEvent,
  type Plan,
} from '../../src/index.js';
import { bjorkeboExamplePlan } from '../../examples/bjorkebo-fcra/plan.js';

/** The plan every random cohort follows. */
export const randomCohortPlan: Plan = parsePlan(bjorkeboExamplePlan);

type Fate = 'completed' | 'breakdown' | 'moved' | 'missing-after' | 'ongoing' | 'declined';
const AREAS = ['sysselsattning', 'boende', 'relationer', 'halsa', 'ekonomi'] as const;
const PROBLEMS = ['alkohol', 'narkotika', 'blandmissbruk'] as const;
const DRUGS = ['alkohol', 'cannabis', 'amfetamin', 'opioider', 'blandmissbruk'] as const;
const HOUSING = ['egen-bostad', 'andrahand', 'hemlos', 'institution'] as const;
const STATEMENTS = ['respekt', 'lyssnad', 'information', 'inflytande', 'nojd'] as const;

/** A description of the cohort drawn, for a failing test's message. */
export interface RandomCohort {
  readonly seed: number;
  readonly size: number;
  /** What is skewed: e.g. `one woman`, `one withdrawal`. */
  readonly skew: string;
  readonly records: ClientRecord[];
}

/**
 * The cohort of `seed`: `size` people (drawn from 5–400, most under 60, when
 * not given), each fate, gender and score from the seed.
 */
export function randomCohort(seed: number, size?: number): RandomCohort {
  const random = seededRandom(`angripare-${seed}`);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const n = size ?? (random() < 0.8 ? int(5, 60) : int(61, 400));
  const skews = ['none', 'one woman', 'one man', 'one withdrawal', 'one main problem', 'all completed', 'mostly withdrawn', 'one young'] as const;
  const skew = pick(skews);
  const womanShare = random();
  const fates: Fate[] = Array.from({ length: n }, () => {
    if (skew === 'all completed') return 'completed';
    const r = random();
    if (skew === 'mostly withdrawn') return r < 0.5 ? 'breakdown' : r < 0.6 ? 'declined' : 'completed';
    return r < 0.7 ? 'completed' : r < 0.75 ? 'missing-after' : r < 0.85 ? 'breakdown' : r < 0.88 ? 'moved' : r < 0.94 ? 'ongoing' : 'declined';
  });
  if (skew === 'one withdrawal') {
    fates.fill('completed');
    fates[int(0, n - 1)] = pick(['breakdown', 'moved', 'declined'] as const);
  }
  const odd = int(0, n - 1);
  const plan = randomCohortPlan;
  const shiftBias = pick([[-1, 0, 1], [0, 1, 1, 2], [1, 1, 2], [-1, -1, 0], [0]] as const);
  return {
    seed,
    size: n,
    skew,
    records: fates.map((fate, i) => {
      const gender =
        skew === 'one woman' ? (i === odd ? 'kvinna' : 'man') : skew === 'one man' ? (i === odd ? 'man' : 'kvinna') : random() < womanShare ? 'kvinna' : 'man';
      const age = skew === 'one young' ? (i === odd ? int(19, 29) : int(45, 63)) : int(19, 63);
      const enrolled = addDaysIso('2019-01-07', int(0, 300));
      const start = addDaysIso(enrolled, int(0, 6));
      let record = enrol(plan, { clientId: `rk-${seed}-${i}`, intervention: 'f-cra', enrolled, gender, age });
      if (fate === 'declined') return withdraw(plan, record, { date: addDaysIso(enrolled, 3), reason: 'declined' });
      const goals = Array.from({ length: int(1, 2) }, () => ({ area: pick(AREAS), statement: 'Ett mål' }));
      const confidenceBefore = int(1, 5);
      const mainProblem = skew === 'one main problem' ? (i === odd ? 'narkotika' : 'alkohol') : pick(PROBLEMS);
      const auditBefore = int(0, 40);
      record = before(plan, record, {
        date: start,
        mainProblem,
        goals,
        background: { 'tidigare-behandling': random() < 0.5, huvuddrog: pick(DRUGS), 'boende-fore': pick(HOUSING) },
        measures: { 'tilltro-nykterhet': confidenceBefore, audit: auditBefore },
      });
      const weeks = fate === 'breakdown' ? int(1, 6) : int(4, 16);
      const risk = random() * 0.3;
      const events: DuringEvent[] = [];
      for (let week = 0; week < weeks; week++) {
        const weekStart = addDaysIso(start, week * 7);
        if (random() < 0.9) events.push({ kind: 'measure', date: addDaysIso(weekStart, int(0, 6)), measure: 'urinprov', value: random() < risk ? 1 : 0 });
        events.push({ kind: 'session', date: addDaysIso(weekStart, 1), attended: random() < 0.85 });
        for (let t = int(0, 3); t > 0; t--) events.push({ kind: 'measure', date: addDaysIso(weekStart, int(0, 6)), measure: 'utandningsprov', value: random() < risk ? 1 : 0 });
      }
      record = during(plan, record, events);
      const end = addDaysIso(start, weeks * 7);
      const views = () => {
        const out: Record<string, number | boolean> = {};
        for (const id of STATEMENTS) if (random() < 0.9) out[id] = int(0, 4);
        if (random() < 0.9) out.rekommendera = random() < 0.7;
        return out;
      };
      switch (fate) {
        case 'ongoing':
          return record;
        case 'breakdown':
          return after(plan, record, { date: end, reason: 'breakdown', measures: {} });
        case 'moved':
          record = after(plan, record, { date: end, reason: 'moved', measures: {}, views: views() });
          break;
        case 'missing-after':
          record = after(plan, record, { date: end, reason: 'completed', measures: {}, goalsMet: goals.map(() => random() < 0.5), views: views() });
          break;
        case 'completed': {
          const after_ = Math.min(5, Math.max(1, confidenceBefore + pick(shiftBias)));
          record = after(plan, record, {
            date: end,
            reason: 'completed',
            measures: { 'tilltro-nykterhet': after_, audit: Math.max(0, Math.min(40, auditBefore - int(-3, 10))) },
            goalsMet: goals.map(() => random() < (after_ > confidenceBefore ? 0.7 : 0.3)),
            views: views(),
          });
          break;
        }
      }
      const point = plan.followUps.find((p) => p.id === '12m')!;
      const window = followUpWindow(point, record.after!.date);
      const r = random();
      if (r < 0.2) return followUp(plan, record, { point: '12m', date: window.end, status: 'not_reached' });
      if (r < 0.3) return followUp(plan, record, { point: '12m', date: window.target, status: 'declined' });
      return followUp(plan, record, { point: '12m', date: window.target, status: 'reached', measures: { 'tilltro-nykterhet': int(1, 5) } });
    }),
  };
}

/**
 * A deterministic synthetic case load: what the unit's staff enter over a
 * year, change by change in the order they are entered. Nobody here exists:
 * client ids are made-up pseudonyms, birth dates are drawn at random, and no
 * identity number is used.
 */
import { addDaysIso, followUpWindow, seededRandom, type ClientRecord, type DuringEvent, type IsoDate, type Plan } from '../../src/index.js';
import { takeStep, type Change } from './store.js';

/** Options of {@link caseLoad}. */
export interface CaseLoadOptions {
  /** How many clients are enrolled (default 120). */
  readonly clients?: number;
  /** The seed; the same seed gives the same changes (default 'case-system-2025'). */
  readonly seed?: string;
  /** Changes entered after this day are left out: the case load as it stands that day (default '2026-02-28'). */
  readonly until?: IsoDate;
  /**
   * As records migrated from an older system arrive: a client's during
   * events in one change, and no mistakes to refuse (default false: week by
   * week, as entered). Fewer step calls, for loads of thousands.
   */
  readonly bulk?: boolean;
}

const STAFF = ['handlaggare-anna', 'handlaggare-omar', 'behandlare-lena', 'behandlare-jonas'] as const;
const GOALS = [
  ['nykterhet', 'Vara nykter i sociala sammanhang'],
  ['sysselsattning', 'Börja arbetsträning två dagar i veckan'],
  ['relationer', 'Återuppta kontakten med min syster'],
] as const;
const PSEUDONYM_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

type Fate = 'completed' | 'breakdown' | 'moved' | 'declined' | 'ongoing';

/**
 * The changes of `clients` clients, sorted by the day they are entered (a
 * client's own changes keep their order). A few are mistakes a form would
 * refuse — a value off the scale, a closing date before the start — each
 * followed by the corrected change, as a worker would re-enter it.
 */
export function caseLoad(plan: Plan, options: CaseLoadOptions = {}): Change[] {
  const random = seededRandom(options.seed ?? 'case-system-2025');
  const until = options.until ?? '2026-02-28';
  const n = options.clients ?? 120;
  const bulk = options.bulk ?? false;
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const changes: Change[] = [];

  for (let i = 0; i < n; i++) {
    const clientId = Array.from({ length: 43 }, () => pick([...PSEUDONYM_CHARS])).join('');
    const worker = pick(STAFF);
    const add = (on: IsoDate, change: Omit<Change, 'clientId' | 'entered'>) =>
      changes.push({ ...change, clientId, entered: { on, by: worker } } as Change);

    const f = random();
    const fate: Fate = f < 0.64 ? 'completed' : f < 0.8 ? 'breakdown' : f < 0.86 ? 'moved' : f < 0.92 ? 'declined' : 'ongoing';
    const enrolled = addDaysIso('2025-01-02', between(0, 240));
    const birthDate = addDaysIso(enrolled, -between(19 * 365, 68 * 365));
    add(enrolled, {
      step: 'enrol',
      input: { intervention: pick(['cra', 'cra', 'ap']), enrolled, gender: random() < 0.35 ? 'kvinna' : 'man', birthDate },
    });
    if (fate === 'declined') {
      const on = addDaysIso(enrolled, between(1, 10));
      add(on, { step: 'withdraw', input: { date: on, reason: 'declined' } });
      continue;
    }

    const start = addDaysIso(enrolled, between(3, 21));
    const confidence = pick([1, 2, 2, 2, 3, 3, 4]);
    const audit = between(8, 32);
    const goals = Array.from({ length: between(1, 2) }, () => {
      const [area, statement] = pick(GOALS);
      return { area, statement };
    });
    const before = {
      date: start,
      mainProblem: pick(['alkohol', 'alkohol', 'narkotika']),
      goals,
      background: { huvuddrog: pick(['alkohol', 'alkohol', 'cannabis', 'annan']) },
      measures: { 'tilltro-nykterhet': confidence, audit },
    };
    if (random() < 0.04 && !bulk) {
      // Typed on the wrong scale: refused, then entered again.
      add(start, { step: 'before', input: { ...before, measures: { ...before.measures, 'tilltro-nykterhet': confidence + 5 } } });
    }
    add(start, { step: 'before', input: before });

    const weeks = fate === 'breakdown' ? between(2, 8) : fate === 'moved' ? between(3, 10) : between(10, 24);
    const risk = fate === 'breakdown' ? 0.35 : 0.08;
    const batch: DuringEvent[] = [];
    for (let week = 0; week < weeks; week++) {
      // The week's results are entered together on its last day.
      const weekStart = addDaysIso(start, week * 7);
      const events: DuringEvent[] = [
        { kind: 'session', date: addDaysIso(weekStart, 1), attended: random() < 0.85 },
        { kind: 'measure', date: addDaysIso(weekStart, between(0, 5)), measure: 'urinprov', value: random() < risk ? 1 : 0 },
      ];
      if (random() < risk / 3) events.push({ kind: 'deviation', date: addDaysIso(weekStart, 4), note: 'Avvikelse rapporterad' });
      if (bulk) batch.push(...events);
      else add(addDaysIso(weekStart, 6), { step: 'during', input: events });
    }
    const end = addDaysIso(start, weeks * 7);
    if (bulk) add(end, { step: 'during', input: batch });
    switch (fate) {
      case 'ongoing':
        break;
      case 'breakdown':
        add(end, { step: 'withdraw', input: { date: end, reason: 'breakdown' } });
        break;
      case 'moved':
        add(end, { step: 'after', input: { date: end, reason: 'moved', measures: {} } });
        break;
      case 'completed': {
        const shift = pick([-1, 0, 0, 1, 1, 1, 2]);
        const closing = {
          date: end,
          reason: 'completed' as const,
          measures: { 'tilltro-nykterhet': Math.min(5, Math.max(1, confidence + shift)), audit: Math.max(0, audit - between(-3, 12)) },
          goalsMet: goals.map(() => random() < (shift > 0 ? 0.7 : 0.25)),
        };
        if (random() < 0.04 && !bulk) {
          // The start date typed as the closing date's year before: refused (date_order), then corrected.
          add(end, { step: 'after', input: { ...closing, date: addDaysIso(start, -365) } });
        }
        add(end, { step: 'after', input: closing });
        // Six months later: most are reached and measured again, some cannot be reached, a few decline.
        const point = plan.followUps[0];
        if (point !== undefined) {
          const window = followUpWindow(point, end);
          const on = addDaysIso(window.target, between(-20, 20));
          const reach = random();
          if (reach < 0.75) {
            const measures = { 'tilltro-nykterhet': Math.min(5, Math.max(1, closing.measures['tilltro-nykterhet'] + pick([-1, 0, 0, 1]))), audit: Math.max(0, closing.measures.audit + between(-4, 4)) };
            add(on, { step: 'follow_up', input: { point: point.id, date: on, status: 'reached', measures } });
          } else {
            // Not reached: written down when the window has closed.
            add(window.end, { step: 'follow_up', input: { point: point.id, date: window.end, status: reach < 0.9 ? 'not_reached' : 'declined' } });
          }
        }
        break;
      }
    }
  }
  const order = changes.map((change, index) => ({ change, index })).filter(({ change }) => change.entered.on <= until);
  order.sort((a, b) => (a.change.entered.on < b.change.entered.on ? -1 : a.change.entered.on > b.change.entered.on ? 1 : a.index - b.index));
  return order.map(({ change }) => change);
}

/**
 * The same changes applied in memory, with the same step functions and no
 * database: the records the store must hold afterwards, and how many changes
 * were refused.
 */
export function replay(plan: Plan, changes: readonly Change[]): { readonly records: ClientRecord[]; readonly refused: number } {
  const records = new Map<string, ClientRecord>();
  let refused = 0;
  for (const change of changes) {
    const result = takeStep(plan, records.get(change.clientId), change);
    if (result.success) records.set(change.clientId, result.data);
    else refused++;
  }
  return { records: [...records.values()], refused };
}

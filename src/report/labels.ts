import type { Label, Locale } from '../core/locale.js';

/**
 * The fixed texts of the reports, in Swedish and English. Category names
 * (genders, age bands, instruments, goal areas) come from the plan through
 * the compilation; these are the report's own words.
 *
 * @example
 * ```ts
 * REPORT_LABELS.attainment.sv;
 * // => 'Måluppfyllelse'
 * ```
 */
export const REPORT_LABELS = {
  summary: { sv: 'Sammanfattning', en: 'Summary' },
  statisticalTests: { sv: 'Statistiska test', en: 'Statistical tests' },
  question: { sv: 'Frågeställning', en: 'Question' },
  targetGroup: { sv: 'Målgrupp', en: 'Target group' },
  intervention: { sv: 'Insats', en: 'Intervention' },
  interventions: { sv: 'Insatser', en: 'Interventions' },
  period: { sv: 'Period', en: 'Period' },
  periods: { sv: 'Perioder', en: 'Periods' },
  unit: { sv: 'Enhet', en: 'Unit' },
  units: { sv: 'Enheter', en: 'Units' },
  from: { sv: 'från', en: 'from' },
  followed: { sv: 'Följda klienter', en: 'Clients followed' },
  followedText: { sv: '{n} som påbörjade insatsen', en: '{n} who started the intervention' },
  date: { sv: 'Rapportdatum', en: 'Report date' },
  cautions: { sv: 'Vad siffrorna inte kan säga', en: 'What the numbers cannot say' },
  flow: { sv: 'Bortfall: från urval till bedömning', en: 'Attrition: from selection to classification' },
  flowChart: { sv: 'Klienternas väg genom uppföljningen', en: 'The clients’ path through the follow-up' },
  withdrawals: { sv: 'Avförda och ej påbörjade, efter orsak', en: 'Withdrawn and not started, by reason' },
  unusable: { sv: 'Rader som inte kunde användas, efter första felet', en: 'Rows that could not be used, by their first problem' },
  attainment: { sv: 'Måluppfyllelse', en: 'Goal attainment' },
  attainmentChart: { sv: 'Måluppfyllelse per grupp (skalans ordning)', en: 'Goal attainment by group (in the scale’s order)' },
  primary: { sv: 'Huvudmåttet före och efter', en: 'The primary measure before and after' },
  primaryChart: { sv: 'Fördelning före och efter', en: 'Distribution before and after' },
  primaryDistribution: { sv: 'Antal per värde på skalan', en: 'Count per value on the scale' },
  during: { sv: 'Under insatsen', en: 'During the intervention' },
  duringChart: { sv: 'Andel negativa prov per vecka', en: 'Share of negative tests per week' },
  target: { sv: 'Målgruppen', en: 'The target group' },
  mainProblems: { sv: 'Huvudproblem', en: 'Main problems' },
  goalAreas: { sv: 'Målområden', en: 'Goal areas' },
  count: { sv: 'Antal', en: 'Count' },
  recorded: { sv: 'Uppgift finns', en: 'Recorded' },
  notRecorded: { sv: 'Uppgift saknas', en: 'Not recorded' },
  notShown: { sv: 'Visas inte (..)', en: 'Not shown (..)' },
  hiddenMark: { sv: 'visas inte', en: 'not shown' },
  hiddenKey: { sv: 'En streckad ruta är en uppgift som visas inte (..).', en: 'A dashed box is a figure not shown (..).' },
  n: { sv: 'n', en: 'n' },
  total: { sv: 'Totalt', en: 'Total' },
  group: { sv: 'Grupp', en: 'Group' },
  goalMet: { sv: 'Målet uppfyllt', en: 'Goal met' },
  week: { sv: 'Vecka', en: 'Week' },
  tests: { sv: 'Prov', en: 'Tests' },
  clients: { sv: 'Klienter', en: 'Clients' },
  clientWeeks: { sv: 'Klientveckor', en: 'Client-weeks' },
  weeks: { sv: 'Vecka', en: 'Weeks' },
  perClient: { sv: 'Prov per klient (planerat {n})', en: 'Tests per client (planned {n})' },
  negativeShare: { sv: 'Andel negativa', en: 'Share negative' },
  mean: { sv: 'Medelvärde', en: 'Mean' },
  sd: { sv: 'Standardavvikelse', en: 'Standard deviation' },
  median: { sv: 'Median', en: 'Median' },
  q1: { sv: 'Nedre kvartil', en: 'Lower quartile' },
  q3: { sv: 'Övre kvartil', en: 'Upper quartile' },
  value: { sv: 'Värde', en: 'Value' },
  timePoint: { sv: 'Tidpunkt', en: 'Time point' },
  share: { sv: 'Andel', en: 'Share' },
  beforeStart: { sv: 'Före start', en: 'Before the start' },
  duringStage: { sv: 'Under insatsen', en: 'During the intervention' },
  before: { sv: 'Före (alla som påbörjade)', en: 'Before (all who started)' },
  beforeStayed: { sv: 'Före (de som inte avfördes)', en: 'Before (those not withdrawn)' },
  after: { sv: 'Efter (avslutade)', en: 'After (closed)' },
  change: { sv: 'Förändring', en: 'Change' },
  suppressedNote: {
    sv: '.. = uppgiften visas inte för att skydda enskilda: den bygger på färre än {k} personer, eller är dold för att ett så litet tal inte ska kunna räknas fram ur rapportens övriga uppgifter.',
    en: '.. = not shown to protect individuals: it rests on fewer than {k} people, or is hidden so that such a small count cannot be worked out from the rest of the report.',
  },
  internalBanner: {
    sv: 'Intern rapport – får inte publiceras eller lämnas ut. Inga tal är dolda, och små tal kan röja enskilda personer.',
    en: 'Internal report – must not be published or passed on. No counts are hidden, and small counts can identify individuals.',
  },
  generated: {
    sv: 'Rapporten är framställd ur sammanställningen; inga uppgifter om enskilda ingår.',
    en: 'The report is generated from the compilation; no data about individuals is included.',
  },
} as const satisfies Record<string, Label>;

/**
 * The flow's steps and their labels, in order.
 *
 * @example
 * ```ts
 * Object.keys(FLOW_LABELS)[1];
 * // => 'notStarted'
 * FLOW_LABELS.notStarted.en;
 * // => 'Never started'
 * ```
 */
export const FLOW_LABELS = {
  selected: { sv: 'Utvalda', en: 'Selected' },
  notStarted: { sv: 'Påbörjade aldrig', en: 'Never started' },
  started: { sv: 'Påbörjade insatsen', en: 'Started the intervention' },
  withdrawn: { sv: 'Avförda under insatsen', en: 'Withdrawn during the intervention' },
  ongoing: { sv: 'Pågår fortfarande', en: 'Still ongoing' },
  closed: { sv: 'Avslutade', en: 'Closed' },
  unclassified: { sv: 'Avslutade men ej bedömda', en: 'Closed but not classified' },
  classified: { sv: 'Bedömda på skalan', en: 'Classified on the scale' },
} as const satisfies Record<string, Label>;

/**
 * The goal-attainment scale's levels, in the scale's order.
 *
 * @example
 * ```ts
 * LEVEL_LABELS[ATTAINMENT_LEVELS[0]].sv;
 * // => 'Positiv förändring och målet uppfyllt'
 * ```
 */
export const LEVEL_LABELS = {
  positive_goal_met: { sv: 'Positiv förändring och målet uppfyllt', en: 'Positive change and goal met' },
  positive_goal_not_met: { sv: 'Positiv förändring men målet inte uppfyllt', en: 'Positive change but goal not met' },
  no_change: { sv: 'Ingen förändring', en: 'No change' },
  negative_change: { sv: 'Negativ förändring', en: 'Negative change' },
} as const satisfies Record<string, Label>;

// The face of a smiley in a box from −1 to 1 (y down), drawn clockwise; its eyes and mouth are
// holes drawn counter-clockwise, so one filled path (non-zero rule) shows them in any renderer.
const FACE = 'M-1,0A1,1,0,1,1,1,0A1,1,0,1,1,-1,0Z';
const EYES = 'M-0.48,-0.3A0.13,0.13,0,1,0,-0.22,-0.3A0.13,0.13,0,1,0,-0.48,-0.3ZM0.22,-0.3A0.13,0.13,0,1,0,0.48,-0.3A0.13,0.13,0,1,0,0.22,-0.3Z';
const MOUTHS = {
  // An open laugh: a half disc.
  positive_goal_met: 'M0.5,0.12L-0.5,0.12A0.5,0.5,0,0,0,0.5,0.12Z',
  // A smile: a crescent curving down.
  positive_goal_not_met: 'M-0.5,0.22A0.55,0.55,0,0,0,0.5,0.22A0.9,0.9,0,0,1,-0.5,0.22Z',
  // A straight mouth.
  no_change: 'M-0.45,0.3L-0.45,0.44L0.45,0.44L0.45,0.3Z',
  // A frown: a crescent curving up.
  negative_change: 'M-0.5,0.6A0.9,0.9,0,0,1,0.5,0.6A0.55,0.55,0,0,0,-0.5,0.6Z',
} as const;

/**
 * The pilot's smileys beside the four goal-attainment levels (the municipality in the pilot
 * showed the levels as smileys; the report's `smileys` option): the character for Markdown,
 * one SVG path in a box from −1 to 1 for HTML and the chart legends (so no emoji font is
 * needed), and the text alternative in Swedish and English.
 *
 * @internal
 */
export const LEVEL_SMILEYS = {
  positive_goal_met: { emoji: '😄', path: FACE + EYES + MOUTHS.positive_goal_met, alt: { sv: 'mycket glad gubbe', en: 'very happy face' } },
  positive_goal_not_met: { emoji: '🙂', path: FACE + EYES + MOUTHS.positive_goal_not_met, alt: { sv: 'glad gubbe', en: 'happy face' } },
  no_change: { emoji: '😐', path: FACE + EYES + MOUTHS.no_change, alt: { sv: 'neutral gubbe', en: 'neutral face' } },
  negative_change: { emoji: '🙁', path: FACE + EYES + MOUTHS.negative_change, alt: { sv: 'ledsen gubbe', en: 'sad face' } },
} as const satisfies Record<keyof typeof LEVEL_LABELS, { emoji: string; path: string; alt: Label }>;

/**
 * @internal The smiley of a goal-attainment level named as a table column or legend entry
 * names it (the level's label in `locale`), or undefined for any other name.
 */
export function smileyOf(name: string, locale: Locale): (typeof LEVEL_SMILEYS)[keyof typeof LEVEL_SMILEYS] | undefined {
  const level = (Object.keys(LEVEL_LABELS) as (keyof typeof LEVEL_LABELS)[]).find((l) => LEVEL_LABELS[l][locale] === name);
  return level === undefined ? undefined : LEVEL_SMILEYS[level];
}

/**
 * Reasons for leaving.
 *
 * @example
 * ```ts
 * const reason = withdrawnRecord.withdrawal!.reason; // 'breakdown'
 * REASON_LABELS[reason].sv;
 * // => 'Sammanbrott'
 * ```
 */
export const REASON_LABELS = {
  completed: { sv: 'Fullföljd', en: 'Completed' },
  breakdown: { sv: 'Sammanbrott', en: 'Breakdown' },
  moved: { sv: 'Flyttat', en: 'Moved' },
  declined: { sv: 'Avböjt', en: 'Declined' },
  other: { sv: 'Annan orsak', en: 'Other reason' },
} as const satisfies Record<string, Label>;

/** @internal Picks a label's text. */
export const t = (label: Label, locale: Locale): string => label[locale];

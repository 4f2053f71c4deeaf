import type { PlanInput } from '../plan/plan.js';

/** A plan template for a new follow-up: valid as it stands, meant to be edited. */
export const PLAN_TEMPLATE: PlanInput = {
  id: 'min-uppfoljning',
  title: 'Uppföljning av insatsen (ändra)',
  question: 'Förbättras klienternas situation under insatsen, och når de sina mål?',
  period: { from: '2025-01-01', to: '2025-12-31' },
  interventions: [{ code: 'insats', label: { sv: 'Insatsen', en: 'The intervention' } }],
  targetGroup: 'Beskriv målgruppen här',
  selection: { kind: 'all' },
  background: [
    { id: 'tidigare-insats', label: { sv: 'Tidigare insats', en: 'Earlier intervention' }, kind: 'boolean' },
  ],
  mainProblems: [
    { code: 'missbruk', label: { sv: 'Missbruk', en: 'Substance misuse' } },
    { code: 'psykisk-ohalsa', label: { sv: 'Psykisk ohälsa', en: 'Mental ill-health' } },
  ],
  goalAreas: [
    { code: 'sysselsattning', label: { sv: 'Sysselsättning', en: 'Occupation' } },
    { code: 'boende', label: { sv: 'Boende', en: 'Housing' } },
  ],
  measures: { before: ['skattning-5'], after: ['skattning-5'] },
  primaryMeasure: 'skattning-5',
  during: [],
  goalRule: { kind: 'assessed', combine: 'all' },
  withdrawOn: ['breakdown'],
  grouping: {
    ageBands: [{ from: 18, to: 29 }, { from: 30, to: 49 }, { from: 50 }],
    genders: [
      { code: 'kvinna', label: { sv: 'Kvinna', en: 'Woman' } },
      { code: 'man', label: { sv: 'Man', en: 'Man' } },
    ],
  },
};

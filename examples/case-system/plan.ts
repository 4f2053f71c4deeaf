import type { PlanInput } from '../../src/index.js';

/**
 * The follow-up plan of a made-up adult substance-misuse unit
 * (*missbruksenheten, vuxen*) in a made-up municipality, as its case system
 * stores it: two outpatient interventions followed up for every client, the
 * client's confidence in staying sober as the primary before/after measure,
 * AUDIT before and after beside it, weekly urine tests while the
 * intervention runs, and a follow-up six months after the end
 * (*efteruppföljning*) of both measures. Everything in it is synthetic.
 */
export const caseSystemPlan: PlanInput = {
  id: 'oppenvard-vuxen-2025',
  title: 'Öppenvård vuxen – CRA och återfallsprevention 2025',
  question: 'Ökar klienternas tilltro till fortsatt nykterhet under öppenvårdsinsatserna, och når de sina mål?',
  period: { from: '2025-01-01', to: '2025-12-31' },
  interventions: [
    { code: 'cra', label: { sv: 'CRA i öppenvård', en: 'Outpatient CRA' } },
    { code: 'ap', label: { sv: 'Återfallsprevention i grupp', en: 'Relapse prevention group' } },
  ],
  targetGroup: 'Vuxna med alkohol- eller narkotikaproblem som beviljas öppenvårdsinsats',
  selection: { kind: 'all' },
  background: [
    {
      id: 'huvuddrog',
      label: { sv: 'Huvuddrog', en: 'Main substance' },
      kind: 'category',
      options: [
        { code: 'alkohol', label: { sv: 'Alkohol', en: 'Alcohol' } },
        { code: 'cannabis', label: { sv: 'Cannabis', en: 'Cannabis' } },
        { code: 'annan', label: { sv: 'Annan drog', en: 'Other drug' } },
      ],
    },
  ],
  mainProblems: [
    { code: 'alkohol', label: { sv: 'Alkoholproblem', en: 'Alcohol problems' } },
    { code: 'narkotika', label: { sv: 'Narkotikaproblem', en: 'Drug problems' } },
  ],
  goalAreas: [
    { code: 'nykterhet', label: { sv: 'Nykterhet/drogfrihet', en: 'Sobriety' } },
    { code: 'sysselsattning', label: { sv: 'Sysselsättning', en: 'Occupation' } },
    { code: 'relationer', label: { sv: 'Relationer', en: 'Relationships' } },
  ],
  measures: { before: ['tilltro-nykterhet', 'audit'], after: ['tilltro-nykterhet', 'audit'] },
  primaryMeasure: 'tilltro-nykterhet',
  // AUDIT has no published minimal important change, so the unit decides one:
  // a change of 3 points or more counts as a change on the four-level scale.
  minimalChange: { audit: 3 },
  during: [{ id: 'urinprov', label: { sv: 'Urinprov', en: 'Urine test' }, instrument: 'provresultat', perWeek: 1, weeks: 26 }],
  followUps: [
    { id: '6m', label: { sv: '6 månader efter', en: '6 months after' }, monthsAfter: 6, windowDays: 30, measures: ['tilltro-nykterhet', 'audit'] },
  ],
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

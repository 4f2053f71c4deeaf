import { z } from 'zod';
import { CodeSchema, LabelSchema } from '../core/schemas.js';
import { isRecord, parseArg, throwIfAny, typeIssues } from '../core/args.js';

/**
 * @internal A field's description for the plan reference (docs/plan.md and
 * docs/plan.sv.md): English, with the Swedish term in italics, and the
 * Swedish text under `sv`.
 */
const doc = (description: string, sv: string) => ({ description, sv });

/**
 * One answer of a client-view item (*svarsalternativ*): the value a record
 * stores, and its wording.
 *
 * @example
 * ```ts
 * ViewOptionSchema.parse({ value: 4, label: { sv: 'Instämmer helt', en: 'Agree completely' } }).value;
 * // => 4
 * ```
 */
export const ViewOptionSchema = z
  .object({
    value: z.number().int().min(-1000).max(1000).meta(doc('The value a record stores for this answer (a whole number).', 'Värdet som klientposten lagrar för svaret (ett heltal).')),
    label: LabelSchema.meta(doc('The answer as the questionnaire words it.', 'Svaret som det står i enkäten.')),
  })
  .strict();

/**
 * One answer of a client-view item, as defined by {@link ViewOptionSchema}.
 *
 * @example
 * ```ts
 * const dontKnow: ViewOption = { value: 0, label: { sv: 'Vet inte', en: "Don't know" } };
 * ```
 */
export type ViewOption = z.infer<typeof ViewOptionSchema>;

const itemId = () =>
  CodeSchema.meta(doc('The item\'s code, unique among the template\'s and the plan\'s items (rule `duplicate`).', 'Frågans kod, unik bland mallens och planens frågor (regel `duplicate`).'));
const itemLabel = () => LabelSchema.meta(doc('The statement or question, as the client reads it.', 'Påståendet eller frågan, som klienten läser den.'));
const dontKnow = () =>
  ViewOptionSchema.optional().meta(
    doc(
      'A "don\'t know" answer (*vet inte*): counted apart, left out of the shares and the tests; its value is none of the scale\'s (rule `duplicate`).',
      'Ett svar "vet inte": räknas för sig och ingår inte i andelar och test; värdet är inget av skalans (regel `duplicate`).',
    ),
  );

/**
 * A question of the client questionnaire (*brukarenkät*): an `ordinal` item
 * answered on a scale listed from the most positive answer to the least
 * positive (`positive`: how many of the first answers count as a positive
 * view, e.g. 2 for "Instämmer helt" and "Instämmer till stor del"), or a
 * `yes_no` item (`positive`: which answer is the positive view, default yes).
 * Either may have a `dontKnow` answer, which is counted apart and left out of
 * the shares and the tests; a question left unanswered is counted as not
 * answered.
 *
 * @example
 * ```ts
 * ViewItemSchema.parse({ id: 'vantetid', label: { sv: 'Jag fick hjälp i rimlig tid', en: 'I got help in reasonable time' },
 *   kind: 'yes_no' }).positive;
 * // => true
 * ```
 */
export const ViewItemSchema = z.discriminatedUnion('kind', [
  z
    .object({
      id: itemId(),
      label: itemLabel(),
      kind: z.literal('ordinal'),
      options: z
        .array(ViewOptionSchema)
        .min(2)
        .max(11)
        .meta(doc('The answers, from the most positive to the least positive; values unique (rule `duplicate`).', 'Svaren, från det mest positiva till det minst positiva; värdena unika (regel `duplicate`).')),
      positive: z
        .number()
        .int()
        .min(1)
        .meta(doc('How many of the first answers count as a positive view; fewer than the answers (rule `max`).', 'Hur många av de första svaren som räknas som positiva; färre än svaren (regel `max`).')),
      dontKnow: dontKnow(),
    })
    .strict()
    .meta(doc('A statement answered on an ordered scale (e.g. *Instämmer helt … Instämmer inte alls*).', 'Ett påstående som besvaras på en ordnad skala (t.ex. Instämmer helt … Instämmer inte alls).')),
  z
    .object({
      id: itemId(),
      label: itemLabel(),
      kind: z.literal('yes_no'),
      positive: z.boolean().default(true).meta(doc('Which answer is the positive view: `true` (yes, the default) or `false` (no).', 'Vilket svar som är positivt: `true` (ja, förvalt) eller `false` (nej).')),
      dontKnow: dontKnow(),
    })
    .strict()
    .meta(doc('A question answered yes or no (`true`/`false` in the record).', 'En fråga som besvaras ja eller nej (`true`/`false` i klientposten).')),
]);

/**
 * A question of the client questionnaire, as defined by {@link ViewItemSchema}.
 *
 * @example
 * ```ts
 * const item: ViewItem = NATIONAL_VIEW_ITEMS[0]!;
 * item.id;
 * // => 'respekt'
 * ```
 */
export type ViewItem = z.infer<typeof ViewItemSchema>;

/**
 * The plan's client questionnaire (*klienternas synpunkter*): the built-in
 * national `template` ({@link NATIONAL_VIEW_ITEMS}), the unit's own `items`,
 * and `at`, when it is asked: `after` (at closing) and/or the ids of the
 * plan's follow-up points.
 *
 * @example
 * ```ts
 * ClientViewsSchema.parse({ template: 'national' }).at;
 * // => ['after']
 * ```
 */
export const ClientViewsSchema = z
  .object({
    template: z
      .literal('national')
      .optional()
      .meta(
        doc(
          'Include the built-in items in the style of the national client surveys (*brukarundersökning*): respect, being listened to, information, influence, overall satisfaction, would recommend.',
          'Ta med de inbyggda frågorna i de nationella brukarundersökningarnas stil: bemötande, att bli lyssnad på, information, inflytande, helhetsomdöme, skulle rekommendera.',
        ),
      ),
    items: z.array(ViewItemSchema).default([]).meta(doc('The unit\'s own items, after the template\'s.', 'Enhetens egna frågor, efter mallens.')),
    at: z
      .array(CodeSchema)
      .min(1)
      .default(['after'])
      .meta(
        doc(
          'When the questionnaire is asked: `after` (at closing) and/or follow-up point ids; each known (rule `unknown_code`), none twice.',
          'När enkäten besvaras: `after` (vid avslut) och/eller uppföljningstillfällenas koder; var och en känd (regel `unknown_code`), ingen två gånger.',
        ),
      ),
  })
  .strict();

/**
 * The plan's client questionnaire, as defined by {@link ClientViewsSchema}.
 *
 * @example
 * ```ts
 * const views: ClientViews = { template: 'national', items: [], at: ['after'] };
 * ```
 */
export type ClientViews = z.infer<typeof ClientViewsSchema>;

/** The agreement scale of the national template, from the most positive answer. */
const AGREE: readonly ViewOption[] = [
  { value: 4, label: { sv: 'Instämmer helt', en: 'Agree completely' } },
  { value: 3, label: { sv: 'Instämmer till stor del', en: 'Agree to a large extent' } },
  { value: 2, label: { sv: 'Instämmer till viss del', en: 'Agree to some extent' } },
  { value: 1, label: { sv: 'Instämmer inte alls', en: 'Do not agree at all' } },
];
const DONT_KNOW: ViewOption = { value: 0, label: { sv: 'Vet inte', en: "Don't know" } };

const agree = (id: string, sv: string, en: string): ViewItem => ({
  id,
  label: { sv, en },
  kind: 'ordinal',
  options: AGREE.map((o) => ({ value: o.value, label: { ...o.label } })),
  positive: 2,
  dontKnow: { value: DONT_KNOW.value, label: { ...DONT_KNOW.label } },
});

/**
 * The items of the national template (`clientViews.template: 'national'`),
 * worded in the style of the national client surveys of the social services
 * (*Brukarundersökning individ- och familjeomsorg*): five statements on the
 * agreement scale *Instämmer helt / till stor del / till viss del / inte
 * alls* (4 to 1; the first two count as positive) with *Vet inte* (0), and
 * one yes/no question, with *Vet inte* (0).
 *
 * @see https://www.socialstyrelsen.se/statistik-och-data/oppna-jamforelser/socialtjanst/ Öppna jämförelser, socialtjänst (the national client surveys)
 *
 * @example
 * ```ts
 * NATIONAL_VIEW_ITEMS.map((i) => i.id);
 * // => ['respekt', 'lyssnad', 'information', 'inflytande', 'nojd', 'rekommendera']
 * NATIONAL_VIEW_ITEMS[0]!.label.sv;
 * // => 'Jag har blivit bemött med respekt'
 * ```
 */
export const NATIONAL_VIEW_ITEMS: readonly ViewItem[] = Object.freeze([
  agree('respekt', 'Jag har blivit bemött med respekt', 'I have been treated with respect'),
  agree('lyssnad', 'Personalen har lyssnat på mig', 'The staff have listened to me'),
  agree('information', 'Jag har fått tillräckligt med information om hjälpen', 'I have been given enough information about the help'),
  agree('inflytande', 'Jag har kunnat påverka hur hjälpen har utformats', 'I have been able to influence how the help was shaped'),
  agree('nojd', 'Sammantaget är jag nöjd med den hjälp jag har fått', 'Overall, I am satisfied with the help I have received'),
  {
    id: 'rekommendera',
    label: { sv: 'Skulle du rekommendera insatsen till någon i en liknande situation?', en: 'Would you recommend the intervention to someone in a similar situation?' },
    kind: 'yes_no',
    positive: true,
    dontKnow: { value: DONT_KNOW.value, label: { ...DONT_KNOW.label } },
  },
]);

/**
 * The questionnaire's items in order: the template's, then the plan's own;
 * empty when the plan has no `clientViews`.
 *
 * @param plan - a validated plan (only `clientViews` is read)
 * @returns the items
 * @throws UppfoljningError when `plan` is not an object or its `clientViews` is malformed (path `plan.clientViews…`)
 *
 * @example
 * ```ts
 * viewItems({ clientViews: { template: 'national', items: [], at: ['after'] } }).length;
 * // => 6
 * viewItems({}).length;
 * // => 0
 * ```
 */
export function viewItems(plan: { readonly clientViews?: ClientViews | undefined }): readonly ViewItem[] {
  throwIfAny(isRecord(plan) ? [] : typeIssues(plan, 'object', ['plan']));
  if (plan.clientViews === undefined) return [];
  const parsed = parseArg(ClientViewsSchema, plan.clientViews, ['plan', 'clientViews']);
  throwIfAny(parsed.issues);
  return planViewItems(parsed.value);
}

/** @internal {@link viewItems} of a plan's questionnaire already checked (a validated plan's). */
export function planViewItems(views: ClientViews | undefined): readonly ViewItem[] {
  if (views === undefined) return [];
  return [...(views.template === 'national' ? NATIONAL_VIEW_ITEMS : []), ...views.items];
}

/** @internal The values a record may store for an item: its answers' values (or yes/no) and its don't-know value. */
export function viewValues(item: ViewItem): (number | boolean)[] {
  const answers: (number | boolean)[] = item.kind === 'ordinal' ? item.options.map((o) => o.value) : [true, false];
  return item.dontKnow === undefined ? answers : [...answers, item.dontKnow.value];
}

/**
 * @internal The plan rules of `clientViews` that span fields, as issues'
 * paths and params: item ids unique (the template's too), values unique
 * within an item, `positive` fewer than the answers, `at` known and unique.
 */
export function clientViewsIssues(
  views: ClientViews,
  followUpIds: readonly string[],
  add: (path: (string | number)[], params: Record<string, unknown>) => void,
): void {
  const base = ['clientViews'];
  const seen = new Set<string>(views.template === 'national' ? NATIONAL_VIEW_ITEMS.map((i) => i.id) : []);
  views.items.forEach((item, i) => {
    const at = [...base, 'items', i];
    if (seen.has(item.id)) add([...at, 'id'], { rule: 'duplicate', value: item.id });
    seen.add(item.id);
    const values = new Set<number>();
    if (item.kind === 'ordinal') {
      item.options.forEach((o, j) => {
        if (values.has(o.value)) add([...at, 'options', j, 'value'], { rule: 'duplicate', value: o.value });
        values.add(o.value);
      });
      if (item.positive >= item.options.length) add([...at, 'positive'], { rule: 'max', maximum: item.options.length - 1, origin: 'number' });
    }
    if (item.dontKnow !== undefined && values.has(item.dontKnow.value)) add([...at, 'dontKnow', 'value'], { rule: 'duplicate', value: item.dontKnow.value });
  });
  const known = ['after', ...followUpIds];
  const points = new Set<string>();
  views.at.forEach((point, i) => {
    if (!known.includes(point)) add([...base, 'at', i], { rule: 'unknown_code', value: point, field: 'clientViews.at', known });
    else if (points.has(point)) add([...base, 'at', i], { rule: 'duplicate', value: point });
    points.add(point);
  });
  if (views.template === undefined && views.items.length === 0) add([...base, 'items'], { rule: 'min', minimum: 1, origin: 'array' });
}

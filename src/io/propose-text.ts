import type { Locale } from '../core/locale.js';
import type { Decision, ProposedColumn } from './propose.js';

// The words of an export proposal (`uppfoljning init --from` and the
// workbench page): what each column holds and each decision, in Swedish and English.

/** @internal The text in the locale's language. */
export const say = (locale: Locale, sv: string, en: string): string => (locale === 'sv' ? sv : en);
/** @internal `a, b och c` / `a, b and c`. */
export const list = (values: readonly string[], locale: Locale): string =>
  values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} ${say(locale, 'och', 'and')} ${values[values.length - 1]}`;

/** @internal The draft plan's texts the analyst must replace, in the language asked for. */
export function draftTexts(locale: Locale): { title: string; question: string; targetGroup: string } {
  return {
    title: say(locale, 'Uppföljning', 'Follow-up'),
    question: say(locale, 'Att besluta: vad ska uppföljningen besvara?', 'To decide: what should the follow-up answer?'),
    targetGroup: say(locale, 'Att besluta: beskriv målgruppen.', 'To decide: describe the target group.'),
  };
}

/** @internal What a column holds, in words. */
export function kindText(c: ProposedColumn, locale: Locale): string {
  switch (c.kind) {
    case 'identity':
      return say(locale, 'personnummer; värdena visas inte', 'identity numbers; the values are not shown');
    case 'date':
      return say(locale, 'datum', 'dates');
    case 'number': {
      const r = c.range!;
      const n = (x: number) => (locale === 'sv' ? String(x).replace('.', ',') : String(x));
      return `${say(locale, r.integer ? 'heltal' : 'tal', r.integer ? 'whole numbers' : 'numbers')} ${n(r.min)}–${n(r.max)}`;
    }
    case 'boolean':
    case 'category':
      return c.categories === undefined ? say(locale, 'fritext', 'free text') : c.categories.join(', ');
    case 'text':
      return say(locale, 'fritext', 'free text');
    case 'empty':
      return say(locale, 'tom', 'empty');
  }
}

/** @internal One decision, in words. */
export function decisionText(d: Decision, locale: Locale, files: { plan: string; mapping: string }): string {
  const p = files.plan;
  const m = files.mapping;
  switch (d.code) {
    case 'question':
      return say(locale, `Frågeställningen: skriv vad uppföljningen ska besvara i \`question\` och en rubrik i \`title\` (${p}).`, `The question: write what the follow-up should answer in \`question\` and a title in \`title\` (${p}).`);
    case 'target_group':
      return say(locale, `Målgruppen: beskriv den i \`targetGroup\` (${p}).`, `The target group: describe it in \`targetGroup\` (${p}).`);
    case 'selection':
      return say(locale, `Urvalet: utkastet tar med alla klienter (\`selection\`: \`all\`); välj födelsedagsurval (\`birthdays\`) eller slumpmässigt urval (\`random\`) om ni inte följer upp alla.`, `The selection: the draft takes every client (\`selection\`: \`all\`); choose birthdays or a random sample if you do not follow up everyone.`);
    case 'goal_rule':
      return d.why === 'met_columns'
        ? say(locale, `Måluppfyllelse: exporten har kolumner för om målen nåtts, så utkastet bedömer målen (\`goalRule\`: \`assessed\`, alla mål ska vara nådda, \`combine\`: \`all\`); ändra till \`any\` om ett nått mål räcker.`, `Goal attainment: the export has columns for whether goals were met, so the draft uses assessed goals (\`goalRule\`: \`assessed\`, every goal met, \`combine\`: \`all\`); change to \`any\` if one goal met is enough.`)
        : d.why === 'target_columns'
          ? say(locale, `Måluppfyllelse: exporten har målvärden, så utkastet jämför med klientens eget målvärde (\`goalRule\`: \`target\`).`, `Goal attainment: the export has target values, so the draft compares with the client's own target (\`goalRule\`: \`target\`).`)
          : say(locale, `Måluppfyllelse: exporten har inga kolumner om mål; välj regel i \`goalRule\` (\`assessed\`, \`target\` eller \`plan_target\`, se docs/plan.sv.md).`, `Goal attainment: the export has no goal columns; choose the rule in \`goalRule\` (\`assessed\`, \`target\` or \`plan_target\`, see docs/plan.md).`);
    case 'primary_measure':
      return d.others.length === 0
        ? say(locale, `Huvudmåttet: \`${d.chosen}\`, det enda mått som mäts både före och efter.`, `The primary measure: \`${d.chosen}\`, the only measure taken both before and after.`)
        : say(locale, `Huvudmåttet: utkastet valde \`${d.chosen}\`; de andra är ${list(d.others.map((o) => `\`${o}\``), locale)}. Ändra \`primaryMeasure\` om ett annat mått är huvudmåttet.`, `The primary measure: the draft chose \`${d.chosen}\`; the others are ${list(d.others.map((o) => `\`${o}\``), locale)}. Change \`primaryMeasure\` if another is the primary one.`);
    case 'no_measure':
      return say(locale, `Mått före och efter: inga sifferkolumner med "före"/"efter" i namnet hittades; lägg till mätningen i exporten och i \`measures\` och \`primaryMeasure\` (${p}). Planen är inte giltig förrän dess.`, `Measures before and after: no numeric columns named "before"/"after" were found; add the measure to the export and to \`measures\` and \`primaryMeasure\` (${p}). The plan is not valid until then.`);
    case 'instrument_scale':
      return say(locale, `Skalan för \`${d.instrument}\`: utkastet tog ${d.min}–${d.max} i steg om ${d.step} från värdena i exporten; skriv instrumentets hela skala i \`instruments\`.`, `The scale of \`${d.instrument}\`: the draft took ${d.min}–${d.max} in steps of ${d.step} from the values in the export; write the instrument's whole scale in \`instruments\`.`);
    case 'instrument_direction':
      return say(locale, `Riktningen för \`${d.instrument}\`: utkastet antar att ett högre värde är bättre (\`higher_is_better\`); ändra till \`lower_is_better\` om lägre är bättre.`, `The direction of \`${d.instrument}\`: the draft assumes a higher value is better (\`higher_is_better\`); change to \`lower_is_better\` if lower is better.`);
    case 'builtin_instrument':
      return say(locale, `Instrumentet \`${d.instrument}\` (inbyggt) för ${list(d.columns, locale)}: kontrollera att det är samma skala.`, `The instrument \`${d.instrument}\` (built in) for ${list(d.columns, locale)}: check that it is the same scale.`);
    case 'minimal_change':
      return say(locale, `Minsta betydelsefulla förändring för \`${d.instrument}\`: det finns inget publicerat värde, och en förändring på ett poäng är ingen förändring på en summaskala; ange det minsta som räknas i \`minimalChange\` (${p}), till exempel \`"minimalChange": { "${d.instrument}": … }\`, och skriv varför. Planen är inte giltig förrän dess.`, `The minimal important change of \`${d.instrument}\`: there is no published value, and one point is no change on a sum score; set the smallest change that counts in \`minimalChange\` (${p}), e.g. \`"minimalChange": { "${d.instrument}": … }\`, and say why. The plan is not valid until then.`);
    case 'english_labels':
      return say(locale, `Engelska benämningar: utkastet kopierade exportens svenska värden till \`en\`; översätt dem om rapporten ska finnas på engelska.`, `English labels: the draft copied the export's values to \`en\` (and \`sv\`); translate them where needed.`);
    case 'age_bands':
      return d.youngest === null
        ? say(locale, `Åldersgrupperna (\`grouping.ageBands\`): inga åldrar kunde läsas; utkastet har 0–29, 30–49 och 50+.`, `The age bands (\`grouping.ageBands\`): no ages could be read; the draft has 0–29, 30–49 and 50+.`)
        : say(locale, `Åldersgrupperna (\`grouping.ageBands\`): åldrarna i exporten är ${d.youngest}–${d.oldest} år; utkastet har ${Math.min(18, d.youngest)}–29, 30–49 och 50+.`, `The age bands (\`grouping.ageBands\`): ages in the export are ${d.youngest}–${d.oldest}; the draft has ${Math.min(18, d.youngest)}–29, 30–49 and 50+.`);
    case 'intervention_name':
      return say(locale, `Insatsen: exporten har ingen kolumn för insats; ge insatsen ett namn i \`interventions\`.`, `The intervention: the export has no intervention column; name it in \`interventions\`.`);
    case 'enrolled_is_start':
      return say(locale, `Urvalsdatum: exporten har inget, så utkastet läser urvalsdatum ur ${d.column} (${m}).`, `Enrolment date: the export has none, so the draft reads it from ${d.column} (${m}).`);
    case 'missing_field': {
      const what = {
        clientId: say(locale, 'klient-id (eller personnummer med en pseudonymnyckel)', 'a client id (or identity numbers with a pseudonym key)'),
        enrolled: say(locale, 'urvalsdatum', 'an enrolment date'),
        age: say(locale, 'ålder (eller personnummer)', 'age (or identity numbers)'),
        gender: say(locale, 'kön (eller personnummer)', 'gender (or identity numbers)'),
        'before.mainProblem': say(locale, 'huvudproblem', 'a main problem'),
      }[d.field];
      return say(locale, `Exporten saknar en kolumn för ${what}; lägg till den och ange den i \`columns\` (${m}).`, `The export has no column for ${what}; add one and name it in \`columns\` (${m}).`);
    }
    case 'pseudonym_key':
      return say(locale, `Klient-id: exporten har bara personnummer (${d.column}); ange en pseudonymnyckel med --pseudonym-key-file (t.ex. openssl rand -hex 32 > nyckel.txt), så blir klient-id en pseudonym och personnumret lämnar aldrig importen.`, `Client id: the export has identity numbers only (${d.column}); give a pseudonym key with --pseudonym-key-file (e.g. openssl rand -hex 32 > key.txt), so the client id is a pseudonym and the number never leaves the import.`);
    case 'legal_gender':
      return say(locale, `Kön: exporten har ingen kolumn för kön, så utkastet tar det juridiska könet ur personnumret (${d.column}; \`identity.legalGender\` i ${m}).`, `Gender: the export has no gender column, so the draft takes the legal gender from the identity number (${d.column}; \`identity.legalGender\` in ${m}).`);
    case 'gender_category':
      return say(locale, `Kön: ${list(d.values, locale)} blev egna kategorier i \`grouping.genders\`; kontrollera dem.`, `Gender: ${list(d.values, locale)} became categories of their own in \`grouping.genders\`; check them.`);
    case 'reason_recoded':
      return say(locale, `Avslutsorsak (${d.field}): ${list(d.values, locale)} känns inte igen och räknas som annan orsak (\`other\`) i ${m}; ändra till \`completed\`, \`breakdown\`, \`moved\` eller \`declined\` där det stämmer bättre.`, `Closing reason (${d.field}): ${list(d.values, locale)} is not recognised and counts as another reason (\`other\`) in ${m}; change it to \`completed\`, \`breakdown\`, \`moved\` or \`declined\` where that fits better.`);
    case 'follow_up_window':
      return say(locale, `Efteruppföljningen \`${d.point}\` (${d.monthsAfter} månader efter avslut, kolumnerna ${list(d.columns, locale)}): utkastet räknar en mätning inom ±30 dagar från måldagen (\`windowDays\` i \`followUps\`, ${p}); ange det fönster ni följer, och lägg till mått som mäts där men inte känns igen.`, `The follow-up \`${d.point}\` (${d.monthsAfter} months after closing, columns ${list(d.columns, locale)}): the draft counts a measurement within ±30 days of the target day (\`windowDays\` in \`followUps\`, ${p}); set the window you use, and add measures taken there that were not recognised.`);
    case 'view_items':
      return say(locale, `Klientens synpunkter: kolumnerna lästes som de nationella frågorna ${list(d.items.map((i) => `\`${i}\``), locale)} (\`clientViews\`, vid ${list(d.at.map((a) => (a === 'after' ? 'avslut' : `\`${a}\``)), locale)}); kontrollera att frågorna och svarsalternativen (instämmer helt … instämmer inte alls, vet inte) är desamma, annars skriv dem som egna frågor i \`clientViews.items\`.`, `The client's views: the columns were read as the national items ${list(d.items.map((i) => `\`${i}\``), locale)} (\`clientViews\`, at ${list(d.at.map((a) => (a === 'after' ? 'closing' : `\`${a}\``)), locale)}); check that the questions and answers (agree completely … do not agree at all, don't know) are the same, or write them as items of your own in \`clientViews.items\`.`);
    case 'left_out': {
      const why = {
        birth_year: say(locale, 'födelseår ger inte åldern vid start; använd en ålderskolumn eller personnummer', 'a birth year does not give the age at the start; use an age column or identity numbers'),
        free_text: say(locale, 'fritext', 'free text'),
        date: say(locale, 'ett datum utan känd roll', 'a date with no known role'),
        empty: say(locale, 'tom', 'empty'),
      }[d.why];
      return say(locale, `Kolumnen ${d.column} används inte (${why}); mappa den i \`columns\` om den behövs.`, `The column ${d.column} is not used (${why}); map it in \`columns\` if it is needed.`);
    }
  }
}

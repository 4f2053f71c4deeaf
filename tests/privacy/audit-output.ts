// A reusable audit for issue 5, point 5: walks any output (JSON values,
// Markdown, HTML, CSV, chart specs: anything made of objects, arrays and
// strings) and reports every place where a client id, an identity number in
// any written form, or a birth date of the inputs appears. Keys are searched
// as well as values; numbers are searched as their decimal text (an identity
// number stored as a number is still an identity number).
//
// Use: `expectNoLeaks(output, secretsOf(inputs))` in a test of any output type.

/** What must never appear in an output meant for people. */
export interface Secrets {
  /** Client ids (pseudonyms or the host's ids). */
  readonly clientIds: readonly string[];
  /** Identity numbers, any accepted form; every other form is searched too. */
  readonly identityNumbers: readonly string[];
  /** Birth dates, `YYYY-MM-DD`; also searched as `YYYYMMDD`. */
  readonly birthDates: readonly string[];
}

/** One place a secret was found. */
export interface Leak {
  /** JSON path to the value (keys joined with `.`, indices in brackets). */
  readonly path: string;
  /** Which kind of secret. */
  readonly kind: 'clientId' | 'identityNumber' | 'birthDate';
  /** The form that matched (e.g. `YYMMDD-NNNN`), not the secret itself. */
  readonly form: string;
}

interface Needle {
  readonly kind: Leak['kind'];
  readonly form: string;
  readonly text: string;
  /** Search in the digits of the string only (separators and spaces removed). */
  readonly digitsOnly: boolean;
}

/**
 * Every written form of an identity number: 12 and 10 digits, with `-`, `+`
 * or nothing between date and birth number, and with a space. The century
 * digits are taken from a 12-digit input; a 10-digit input is searched in its
 * 10-digit forms (the digit-only search catches 12-digit writings too).
 */
export function identityForms(identity: string): { form: string; text: string }[] {
  const digits = identity.replace(/\D/g, '');
  const ten = digits.slice(-10);
  const date6 = ten.slice(0, 6);
  const last4 = ten.slice(6);
  const forms = [
    { form: 'YYMMDDNNNN', text: ten },
    { form: 'YYMMDD-NNNN', text: `${date6}-${last4}` },
    { form: 'YYMMDD+NNNN', text: `${date6}+${last4}` },
    { form: 'YYMMDD NNNN', text: `${date6} ${last4}` },
  ];
  if (digits.length === 12) {
    const date8 = digits.slice(0, 8);
    forms.push(
      { form: 'YYYYMMDDNNNN', text: digits },
      { form: 'YYYYMMDD-NNNN', text: `${date8}-${last4}` },
      { form: 'YYYYMMDD NNNN', text: `${date8} ${last4}` },
    );
  }
  return forms;
}

function needles(secrets: Secrets): Needle[] {
  const out: Needle[] = [];
  for (const id of secrets.clientIds) out.push({ kind: 'clientId', form: 'clientId', text: id, digitsOnly: false });
  for (const id of secrets.identityNumbers) {
    for (const f of identityForms(id)) out.push({ kind: 'identityNumber', form: f.form, text: f.text, digitsOnly: false });
    // The ten checked digits with any separators in between (e.g. "18 01 01-23 92").
    out.push({ kind: 'identityNumber', form: 'digits', text: id.replace(/\D/g, '').slice(-10), digitsOnly: true });
  }
  for (const date of secrets.birthDates) {
    out.push({ kind: 'birthDate', form: 'YYYY-MM-DD', text: date, digitsOnly: false });
    out.push({ kind: 'birthDate', form: 'YYYYMMDD', text: date.replace(/-/g, ''), digitsOnly: false });
  }
  return out;
}

const pathText = (path: readonly (string | number)[]) =>
  path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s === '' ? p : `${s}.${p}`), '') || '(root)';

/**
 * Finds every leak of a secret in an output. Strings are searched whole
 * (so Markdown or HTML is covered); numbers as their decimal text.
 */
export function findLeaks(output: unknown, secrets: Secrets): Leak[] {
  const list = needles(secrets).filter((n) => n.text.length > 0);
  const leaks: Leak[] = [];
  const seen = new Set<object>();
  const check = (text: string, path: readonly (string | number)[]) => {
    const digits = text.replace(/[^0-9]/g, '');
    const kinds = new Set<Leak['kind']>();
    for (const n of list) {
      // One leak per place and kind: the first (most specific) form that matches.
      if (kinds.has(n.kind) || !(n.digitsOnly ? digits : text).includes(n.text)) continue;
      kinds.add(n.kind);
      leaks.push({ path: pathText(path), kind: n.kind, form: n.form });
    }
  };
  const walk = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') check(value, path);
    else if (typeof value === 'number' || typeof value === 'bigint') check(String(value), path);
    else if (value instanceof Date) check(Number.isNaN(value.getTime()) ? '' : value.toISOString(), path);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value !== null && typeof value === 'object') {
      if (seen.has(value)) return;
      seen.add(value);
      for (const [k, v] of Object.entries(value)) {
        check(k, [...path, k]);
        walk(v, [...path, k]);
      }
    }
  };
  walk(output, []);
  return leaks;
}

/** Throws with every leak listed (the secrets themselves are not printed). */
export function expectNoLeaks(output: unknown, secrets: Secrets, what = 'output'): void {
  const leaks = findLeaks(output, secrets);
  if (leaks.length > 0) {
    const lines = leaks.slice(0, 20).map((l) => `  ${l.path}: ${l.kind} (${l.form})`);
    throw new Error(`${what} leaks ${leaks.length} secret(s):\n${lines.join('\n')}`);
  }
}

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatIssues, UppfoljningError } from '../../src/index.js';
import { parseIdentityNumber, shortForm, validateIdentityNumber } from '../../src/identity/index.js';

// Test vectors: Skatteverket's official test series of personnummer and
// samordningsnummer ("Testpersonnummer" / "Testsamordningsnummer", open data
// from Skatteverket), as tabulated (year, month, day, birth number, check
// digit) in ActiveLogin.Identity, src/ActiveLogin.Identity.Swedish.TestData/
// AllPins.fs and AllCoordNums.fs. Each tuple is cited beside its use.
// Law: Folkbokföringslagen (1991:481) 18 § (hyphen becomes a plus sign "det år
// en person fyller 100 år"; birth number odd for men, even for women) and
// 18 a § (coordination number: day + 60).

const REF = { referenceDate: '2026-11-23' };

describe('validateIdentityNumber: official test numbers', () => {
  it('reads a personnummer in every form to one normalised value (AllPins (2018,01,01,239,2))', () => {
    const expected = {
      kind: 'personnummer',
      birthDate: '2018-01-01',
      birthYear: 2018,
      legalGender: 'man', // birth number 239: second-to-last digit 9 is odd
      normalized: '20180101-2392',
    };
    for (const form of ['180101-2392', '1801012392', '201801012392', '20180101-2392', ' 180101-2392 ']) {
      expect(validateIdentityNumber(form, REF)).toEqual({ success: true, data: expected });
    }
  });

  it('reads a woman (AllPins (2017,02,28,238,3): 8 is even)', () => {
    const r = parseIdentityNumber('170228-2383', REF);
    expect(r.legalGender).toBe('kvinna');
    expect(r.birthDate).toBe('2017-02-28');
  });

  it('reads the + separator as 100 or older in the reference year (AllPins (1908,02,29,980,0))', () => {
    const r = parseIdentityNumber('080229+9800', REF);
    expect(r).toEqual({
      kind: 'personnummer',
      birthDate: '1908-02-29',
      birthYear: 1908,
      legalGender: 'kvinna',
      normalized: '19080229-9800',
    });
    // The same ten digits with a hyphen are a child born 2008-02-29 (2008 is a leap year).
    expect(parseIdentityNumber('080229-9800', REF).birthDate).toBe('2008-02-29');
  });

  it('resolves + two centuries back when needed (AllPins (1890,01,01,980,2))', () => {
    // Reference year 2026: "+" means born in 1827..1926; "90" → 1890.
    expect(parseIdentityNumber('900101+9802', REF).birthDate).toBe('1890-01-01');
    expect(parseIdentityNumber('189001019802', REF).birthDate).toBe('1890-01-01');
  });

  it('reads a samordningsnummer with day + 60 (AllCoordNums (1914,01,68,239,6))', () => {
    expect(parseIdentityNumber('191401682396', REF)).toEqual({
      kind: 'samordningsnummer',
      birthDate: '1914-01-08',
      birthYear: 1914,
      legalGender: 'man',
      normalized: '19140168-2396',
    });
    expect(parseIdentityNumber('140168+2396', REF).normalized).toBe('19140168-2396');
  });

  it('reads a samordningsnummer with an unknown month (AllCoordNums (1915,00,72,239,0))', () => {
    expect(parseIdentityNumber('191500722390', REF)).toEqual({
      kind: 'samordningsnummer',
      birthDate: null,
      birthYear: 1915,
      legalGender: 'man',
      normalized: '19150072-2390',
    });
  });

  it('moves the century at the reference date (century edge)', () => {
    // AllPins (2018,01,01,239,2): with "-" read in 2026 → 2018; read in 2017 the
    // year 2018 is in the future, so "18" with "-" means 1918 (age 99 in 2017).
    expect(parseIdentityNumber('180101-2392', { referenceDate: '2017-06-01' }).birthDate).toBe('1918-01-01');
    // In 2118 the person born 2018 turns 100: the hyphen becomes "+".
    expect(parseIdentityNumber('180101+2392', { referenceDate: '2118-01-01' }).birthDate).toBe('2018-01-01');
    expect(parseIdentityNumber('180101-2392', { referenceDate: '2117-12-31' }).birthDate).toBe('2018-01-01');
  });
});

describe('validateIdentityNumber: errors that do not echo the number', () => {
  const rules = (input: unknown, ref = REF) => {
    const r = validateIdentityNumber(input, ref);
    return r.success ? [] : r.issues.map((i) => i.rule);
  };

  it('invalid check digit (AllPins (2018,01,01,239,2) with the last digit changed)', () => {
    expect(rules('180101-2393')).toEqual(['identity_check_digit']);
  });

  it('invalid date: 29 February in a common year', () => {
    // 170229-238c: Luhn over 1,7,0,2,2,9,2,3,8 with weights 2,1,2,1,…:
    // 2+7+0+2+4+9+4+3+(16→7) = 38 → check digit 10 − 8 = 2, so only the date is wrong.
    expect(rules('170229-2382')).toEqual(['identity_date']);
    const r = validateIdentityNumber('170229-2382', REF);
    expect(!r.success && r.issues[0]?.params).toEqual({ part: 'day' });
  });

  it('invalid month', () => {
    // 171301-238c: 2+7+2+3+0+1+4+3+7 = 29 → check digit 1.
    expect(rules('171301-2381')).toEqual(['identity_date']);
  });

  it('a birth date after the reference date', () => {
    // 261224-238c: 4+6+2+2+4+4+4+3+7 = 36 → check digit 4. Read in 2026 with "-": 2026-12-24.
    expect(rules('261224-2384')).toEqual(['identity_future']);
    // With "+" the same digits are 1926-12-24: 100 in 2026.
    expect(parseIdentityNumber('261224+2384', REF).birthDate).toBe('1926-12-24');
  });

  it('birth number 000 (the digits after the date run 001–999, 18 § FOL)', () => {
    // 20150916-0006 has a valid check digit (2+5+0+9+2+6+0+0+0 = 24, 10 − 4 = 6) but
    // birth number 000; the official test series has no number with it.
    expect(rules('20150916-0006')).toEqual(['identity_birth_number']);
    expect(rules('150916-0006')).toEqual(['identity_birth_number']);
    // With a wrong check digit as well, both are said.
    expect(rules('150916-0007')).toEqual(['identity_birth_number', 'identity_check_digit']);
  });

  it('length, format, century and separator', () => {
    expect(rules('18010-2392')).toEqual(['identity_length']);
    expect(rules('1801012392 1')).toEqual(['identity_format']);
    expect(rules('180101--2392')).toEqual(['identity_format']);
    expect(rules('18010123-92')).toEqual(['identity_format']);
    expect(rules('')).toEqual(['identity_format']);
    expect(rules('211801012392')).toEqual(['identity_century']);
    expect(rules('20180101+2392')).toEqual(['identity_separator']);
    expect(rules(1801012392)).toEqual(['type']);
    expect(rules('180101-2392', { referenceDate: '2026-02-30' })).toEqual(['calendar_date']);
  });

  it('puts the caller path on issues', () => {
    const r = validateIdentityNumber('180101-2393', { ...REF, path: ['clients', 3, 'id'] });
    expect(!r.success && r.issues[0]?.path).toEqual(['clients', 3, 'id']);
  });

  it('throws UppfoljningError from parseIdentityNumber, with sv and en texts', () => {
    try {
      parseIdentityNumber('180101-2393', REF);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UppfoljningError);
      const e = error as UppfoljningError;
      expect(e.message).toBe('(root): kontrollsiffran stämmer inte (fel i någon siffra?) [identity_check_digit]');
      expect(e.format('en')).toBe('(root): the check digit does not match (a mistyped digit?) [identity_check_digit]');
    }
  });

  it('no message repeats the date part or the last four digits of the input (fuzzed)', () => {
    const digitString = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 10, maxLength: 12 });
    const input = fc.tuple(digitString, fc.constantFrom('', '-', '+'), fc.nat(12)).map(([d, sep, at]) => {
      const cut = Math.min(at, d.length);
      return d.slice(0, cut) + sep + d.slice(cut);
    });
    fc.assert(
      fc.property(input, (s) => {
        const r = validateIdentityNumber(s, REF);
        if (r.success) return;
        const digits = s.replace(/\D/g, '');
        for (const locale of ['sv', 'en'] as const) {
          const text = formatIssues(r.issues, locale);
          expect(text).not.toContain(digits.slice(-4));
          expect(text).not.toContain(digits.slice(0, 6));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('detects every single-digit substitution in the 10 checked digits (Luhn property)', () => {
    // The Luhn check digit catches any one changed digit; start from official test numbers.
    const valid = ['180101-2392', '170228-2383', '080229+9800', '140168+2396'];
    fc.assert(
      fc.property(fc.constantFrom(...valid), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (s, pos, delta) => {
        const digits = s.replace(/\D/g, '');
        const sep = s.includes('+') ? '+' : '-';
        const changed = digits.slice(0, pos) + String((Number(digits[pos]) + delta) % 10) + digits.slice(pos + 1);
        const r = validateIdentityNumber(`${changed.slice(0, 6)}${sep}${changed.slice(6)}`, REF);
        expect(r.success).toBe(false);
        if (!r.success) expect(r.issues.map((i) => i.rule)).toContain('identity_check_digit');
      }),
    );
  });

  it('never throws for arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        validateIdentityNumber(x, REF);
      }),
    );
  });
});

describe('shortForm', () => {
  // Official test numbers (AllPins / AllCoordNums, see the top of this file).
  const official = ['20180101-2392', '20170228-2383', '19080229-9800', '18900101-9802', '19140168-2396', '19150072-2390'];

  it('writes YYMMDD-NNNN, and + from the year the person turns 100', () => {
    expect(shortForm('20180101-2392', REF)).toBe('180101-2392');
    expect(shortForm('201801012392', REF)).toBe('180101-2392');
    expect(shortForm('19080229-9800', REF)).toBe('080229+9800');
    // 1908 + 100 = 2008: "+" from 1 January 2008, "-" through 2007 (18 § FOL).
    expect(shortForm('19080229-9800', { referenceDate: '2007-12-31' })).toBe('080229-9800');
    expect(shortForm('19080229-9800', { referenceDate: '2008-01-01' })).toBe('080229+9800');
    // A coordination number keeps its day + 60, and an unknown month (00).
    expect(shortForm(parseIdentityNumber('191401682396', REF), REF)).toBe('140168+2396');
    expect(shortForm('191500722390', REF)).toBe('150072+2390');
  });

  it('reads back to the same number at the same reference date (every official number, any date up to 199 years on)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...official), fc.integer({ min: 1, max: 199 }), fc.integer({ min: 1, max: 12 }), (n, years, month) => {
        const referenceDate = `${Number(n.slice(0, 4)) + years}-${String(month).padStart(2, '0')}-01`;
        const short = shortForm(n, { referenceDate });
        expect(short).toMatch(/^\d{6}[-+]\d{4}$/);
        expect(parseIdentityNumber(short, { referenceDate }).normalized).toBe(n);
      }),
    );
  });

  it('refuses a number that is not valid, and a parsed one whose normalized form is not', () => {
    const refused = (call: () => unknown) => {
      try {
        call();
      } catch (e) {
        if (e instanceof UppfoljningError) return e.issues.map((i) => [i.path.join('.'), i.rule]);
        throw e;
      }
      return [];
    };
    expect(refused(() => shortForm('180101-2393', REF))).toEqual([['identity', 'identity_check_digit']]);
    expect(refused(() => shortForm('20150916-0006', REF))).toEqual([['identity', 'identity_birth_number']]);
    const parsed = parseIdentityNumber('180101-2392', REF);
    expect(refused(() => shortForm({ ...parsed, normalized: '20180101-2393' }, REF))).toEqual([['identity.normalized', 'identity_check_digit']]);
    expect(refused(() => shortForm({ ...parsed, normalized: '180101-2392' }, REF))).toEqual([['identity.normalized', 'format']]);
    expect(refused(() => shortForm(parsed, { referenceDate: '2017-12-31' }))).toEqual([['identity.normalized', 'identity_future']]);
    expect(refused(() => shortForm(parsed, { referenceDate: '2026-02-30' }))).toEqual([['options.referenceDate', 'calendar_date']]);
  });
});

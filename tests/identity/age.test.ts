import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { differenceInYears } from 'date-fns';
import { UppfoljningError } from '../../src/index.js';
import {
  ADULT_AGE_BANDS,
  ageBandOf,
  ageInCompletedYears,
  REACTUALISATION_AGE_BANDS,
  SUBSTANCE_MISUSE_AGE_BANDS,
} from '../../src/identity/index.js';

// These tests run under several TZ values (npm test → tests/tz.mjs); the
// function under test uses no Date object, so every zone must agree.

describe('ageInCompletedYears', () => {
  it('the last day before a birthday and the birthday itself', () => {
    // 2018 − 2000 = 18, minus 1 because 9 May is before the birthday 10 May.
    expect(ageInCompletedYears('2000-05-10', '2018-05-09')).toBe(17);
    expect(ageInCompletedYears('2000-05-10', '2018-05-10')).toBe(18);
    expect(ageInCompletedYears('2000-05-10', '2000-05-10')).toBe(0);
    expect(ageInCompletedYears('1999-12-31', '2000-01-01')).toBe(0);
  });

  it('29 February: 28 February in common years (lag (1930:173) 1 §), 29 February in leap years', () => {
    // Common year 2022: the end day of a period of years that began on 29 Feb is
    // the last day of February, 28 Feb (lag (1930:173) om beräkning av lagstadgad tid, 1 §).
    expect(ageInCompletedYears('2004-02-29', '2022-02-27')).toBe(17);
    expect(ageInCompletedYears('2004-02-29', '2022-02-28')).toBe(18);
    expect(ageInCompletedYears('2004-02-29', '2022-03-01')).toBe(18);
    // Leap year 2024: the birthday exists.
    expect(ageInCompletedYears('2004-02-29', '2024-02-28')).toBe(19);
    expect(ageInCompletedYears('2004-02-29', '2024-02-29')).toBe(20);
    // 2100 is not a leap year (divisible by 100, not by 400).
    expect(ageInCompletedYears('2096-02-29', '2100-02-27')).toBe(3);
    expect(ageInCompletedYears('2096-02-29', '2100-02-28')).toBe(4);
  });

  it("the 'mar1' rule for hosts that need it", () => {
    expect(ageInCompletedYears('2004-02-29', '2022-02-28', { leapDayBirthday: 'mar1' })).toBe(17);
    expect(ageInCompletedYears('2004-02-29', '2022-03-01', { leapDayBirthday: 'mar1' })).toBe(18);
  });

  it('throws on impossible dates and on a reference date before birth', () => {
    expect(() => ageInCompletedYears('2021-02-29', '2022-01-01')).toThrow(UppfoljningError);
    try {
      ageInCompletedYears('2020-01-02', '2020-01-01');
      expect.unreachable();
    } catch (e) {
      expect((e as UppfoljningError).issues[0]?.rule).toBe('date_order');
    }
  });

  it("agrees with date-fns differenceInYears (an independent implementation) under the 'mar1' rule", () => {
    // date-fns moves a 29 February anniversary to 1 March in common years
    // (Date#setFullYear overflow), which is the 'mar1' rule. Years 2000–2099 avoid
    // historical time-zone oddities (e.g. Pacific/Kiritimati skipped 1994-12-31).
    const day = fc.integer({ min: 0, max: 36_500 }).map((n) => {
      const d = new Date(Date.UTC(2000, 0, 1) + n * 86_400_000);
      return d.toISOString().slice(0, 10);
    });
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [birth, ref] = a <= b ? [a, b] : [b, a];
        const local = (iso: string) => new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
        expect(ageInCompletedYears(birth, ref, { leapDayBirthday: 'mar1' })).toBe(differenceInYears(local(ref), local(birth)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('age bands', () => {
  it('finds the band of an age, or -1', () => {
    expect([0, 12, 13, 20, 21, 99].map((a) => ageBandOf(a, REACTUALISATION_AGE_BANDS))).toEqual([0, 0, 1, 1, 2, 2]);
    expect([17, 18, 24, 25, 64, 65, 104].map((a) => ageBandOf(a, ADULT_AGE_BANDS))).toEqual([-1, 0, 0, 1, 4, 5, 5]);
    expect([20, 21, 24, 25].map((a) => ageBandOf(a, SUBSTANCE_MISUSE_AGE_BANDS))).toEqual([-1, 0, 0, 1]);
    expect(ageBandOf(Number.NaN, ADULT_AGE_BANDS)).toBe(-1);
  });

  it('presets are contiguous, ordered and labelled in sv and en', () => {
    for (const bands of [REACTUALISATION_AGE_BANDS, ADULT_AGE_BANDS, SUBSTANCE_MISUSE_AGE_BANDS]) {
      bands.forEach((b, i) => {
        expect(b.label?.sv).toBeTruthy();
        expect(b.label?.en).toBeTruthy();
        const next = bands[i + 1];
        if (next) expect(next.from).toBe((b.to ?? Number.NaN) + 1);
        else expect(b.to).toBeUndefined();
      });
    }
  });
});

describe('a reference date before the birth date', () => {
  it('is an error that does not repeat the birth date', () => {
    try {
      ageInCompletedYears('1990-03-21', '1989-12-31');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UppfoljningError);
      const error = e as UppfoljningError;
      expect(error.format('sv')).toBe('referenceDate: datumet 1989-12-31 ligger före födelsedatumet [date_order]');
      expect(error.format('en')).toBe('referenceDate: the date 1989-12-31 is before the date of birth [date_order]');
    }
  });
});

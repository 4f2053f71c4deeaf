/**
 * A record's identity within one compilation, and the copies given more than
 * once.
 *
 * A record is one client's episode in a follow-up: the plan (every record
 * compile counts carries the same `planId`), the client's pseudonymous id,
 * the intervention and the date of selection (`enrolled`). The same client
 * selected again later, or followed in a second intervention, is another
 * record; the same (client, intervention, enrolled) given twice is one record
 * given twice, whatever else differs, so only the first is counted and every
 * further copy goes to `invalid.byRule.duplicate_record`. Identical copies
 * therefore give the same compilation in any order; two *different* versions
 * of one record (an old and a new export) count the first one read, and the
 * other is reported — the host should give each record once.
 *
 * The identities seen are kept for one compile call only and never reach the
 * compilation (no client id leaves it), so merging compilations cannot see a
 * record given to two of them: each contributor must give each of its
 * records once. Memory grows with the records, about 100 bytes each (see
 * docs/architecture.md, measured at 10^6 records).
 *
 * One Map per intervention, keyed by the client id's own string, with the
 * enrolment date's own string as value (an array in the rare case of a client
 * selected more than once): no string is built per record.
 */
export class RecordIdentities {
  private readonly byIntervention: Map<unknown, unknown>[];

  constructor(interventions: number) {
    this.byIntervention = Array.from({ length: interventions }, () => new Map<unknown, unknown>());
  }

  /**
   * Notes a record's identity; true when the same identity was noted before
   * (the record is a further copy and must not be counted).
   */
  seen(intervention: number, clientId: unknown, enrolled: unknown): boolean {
    const map = this.byIntervention[intervention]!;
    const known = map.get(clientId);
    if (known === undefined) {
      map.set(clientId, enrolled);
      return false;
    }
    if (!Array.isArray(known)) {
      if (known === enrolled) return true;
      map.set(clientId, [known, enrolled]);
      return false;
    }
    if (known.includes(enrolled)) return true;
    known.push(enrolled);
    return false;
  }
}

/**
 * The case system's follow-up tables (PostgreSQL; the example runs them in
 * PGlite, an in-process Postgres, so it needs no server).
 *
 * Why a JSONB document per client and follow-up, rather than a table per
 * step: the record *is* the library's contract. Every step function takes the
 * whole record and returns a new one, `validateRecord` checks a whole record,
 * and `compile` reads whole records; a plan that adds a measure or a
 * follow-up point changes the record's shape without a migration. Normalised
 * tables would have to be joined back into that document on every read and
 * migrated on every plan change, for no query we need: the database does not
 * have to enforce the plan's rules, the library does (every write goes through
 * a step function; every read can go through `validateRecord`).
 *
 * What SQL does need is kept in plain typed columns beside the document,
 * written by the same statement that writes the record (`recordColumns` in
 * store.ts): the record's state and its start, closing and withdrawal dates,
 * which the worklists and the due list filter and sort on. They are not
 * generated columns because Postgres only allows immutable expressions there,
 * and a text-to-date cast is not one.
 *
 * Every step is also appended to `follow_up_step`, as the worker entered it
 * and with the version it produced: the documentation trail a social services
 * record must keep (who entered what, when), and a way to rebuild any
 * version of a record by replaying its steps.
 *
 * Clients are pseudonymised: `client_id` is the pseudonym the case system
 * derives from the personal identity number with its key (`createPseudonymizer`);
 * the identity number itself lives only in the case system's own person
 * register, never in these tables.
 */
export const SCHEMA_SQL = `
create table follow_up_plan (
  plan_id   text primary key,
  plan      jsonb not null,                 -- as parsePlan returned it
  saved_on  date not null
);

create table follow_up_record (
  plan_id      text not null references follow_up_plan (plan_id),
  client_id    text not null,               -- the pseudonym, never an identity number
  record       jsonb not null,              -- the ClientRecord the last step returned
  version      integer not null check (version >= 1),
  state        text not null check (state in ('enrolled', 'started', 'closed', 'withdrawn')),
  intervention text not null,
  started_on   date,                        -- record.before.date
  closed_on    date,                        -- record.after.date
  withdrawn_on date,                        -- record.withdrawal.date
  primary key (plan_id, client_id)
);
create index follow_up_record_closed on follow_up_record (plan_id, closed_on) where closed_on is not null;

create table follow_up_step (
  plan_id    text not null,
  client_id  text not null,
  version    integer not null,              -- the record's version this step produced
  step       text not null check (step in ('enrol', 'before', 'during', 'after', 'withdraw', 'follow_up', 'import')),
  input      jsonb not null,                -- what the worker entered (for 'import', the record)
  entered_on date not null,
  entered_by text not null,                 -- the staff member's user id in the case system
  primary key (plan_id, client_id, version),
  foreign key (plan_id, client_id) references follow_up_record (plan_id, client_id)
);
`;

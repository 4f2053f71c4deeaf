/**
 * Every function src/io exports (through src/index.ts), called with
 * arbitrary arguments, either returns or throws an UppfoljningError naming
 * the path and the rule: never a TypeError or RangeError from inside.
 */
import { describe, expect, it } from 'vitest';
import { fuzzCalls, fuzzModule, rules } from '../compile/fuzz-module.js';
import * as api from '../../src/index.js';
import * as ioModule from '../../src/io/index.js';
import { smallPlan } from '../helpers/fixtures.js';

fuzzModule('src/io', ioModule, ['csvFields', 'decodeText', 'formatRowIssue', 'importCsv', 'importCsvStream', 'parseCsv', 'recordJsonSchema', 'validateCsvMapping']);

// Garbage after a valid first argument reaches the checks of the later ones.
const rowIssue = { file: 'clients', line: 2, column: 'Ålder', field: 'age', issue: { path: ['age'], rule: 'not_a_number', params: { value: 'x' } } };
fuzzCalls('with a valid first argument, the other arguments are still checked', [
  ['importCsv', (...a) => api.importCsv(smallPlan, ...(a as [never, never]))],
  ['importCsv (input given)', (...a) => api.importCsv(smallPlan, { clients: 'clientId\nk-1\n' }, ...(a as [never]))],
  ['importCsv (mapping given)', (...a) => api.importCsv(smallPlan, { clients: 'clientId\nk-1\n' }, api.CsvMappingSchema.parse({}), ...(a as []))],
  ['importCsvStream', (...a) => api.importCsvStream(smallPlan, ...(a as [never, never]))],
  ['importCsvStream (input given)', (...a) => api.importCsvStream(smallPlan, { clients: new TextEncoder().encode('clientId\nk-1\n') }, ...(a as [never]))],
  ['decodeText', (...a) => api.decodeText(new Uint8Array([0x4b]), ...(a as []))],
  ['parseCsv', (...a) => api.parseCsv('a;b\n1;2\n', ...(a as []))],
  ['formatRowIssue', (...a) => api.formatRowIssue(rowIssue as never, ...(a as []))],
]);

describe('typical mistakes name the argument and the rule', () => {
  const mapping = api.CsvMappingSchema.parse({});
  it('importCsv checks every argument before reading a row', () => {
    expect(rules(() => api.importCsv(smallPlan, 'clientId\nk-1' as never, mapping))).toEqual([['input', 'type']]);
    expect(rules(() => api.importCsv(smallPlan, { clients: ['k-1'] } as never, mapping))).toEqual([['input.clients', 'type']]);
    expect(rules(() => api.importCsv(smallPlan, { clients: 'x' }, { encoding: 'latin1' } as never))).toEqual([['mapping.encoding', 'one_of']]);
    expect(rules(() => api.importCsv(smallPlan, { clients: 'x' }, mapping, { onProgress: 1 } as never))).toEqual([['options.onProgress', 'type']]);
    expect(rules(() => api.importCsv(undefined as never, { clients: 'x' }, mapping))).toEqual([['plan', 'required']]);
  });
  it('decodeText, parseCsv, recordJsonSchema, formatRowIssue', () => {
    expect(rules(() => api.decodeText('Kön' as never))).toEqual([['bytes', 'type']]);
    expect(rules(() => api.decodeText(new Uint8Array([]), 'latin1' as never))).toEqual([['encoding', 'one_of']]);
    expect(rules(() => api.parseCsv(null as never, { separator: '\t' } as never))).toEqual([['text', 'type'], ['options.separator', 'one_of']]);
    expect(rules(() => api.recordJsonSchema(smallPlan, { locale: 'de' } as never))).toEqual([['options.locale', 'one_of']]);
    expect(rules(() => api.recordJsonSchema(smallPlan, null as never))).toEqual([['options', 'type']]);
    expect(rules(() => api.csvFields([] as never))).toEqual([['plan', 'type']]);
    expect(rules(() => api.formatRowIssue({ file: 'x', line: 1, column: null, field: null } as never, 'fi' as never))).toEqual([
      ['rowIssue.file', 'one_of'],
      ['rowIssue.issue', 'type'],
      ['locale', 'one_of'],
    ]);
  });
  it('a cell reading "constructor" or "toString" is a value, not a property of Object.prototype', () => {
    const m = api.CsvMappingSchema.parse({ codes: { gender: { K: 'kvinna' } } });
    const r = api.importCsv(smallPlan, { clients: 'clientId;intervention;enrolled;age;gender\nk-1;a;2024-01-02;34;toString\n' }, m);
    expect(r.issues.map((i) => [i.field, i.issue.rule, i.issue.params.value])).toEqual([['gender', 'unknown_code', 'toString']]);
    const closed = 'clientId;intervention;enrolled;age;gender;before.date;before.mainProblem;after.date;after.reason\nk-1;a;2024-01-02;34;man;2024-01-03;alkohol;2024-03-01;constructor\n';
    expect(api.importCsv(smallPlan, { clients: closed }, m).issues.map((i) => [i.field, i.issue.rule, i.issue.params.value])).toEqual([['after.reason', 'one_of', 'constructor']]);
  });
});

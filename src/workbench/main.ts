import { z } from 'zod';
import { zipSync, strToU8 } from 'fflate';
import type { Locale } from '../core/locale.js';
import type { Issue } from '../core/issue.js';
import { formatIssue } from '../locales/index.js';
import { PlanSchema, validatePlan, type Plan } from '../plan/plan.js';
import { CsvMappingSchema, csvFields, validateCsvMapping } from '../io/mapping.js';
import { formatRowIssue, type RowIssue } from '../io/import.js';
import type { ExportProposal } from '../io/propose.js';
import { decisionText, kindText } from '../io/propose-text.js';
import { xlsxToCsv } from '../io/xlsx.js';
import { safeMergeCompilations } from '../compile/merge.js';
import type { Compilation } from '../compile/schema.js';
import { buildReport, renderCsv, renderHtml } from '../report/index.js';
import { syncPseudonymizer } from '../identity/pseudonym.js';
import { renderForm, showFieldIssues, type FormSchema } from './form.js';
import type { FromWorker, ToWorker } from './protocol.js';
import type { ImportOutcome } from './session.js';
import { text, TEXTS } from './texts.js';

// The workbench page: one state object, sections drawn from it. The export is
// read and compiled in a Web Worker (started from a blob: URL holding the
// worker bundle the build inlines as __WORKER_SOURCE__); the report is drawn
// here with the library's renderHtml and shown in a sandboxed frame.

declare const __WORKER_SOURCE__: string;

// No code generated at run time (zod's fast path uses new Function): the page's CSP forbids it.
z.config({ jitless: true });

type Loaded = { readonly name: string; readonly bytes: Uint8Array };

const state: {
  locale: Locale;
  clients?: Loaded;
  during?: Loaded;
  proposal?: ExportProposal;
  sheet?: string;
  plan: { value: unknown };
  mapping: { value: unknown };
  key?: Uint8Array;
  keyProblem?: boolean;
  busy?: { done: number; total: number };
  outcome?: ImportOutcome;
  refused?: readonly Issue[];
  crashed?: string;
  choice: 'leave' | 'fix';
  compilation?: Compilation;
  reportPlan?: Plan;
  mergedCount?: number;
  audience: 'published' | 'internal';
  report?: { html: string; csv: readonly { name: string; text: string }[] };
  note?: string;
} = { locale: 'sv', plan: { value: undefined }, mapping: { value: {} }, choice: 'leave', audience: 'published' };

const $ = (id: string) => document.getElementById(id)!;
const t = (key: keyof typeof TEXTS, values?: Record<string, string | number>) => text(key, state.locale, values);
const num = (n: number) => n.toLocaleString(state.locale === 'sv' ? 'sv-SE' : 'en-GB');
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}
function button(label: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}
function save(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
const today = () => new Date().toISOString().slice(0, 10);
const readFile = async (file: File): Promise<Loaded> => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
const readJson = async (file: File): Promise<unknown> => {
  const textValue = await file.text();
  try {
    return JSON.parse(textValue.charCodeAt(0) === 0xfeff ? textValue.slice(1) : textValue);
  } catch {
    throw new Error(t('notJson', { file: file.name }));
  }
};

// ---- the worker

const worker = new Worker(URL.createObjectURL(new Blob([__WORKER_SOURCE__], { type: 'text/javascript' })));
let nextId = 1;
const waiting = new Map<number, (m: FromWorker) => void>();
worker.onmessage = ({ data }: MessageEvent<FromWorker>) => waiting.get(data.id)?.(data);
function ask(message: ToWorker, transfer: Transferable[], onMessage: (m: FromWorker) => boolean): void {
  waiting.set(message.id, (m) => {
    if (onMessage(m)) waiting.delete(message.id);
  });
  worker.postMessage(message, transfer);
}

// ---- schemas of the forms

const planSchema = z.toJSONSchema(PlanSchema, { io: 'input', unrepresentable: 'any' }) as FormSchema;
const mappingSchema = z.toJSONSchema(CsvMappingSchema, { io: 'input', unrepresentable: 'any' }) as FormSchema;

// ---- reading files

/** An .xlsx workbook (a zip: it starts with PK) becomes CSV text with the same line numbers (the sheet's rows). */
function asCsv(file: Loaded): Loaded {
  if (file.bytes[0] !== 0x50 || file.bytes[1] !== 0x4b) return file;
  const { csv, sheet } = xlsxToCsv(file.bytes);
  state.sheet = sheet;
  return { name: file.name, bytes: new TextEncoder().encode(csv) };
}

async function chooseExport(file: File): Promise<void> {
  state.note = t('reading');
  state.outcome = state.refused = state.crashed = state.report = state.compilation = state.sheet = undefined;
  state.mergedCount = undefined;
  draw();
  let loaded: Loaded;
  try {
    loaded = asCsv(await readFile(file));
  } catch (error) {
    state.note = (error as Error).message;
    draw();
    return;
  }
  state.clients = loaded;
  const copy = loaded.bytes.slice();
  ask({ id: nextId++, kind: 'propose', bytes: copy, locale: state.locale }, [copy.buffer], (m) => {
    if (m.kind === 'proposal') {
      state.proposal = m.proposal;
      state.note = undefined;
      if (!reused) {
        state.plan.value = structuredClone(m.proposal.plan);
        state.mapping.value = structuredClone(m.proposal.mapping);
      }
      drawAll();
      $('step2').focus();
    } else if (m.kind === 'crashed') {
      state.note = t('crashed', { message: m.message });
      draw();
    }
    return m.kind !== 'progress';
  });
}

/** Whether the plan and mapping came from a saved file (then a new export does not replace them). */
let reused = false;

async function loadSaved(file: File): Promise<void> {
  try {
    const data = (await readJson(file)) as Record<string, unknown>;
    if (data && typeof data === 'object' && 'plan' in data) {
      state.plan.value = data['plan'];
      state.mapping.value = data['mapping'] ?? {};
    } else if (data && typeof data === 'object' && 'primaryMeasure' in data) state.plan.value = data;
    else state.mapping.value = data;
    reused = true;
    state.note = undefined;
  } catch (error) {
    state.note = (error as Error).message;
  }
  drawAll();
}

async function mergeSaved(files: readonly File[]): Promise<void> {
  try {
    const all = await Promise.all(files.map(readJson));
    const result = safeMergeCompilations(all);
    if (!result.success) {
      state.refused = result.issues;
      state.compilation = undefined;
    } else {
      state.refused = undefined;
      state.compilation = result.data;
      state.reportPlan = undefined;
      state.mergedCount = files.length;
      state.outcome = undefined;
    }
    state.note = undefined;
  } catch (error) {
    state.note = (error as Error).message;
  }
  drawAll();
  if (state.compilation) await makeReport();
}

// ---- validation of the forms

function checked(): { plan?: Plan; issues: { path: (string | number)[]; text: string; issue: Issue }[] } {
  const plan = validatePlan(state.plan.value);
  const mapping = validateCsvMapping(state.mapping.value);
  const issues = [
    ...(plan.success ? [] : plan.issues.map((i) => ({ path: ['plan', ...i.path], text: formatIssue(i, state.locale), issue: i }))),
    ...(mapping.success ? [] : mapping.issues.map((i) => ({ path: ['mapping', ...i.path], text: formatIssue(i, state.locale), issue: i }))),
  ];
  return { ...(plan.success ? { plan: plan.data } : {}), issues };
}

function needsKey(): boolean {
  const m = state.mapping.value as { columns?: Record<string, string> } | undefined;
  const columns = m?.columns ?? {};
  const header = new Set(state.proposal?.columns.map((c) => c.column) ?? []);
  return columns['identityNumber'] !== undefined && (columns['clientId'] === undefined || !header.has(columns['clientId']));
}

function showPlanStatus(): void {
  const box = $('plan-status');
  const { issues } = checked();
  showFieldIssues($('forms'), 'plan', issues.filter((i) => i.path[0] === 'plan').map((i) => ({ path: i.path.slice(1), text: i.text })));
  showFieldIssues($('forms'), 'mapping', issues.filter((i) => i.path[0] === 'mapping').map((i) => ({ path: i.path.slice(1), text: i.text })));
  if (issues.length === 0) box.replaceChildren(el('p', { class: 'ok' }, t('planOk')));
  else box.replaceChildren(el('p', { class: 'bad' }, t('planBad')), el('ul', {}, ...issues.slice(0, 30).map((i) => el('li', {}, i.text))));
  ($('check') as HTMLButtonElement | null)?.toggleAttribute('disabled', issues.length > 0 || state.clients === undefined || (needsKey() && !state.key));
}

// ---- drawing

function drawHeader(): void {
  document.documentElement.lang = state.locale;
  document.title = t('title');
  $('title').textContent = t('title');
  $('lead').textContent = t('lead');
  $('lang-label').textContent = t('language');
  for (const l of ['sv', 'en'] as const) $(`lang-${l}`).setAttribute('aria-pressed', String(state.locale === l));
}

function drawStep1(): void {
  const s = $('step1');
  const input = (id: string, label: string, accept: string, onFiles: (files: File[]) => void, multiple = false) => {
    const i = el('input', { type: 'file', id, accept, ...(multiple ? { multiple: '' } : {}) });
    i.addEventListener('change', () => i.files && i.files.length > 0 && onFiles(Array.from(i.files)));
    return el('div', { class: 'field' }, el('label', { for: id }, label), i);
  };
  const zone = el('div', { class: 'drop', id: 'drop' }, el('p', {}, t('drop')), input('export-file', t('exportFile'), '.csv,.txt,.tsv,.xlsx,text/csv', ([f]) => void chooseExport(f!)));
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    const files = Array.from(e.dataTransfer?.files ?? []);
    const json = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
    if (json.length > 0 && json.length === files.length) void mergeSaved(json);
    else if (files[0]) void chooseExport(files[0]);
  });
  s.replaceChildren(
    el('h2', {}, t('step1')),
    zone,
    input('during-file', t('duringFile'), '.csv,.txt,.xlsx,text/csv', async ([f]) => {
      state.during = asCsv(await readFile(f!));
      drawAll();
    }),
    input('saved-plan', t('reuse'), '.json,application/json', ([f]) => void loadSaved(f!)),
    input('merge-files', t('mergeFiles'), '.json,application/json', (files) => void mergeSaved(files), true),
    el('p', { role: 'status', id: 'note' }, state.note ?? ''),
  );
  if (state.clients && state.proposal) {
    s.append(el('p', {}, t('read', { rows: num(state.proposal.rows), file: state.clients.name, encoding: state.proposal.encoding, separator: state.proposal.separator })));
    if (state.sheet) s.append(el('p', {}, t('xlsxRead', { sheet: state.sheet })));
  }
}

function drawStep2(): void {
  const s = $('step2');
  if (!state.proposal && !reused) {
    s.replaceChildren();
    s.hidden = true;
    return;
  }
  s.hidden = false;
  s.replaceChildren(el('h2', {}, t('step2')), el('p', {}, t('step2Lead')));
  const mapping = state.mapping.value as { columns?: Record<string, string> };
  mapping.columns ??= {};
  if (state.proposal) {
    const valid = validatePlan(state.plan.value);
    const fields = valid.success ? csvFields(valid.data).clients.map((f) => f.field) : state.proposal.columns.flatMap((c) => (c.field ? [c.field] : []));
    const fieldOf = (column: string) => Object.entries(mapping.columns!).find(([, c]) => c === column)?.[0] ?? '';
    const rows = state.proposal.columns.map((c, i) => {
      const id = `col-${i}`;
      const select = el('select', { id, 'aria-label': `${t('field')}: ${c.column}` }, el('option', { value: '' }, t('notUsed')), ...fields.map((f) => el('option', { value: f }, f)));
      select.value = fieldOf(c.column);
      select.addEventListener('change', () => {
        for (const [f, col] of Object.entries(mapping.columns!)) if (col === c.column) delete mapping.columns![f];
        if (select.value !== '') mapping.columns![select.value] = c.column;
        drawForms();
        drawKey();
        showPlanStatus();
      });
      return el('tr', {}, el('th', { scope: 'row' }, c.column), el('td', {}, select), el('td', {}, kindText(c, state.locale)));
    });
    s.append(
      el('table', { class: 'columns' }, el('caption', {}, t('columns')), el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('column')), el('th', { scope: 'col' }, t('field')), el('th', { scope: 'col' }, t('holds')))), el('tbody', {}, ...rows)),
      el('h3', {}, t('decide')),
      el('ol', { class: 'decisions' }, ...state.proposal.decisions.filter((d) => d.code !== 'pseudonym_key').map((d) => el('li', {}, decisionText(d, state.locale, { plan: t('planForm'), mapping: t('mappingForm') })))),
    );
  }
  s.append(el('div', { id: 'key' }), el('div', { id: 'forms' }), el('div', { id: 'plan-status', role: 'status' }));
  s.append(
    el('p', { class: 'actions' }, button(t('savePlan'), () => save('plan-och-mappning.json', `${JSON.stringify({ format: 'uppfoljning.workbench', plan: state.plan.value, mapping: state.mapping.value }, null, 2)}\n`, 'application/json'), { id: 'save-plan' })),
  );
  drawKey();
  drawForms();
}

function drawForms(): void {
  const host = $('forms');
  const planHost = el('div', { class: 'form' });
  const mappingHost = el('div', { class: 'form' });
  host.replaceChildren(
    el('details', { open: '' }, el('summary', {}, t('planForm')), planHost),
    el('details', {}, el('summary', {}, t('mappingForm')), mappingHost),
  );
  renderForm(planHost, planSchema, state.plan, { locale: state.locale, prefix: 'plan', legend: t('planForm'), onChange: () => showPlanStatus() });
  renderForm(mappingHost, mappingSchema, state.mapping, { locale: state.locale, prefix: 'mapping', legend: t('mappingForm'), onChange: () => (drawKey(), showPlanStatus()) });
}

function drawKey(): void {
  const box = document.getElementById('key');
  if (!box) return;
  if (!needsKey()) {
    box.replaceChildren();
    return;
  }
  const load = el('input', { type: 'file', id: 'key-file', accept: '.txt,.key,text/plain' });
  load.addEventListener('change', async () => {
    const raw = (await load.files?.[0]?.text())?.trim() ?? '';
    const bytes = /^(?:[0-9a-fA-F]{2})+$/.test(raw) ? Uint8Array.from(raw.match(/../g)!, (h) => parseInt(h, 16)) : undefined;
    const ok = bytes !== undefined && syncPseudonymizer(bytes, undefined, []).ok;
    state.key = ok ? bytes : undefined;
    state.keyProblem = !ok;
    drawKey();
    showPlanStatus();
  });
  box.replaceChildren(
    el('h3', {}, t('key')),
    el('p', {}, t('keyLead')),
    el('p', { role: 'status' }, state.keyProblem ? t('keyBad') : state.key ? t('keyReady') : t('keyMissing')),
    el('p', { class: 'actions' },
      button(t('keyNew'), () => {
        state.key = crypto.getRandomValues(new Uint8Array(32));
        state.keyProblem = false;
        drawKey();
        showPlanStatus();
      }, { id: 'key-new' }),
      ...(state.key ? [button(t('keySave'), () => save('pseudonymnyckel.txt', `${[...state.key!].map((b) => b.toString(16).padStart(2, '0')).join('')}\n`, 'text/plain'), { id: 'key-save' })] : []),
    ),
    el('div', { class: 'field' }, el('label', { for: 'key-file' }, t('keyLoad')), load),
  );
}

function drawStep3(): void {
  const s = $('step3');
  if (!state.proposal && !reused) {
    s.hidden = true;
    return;
  }
  s.hidden = false;
  s.replaceChildren(el('h2', {}, t('step3')), el('p', { class: 'actions' }, button(t('check'), runImport, { id: 'check' })));
  if (state.busy) {
    const { done, total } = state.busy;
    s.append(
      el('label', { for: 'progress' }, t('progress')),
      el('progress', { id: 'progress', ...(total > 0 ? { max: String(total), value: String(done) } : {}) }),
      el('p', { role: 'status', id: 'progress-text' }, total > 0 ? t('progressText', { done: num(done), total: num(total) }) : t('reading')),
    );
  }
  if (state.crashed) s.append(el('p', { class: 'bad', role: 'alert' }, t('crashed', { message: state.crashed })));
  if (state.refused) s.append(el('ul', { class: 'bad', role: 'alert' }, ...state.refused.map((i) => el('li', {}, formatIssue(i, state.locale)))));
  const o = state.outcome;
  if (o) {
    s.append(el('p', { id: 'counts', role: 'status', tabindex: '-1' }, t('counts', { rows: num(o.rows), valid: num(o.valid), rejected: num(o.rejected) })));
    if (o.issues.length > 0) {
      const shown = o.issues.slice(0, 200);
      s.append(
        el('table', { id: 'bad-rows' },
          el('caption', {}, t('badRows')),
          el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('line')), el('th', { scope: 'col' }, t('column')), el('th', { scope: 'col' }, t('field')), el('th', { scope: 'col' }, t('reason')))),
          el('tbody', {}, ...shown.map((i: RowIssue) => el('tr', { 'data-line': String(i.line) }, el('td', { class: 'num' }, String(i.line)), el('td', {}, i.column ?? ''), el('td', {}, i.field ?? ''), el('td', {}, formatRowIssue(i, state.locale).replace(/^[^:]*: /, ''))))),
        ),
      );
      if (o.issues.length > shown.length) s.append(el('p', {}, t('more', { n: num(o.issues.length - shown.length) })));
      s.append(el('p', { class: 'actions' }, button(t('saveIssues'), () => save('fel.txt', `${o.issues.map((i) => formatRowIssue(i, state.locale)).join('\n')}\n`, 'text/plain'))));
      const radio = (value: 'leave' | 'fix', label: string) => {
        const r = el('input', { type: 'radio', name: 'choice', id: `choice-${value}`, value });
        r.checked = state.choice === value;
        r.addEventListener('change', () => {
          state.choice = value;
          drawStep3();
          $(`choice-${value}`).focus();
        });
        return el('div', { class: 'field check' }, r, el('label', { for: `choice-${value}` }, label));
      };
      s.append(el('fieldset', {}, el('legend', {}, t('choice')), radio('leave', t('leaveOut')), radio('fix', t('fix'))));
      if (state.choice === 'fix') s.append(el('p', {}, t('fixHint')));
    }
    if (o.issues.length === 0 || state.choice === 'leave') {
      s.append(el('p', { class: 'actions' }, button(t('goOn'), () => {
        state.compilation = o.compilation;
        void makeReport();
      }, { id: 'go-on' })));
    }
  }
  showPlanStatus();
}

function drawStep4(): void {
  const s = $('step4');
  if (!state.compilation) {
    s.hidden = true;
    return;
  }
  s.hidden = false;
  const radio = (value: 'published' | 'internal', label: string) => {
    const r = el('input', { type: 'radio', name: 'audience', id: `audience-${value}`, value });
    r.checked = state.audience === value;
    r.addEventListener('change', () => {
      state.audience = value;
      void makeReport().then(() => $(`audience-${value}`).focus());
    });
    return el('div', { class: 'field check' }, r, el('label', { for: `audience-${value}` }, label));
  };
  s.replaceChildren(el('h2', {}, t('step4')));
  if (state.mergedCount) s.append(el('p', {}, t('merged', { n: state.mergedCount })));
  s.append(el('fieldset', {}, el('legend', {}, t('audience')), radio('published', t('published')), radio('internal', t('internal'))));
  if (!state.report) {
    s.append(el('p', { role: 'status' }, t('making')));
    return;
  }
  const { html, csv } = state.report;
  const frame = el('iframe', { id: 'report', title: t('reportFrame'), sandbox: 'allow-same-origin allow-modals' });
  frame.srcdoc = html;
  frame.addEventListener('load', () => {
    const doc = frame.contentDocument;
    if (doc) frame.style.height = `${doc.documentElement.scrollHeight + 20}px`;
  });
  s.append(
    el('p', { class: 'actions' },
      button(t('saveHtml'), () => save(state.audience === 'internal' ? 'rapport-intern.html' : 'rapport.html', html, 'text/html'), { id: 'save-html' }),
      button(t('print'), () => frame.contentWindow?.print(), { id: 'print' }),
      button(t('saveCsv'), () => save('tabeller.zip', zipSync(Object.fromEntries(csv.map((f) => [f.name, strToU8(f.text)]))), 'application/zip'), { id: 'save-csv' }),
      button(t('saveCompilation'), () => save('sammanstallning.json', `${JSON.stringify(state.compilation)}\n`, 'application/json'), { id: 'save-compilation' }),
    ),
    frame,
  );
}

function draw(): void {
  drawHeader();
  drawStep1();
}
function drawAll(): void {
  draw();
  drawStep2();
  drawStep3();
  drawStep4();
}

// ---- import and report

function runImport(): void {
  const { issues } = checked();
  if (issues.length > 0 || !state.clients) return;
  state.outcome = state.refused = state.crashed = state.report = state.compilation = undefined;
  state.busy = { done: 0, total: 0 };
  drawStep3();
  drawStep4();
  const clients = state.clients.bytes.slice();
  const during = state.during?.bytes.slice();
  const transfer: Transferable[] = [clients.buffer, ...(during ? [during.buffer] : [])];
  let last = 0;
  ask(
    { id: nextId++, kind: 'import', plan: state.plan.value, mapping: state.mapping.value, clients, ...(during ? { during } : {}), ...(state.key ? { key: state.key } : {}) },
    transfer,
    (m) => {
      if (m.kind === 'progress') {
        state.busy = { done: m.done, total: m.total };
        // Only the bar and its line, at most every 100 ms: the rest of the page stays as it is.
        const now = performance.now();
        const bar = document.getElementById('progress') as HTMLProgressElement | null;
        if (bar && (now - last > 100 || m.done === m.total)) {
          last = now;
          if (m.total > 0) {
            bar.max = m.total;
            bar.value = m.done;
          }
          $('progress-text').textContent = m.total > 0 ? t('progressText', { done: num(m.done), total: num(m.total) }) : t('reading');
        }
        return false;
      }
      state.busy = undefined;
      if (m.kind === 'imported') {
        state.outcome = m.outcome;
        const plan = validatePlan(state.plan.value);
        state.reportPlan = plan.success ? plan.data : undefined;
        state.mergedCount = undefined;
      } else if (m.kind === 'refused') state.refused = m.issues;
      else if (m.kind === 'crashed') state.crashed = m.message;
      drawStep3();
      $('counts')?.focus();
      return true;
    },
  );
}

async function makeReport(): Promise<void> {
  if (!state.compilation) return;
  state.report = undefined;
  drawStep4();
  const model = buildReport(state.compilation, {
    locale: state.locale,
    date: today(),
    ...(state.reportPlan ? { plan: state.reportPlan } : {}),
    audience: state.audience,
  });
  // An internal report hides no count and carries its banner on every page and in every CSV file.
  const html = await renderHtml(model);
  state.report = { html, csv: renderCsv(model) };
  drawStep4();
}

// ---- start

for (const l of ['sv', 'en'] as const) {
  $(`lang-${l}`).addEventListener('click', () => {
    if (state.locale === l) return;
    state.locale = l;
    drawAll();
    if (state.compilation) void makeReport();
    $(`lang-${l}`).focus();
  });
}
drawAll();

import type { Locale } from '../core/locale.js';

// A form drawn from a JSON Schema (the plan's, from zod's toJSONSchema): each
// property a labelled field with its description (`sv` in Swedish,
// `description` in English) as a hint, objects as fieldsets, arrays of
// objects as lists with add and remove, arrays of plain values as one
// comma-separated field, `oneOf` of objects told apart by `kind` as a choice
// of kind, records (`additionalProperties`) as key–value rows. The form edits
// a plain JSON value in place and calls `onChange` with it; structural changes
// (add, remove, a new kind) redraw the form and keep the focus.

/** @internal The part of JSON Schema the form reads. */
export interface FormSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, FormSchema>>;
  readonly required?: readonly string[];
  readonly items?: FormSchema;
  readonly oneOf?: readonly FormSchema[];
  readonly anyOf?: readonly FormSchema[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly description?: string;
  readonly sv?: string;
  readonly default?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly format?: string;
  readonly additionalProperties?: boolean | FormSchema;
}

type Json = unknown;
type Obj = Record<string, Json>;
type Path = readonly (string | number)[];

/** @internal The words of the form's own buttons. */
const WORDS = {
  add: { sv: 'Lägg till', en: 'Add' },
  remove: { sv: 'Ta bort', en: 'Remove' },
  kind: { sv: 'Typ', en: 'Kind' },
  none: { sv: '(inget valt)', en: '(none)' },
  key: { sv: 'Värde i exporten', en: 'Value in the export' },
  value: { sv: 'Kod i planen', en: 'Code in the plan' },
  list: { sv: 'flera värden skiljs med kommatecken', en: 'separate several values with commas' },
  item: { sv: 'nr', en: 'no.' },
} as const;

/** @internal The element id of the field at a path (issues point to fields by it). */
export const fieldId = (prefix: string, path: Path): string => `${prefix}-${path.map((p) => String(p).replace(/[^A-Za-z0-9_-]/g, '_')).join('-')}`;

const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const typeOf = (s: FormSchema): string | undefined => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : (s.type as string | undefined));
const variantsOf = (s: FormSchema): readonly FormSchema[] | undefined => s.oneOf ?? s.anyOf;
const kindOf = (s: FormSchema): string | undefined => {
  const k = s.properties?.['kind']?.const;
  return typeof k === 'string' ? k : undefined;
};

/** @internal A starting value for a new field of this schema: its required parts and nothing more. */
export function initialValue(s: FormSchema): Json {
  if (s.default !== undefined) return structuredClone(s.default);
  if (s.const !== undefined) return s.const;
  const variants = variantsOf(s);
  if (variants?.[0]) return initialValue(variants[0]);
  if (s.enum?.length) return s.enum[0];
  switch (typeOf(s)) {
    case 'object': {
      const out: Obj = {};
      for (const key of s.required ?? []) {
        const p = s.properties?.[key];
        if (p) out[key] = initialValue(p);
      }
      return out;
    }
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return s.minimum ?? 0;
    case 'boolean':
      return false;
    default:
      return '';
  }
}

/** @internal Options of {@link renderForm}. */
export interface FormOptions {
  readonly locale: Locale;
  /** Prefix of every element id. */
  readonly prefix: string;
  /** Called after each edit with the whole value. */
  readonly onChange: (value: Json) => void;
  /** The heading text of the root fieldset. */
  readonly legend: string;
}

/**
 * @internal Draws the form for `schema` into `host`, editing `holder.value`.
 * Redraws itself after structural changes.
 */
export function renderForm(host: HTMLElement, schema: FormSchema, holder: { value: Json }, options: FormOptions): void {
  const { locale, prefix } = options;
  const w = (key: keyof typeof WORDS) => WORDS[key][locale];
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    e.append(...children);
    return e;
  };
  const hintOf = (s: FormSchema) => (locale === 'sv' ? (s.sv ?? s.description) : (s.description ?? s.sv)) ?? '';

  const get = (path: Path): Json => path.reduce<Json>((v, p) => (v as Record<string | number, Json> | undefined)?.[p], holder.value);
  const set = (path: Path, value: Json) => {
    if (path.length === 0) {
      holder.value = value;
      return;
    }
    const parent = get(path.slice(0, -1)) as Record<string | number, Json>;
    const last = path[path.length - 1]!;
    if (value === undefined) {
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
    } else parent[last] = value;
  };
  const changed = () => options.onChange(holder.value);
  const redraw = (focus?: string) => {
    const active = focus ?? document.activeElement?.id;
    renderForm(host, schema, holder, options);
    if (active) document.getElementById(active)?.focus();
  };
  const button = (text: string, label: string, onClick: () => void, id?: string) => {
    const b = el('button', { type: 'button', class: 'small', 'aria-label': label, ...(id ? { id } : {}) }, text);
    b.addEventListener('click', onClick);
    return b;
  };
  const hint = (id: string, s: FormSchema) => {
    const text = hintOf(s);
    return text ? el('span', { class: 'hint', id: `${id}-hint` }, text) : '';
  };
  const described = (id: string, s: FormSchema) => ({ 'aria-describedby': `${hintOf(s) ? `${id}-hint ` : ''}${id}-err` });
  const errSlot = (id: string) => el('span', { class: 'field-error', id: `${id}-err` });

  function scalar(s: FormSchema, path: Path, name: string, required: boolean): HTMLElement {
    const id = fieldId(prefix, path);
    const value = get(path);
    const t = typeOf(s);
    let input: HTMLInputElement | HTMLSelectElement;
    if (s.enum) {
      input = el('select', { id, ...described(id, s) });
      if (!required) input.append(el('option', { value: '' }, w('none')));
      for (const option of s.enum) input.append(el('option', { value: String(option) }, String(option)));
      input.value = value === undefined ? '' : String(value);
      input.addEventListener('change', () => {
        set(path, input.value === '' && !required ? undefined : input.value);
        changed();
      });
    } else if (t === 'boolean') {
      input = el('input', { id, type: 'checkbox', ...described(id, s) });
      input.checked = value === true;
      input.addEventListener('change', () => {
        set(path, (input as HTMLInputElement).checked);
        changed();
      });
      return el('div', { class: 'field check' }, input, el('label', { for: id }, el('code', {}, name)), hint(id, s), errSlot(id));
    } else if (t === 'array') {
      // A list of plain values: one field, values separated by commas.
      const itemType = s.items ? typeOf(s.items) : 'string';
      input = el('input', { id, type: 'text', ...described(id, s) });
      input.value = Array.isArray(value) ? value.join(', ') : '';
      input.addEventListener('input', () => {
        const parts = input.value.split(',').map((p) => p.trim()).filter((p) => p !== '');
        set(path, parts.map((p) => (itemType === 'integer' || itemType === 'number' ? (Number.isFinite(Number(p)) ? Number(p) : p) : p)));
        changed();
      });
      return el('div', { class: 'field' }, el('label', { for: id }, el('code', {}, name), ` (${w('list')})`), input, hint(id, s), errSlot(id));
    } else {
      const numeric = t === 'integer' || t === 'number';
      input = el('input', {
        id,
        type: numeric ? 'number' : s.format === 'date' ? 'date' : 'text',
        ...(numeric ? { step: t === 'integer' ? '1' : 'any', inputmode: t === 'integer' ? 'numeric' : 'decimal' } : {}),
        ...(s.minimum !== undefined ? { min: String(s.minimum) } : {}),
        ...(s.maximum !== undefined ? { max: String(s.maximum) } : {}),
        ...described(id, s),
      });
      input.value = value === undefined || value === null ? '' : String(value);
      input.addEventListener('input', () => {
        const raw = input.value;
        set(path, raw === '' && !required ? undefined : numeric && raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw);
        changed();
      });
    }
    return el('div', { class: 'field' }, el('label', { for: id }, el('code', {}, name)), input, hint(id, s), errSlot(id));
  }

  function record(s: FormSchema, path: Path, name: string): HTMLElement {
    const id = fieldId(prefix, path);
    const value = (get(path) ?? {}) as Obj;
    const inner = typeof s.additionalProperties === 'object' ? s.additionalProperties : {};
    const box = el('fieldset', { id, class: 'record' }, el('legend', {}, el('code', {}, name)));
    const h = hint(id, s);
    if (h) box.append(h);
    Object.entries(value).forEach(([key, v], i) => {
      const kid = `${id}-k${i}`;
      const keyInput = el('input', { id: kid, type: 'text', 'aria-label': `${name}: ${w('key')} ${i + 1}` });
      keyInput.value = key;
      keyInput.addEventListener('change', () => {
        const entries = Object.entries(value).map(([k, x]) => (k === key ? [keyInput.value, x] : [k, x]));
        set(path, Object.fromEntries(entries));
        changed();
        redraw(kid);
      });
      const row = el('div', { class: 'kv' }, keyInput);
      if (typeOf(inner) === 'object' || variantsOf(inner)) row.append(field(inner, [...path, key], key, true));
      else {
        const vid = `${id}-v${i}`;
        const valueInput = el('input', { id: vid, type: 'text', 'aria-label': `${name}: ${w('value')} ${i + 1}` });
        valueInput.value = String(v ?? '');
        valueInput.addEventListener('input', () => {
          (get(path) as Obj)[key] = valueInput.value;
          changed();
        });
        row.append(valueInput);
      }
      row.append(button(w('remove'), `${w('remove')} ${key}`, () => {
        set([...path, key], undefined);
        changed();
        redraw(`${id}-add`);
      }));
      box.append(row);
    });
    box.append(button(w('add'), `${w('add')}: ${name}`, () => {
      const current = (get(path) ?? {}) as Obj;
      let n = 1;
      while (`${n}` in current) n++;
      set(path, { ...current, [`${n}`]: initialValue(inner) });
      changed();
      redraw(`${id}-k${Object.keys(current).length}`);
    }, `${id}-add`));
    box.append(errSlot(id));
    return box;
  }

  function object(s: FormSchema, path: Path, name: string, legend?: string): HTMLElement {
    const id = fieldId(prefix, path);
    const value = get(path) as Obj;
    const box = el('fieldset', { id }, el('legend', {}, legend ?? el('code', {}, name)));
    const h = hint(id, s);
    if (h) box.append(h);
    box.append(errSlot(id));
    const required = new Set(s.required ?? []);
    for (const [key, p] of Object.entries(s.properties ?? {})) {
      if (key === 'kind' && p.const !== undefined) continue;
      const childPath = [...path, key];
      const structural = typeOf(p) === 'object' || variantsOf(p) !== undefined || (typeOf(p) === 'array' && p.items !== undefined && (typeOf(p.items) === 'object' || variantsOf(p.items) !== undefined));
      if (structural && !required.has(key) && value[key] === undefined) {
        const cid = fieldId(prefix, childPath);
        box.append(el('div', { class: 'field optional' }, button(`${w('add')} ${key}`, `${w('add')}: ${key}`, () => {
          value[key] = initialValue(p);
          changed();
          redraw(`${cid}-remove`);
        }, `${cid}-addopt`), hint(cid, p), errSlot(cid)));
        continue;
      }
      const child = field(p, childPath, key, required.has(key));
      if (structural && !required.has(key)) {
        const cid = fieldId(prefix, childPath);
        child.append(button(`${w('remove')} ${key}`, `${w('remove')}: ${key}`, () => {
          delete value[key];
          changed();
          redraw(`${cid}-addopt`);
        }, `${cid}-remove`));
      }
      box.append(child);
    }
    return box;
  }

  function array(s: FormSchema, path: Path, name: string): HTMLElement {
    const id = fieldId(prefix, path);
    const value = get(path) as Json[];
    const box = el('fieldset', { id, class: 'list' }, el('legend', {}, el('code', {}, name)));
    const h = hint(id, s);
    if (h) box.append(h);
    box.append(errSlot(id));
    value.forEach((_, i) => {
      const item = field(s.items ?? {}, [...path, i], `${name} ${w('item')} ${i + 1}`, true, `${name} ${w('item')} ${i + 1}`);
      item.append(button(w('remove'), `${w('remove')}: ${name} ${w('item')} ${i + 1}`, () => {
        value.splice(i, 1);
        changed();
        redraw(`${id}-add`);
      }));
      box.append(item);
    });
    box.append(button(`${w('add')}`, `${w('add')}: ${name}`, () => {
      value.push(initialValue(s.items ?? {}));
      changed();
      redraw(`${fieldId(prefix, [...path, value.length - 1])}`);
    }, `${id}-add`));
    return box;
  }

  function variants(s: FormSchema, options: readonly FormSchema[], path: Path, name: string, legend?: string): HTMLElement {
    const id = fieldId(prefix, path);
    const value = get(path);
    const kinds = options.map(kindOf);
    if (kinds.every((k) => k !== undefined)) {
      const current = isObj(value) ? kinds.indexOf(value['kind'] as string) : -1;
      const chosen = options[current < 0 ? 0 : current]!;
      const select = el('select', { id: `${id}-kind`, ...described(id, s) });
      options.forEach((o, i) => select.append(el('option', { value: String(i), title: hintOf(o) }, `${kinds[i]}: ${hintOf(o)}`.slice(0, 110))));
      select.value = String(current < 0 ? 0 : current);
      select.addEventListener('change', () => {
        set(path, initialValue(options[Number(select.value)]!));
        changed();
        redraw(`${id}-kind`);
      });
      const box = object(chosen, path, name, legend);
      box.insertBefore(el('div', { class: 'field' }, el('label', { for: `${id}-kind` }, w('kind')), select), box.children[1] ?? null);
      return box;
    }
    // Not told apart by kind: the variant whose type fits the value, drawn as itself.
    const fits = options.find((o) => (Array.isArray(value) ? typeOf(o) === 'array' : isObj(value) ? typeOf(o) === 'object' : typeOf(o) !== 'object' && typeOf(o) !== 'array')) ?? options[0]!;
    return field({ ...fits, description: fits.description ?? s.description, sv: fits.sv ?? s.sv }, path, name, true, legend);
  }

  function field(s: FormSchema, path: Path, name: string, required: boolean, legend?: string): HTMLElement {
    const options = variantsOf(s);
    if (options) return variants(s, options, path, name, legend);
    const t = typeOf(s);
    if (t === 'object' && s.properties) return object(s, path, name, legend);
    if (t === 'object') return record(s, path, name);
    if (t === 'array' && s.items && (typeOf(s.items) === 'object' || variantsOf(s.items))) {
      if (!Array.isArray(get(path))) set(path, []);
      return array(s, path, name);
    }
    if (s.const !== undefined) return el('div', { class: 'field' }, el('code', {}, name), ` = ${String(s.const)}`);
    return scalar(s, path, name, required);
  }

  if (!isObj(holder.value)) holder.value = initialValue(schema);
  host.replaceChildren(object(schema, [], options.prefix, options.legend));
}

/**
 * @internal Shows issues beside the fields they name (the nearest field up
 * the path that the form has) and marks them invalid; clears the old ones.
 */
export function showFieldIssues(host: HTMLElement, prefix: string, issues: readonly { readonly path: Path; readonly text: string }[]): void {
  for (const e of Array.from(host.querySelectorAll('.field-error'))) e.textContent = '';
  for (const e of Array.from(host.querySelectorAll('[aria-invalid]'))) e.removeAttribute('aria-invalid');
  for (const { path, text } of issues) {
    for (let n = path.length; n >= 0; n--) {
      const id = fieldId(prefix, path.slice(0, n));
      const slot = document.getElementById(`${id}-err`);
      if (slot === null || !host.contains(slot)) continue;
      slot.textContent = slot.textContent ? `${slot.textContent} ${text}` : text;
      document.getElementById(id)?.setAttribute('aria-invalid', 'true');
      break;
    }
  }
}

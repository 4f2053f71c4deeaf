/** @internal A parameter as text: a list joined with commas. */
export const show = (value: unknown): string =>
  Array.isArray(value) ? value.map((v) => String(v)).join(', ') : String(value);

/** @internal A list of quoted values joined with `sep`. */
export const orList = (values: unknown, sep: string): string =>
  Array.isArray(values) ? values.map((v) => JSON.stringify(v)).join(sep) : show(values);

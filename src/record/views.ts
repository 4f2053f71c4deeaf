import { issue, type Issue, type PathSegment } from '../core/issue.js';
import type { Plan } from '../plan/plan.js';
import { planViewItems, viewValues } from '../plan/views.js';

/**
 * @internal Plan rules for a client's answers to the questionnaire at one
 * point (`after` or a follow-up point id): the plan must ask it there
 * (`unknown_key` otherwise), every item must be one of the plan's
 * (`unknown_code`, naming the known items) and every value one of the item's
 * (`one_of`, naming them).
 */
export function checkViews(
  plan: Plan,
  views: Readonly<Record<string, number | boolean>>,
  point: string,
  path: readonly PathSegment[],
  out: Issue[],
): void {
  const keys = Object.keys(views);
  if (keys.length === 0) return;
  if (!(plan.clientViews?.at ?? []).includes(point)) {
    out.push(issue(path, 'unknown_key', { keys }));
    return;
  }
  const items = planViewItems(plan.clientViews);
  for (const key of keys) {
    const item = items.find((i) => i.id === key);
    const at = [...path, key];
    if (item === undefined) {
      out.push(issue(at, 'unknown_code', { value: key, field: 'view item', known: items.map((i) => i.id) }));
      continue;
    }
    const values = viewValues(item);
    const value = views[key];
    if (!values.includes(value!)) out.push(issue(at, 'one_of', { values: values.map(String), value: String(value) }));
  }
}

import type { Issue } from '../core/issue.js';
import type { Locale } from '../core/locale.js';
import type { ExportProposal } from '../io/propose.js';
import type { ImportOutcome, ImportRequest } from './session.js';

/** @internal A message from the page to its worker. Bytes are transferred, not copied. */
export type ToWorker =
  | { readonly id: number; readonly kind: 'propose'; readonly bytes: Uint8Array; readonly locale: Locale }
  | ({ readonly id: number; readonly kind: 'import' } & ImportRequest);

/** @internal A message from the worker to the page, answering the request with the same id. */
export type FromWorker =
  | { readonly id: number; readonly kind: 'progress'; readonly done: number; readonly total: number }
  | { readonly id: number; readonly kind: 'proposal'; readonly proposal: ExportProposal }
  | { readonly id: number; readonly kind: 'imported'; readonly outcome: ImportOutcome }
  | { readonly id: number; readonly kind: 'refused'; readonly issues: readonly Issue[] }
  | { readonly id: number; readonly kind: 'crashed'; readonly message: string };

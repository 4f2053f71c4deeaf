import { z } from 'zod';
import type { FromWorker, ToWorker } from './protocol.js';
import { importExport, proposeExport } from './session.js';

// No code generated at run time (zod's fast path uses new Function): the page's CSP forbids it.
z.config({ jitless: true });

// The workbench's Web Worker: the proposal and the import run here, so the
// page answers clicks while a large export is read. The page starts it from
// a blob: URL holding this bundle (a worker cannot be loaded from file://).

interface WorkerScope {
  onmessage: ((event: { data: ToWorker }) => void) | null;
  postMessage(message: FromWorker): void;
}
const scope = globalThis as unknown as WorkerScope;

scope.onmessage = ({ data }) => {
  const post = (message: FromWorker) => scope.postMessage(message);
  try {
    if (data.kind === 'propose') {
      post({ id: data.id, kind: 'proposal', proposal: proposeExport(data.bytes, data.locale) });
      return;
    }
    post({ id: data.id, kind: 'progress', done: 0, total: 0 });
    const result = importExport(data, (done, total) => post({ id: data.id, kind: 'progress', done, total }));
    post(result.ok ? { id: data.id, kind: 'imported', outcome: result.outcome } : { id: data.id, kind: 'refused', issues: result.issues });
  } catch (error) {
    post({ id: data.id, kind: 'crashed', message: error instanceof Error ? error.message : String(error) });
  }
};

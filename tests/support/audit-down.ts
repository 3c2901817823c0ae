/**
 * The AuditLog list as if SharePoint refused every write to it: the audit trail then refuses each
 * change (fail closed). Answers the function that puts the list back.
 */
import { AppError } from "../../src/errors";
import type { RunningApp } from "../../src/server/app/start";

export function auditListDown(app: RunningApp): () => void {
  const store = app.context.stores.auditLog;
  const original = store.create.bind(store);
  store.create = (async () => {
    throw new AppError("upstream_failed", "AuditLog unavailable");
  }) as typeof store.create;
  return () => {
    store.create = original;
  };
}

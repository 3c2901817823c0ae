import { Notice, useLoad, useSession } from "../shell";
import { adminApi } from "../../src/schemas/admin/api";

/**
 * "The calendar is running out": shown to commissioners wherever they look first (the summary tab),
 * months before deadlines and reminders stop, with a link to the administration tab.
 */
export function CalendarWarning() {
  const { api } = useSession();
  const coverage = useLoad("coverage", () => api.call(adminApi.coverage, {}));
  if (coverage.state.kind !== "ready" || coverage.state.value.ok) return null;
  return (
    <Notice intent="warning" title="The calendar is running out" data-testid="calendar-warning">
      {coverage.state.value.message} <a href="/tabs/admin">Add the terms in Administration</a>.
    </Notice>
  );
}

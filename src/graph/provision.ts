/**
 * Provisioning: make the site hold every declared list and column. Idempotent and additive: it
 * creates missing lists (with all their columns, [§2.3](../../docs/reference/graph-sharepoint-lists.md#23-creating-a-list)) and adds missing columns ([§2.4](../../docs/reference/graph-sharepoint-lists.md#24-column-definitions)), and never
 * deletes a list, a column or an item. It changes a column in one case only, one that loosens it
 * and touches no value: a closed choice column the definition now wants as text (an area, once a
 * fixed list, is any name today) is opened to any text through its choice facet's `allowTextEntry`
 * ([§2.4 Changing a column](../../docs/reference/graph-sharepoint-lists.md#changing-a-column)), and
 * the report says so. Running it twice creates and changes nothing the second time.
 */
import { AppError } from "../errors";
import { statusOf, toAppError, type GraphApi } from "./graph-api";
import { allColumnDefinitions, type ListDefinition } from "./list-definition";

export interface ProvisionReport {
  createdLists: string[];
  addedColumns: Array<{ list: string; column: string }>;
  /** Columns changed in place, and how (only a closed choice column opened to any text). */
  changedColumns: Array<{ list: string; column: string; change: string }>;
  /** Differences provisioning does not fix by itself (changing a column could touch data). */
  warnings: string[];
}

interface GraphList {
  id: string;
  displayName?: string;
  name?: string;
}

interface GraphColumn {
  id?: string;
  name: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  choice?: { choices?: string[]; allowTextEntry?: boolean; displayAs?: string };
  text?: Record<string, unknown>;
}

/** All lists of the site ([§2.1](../../docs/reference/graph-sharepoint-lists.md#21-listing-lists)), following nextLinks. */
export async function listSiteLists(api: GraphApi, siteId: string): Promise<GraphList[]> {
  const out: GraphList[] = [];
  let url: string | undefined = `/sites/${siteId}/lists?$select=id,name,displayName`;
  while (url) {
    const page: { value?: GraphList[]; "@odata.nextLink"?: string } = await api.request("GET", url);
    out.push(...(page.value ?? []));
    url = page["@odata.nextLink"];
  }
  return out;
}

function findByTitle(lists: GraphList[], title: string): GraphList | undefined {
  const t = title.toLowerCase();
  return lists.find((l) => (l.displayName ?? l.name ?? "").toLowerCase() === t);
}

export async function provisionSite(api: GraphApi, siteId: string, lists: readonly ListDefinition[]): Promise<ProvisionReport> {
  const report: ProvisionReport = { createdLists: [], addedColumns: [], changedColumns: [], warnings: [] };
  let existing: GraphList[];
  try {
    existing = await listSiteLists(api, siteId);
  } catch (err) {
    throw toAppError(err, "Reading the site's lists");
  }
  const toCheck: Array<{ list: GraphList; def: ListDefinition }> = [];
  for (const def of lists) {
    let list = findByTitle(existing, def.title);
    if (!list) {
      try {
        const created = await api.request<GraphList>("POST", `/sites/${siteId}/lists`, {
          body: { displayName: def.title, description: def.description, columns: allColumnDefinitions(def), list: { template: "genericList" } },
        });
        report.createdLists.push(def.title);
        existing.push(created);
        continue;
      } catch (err) {
        // Another process provisioning at the same time, or a retried POST that had been applied
        // ([§7.4](../../docs/reference/graph-sharepoint-lists.md#74-what-a-client-should-do)): the list exists now, so fall through to the column check.
        if (statusOf(err) !== 409) throw toAppError(err, `Creating the list ${def.title}`);
        existing = await listSiteLists(api, siteId);
        list = findByTitle(existing, def.title);
        if (!list) throw toAppError(err, `Creating the list ${def.title}`);
      }
    }
    toCheck.push({ list, def });
  }
  // The lists already there (every list, after the first start) are checked a few at a time: one
  // GET of the columns each; findings are reported in list order whatever order they come back in.
  const found: ProvisionReport[] = [];
  for (let i = 0; i < toCheck.length; i += COLUMN_CHECKS_AT_ONCE) {
    found.push(
      ...(await Promise.all(
        toCheck.slice(i, i + COLUMN_CHECKS_AT_ONCE).map(async ({ list, def }) => {
          const part: ProvisionReport = { createdLists: [], addedColumns: [], changedColumns: [], warnings: [] };
          await addMissingColumns(api, siteId, list, def, part);
          return part;
        }),
      )),
    );
  }
  for (const part of found) {
    report.addedColumns.push(...part.addedColumns);
    report.changedColumns.push(...part.changedColumns);
    report.warnings.push(...part.warnings);
  }
  return report;
}

/** Column checks in flight together: well under the request rates Graph throttles at. */
const COLUMN_CHECKS_AT_ONCE = 8;

async function addMissingColumns(api: GraphApi, siteId: string, list: GraphList, def: ListDefinition, report: ProvisionReport): Promise<void> {
  const path = `/sites/${siteId}/lists/${list.id}/columns`;
  let columns: GraphColumn[];
  try {
    columns = (await api.request<{ value?: GraphColumn[] }>("GET", path)).value ?? [];
  } catch (err) {
    throw toAppError(err, `Reading the columns of ${def.title}`);
  }
  const byName = new Map(columns.map((c) => [c.name.toLowerCase(), c]));
  for (const wanted of allColumnDefinitions(def)) {
    const name = String(wanted.name);
    const have = byName.get(name.toLowerCase());
    if (have) {
      if (wanted.text !== undefined && have.choice && have.choice.allowTextEntry !== true) {
        await openChoiceColumn(api, path, def.title, have, report);
        continue;
      }
      driftWarnings(def.title, wanted, have, report);
      continue;
    }
    try {
      await api.request("POST", path, { body: wanted });
      report.addedColumns.push({ list: def.title, column: name });
    } catch (err) {
      if (statusOf(err) === 409) continue; // added concurrently, or a retried POST that was applied
      throw toAppError(err, `Adding the column ${name} to ${def.title}`);
    }
  }
}

/**
 * A closed choice column where the definition wants text: PATCH its choice facet to allow any text
 * ([§2.4 Changing a column](../../docs/reference/graph-sharepoint-lists.md#changing-a-column)). The column keeps its type, its
 * choices and every value, so nothing already stored can fail; turning it into a text column is not
 * something Graph is documented to do. The whole facet is sent, so no choice is lost either way a
 * service merges or replaces it.
 */
async function openChoiceColumn(api: GraphApi, columnsPath: string, list: string, have: GraphColumn, report: ProvisionReport): Promise<void> {
  if (!have.id) {
    report.warnings.push(`${list}.${have.name} is a choice column but should take any text; open it to text entry (allowTextEntry) by hand`);
    return;
  }
  try {
    await api.request("PATCH", `${columnsPath}/${have.id}`, { body: { choice: { ...have.choice, allowTextEntry: true } } });
  } catch (err) {
    throw toAppError(err, `Letting the choice column ${have.name} of ${list} take any text`);
  }
  report.changedColumns.push({ list, column: have.name, change: "choice column now takes any text (allowTextEntry), its choices and values kept" });
}

/** Index, uniqueness and choices are reported, not changed: altering them can fail on existing data. */
function driftWarnings(list: string, wanted: Record<string, unknown>, have: GraphColumn, report: ProvisionReport): void {
  const name = String(wanted.name);
  if (wanted.indexed === true && have.indexed !== true) report.warnings.push(`${list}.${name} should be indexed but is not`);
  if (wanted.enforceUniqueValues === true && have.enforceUniqueValues !== true) {
    report.warnings.push(`${list}.${name} should enforce unique values but does not`);
  }
  const choices = (wanted.choice as { choices?: string[] } | undefined)?.choices;
  const missing = choices?.filter((c) => !(have.choice?.choices ?? []).includes(c)) ?? [];
  if (have.choice && missing.length > 0) report.warnings.push(`${list}.${name} lacks the choices ${missing.join(", ")}`);
}

/** The list ids of the given titles; fails clearly when one has not been provisioned. */
export async function resolveListIds(api: GraphApi, siteId: string, titles: readonly string[]): Promise<Map<string, string>> {
  const lists = await listSiteLists(api, siteId).catch((err: unknown) => {
    throw toAppError(err, "Reading the site's lists");
  });
  const out = new Map<string, string>();
  for (const title of titles) {
    const found = findByTitle(lists, title);
    if (!found) throw new AppError("not_found", `The list ${title} does not exist on the site; run provisioning (npm run provision)`);
    out.set(title, found.id);
  }
  return out;
}

export function formatProvisionReport(report: ProvisionReport): string[] {
  const lines: string[] = [];
  lines.push(report.createdLists.length > 0 ? `created lists: ${report.createdLists.join(", ")}` : "created lists: none");
  lines.push(
    report.addedColumns.length > 0
      ? `added columns: ${report.addedColumns.map((c) => `${c.list}.${c.column}`).join(", ")}`
      : "added columns: none",
  );
  for (const c of report.changedColumns) lines.push(`changed column ${c.list}.${c.column}: ${c.change}`);
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  return lines;
}

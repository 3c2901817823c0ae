/**
 * [Strict by default](../../docs/reference/architecture.md#strict-by-default): what the emulator does not implement is refused with a
 * clear error, and every error carries Graph's body with innerError ([§7.1](../../docs/reference/graph-sharepoint-lists.md#71-error-body)).
 * Section numbers (§n) in the test names are those of [graph-sharepoint-lists.md](../../docs/reference/graph-sharepoint-lists.md).
 */
import type { Client } from "@microsoft/microsoft-graph-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphEmulator } from "../../src/emulator";
import { emulatorClient, graphError, startEmulator } from "./harness";

const SITE = "/sites/lift.sharepoint.com:/sites/lift-hub:";
/** it.each tables are built before beforeAll runs, so they address the list by title. */
const STRICT = `${SITE}/lists/Strict`;
let emulator: GraphEmulator;
let client: Client;
let listPath: string;

beforeAll(async () => {
  const started = await startEmulator();
  emulator = started.emulator;
  client = emulatorClient(started.url, started.ca);
  const list = (await client.api(`${SITE}/lists`).post({
    displayName: "Strict",
    columns: [
      { name: "Count", number: {} },
      { name: "Colours", choice: { choices: ["red", "blue"], displayAs: "checkBoxes" } },
      { name: "Owner", personOrGroup: {} },
      { name: "Due", dateTime: { format: "dateOnly" } },
    ],
  })) as { id: string };
  listPath = `${SITE}/lists/${list.id}`;
});
afterAll(() => emulator.stop());

describe("error body", () => {
  it("has code, message and innerError {date without Z, request-id, client-request-id}", async () => {
    const err = await graphError(() => client.api(`${listPath}/items/77`).get());
    const body = JSON.parse(err.body as string) as { code: string; message: string; innerError: Record<string, string> };
    expect(body.code).toBe("itemNotFound");
    expect(body.message).toBe("Item not found");
    expect(body.innerError.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(body.innerError["request-id"]).toBe(err.requestId);
    // The client's TelemetryHandler sends a client-request-id; the emulator echoes it.
    expect(body.innerError["client-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(err.headers?.get("client-request-id")).toBe(body.innerError["client-request-id"]);
  });
});

describe("values on the wire (§3.2, §4.1)", () => {
  it("stores lookup ids as strings, multi-choice with its annotation, date-only as UTC midnight", async () => {
    const item = (await client.api(`${listPath}/items`).post({
      fields: { Title: "x", OwnerLookupId: 12, "Colours@odata.type": "Collection(Edm.String)", Colours: ["red", "blue"], Due: "2026-03-10" },
    })) as { fields: Record<string, unknown> };
    expect(item.fields.OwnerLookupId).toBe("12");
    expect(item.fields.Colours).toEqual(["red", "blue"]);
    expect(item.fields.Due).toBe("2026-03-10T00:00:00Z");
    expect(item.fields).not.toHaveProperty("Count"); // empty custom values are omitted
  });

  it.each([
    [{ Count: "5" }, "Count"],
    [{ Colours: ["red"] }, "Colours@odata.type"],
    [{ Owner: 3 }, "OwnerLookupId"],
    [{ Created: "2020-01-01T00:00:00Z" }, "read-only"],
    [{ Due: "next week" }, "ISO-8601"],
  ])("refuses %j with 400 invalidRequest (%s)", async (fields, hint) => {
    const err = await graphError(() => client.api(`${listPath}/items`).post({ fields }));
    expect(err.statusCode).toBe(400);
    expect(err.code).toBe("invalidRequest");
    expect(err.message).toContain(hint);
  });
});

describe("unimplemented surface is refused, not guessed", () => {
  it.each([
    [`${STRICT}/items?$expand=driveItem`, 501],
    [`${STRICT}/items?$search=x`, 501],
    [`${STRICT}/items?$filter=contains(fields/Title,'x')`, 400],
    [`${STRICT}/items?$filter=createdDateTime ge '2020-01-01'`, 501],
    [`${STRICT}/items?$top=5001`, 400],
    [`${STRICT}/items?$exapnd=fields`, 400],
    [`${STRICT}/items?expand=fields(select=Owner)`, 501],
    [`${STRICT}/items?expand=fields(select=Nope)`, 400],
    [`${SITE}/drive`, 501],
    [`${SITE}/lists/Strict/nonsense`, 400],
  ])("GET %s → %i", async (path, status) => {
    const err = await graphError(() => client.api(path).get());
    expect(err.statusCode).toBe(status);
  });

  it("refuses PATCH on the listItem itself and templates other than genericList and documentLibrary", async () => {
    expect((await graphError(() => client.api(`${listPath}/items/1`).patch({ fields: {} }))).statusCode).toBe(501);
    const err = await graphError(() => client.api(`${SITE}/lists`).post({ displayName: "Events", list: { template: "events" } }));
    expect(err.statusCode).toBe(501);
    expect(err.message).toContain("events");
  });

  it("ignores $orderby on item properties, as SharePoint does (§3.4)", async () => {
    const page = (await client.api(`${listPath}/items`).orderby("id desc").get()) as { value: Array<{ id: string }> };
    const ids = page.value.map((v) => Number(v.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it.each([
    ["not base64 JSON", "bm90LWEtdG9rZW4"],
    ["JSON null", Buffer.from("null").toString("base64url")],
    ["a number", Buffer.from("5").toString("base64url")],
    ["an object of the wrong shape", Buffer.from('{"l":5,"m":"e"}').toString("base64url")],
  ])("answers a delta token that is %s with 410 and a Location that restarts (§5)", async (_what, token) => {
    const err = await graphError(() => client.api(`${listPath}/items/delta?token=${token}`).get());
    expect(err.statusCode).toBe(410);
    expect(err.headers?.get("Location")).toMatch(/^https:\/\/localhost:\d+\/v1\.0\/.*\/items\/delta$/);
  });

  it.each(["fields", "fields/Count/x"])("answers a malformed property %j in $filter and $orderby with 400", async (prop) => {
    expect((await graphError(() => client.api(`${listPath}/items`).filter(`${prop} eq 1`).get())).statusCode).toBe(400);
    expect((await graphError(() => client.api(`${listPath}/items`).orderby(prop).get())).statusCode).toBe(400);
  });

  it("answers a duplicate list title with 409 and an unknown item with 404", async () => {
    expect((await graphError(() => client.api(`${SITE}/lists`).post({ displayName: "strict" }))).statusCode).toBe(409);
    expect((await graphError(() => client.api(`${listPath}/items/abc`).get())).statusCode).toBe(404);
  });
});

/**
 * Looking people up in the organisation's directory, so a person added to LIFT Hub carries the
 * object id their sign-in token will have (a typed-in id would lock them out). A small port with two
 * adapters, picked by configuration in the composition root:
 * - tenant mode: Microsoft Graph `GET /users?$filter=startswith(displayName,'…') or startswith(userPrincipalName,'…')`
 *   (needs `User.ReadBasic.All` for the app);
 * - local mode: the local identity provider's demo users, plus a new `@lift.local` sign-in name typed
 *   in full, with a stable object id derived from it (the local identity provider signs anyone in the
 *   People list in, so a person added this way can sign in with `?as=`).
 */
import { createHash } from "node:crypto";
import type { GraphApi } from "../../../graph/graph-api";
import { toAppError } from "../../../graph/graph-api";

export interface DirectoryUser {
  oid: string;
  displayName: string;
  upn: string;
}

export interface DirectoryLookup {
  search(text: string): Promise<DirectoryUser[]>;
}

const MAX_RESULTS = 10;

/** OData string literal: a quote is doubled. */
function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function graphDirectory(api: Pick<GraphApi, "request">): DirectoryLookup {
  return {
    async search(text) {
      const q = odataString(text.trim());
      const path = `/users?$filter=${encodeURIComponent(`startswith(displayName,${q}) or startswith(userPrincipalName,${q})`)}&$select=id,displayName,userPrincipalName&$top=${MAX_RESULTS}`;
      try {
        const answer = await api.request<{ value?: Array<{ id: string; displayName?: string; userPrincipalName?: string }> }>("GET", path);
        return (answer.value ?? []).map((u) => ({ oid: u.id, displayName: u.displayName ?? u.userPrincipalName ?? u.id, upn: (u.userPrincipalName ?? "").toLowerCase() }));
      } catch (error) {
        throw toAppError(error, "Looking people up in the directory");
      }
    },
  };
}

/** A name-based (version 5 style) GUID from a sign-in name: the same name always gets the same id. */
export function localObjectId(upn: string): string {
  const h = createHash("sha1").update(`lift.local:${upn.trim().toLowerCase()}`).digest("hex");
  const variant = ((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

const LOCAL_UPN = /^[a-z0-9._-]+@lift\.local$/;

export function localDirectory(demoUsers: () => Promise<readonly DirectoryUser[]>): DirectoryLookup {
  return {
    async search(text) {
      const q = text.trim().toLowerCase();
      const found = (await demoUsers()).filter((u) => u.displayName.toLowerCase().startsWith(q) || u.upn.startsWith(q) || u.displayName.toLowerCase().includes(` ${q}`));
      if (LOCAL_UPN.test(q) && !found.some((u) => u.upn === q)) {
        const name = q.split("@")[0]!.split(/[._-]/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join(" ");
        found.push({ oid: localObjectId(q), displayName: name, upn: q });
      }
      return found.slice(0, MAX_RESULTS);
    },
  };
}

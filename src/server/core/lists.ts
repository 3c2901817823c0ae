/**
 * The core SharePoint lists, declared once. Provisioning creates them from here, the list stores
 * map values through them. Each feature declares its own lists in its `lists.ts`, and the
 * composition root adds them (FEATURE_LISTS); provisioning then adds what is missing on the next start.
 *
 * Indexes follow [§3.3](../../../docs/reference/graph-sharepoint-lists.md#33-filtering): filter and orderby only on indexed columns, one indexed column per filter.
 */
import { AuditEntry } from "../../schemas/core/audit-entry";
import { BankHoliday } from "../../schemas/reference/bank-holiday";
import { Operation } from "../../schemas/core/operation";
import { DemoSeed } from "../../schemas/core/demo-seed";
import { ConversationReference } from "../../schemas/core/conversation-reference";
import { District } from "../../schemas/reference/district";
import { DistrictDay } from "../../schemas/reference/district-day";
import { LiftGroup } from "../../schemas/reference/lift-group";
import { Locality } from "../../schemas/reference/locality";
import { MonitoringMeetingRecord } from "../../schemas/reference/monitoring-meeting";
import { Person } from "../../schemas/reference/person";
import { Setting } from "../../schemas/reference/setting";
import { Term } from "../../schemas/reference/term";
import { defineList, type FieldMappingOptions, type ListDefinition } from "../../graph/list-definition";
import { ListStore } from "../../graph/list-store";
import { resolveListIds } from "../../graph/provision";
import type { LiftSite } from "../../graph/site";

export const PeopleList = defineList({
  title: "People",
  description: "Who may use LIFT Hub: role, district, school and county team of each person (read on every request).",
  schema: Person,
  itemTitle: (p) => p.displayName,
  naturalKey: (p) => `person:${p.oid.toLowerCase()}`,
  indexed: ["upn", "oid", "districtSlug"],
  unique: ["oid"],
  // Regex-checked slugs and ids are short; store them as single-line text so they can be indexed.
  columns: { districtSlug: { kind: "text", maxLength: 60 }, settingId: { kind: "text", maxLength: 16 } },
});

export const DistrictsList = defineList({
  title: "Districts",
  description: "The STLS districts and the area each belongs to.",
  schema: District,
  itemTitle: (d) => d.name,
  naturalKey: (d) => `district:${d.code}`,
  indexed: ["slug"],
  unique: ["code"],
  // An area is any name (commissioners add areas), so it is text, not a choice; retiredOn, splitFrom
  // and startsOn came with the admin tab's structure section and are added by provisioning.
  columns: { code: { kind: "text", maxLength: 3 }, area: { kind: "text", maxLength: 60 } },
});

export const SettingsList = defineList({
  title: "Settings",
  description: "Schools and early years settings that refer children to LIFT.",
  schema: Setting,
  itemTitle: (s) => s.name,
  naturalKey: (s) => `setting:${s.id}`,
  indexed: ["districtSlug", "urn"],
  unique: ["id"],
  // The URN column was 6 characters before early years providers' Ofsted numbers (EY123456) joined
  // the register; provisioning adds missing columns but never widens one, so a site provisioned
  // before needs the column widened to 8 by hand ([§2.4](../../../docs/reference/graph-sharepoint-lists.md#24-column-definitions)).
  // `id` is taken by the list item's own id ([§3.2](../../../docs/reference/graph-sharepoint-lists.md#32-the-listitem-resource)), so the setting's id is stored as SettingId.
  columns: { id: { name: "SettingId", kind: "text", maxLength: 16 }, urn: { kind: "text", maxLength: 8 }, registerPhase: { kind: "text", maxLength: 20 }, status: { kind: "text", maxLength: 10 } },
});

export const TermsList = defineList({
  title: "Terms",
  description: "Term dates per academic year (terms 1–6) and any commissioner-set return due date.",
  schema: Term,
  itemTitle: (t) => `${t.academicYear} term ${t.term}`,
  naturalKey: (t) => `term:${t.academicYear}:${t.term}`,
  indexed: ["academicYear"],
  columns: { academicYear: { kind: "text", maxLength: 7 }, returnDueAt: { kind: "text", maxLength: 40 } },
});

export const BankHolidaysList = defineList({
  title: "BankHolidays",
  description: "England and Wales bank holidays; school-day counting skips them.",
  schema: BankHoliday,
  itemTitle: (h) => `${h.date} ${h.name}`,
  naturalKey: (h) => `bank-holiday:${h.division}:${h.date}`,
  indexed: ["date"],
});

export const DistrictDaysList = defineList({
  title: "DistrictDays",
  description: "INSET and closure days of a district where its calendar differs from the county's.",
  schema: DistrictDay,
  itemTitle: (d) => `${d.districtSlug} ${d.date} ${d.kind}`,
  naturalKey: (d) => `district-day:${d.districtSlug}:${d.date}`,
  indexed: ["districtSlug"],
  columns: { districtSlug: { kind: "text", maxLength: 60 } },
});

export const MonitoringMeetingsList = defineList({
  title: "MonitoringMeetings",
  description: "Each district's monitoring meetings as commissioners set them (date and pack link).",
  schema: MonitoringMeetingRecord,
  itemTitle: (m) => `${m.districtSlug} ${m.academicYear} terms ${m.covers}`,
  naturalKey: (m) => `monitoring:${m.districtSlug}:${m.academicYear}:${m.covers}`,
  indexed: ["districtSlug"],
  columns: { districtSlug: { kind: "text", maxLength: 60 }, academicYear: { kind: "text", maxLength: 7 }, packUrl: { kind: "note" } },
});

export const AuditLogList = defineList({
  title: "AuditLog",
  description: "Who did what to which item and when. Never holds a child's name.",
  schema: AuditEntry,
  itemTitle: (a) => a.action,
  indexed: ["actorOid", "at", "listTitle"],
  columns: { listTitle: { kind: "text", maxLength: 64 } },
});

export const ConversationReferencesList = defineList({
  title: "ConversationReferences",
  description: "Teams conversations the bot can message proactively (reminders).",
  schema: ConversationReference,
  itemTitle: (r) => `${r.conversationType} ${r.userUpn ?? r.conversationId}`.slice(0, 255),
  indexed: ["userOid"],
  unique: ["conversationId"],
});

export const OperationsList = defineList({
  title: "Operations",
  description: "Changes spanning several items, written down first and finished by a retry or the next job tick. Ids and codes only.",
  schema: Operation,
  itemTitle: (o) => `${o.kind} ${o.target}`,
  indexed: ["status", "target"],
  columns: { target: { kind: "text", maxLength: 60 } },
});

export const DemoSeedsList = defineList({
  title: "DemoSeeds",
  description: "Local demo data (DEMO_DATA=on): which features' demo seeds ran to the end, so a restart skips them.",
  schema: DemoSeed,
  itemTitle: (d) => `${d.feature} v${d.version} ${d.day}`,
  columns: { version: { name: "SeedVersion" } },
});

export const LocalitiesList = defineList({
  title: "Localities",
  description: "Localities or clusters of schools within a district, where the service uses them.",
  schema: Locality,
  itemTitle: (l) => l.name,
  naturalKey: (l) => `locality:${l.slug}`,
  indexed: ["districtSlug"],
  unique: ["slug"],
  columns: { slug: { kind: "text", maxLength: 60 }, districtSlug: { kind: "text", maxLength: 60 } },
});

export const LiftGroupsList = defineList({
  title: "LiftGroups",
  description: "LIFT groups: a meeting series for a set of schools or settings in a district, with its cadence.",
  schema: LiftGroup,
  itemTitle: (g) => g.name,
  naturalKey: (g) => `lift-group:${g.id}`,
  indexed: ["districtSlug"],
  unique: ["id"],
  // `id` is taken by the list item's own id, as for Settings.
  columns: { id: { name: "GroupId", kind: "text", maxLength: 80 }, districtSlug: { kind: "text", maxLength: 60 } },
});

/** The lists provisioning creates, in creation order. */
export const LIFT_LISTS: readonly ListDefinition[] = [
  PeopleList,
  DistrictsList,
  SettingsList,
  TermsList,
  BankHolidaysList,
  AuditLogList,
  ConversationReferencesList,
  OperationsList,
  DistrictDaysList,
  MonitoringMeetingsList,
  DemoSeedsList,
  LocalitiesList,
  LiftGroupsList,
];

export interface LiftStores {
  people: ListStore<typeof PeopleList.schema>;
  districts: ListStore<typeof DistrictsList.schema>;
  settings: ListStore<typeof SettingsList.schema>;
  terms: ListStore<typeof TermsList.schema>;
  bankHolidays: ListStore<typeof BankHolidaysList.schema>;
  auditLog: ListStore<typeof AuditLogList.schema>;
  conversationReferences: ListStore<typeof ConversationReferencesList.schema>;
  operations: ListStore<typeof OperationsList.schema>;
  districtDays: ListStore<typeof DistrictDaysList.schema>;
  monitoringMeetings: ListStore<typeof MonitoringMeetingsList.schema>;
  demoSeeds: ListStore<typeof DemoSeedsList.schema>;
  localities: ListStore<typeof LocalitiesList.schema>;
  liftGroups: ListStore<typeof LiftGroupsList.schema>;
}

/** A store for each LIFT list. The lists must exist (provisionSite first). */
export async function openListStores(site: LiftSite, mapping: FieldMappingOptions = {}): Promise<LiftStores> {
  const ids = await resolveListIds(site.api, site.siteId, LIFT_LISTS.map((l) => l.title));
  const open = <D extends ListDefinition>(def: D) => new ListStore(site.api, site.siteId, ids.get(def.title) as string, def as D & ListDefinition<D["schema"]>, mapping, site.rows) as ListStore<D["schema"]>;
  return {
    people: open(PeopleList),
    districts: open(DistrictsList),
    settings: open(SettingsList),
    terms: open(TermsList),
    bankHolidays: open(BankHolidaysList),
    auditLog: open(AuditLogList),
    conversationReferences: open(ConversationReferencesList),
    operations: open(OperationsList),
    districtDays: open(DistrictDaysList),
    monitoringMeetings: open(MonitoringMeetingsList),
    demoSeeds: open(DemoSeedsList),
    localities: open(LocalitiesList),
    liftGroups: open(LiftGroupsList),
  };
}


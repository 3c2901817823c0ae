/**
 * Building blocks for the LIFT referral form: each field is defined once, with its visible label,
 * section, help text, the variant(s) it applies to, whether it is required on submission and
 * whether it identifies the child. The zod schemas (referral.ts), the React form and the SharePoint
 * list definition are all derived from these definitions.
 *
 * Free text is plain text everywhere: it is trimmed and length-capped, never stripped of markup and
 * never interpreted (renderers must output it as text).
 */
import { z } from "zod";
import { isPlainDate } from "../../domain/time/plain-dates";

export const REFERRAL_VARIANTS = ["school", "early-years"] as const;
export type ReferralVariant = (typeof REFERRAL_VARIANTS)[number];
export const BOTH_VARIANTS: readonly ReferralVariant[] = REFERRAL_VARIANTS;

/** Form sections in display order. */
export const REFERRAL_SECTIONS = [
  { id: "referrer", title: "Referrer and setting" },
  { id: "child", title: "Child" },
  { id: "flags", title: "SEN status and flags" },
  { id: "needs", title: "Areas of need" },
  { id: "question", title: "Question for LIFT" },
  { id: "profile", title: "Strengths and presenting needs" },
  { id: "apdr", title: "What has been tried" },
  { id: "strategies", title: "Strategies in place" },
  { id: "agencies", title: "Other agencies involved" },
  { id: "views", title: "Parent/carer and child views" },
  { id: "agreement", title: "Parent/carer agreement to engage" },
  { id: "attachments", title: "Attachments" },
  { id: "meeting", title: "LIFT meeting" },
] as const;
export type ReferralSectionId = (typeof REFERRAL_SECTIONS)[number]["id"];

export type FieldKind =
  | "text"
  | "textarea"
  | "email"
  | "phone"
  | "date"
  | "boolean"
  | "choice"
  | "multichoice"
  | "number"
  | "list"
  | "derived";

export interface FieldOption {
  value: string;
  label: string;
}

export interface FieldMeta {
  /** The visible label (exact wording used in the form and in messages). */
  label: string;
  /** A different visible label for one variant (e.g. Mainstream Core Standards vs Best Practice Guidance). */
  labelByVariant?: Partial<Record<ReferralVariant, string>>;
  section: ReferralSectionId;
  help?: string;
  /** Variants the field appears in; default both. */
  variants?: readonly ReferralVariant[];
  /** Required on submission (for the variants it applies to). */
  required?: boolean;
  /** Required even in a draft (only the setting). */
  draftRequired?: boolean;
  /** Identifies the child or family: dropped from stage/commissioner views, never logged. */
  identifying?: boolean;
}

export interface FieldDef<S extends z.ZodType = z.ZodType> {
  kind: FieldKind;
  label: string;
  labelByVariant: Partial<Record<ReferralVariant, string>>;
  section: ReferralSectionId;
  help: string | undefined;
  variants: readonly ReferralVariant[];
  required: boolean;
  draftRequired: boolean;
  identifying: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  options?: readonly FieldOption[];
  /** Schema of a present value (drafts wrap it in optional()). */
  schema: S;
}

export interface ListDef<I extends Record<string, FieldDef> = Record<string, FieldDef>, S extends z.ZodType = z.ZodType>
  extends FieldDef<S> {
  kind: "list";
  item: I;
  minItems: number;
  maxItems: number;
}

function base(kind: FieldKind, meta: FieldMeta) {
  return {
    kind,
    label: meta.label,
    labelByVariant: meta.labelByVariant ?? {},
    section: meta.section,
    help: meta.help,
    variants: meta.variants ?? BOTH_VARIANTS,
    required: meta.required ?? false,
    draftRequired: meta.draftRequired ?? false,
    identifying: meta.identifying ?? false,
  };
}

/** The label shown for a field in a variant. */
export function labelFor(field: Pick<FieldDef, "label" | "labelByVariant">, variant: ReferralVariant | undefined): string {
  return (variant && field.labelByVariant[variant]) || field.label;
}

const tooLong = (label: string, max: number) => `${label} must be at most ${max} characters`;

/** Single-line plain text; "" means not answered yet. */
export function text(meta: FieldMeta & { max: number; pattern?: { test: (value: string) => boolean; message: string } }) {
  let schema = z.string({ error: `${meta.label} must be text` }).trim().max(meta.max, tooLong(meta.label, meta.max));
  const pattern = meta.pattern;
  if (pattern) schema = schema.refine((v) => v === "" || pattern.test(v), `${meta.label}: ${pattern.message}`);
  return { ...base("text", meta), maxLength: meta.max, schema };
}

/** Multi-line plain text (markup kept as typed, never interpreted). */
export function textarea(meta: FieldMeta & { max: number }) {
  const schema = z.string({ error: `${meta.label} must be text` }).trim().max(meta.max, tooLong(meta.label, meta.max));
  return { ...base("textarea", meta), maxLength: meta.max, schema };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function email(meta: FieldMeta) {
  const schema = z
    .string({ error: `${meta.label} must be text` })
    .trim()
    .max(254, tooLong(meta.label, 254))
    .refine((v) => v === "" || EMAIL.test(v), `${meta.label} must be an email address, like name@school.kent.sch.uk`);
  return { ...base("email", meta), maxLength: 254, schema };
}

const PHONE = /^\+?[0-9 ()-]{6,20}$/;
export function phone(meta: FieldMeta) {
  const schema = z
    .string({ error: `${meta.label} must be text` })
    .trim()
    .max(20, tooLong(meta.label, 20))
    .refine((v) => v === "" || PHONE.test(v), `${meta.label} must be a phone number (digits, spaces, brackets, + or -)`);
  return { ...base("phone", meta), maxLength: 20, schema };
}

/** A calendar date "YYYY-MM-DD"; "" means not answered yet. */
export function date(meta: FieldMeta) {
  const schema = z
    .string({ error: `${meta.label} must be a date` })
    .trim()
    .refine((v) => v === "" || isPlainDate(v), `${meta.label} must be a real date (YYYY-MM-DD)`);
  return { ...base("date", meta), maxLength: 10, schema };
}

export function bool(meta: FieldMeta) {
  return { ...base("boolean", meta), schema: z.boolean({ error: `${meta.label}: answer yes or no` }) };
}

export function choice<const V extends readonly [string, ...string[]]>(meta: FieldMeta, options: { [K in keyof V]: { value: V[K]; label: string } }) {
  const values = options.map((o) => o.value) as unknown as V;
  const schema = z.enum(values, { error: `${meta.label} must be one of: ${options.map((o) => o.label).join(", ")}` });
  return { ...base("choice", meta), options: options as readonly FieldOption[], schema };
}

export function multichoice<const V extends readonly [string, ...string[]]>(meta: FieldMeta, options: { [K in keyof V]: { value: V[K]; label: string } }) {
  const values = options.map((o) => o.value) as unknown as V;
  const item = z.enum(values, { error: `${meta.label}: choose from ${options.map((o) => o.label).join(", ")}` });
  const schema = z
    .array(item, { error: `${meta.label} must be a list of choices` })
    .max(options.length, `${meta.label}: each choice at most once`)
    .refine((a) => new Set(a).size === a.length, `${meta.label}: each choice at most once`);
  return { ...base("multichoice", meta), options: options as readonly FieldOption[], schema };
}

export function num(meta: FieldMeta & { min: number; max: number; integer?: boolean }) {
  let schema = z
    .number({ error: `${meta.label} must be a number` })
    .min(meta.min, `${meta.label} must be at least ${meta.min}`)
    .max(meta.max, `${meta.label} must be at most ${meta.max}`);
  if (meta.integer) schema = schema.int(`${meta.label} must be a whole number`);
  return { ...base("number", meta), min: meta.min, max: meta.max, schema };
}

/** A value computed from other fields (shown, not entered): not part of the input schema. */
export function derived(meta: FieldMeta & { derivedFrom: string }) {
  const schema = z.never({ error: `${meta.label} is worked out from ${meta.derivedFrom}; do not send it` });
  return { ...base("derived", meta), schema };
}

type OptionalShape<T extends Record<string, { schema: z.ZodType }>> = { [K in keyof T]: z.ZodOptional<T[K]["schema"]> };

function unknownKeyError(where: string) {
  return (iss: { code?: string; keys?: string[]; input?: unknown }) => {
    if (iss.code === "unrecognized_keys") {
      const keys = (iss.keys ?? []).map((k) => `"${k}"`).join(", ");
      return `${where}: unknown field${(iss.keys?.length ?? 0) > 1 ? "s" : ""} ${keys} — not part of the LIFT referral form`;
    }
    if (iss.code === "invalid_type") return iss.input === undefined ? `${where} is required` : `${where} must be an object`;
    return undefined;
  };
}

/** A strict object whose fields are all optional (a draft may stop anywhere); unknown keys are rejected by name. */
export function strictOptionalObject<T extends Record<string, { schema: z.ZodType }>>(where: string, fields: T) {
  const shape = {} as OptionalShape<T>;
  for (const key of Object.keys(fields) as (keyof T)[]) {
    shape[key] = (fields[key] as T[keyof T]).schema.optional() as OptionalShape<T>[keyof T];
  }
  return z.strictObject(shape, { error: unknownKeyError(where) });
}

export function strictObject<T extends z.ZodRawShape>(where: string, shape: T) {
  return z.strictObject(shape, { error: unknownKeyError(where) });
}

/** A repeated group (e.g. APDR cycles): a list of strict objects. minItems applies on submission only. */
export function list<const I extends Record<string, FieldDef>>(
  meta: FieldMeta & { minItems: number; maxItems: number },
  item: I,
) {
  const schema = z
    .array(strictOptionalObject(meta.label, item), { error: `${meta.label} must be a list` })
    .max(meta.maxItems, `${meta.label}: at most ${meta.maxItems}`);
  return { ...base("list", meta), kind: "list" as const, item, minItems: meta.minItems, maxItems: meta.maxItems, schema };
}

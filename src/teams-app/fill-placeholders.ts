/**
 * `${{VAR}}` placeholders, as the M365 Agents Toolkit uses them in appPackage/manifest.json and
 * aad.manifest.json ([teams-platform.md §1.9](../../docs/reference/teams-platform.md#19-app-package-zip), [§7](../../docs/reference/teams-platform.md#7-agents-toolkit-conventions)).
 */

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export class MissingPlaceholderError extends Error {
  readonly missing: string[];
  constructor(missing: string[], source: string) {
    super(
      `no value for ${missing.length === 1 ? "placeholder" : "placeholders"} ${missing.map((m) => `\${{${m}}}`).join(", ")} ` +
        `(set ${missing.join(", ")} in ${source})`,
    );
    this.name = "MissingPlaceholderError";
    this.missing = missing;
  }
}

/** Every distinct placeholder name in `template`, in order of first use. */
export function findPlaceholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ""))];
}

/**
 * Replaces each `${{VAR}}` with its value. A placeholder whose variable is missing or empty is an
 * error naming it: an empty id or URL would only fail later, in Teams, with a vaguer message.
 * `jsonString: true` escapes values for use inside JSON strings (the manifest is JSON).
 */
export function fillPlaceholders(
  template: string,
  vars: Readonly<Record<string, string | undefined>>,
  options: { source?: string; jsonString?: boolean } = {},
): string {
  const missing = findPlaceholders(template).filter((name) => (vars[name] ?? "").trim() === "");
  if (missing.length > 0) throw new MissingPlaceholderError(missing, options.source ?? "the environment file");
  return template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = (vars[name] ?? "").trim();
    return options.jsonString ? JSON.stringify(value).slice(1, -1) : value;
  });
}

/**
 * Reads the subset of Bicep that infra/azure.bicep is written in, for tests that cannot run a Bicep
 * compiler: parameters with their decorators and defaults, variables, the Web App's app settings,
 * outputs, and an evaluator for the expressions the app settings use. An expression outside that
 * subset throws, naming it, so the template cannot outgrow its tests unnoticed.
 */

export interface BicepParam {
  name: string;
  type: string;
  defaultExpr?: string;
  secure: boolean;
  allowed?: string[];
}

export interface BicepTemplate {
  text: string;
  params: Map<string, BicepParam>;
  vars: Map<string, string>;
  /** Resource symbol → resource type with API version, e.g. keyVault → Microsoft.KeyVault/vaults@2023-07-01. */
  resources: Map<string, string>;
  /** App setting name → its Bicep expression, from the `Microsoft.Web/sites/config` `appsettings` resource. */
  appSettings: Map<string, string>;
  outputs: Map<string, string>;
}

/** The body between the brace that opens after `from` and its matching closing brace. */
function braceBody(text: string, from: number): string {
  const open = text.indexOf("{", from);
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return text.slice(open + 1, i);
  }
  throw new Error(`unbalanced braces after offset ${from}`);
}

export function readBicep(text: string): BicepTemplate {
  const lines = text.split("\n");
  const params = new Map<string, BicepParam>();
  lines.forEach((line, i) => {
    const m = /^param (\w+) (\w+)(?: = (.+))?$/.exec(line.trim());
    if (!m) return;
    // Decorators sit on the lines above, possibly spread over several lines (@allowed([ ... ])).
    let j = i - 1;
    while (j >= 0 && lines[j]!.trim() !== "" && !/^(param|var|resource|output|\/\/)/.test(lines[j]!.trim())) j--;
    const decorators = lines.slice(j + 1, i).join("\n");
    const allowed = /@allowed\(\[([\s\S]*?)\]\)/.exec(decorators)?.[1];
    params.set(m[1]!, {
      name: m[1]!,
      type: m[2]!,
      defaultExpr: m[3],
      secure: /@secure\(\)/.test(decorators),
      allowed: allowed ? [...allowed.matchAll(/'([^']*)'/g)].map((a) => a[1]!) : undefined,
    });
  });
  const vars = new Map([...text.matchAll(/^var (\w+) = (.+)$/gm)].map((m) => [m[1]!, m[2]!.trim()] as [string, string]));
  const resources = new Map([...text.matchAll(/^resource (\w+) '([^']+)'/gm)].map((m) => [m[1]!, m[2]!] as [string, string]));
  const outputs = new Map([...text.matchAll(/^output (\w+) \w+ = (.+)$/gm)].map((m) => [m[1]!, m[2]!.trim()] as [string, string]));

  const settingsAt = [...text.matchAll(/^resource \w+ 'Microsoft\.Web\/sites\/config@[^']+' = \{/gm)].find((m) =>
    /name: 'appsettings'/.test(braceBody(text, m.index)),
  );
  if (!settingsAt) throw new Error("no Microsoft.Web/sites/config 'appsettings' resource");
  const resourceBody = braceBody(text, settingsAt.index);
  const properties = braceBody(resourceBody, resourceBody.indexOf("properties:"));
  const appSettings = new Map(
    [...properties.matchAll(/^\s*([A-Z][A-Z0-9_]*): (.+)$/gm)].map((m) => [m[1]!, m[2]!.trim()] as [string, string]),
  );
  return { text, params, vars, resources, appSettings, outputs };
}

export interface EvaluationContext {
  /** Values the deployment passes (the parameters file, placeholders already replaced). */
  parameters: Record<string, string>;
  /** Stand-ins for values only Azure knows at deployment time, keyed by `<symbol>.properties.<name>`. */
  runtime: (symbol: string, property: string) => string;
}

/** Evaluates a Bicep expression from the subset: string literals with interpolation, params, vars, `empty(x) ? a : b`, `symbol.properties.name`. */
export function evaluate(template: BicepTemplate, expr: string, ctx: EvaluationContext): string {
  const e = expr.trim();
  const literal = /^'((?:[^'\\]|\\.)*)'$/.exec(e);
  if (literal) return literal[1]!.replace(/\$\{([^}]+)\}/g, (_, inner: string) => evaluate(template, inner, ctx));
  const ternary = /^empty\((\w+)\) \? (.+?) : (.+)$/.exec(e);
  if (ternary) return evaluate(template, ternary[1]!, ctx) === "" ? evaluate(template, ternary[2]!, ctx) : evaluate(template, ternary[3]!, ctx);
  const runtime = /^(\w+)\.properties\.(\w+)$/.exec(e);
  if (runtime && template.resources.has(runtime[1]!)) return ctx.runtime(runtime[1]!, runtime[2]!);
  if (/^\w+$/.test(e)) {
    const param = template.params.get(e);
    if (param) {
      if (e in ctx.parameters) return ctx.parameters[e]!;
      if (param.defaultExpr !== undefined) return evaluate(template, param.defaultExpr, ctx);
      throw new Error(`parameter ${e} has no value and no default`);
    }
    const variable = template.vars.get(e);
    if (variable !== undefined) return evaluate(template, variable, ctx);
  }
  throw new Error(`expression outside the subset the tests read: ${e}`);
}

#!/usr/bin/env node
/**
 * The `script` step of m365agents.yml before `arm/deploy`: makes the questionnaire link key once per
 * environment. When SECRET_QUESTIONNAIRE_LINK_SECRET already has a value (the toolkit passes the
 * environment file's values in) it prints nothing and the key stays as it is — a new key would void
 * every questionnaire link already sent. Otherwise it prints the toolkit's `::set-teamsfx-env`
 * command with 48 random bytes in base64, which the toolkit writes to env/.env.<env>.user (names
 * starting SECRET_ are kept there, encrypted), and the template stores in Key Vault.
 */
import { randomBytes } from "node:crypto";

export function linkSecretCommand(env = process.env) {
  if ((env.SECRET_QUESTIONNAIRE_LINK_SECRET ?? "").trim() !== "") return "";
  return `::set-teamsfx-env SECRET_QUESTIONNAIRE_LINK_SECRET=${randomBytes(48).toString("base64")}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const line = linkSecretCommand();
  if (line) console.log(line);
}

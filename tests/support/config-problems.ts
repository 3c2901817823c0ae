import { ConfigError, loadConfig } from "../../src/config/config";

/** The problems `loadConfig` names for these settings; fails the test when it accepts them. */
export function configProblems(env: Record<string, string>): ConfigError["problems"] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

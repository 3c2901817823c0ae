/** The settings register feature: imports into the core Settings list, the commissioners' view, demo register. README.md explains the design. */
import type { RouteTable } from "../../app/define-routes";
import type { FeatureContext } from "../../core/feature-context";
import { seedSettingsRegisterDemo } from "./demo";
import { settingsRegisterRoutes } from "./routes";
import { SettingsRegisterService } from "./service";

/** The register lives in the core Settings list: this feature declares no list of its own. */
export const SETTINGS_REGISTER_LISTS = [] as const;

export interface SettingsRegisterFeature {
  service: SettingsRegisterService;
  routes: RouteTable;
  seedDemo(): Promise<string[]>;
}

export function createSettingsRegisterFeature(ctx: FeatureContext, options: { council?: string } = {}): SettingsRegisterFeature {
  const service = new SettingsRegisterService(ctx, options.council);
  return { service, routes: settingsRegisterRoutes(service), seedDemo: () => seedSettingsRegisterDemo(ctx, service) };
}

import {  } from "@fluentui/react-components";
import { Notice } from "../../../shell";

/** What anyone but a commissioner sees: the API answers 403 for them too. */
export function CommissionersOnly({ districtName }: { districtName?: string }) {
  return (
    <Notice intent="warning" layout="multiline" data-testid="commissioners-only" title="Commissioners only">
      The countywide KPI summary is for commissioners.{" "}
      {districtName
        ? `You can see and amend ${districtName}'s own returns, with their history, in the KPI return tab.`
        : "District leads can see their own district's figures in the KPI return tab."}
    </Notice>
  );
}

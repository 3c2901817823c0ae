import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

/** What anyone but a commissioner sees: the API answers 403 for them too. */
export function CommissionersOnly({ districtName }: { districtName?: string }) {
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="commissioners-only">
      <MessageBarBody>
        <MessageBarTitle>Commissioners only</MessageBarTitle>
        The countywide KPI summary is for commissioners.{" "}
        {districtName
          ? `You can see and amend ${districtName}'s own returns, with their history, in the KPI return tab.`
          : "District leads can see their own district's figures in the KPI return tab."}
      </MessageBarBody>
    </MessageBar>
  );
}

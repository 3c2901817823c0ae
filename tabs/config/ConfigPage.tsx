import { useEffect, useMemo, useRef, useState } from "react";
import { Card, Field, Link, Radio, RadioGroup, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Settings24Regular } from "@fluentui/react-icons";
import { liftMeetingsApi } from "../../src/schemas/lift-meetings/api";
import { DistrictSelect, FactList, LoadView, Notice, Shell, TAB_VIEWS, districtBySlug, errorMessage, formatDateTime, tabConfigFor, ukToday, useLoad, useReferenceData, useSession, type TabViewId } from "../shell";
import { sharedStyles } from "../shell/styles";

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalXL, gap: tokens.spacingVerticalL, maxWidth: "80ch" },
  h2: sharedStyles.h2,
  option: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  description: { color: tokens.colorNeutralForeground2 },
  district: { maxWidth: "320px" },
  meeting: { maxWidth: "36rem" },
  preview: { columnGap: tokens.spacingHorizontalL },
});

function ConfigBody() {
  const styles = useStyles();
  const { me, host, api } = useSession();
  const reference = useReferenceData();
  const inMeeting = Boolean(host.context.meetingId);
  const [viewId, setViewId] = useState<TabViewId>(() =>
    inMeeting ? "agenda" : me.role === "commissioner" ? "kpi-summary" : "referrals",
  );
  const [districtSlug, setDistrictSlug] = useState<string>(me.district?.slug ?? "");
  const [meetingId, setMeetingId] = useState("");
  const [saveError, setSaveError] = useState<string>();
  const view = TAB_VIEWS.find((v) => v.id === viewId);
  const config = useMemo(
    () => tabConfigFor(viewId, districtBySlug(reference, districtSlug), window.location.origin, meetingId || undefined),
    [viewId, reference, districtSlug, meetingId],
  );

  // The agenda view can be bound to one of the district's meetings (a meeting's own tab).
  useEffect(() => setMeetingId(""), [viewId, districtSlug]);
  const meetings = useLoad(viewId === "agenda" && districtSlug ? districtSlug : undefined, (signal) =>
    api
      .call(liftMeetingsApi.listMeetings, { query: { district: districtSlug, from: ukToday() }, signal })
      .then((r) => r.items.filter((m) => m.status !== "cancelled")),
  );

  // Teams asks for the settings when the user presses Save; keep the latest choice for that moment.
  const configRef = useRef(config);
  configRef.current = config;
  const sdk = host.inTeams ? host.sdk : undefined;

  useEffect(() => {
    if (!sdk) return;
    sdk.pages.config.registerOnSaveHandler((event) => {
      const current = configRef.current;
      if (!current) {
        event.notifyFailure("Choose what the tab shows first.");
        return;
      }
      sdk.pages.config
        .setConfig(current)
        .then(() => event.notifySuccess())
        .catch((error: unknown) => {
          const message = errorMessage(error);
          setSaveError(message);
          event.notifyFailure(message);
        });
    });
  }, [sdk]);

  useEffect(() => {
    sdk?.pages.config.setValidityState(Boolean(config));
  }, [sdk, config]);

  return (
    <>
      {!host.inTeams ? (
        <Notice intent="info" layout="multiline" title="This page runs inside Teams">
          This is the configuration page of the LIFT Hub tab. It is meant to run inside Teams' tab configuration
          dialog, which opens when someone adds LIFT Hub to a channel, chat or meeting. Here you can preview the
          choices and open the page each one shows, but nothing is saved.
        </Notice>
      ) : null}
      {saveError ? (
        <Notice intent="error" title="Teams could not save the tab">
          {saveError}
        </Notice>
      ) : null}
      <Card className={styles.card} aria-labelledby="config-heading">
        <h2 id="config-heading" className={styles.h2}>
          What should this tab show?
        </h2>
        <Field label="View" required>
          <RadioGroup value={viewId} onChange={(_e, data) => setViewId(data.value as TabViewId)}>
            {TAB_VIEWS.map((v) => (
              <Radio
                key={v.id}
                value={v.id}
                label={
                  <span className={styles.option}>
                    <Text weight="semibold">{v.label}</Text>
                    <Text size={200} className={styles.description}>
                      {v.description}
                    </Text>
                  </span>
                }
              />
            ))}
          </RadioGroup>
        </Field>
        {view?.needsDistrict ? (
          <Field
            label="District"
            required
            className={styles.district}
            validationState={districtSlug ? "none" : "warning"}
            validationMessage={districtSlug ? undefined : "Choose the district whose LIFT work the tab shows."}
          >
            <DistrictSelect value={districtSlug} onChange={setDistrictSlug} />
          </Field>
        ) : null}
        {viewId === "agenda" && districtSlug ? (
          <LoadView state={meetings.state} what="the district's meetings" size="small" onRetry={() => void meetings.reload()}>
            {(items) => (
              <Field
                label="LIFT meeting"
                className={styles.meeting}
                hint="Bind the tab to one meeting (for the meeting's own chat), or let it follow the district's next meeting."
              >
                <Select value={meetingId} onChange={(_e, data) => setMeetingId(data.value)} data-testid="config-meeting">
                  <option value="">The next meeting (follows the calendar)</option>
                  {items.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.title}, {formatDateTime(m.startsAt)}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
          </LoadView>
        ) : null}
        {config ? (
          <FactList
            className={styles.preview}
            aria-label="Tab settings"
            rows={[
              ["Tab name", config.suggestedDisplayName],
              [
                "Shows",
                <Link key="shows" href={config.contentUrl} inline>
                  {new URL(config.contentUrl).pathname + new URL(config.contentUrl).search}
                </Link>,
              ],
            ]}
          />
        ) : null}
      </Card>
    </>
  );
}

export function ConfigPage() {
  return (
    <Shell title="Set up the LIFT Hub tab" tagline="Choose what this tab shows" icon={<Settings24Regular />}>
      <ConfigBody />
    </Shell>
  );
}

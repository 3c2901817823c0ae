import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { FactList } from "./FactList";
import { frameLabel, type TeamsHost } from "./teams";

const useStyles = makeStyles({
  footer: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXXL}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  summary: {
    cursor: "pointer",
    width: "fit-content",
    borderRadius: tokens.borderRadiusSmall,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  list: { columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXXS, margin: `${tokens.spacingVerticalS} 0 0` },
});

/** A small, collapsed footer saying where the page runs: standalone, or which Teams team/channel/chat/meeting. */
export function ContextDetails({ host }: { host: TeamsHost }) {
  const styles = useStyles();
  const ctx = host.context;
  const rows: [string, string | undefined][] = [
    ["Where", frameLabel(ctx.frameContext)],
    ["Host", ctx.hostName ? `${ctx.hostName}${ctx.hostClientType ? ` (${ctx.hostClientType})` : ""}` : undefined],
    ["Team", ctx.team?.name ?? ctx.team?.id],
    ["Channel", ctx.channel?.name ?? ctx.channel?.id],
    ["Chat", ctx.chatId],
    ["Meeting", ctx.meetingId],
    ["Tab", ctx.entityId],
    ["Note", host.fallbackReason],
  ];
  const summary = host.inTeams ? `In Teams: ${frameLabel(ctx.frameContext)}` : frameLabel("standalone");
  return (
    <footer className={styles.footer}>
      <details>
        <summary className={styles.summary}>
          <Text size={200}>Context: {summary}</Text>
        </summary>
        <FactList rows={rows} className={styles.list} />
      </details>
    </footer>
  );
}

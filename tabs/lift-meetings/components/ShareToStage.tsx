import { useState } from "react";
import { Button, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ShareScreenStart16Regular } from "@fluentui/react-icons";
import { useSession } from "../../shell";
import { stageUrl } from "../frame";

const useStyles = makeStyles({ row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "center" } });

/**
 * In Teams: share the stage view (no child names) to the meeting stage. Outside Teams there is no
 * stage, so the same view opens in a new browser tab (to show on a shared screen).
 */
export function ShareToStage({ meetingId, districtSlug }: { meetingId: string; districtSlug: string }) {
  const styles = useStyles();
  const { host } = useSession();
  const [status, setStatus] = useState("");
  const url = stageUrl(window.location.origin, meetingId, districtSlug);
  const meeting = host.inTeams ? host.sdk?.meeting : undefined;

  if (!meeting) {
    return (
      <div className={styles.row}>
        <Link href={url} target="_blank" rel="noreferrer" data-testid="stage-link">
          Open the stage view (no child names)
        </Link>
      </div>
    );
  }
  return (
    <div className={styles.row}>
      <Button
        icon={<ShareScreenStart16Regular />}
        onClick={() => {
          setStatus("Sharing…");
          meeting.shareAppContentToStage((error) => {
            if (error) {
              console.warn("LIFT Hub: share to stage failed", error);
              setStatus(`Could not share to the stage${error.message ? `: ${error.message}` : ""}.`);
            } else {
              setStatus("Shared to the meeting stage.");
            }
          }, url);
        }}
      >
        Share to stage
      </Button>
      <Text role="status">{status}</Text>
    </div>
  );
}

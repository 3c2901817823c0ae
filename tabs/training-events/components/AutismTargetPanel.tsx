import { makeStyles } from "@fluentui/react-components";
import { DataTable, LoadView, formatDate, useLoad } from "../../shell";
import { sharedStyles } from "../../shell/styles";
import { useTrainingApi } from "../api";
import { aetGroupLabel, percentText } from "../forms";

const useStyles = makeStyles({ column: sharedStyles.column, h2: sharedStyles.h2, intro: sharedStyles.intro });

/**
 * The autism education measure: progress towards the target share of the district's school-age,
 * early years and Post-16 settings trained by the end of the year, from the API (which counts the
 * register's open settings and those on an AET session this year).
 */
export function AutismTargetPanel({ districtSlug, academicYear }: { districtSlug: string; academicYear: string }) {
  const styles = useStyles();
  const training = useTrainingApi();
  const target = useLoad(`aet:${districtSlug}:${academicYear}`, () => training.autismTarget(districtSlug, academicYear));
  return (
    <section className={styles.column} aria-labelledby="aet-heading">
      <h2 id="aet-heading" className={styles.h2}>
        Autism education target, {academicYear}
      </h2>
      <LoadView state={target.state} what="the autism education target" onRetry={() => void target.reload()}>
        {(t) => (
          <>
            <p className={styles.intro}>
              Target: {t.targetPercent} % of the district&apos;s settings in each group trained in autism education by the end of the year. Counted from the settings register and the
              Autism Education Trust sessions recorded, up to {formatDate(t.asOf)}.
            </p>
            <DataTable
              aria-label={`Autism education target, ${academicYear}`}
              data-testid="aet-table"
              headers={["Settings", "In the district", "Trained this year", "Share trained", `Still to train for ${t.targetPercent} %`, "Target"]}
              rows={t.groups.map((g) => ({
                key: g.group,
                "data-testid": `aet-${g.group}`,
                cells: [aetGroupLabel(g.group), String(g.settings), String(g.trained), percentText(g.percent), String(g.toTarget), g.settings === 0 ? "No such settings" : g.met ? "Met" : "Not yet met"],
              }))}
            />
          </>
        )}
      </LoadView>
    </section>
  );
}

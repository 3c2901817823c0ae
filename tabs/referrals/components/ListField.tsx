import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { Add16Regular, Delete16Regular } from "@fluentui/react-icons";
import type { ReferralField } from "../../../src/schemas/referrals/referral";
import { fieldId } from "../draft";
import type { Messages } from "../validation";
import { FieldControl } from "./FieldControl";

const useStyles = makeStyles({
  list: { border: "none", margin: 0, padding: 0, minWidth: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  help: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200, outlineStyle: "none" },
  item: {
    margin: 0,
    minWidth: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  itemLegend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold },
  itemActions: { display: "flex", justifyContent: "flex-end" },
  empty: { color: tokens.colorNeutralForeground2, margin: 0 },
});

export interface ListFieldProps {
  field: ReferralField;
  items: Record<string, unknown>[];
  onChange: (path: string, value: unknown) => void;
  messages: Messages;
}

/** A repeated group (APDR cycles, agencies): one fieldset per item, with add and remove. */
export function ListField({ field, items, onChange, messages }: ListFieldProps) {
  const styles = useStyles();
  const id = fieldId(field.path);
  const noun = field.path === "apdrCycles" ? "Cycle" : "Agency";
  const listError = messages[field.path]?.join(" ");
  const max = field.maxItems ?? 10;

  const remove = (index: number) => {
    onChange(field.path, items.filter((_, i) => i !== index));
    // Keyboard users lose the removed button: put focus on the list's heading.
    requestAnimationFrame(() => document.getElementById(id)?.focus());
  };
  const add = () => {
    onChange(field.path, [...items, {}]);
    const firstKey = field.itemFields?.[0]?.path;
    if (firstKey) requestAnimationFrame(() => document.getElementById(fieldId(`${field.path}.${items.length}.${firstKey}`))?.focus());
  };

  return (
    <fieldset className={styles.list} aria-describedby={listError ? `${id}-error` : undefined}>
      <legend id={id} tabIndex={-1} className={styles.legend}>
        {field.label}
        {field.required ? " (required)" : ""}
      </legend>
      {field.help ? <div className={styles.help}>{field.help}</div> : null}
      {listError ? (
        <div id={`${id}-error`} className={styles.error}>
          {listError}
        </div>
      ) : null}
      {items.length === 0 ? <p className={styles.empty}>None added.</p> : null}
      {items.map((item, index) => {
        const base = `${field.path}.${index}`;
        return (
          <fieldset key={index} className={styles.item}>
            <legend className={styles.itemLegend}>
              {noun} {index + 1}
            </legend>
            {(field.itemFields ?? []).map((itemField) => {
              if (itemField.path === "otherName" && item.agency !== "other") return null;
              const path = `${base}.${itemField.path}`;
              return (
                <FieldControl
                  key={path}
                  field={itemField}
                  path={path}
                  value={item[itemField.path]}
                  onChange={onChange}
                  messages={messages[path]}
                />
              );
            })}
            <div className={styles.itemActions}>
              <Button appearance="subtle" icon={<Delete16Regular />} onClick={() => remove(index)}>
                Remove {noun.toLowerCase()} {index + 1}
              </Button>
            </div>
          </fieldset>
        );
      })}
      {items.length < max ? (
        <div>
          <Button icon={<Add16Regular />} onClick={add}>
            {noun === "Cycle" ? "Add another cycle" : "Add an agency"}
          </Button>
        </div>
      ) : null}
    </fieldset>
  );
}

import { MessageBar, MessageBarBody } from "@fluentui/react-components";

/** Shown above the out-of-district count: it is never part of the district's own figures. */
export function OutOfDistrictNote() {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        Schools and settings outside the district are recorded separately below. They are never added to the
        district&apos;s own counts or used in its percentage of the district total.
      </MessageBarBody>
    </MessageBar>
  );
}

import {  } from "@fluentui/react-components";
import { Notice } from "../../../shell";

/** Shown above the out-of-district count: it is never part of the district's own figures. */
export function OutOfDistrictNote() {
  return (
    <Notice intent="info" layout="multiline">
      Schools and settings outside the district are recorded separately below. They are never added to the
      district&apos;s own counts or used in its percentage of the district total.
    </Notice>
  );
}

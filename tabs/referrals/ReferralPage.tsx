import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { DocumentEdit24Regular } from "@fluentui/react-icons";
import { Notice, Shell, useCurrentView, useSession } from "../shell";
import { CommissionerReferrals } from "./components/CommissionerReferrals";
import { DistrictReferrals } from "./components/DistrictReferrals";
import { SencoReferrals } from "./components/SencoReferrals";

const DISTRICT_ROLES = new Set(["specialist_teacher", "lift_member", "district_lead"]);

/** Who sees what: SENCos their own referrals, the district's LIFT team its submitted ones, commissioners a summary. */
function ReferralBody() {
  const { me } = useSession();
  const { district } = useCurrentView();
  if (me.role === "senco") return <SencoReferrals />;
  if (me.role === "commissioner") return <CommissionerReferrals initialDistrict={district?.slug} />;
  if (DISTRICT_ROLES.has(me.role)) {
    if (district && me.district && district.slug !== me.district.slug) {
      return (
        <Notice intent="warning" layout="multiline" title={`This tab is for ${district.name}`}>
          You are a member of {me.district.name}&apos;s LIFT team, so you can see only {me.district.name}&apos;s referrals.
        </Notice>
      );
    }
    return <DistrictReferrals districtName={me.district?.name ?? "your district"} />;
  }
  return (
    <MessageBar intent="info">
      <MessageBarBody>Referrals are written by SENCos and read by their district&apos;s LIFT team.</MessageBarBody>
    </MessageBar>
  );
}

export function ReferralPage() {
  return (
    <Shell title="My referrals" tagline="Write, submit and follow LIFT referrals" icon={<DocumentEdit24Regular />}>
      <ReferralBody />
    </Shell>
  );
}

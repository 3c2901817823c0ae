import { DocumentEdit24Regular } from "@fluentui/react-icons";
import { ComingSoon, Shell, currentView, useSession } from "../shell";

function ReferralBody() {
  const { me } = useSession();
  const { view, district } = currentView();
  if (view === "referrals") {
    return (
      <ComingSoon
        heading={`Referrals for ${district?.name ?? "your district"}`}
        summary="This tab will list the LIFT referrals submitted to the district's LIFT meeting, so the team can follow each child's referral from submission to outcome."
        plans={[
          "See every referral submitted for the next LIFT meeting, with its status",
          "Open a referral to read it and the outcome, allocation and actions agreed",
          "Filter by setting, term and status",
        ]}
      />
    );
  }
  const forSenco = me.role === "senco";
  return (
    <ComingSoon
      heading={forSenco ? "Your LIFT referrals" : "LIFT referrals"}
      summary={
        forSenco
          ? `You will write and submit LIFT referrals here for children at ${me.setting?.name ?? "your setting"}, then follow each one through to its outcome.`
          : "SENCos will write and submit LIFT referrals here, then follow each one through to its outcome."
      }
      plans={[
        "Start a referral for a child and complete the LIFT referral form",
        "Save it as a draft and come back to it later",
        "Submit it to your district's next LIFT meeting",
        "See its status, then the outcome, allocation and actions once LIFT has met",
      ]}
      note={
        forSenco
          ? undefined
          : "LIFT members and district leads will see their district's referrals when this tab is added to a channel or meeting."
      }
    />
  );
}

export function ReferralPage() {
  return (
    <Shell
      title="My referrals"
      tagline="Write, submit and follow LIFT referrals"
      icon={<DocumentEdit24Regular />}
    >
      <ReferralBody />
    </Shell>
  );
}

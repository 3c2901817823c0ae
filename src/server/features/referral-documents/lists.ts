/** The ReferralDocuments list (metadata) and the ReferralFiles document library (the bytes). */
import { defineLibrary } from "../../../graph/library";
import { defineList } from "../../../graph/list-definition";
import { ReferralDocumentItem } from "../../../schemas/referral-documents/records";

export { ReferralDocumentItem };

export const ReferralDocumentsList = defineList({
  title: "ReferralDocuments",
  description: "Documents attached to LIFT referrals (the files are in ReferralFiles). Holds children's data: access only through LIFT Hub.",
  schema: ReferralDocumentItem,
  // Ids only: list titles show in SharePoint views and search, and the label may name the child.
  itemTitle: (d) => d.fileName,
  indexed: ["referralId", "driveItemId"],
});

export const ReferralFilesLibrary = defineLibrary({
  title: "ReferralFiles",
  description: "Files attached to LIFT referrals, named by referral id. Holds children's data: access only through LIFT Hub.",
});

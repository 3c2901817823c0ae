import { mountPage } from "../shell";
import { ReferralPage } from "./ReferralPage";

mountPage(<ReferralPage />);

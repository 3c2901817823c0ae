import { mountPage } from "../shell";
import { DataProtectionPage } from "./DataProtectionPage";

mountPage(<DataProtectionPage />);

import { mountPage } from "../../shell";
import { KpiReturnPage } from "./KpiReturnPage";

mountPage(<KpiReturnPage />);

import { mountPage } from "../../shell";
import { SummaryPage } from "./SummaryPage";

mountPage(<SummaryPage />);

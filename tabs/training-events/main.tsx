import { mountPage } from "../shell";
import { TrainingEventsPage } from "./TrainingEventsPage";

mountPage(<TrainingEventsPage />);

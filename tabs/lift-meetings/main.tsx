import { mountPage } from "../shell";
import { LiftMeetingPage } from "./LiftMeetingPage";

mountPage(<LiftMeetingPage />);

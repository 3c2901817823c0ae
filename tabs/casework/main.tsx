import { mountPage } from "../shell";
import { CaseworkPage } from "./CaseworkPage";

mountPage(<CaseworkPage />);

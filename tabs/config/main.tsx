import { mountPage } from "../shell";
import { ConfigPage } from "./ConfigPage";

mountPage(<ConfigPage />);

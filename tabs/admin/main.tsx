import { mountPage } from "../shell";
import { AdminPage } from "./AdminPage";

mountPage(<AdminPage />);

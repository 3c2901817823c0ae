import { z } from "zod";

/** A bank holiday (gov.uk/bank-holidays); LIFT uses the England and Wales division. */
export const BankHoliday = z.object({
  date: z.iso.date(),
  name: z.string().trim().min(1).max(120),
  division: z.enum(["england-and-wales"]),
});
export type BankHoliday = z.infer<typeof BankHoliday>;

/** What a structure form tells the panel when it is done: shown above the tables. */
export type Message = { intent: "success" | "error"; text: string };

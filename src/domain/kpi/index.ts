export * from "./catalogue";
export * from "./rag";
export * from "./return-validation";
export * from "./aggregate";
export * from "./csv";

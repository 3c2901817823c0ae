import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["node_modules", "build", "dist", ".data", "tabs/dist"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // An empty catch hides failures (project rule: no empty catch blocks).
      "no-empty": ["error", { allowEmptyCatch: false }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
    },
  },
  // Layers point one way (README "Layers"): domain and schemas ← graph ← server features ← composition root.
  {
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/server/**", "**/graph/**", "**/emulator/**", "**/auth/**", "**/config/**", "**/bot/**", "**/tabs/**"], message: "src/domain is pure: no I/O layers." }] }],
    },
  },
  {
    files: ["src/domain/time/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: "^\\.\\./(?!\\.\\./errors$)", message: "src/domain/time is the foundation: it imports only src/errors.ts and libraries." }] }],
    },
  },
  {
    files: ["src/schemas/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: "/(server|graph|emulator)/|/domain/(?!time/)", message: "Schemas are records and contracts: they import zod and src/domain/time only." }] }],
    },
  },
  {
    files: ["src/graph/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/server/**", "**/domain/**", "**/schemas/**"], message: "src/graph is generic: it knows no feature and no record." }] }],
    },
  },
  {
    files: ["src/server/features/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^\\.\\./[a-z-]+(/(index|service|routes|demo))?$",
              allowTypeImports: true,
              message: "A feature reaches another only through the constructor parameters src/server/app/compose.ts passes (type imports are fine).",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read untyped JSON answers from the API; typing every response shape adds nothing there.
    files: ["tests/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);

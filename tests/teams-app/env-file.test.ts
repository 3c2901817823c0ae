import { describe, expect, it } from "vitest";
import { EnvFileError, loadEnvFile, parseEnvFile } from "../../src/teams-app/env-file";
import { fillPlaceholders, findPlaceholders } from "../../src/teams-app/fill-placeholders";
import { root } from "./helpers";

describe("env files", () => {
  it("parses KEY=value lines, comments, export, quotes and empty values", () => {
    const vars = parseEnvFile(
      [
        "# comment",
        "",
        "A=1",
        "export B = two ",
        'C="quoted # not a comment"',
        "D='single'",
        "E=value # trailing comment",
        "EMPTY=",
        "URL=https://x.example/a#frag",
      ].join("\n"),
    );
    expect(vars).toEqual({ A: "1", B: "two", C: "quoted # not a comment", D: "single", E: "value", EMPTY: "", URL: "https://x.example/a#frag" });
  });

  it("names the file and line of a bad line", () => {
    expect(() => parseEnvFile("A=1\nnot a pair", "env/.env.x")).toThrow('env/.env.x:2: expected KEY=value, got "not a pair"');
    expect(() => parseEnvFile('A="open', "f")).toThrow(EnvFileError);
  });

  it("loads env/.env.local with the fixed local ids", () => {
    const { vars } = loadEnvFile(root, "local");
    expect(vars).toMatchObject({
      TEAMS_APP_ID: "d048c81b-2eec-547a-a458-ff904b50600a",
      BOT_ID: "bbc09a31-58c0-56b9-a1a3-9bf13d1e3eb2",
      AAD_APP_CLIENT_ID: "39ebf184-724d-5e90-a03a-b0cbb060557a",
      TAB_DOMAIN: "localhost:3978",
      TAB_ENDPOINT: "https://localhost:3978",
    });
  });

  it("rejects environment names that could escape env/", () => {
    expect(() => loadEnvFile(root, "../secrets")).toThrow(/bad environment name/);
  });
});

describe("placeholders", () => {
  it("finds and fills ${{VAR}}, escaping for JSON strings", () => {
    const t = '{"a":"${{A}}","b":"${{ B }}-${{A}}"}';
    expect(findPlaceholders(t)).toEqual(["A", "B"]);
    expect(JSON.parse(fillPlaceholders(t, { A: 'say "hi"', B: "x" }, { jsonString: true }))).toEqual({ a: 'say "hi"', b: 'x-say "hi"' });
  });

  it("names every placeholder without a value", () => {
    expect(() => fillPlaceholders("${{A}} ${{B}} ${{C}}", { A: "1", B: " " }, { source: "env/.env.t" })).toThrow(
      "no value for placeholders ${{B}}, ${{C}} (set B, C in env/.env.t)",
    );
  });
});

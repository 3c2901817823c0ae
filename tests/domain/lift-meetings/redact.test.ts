import { describe, expect, it } from "vitest";
import { nameVariants, redactChildName } from "../../../src/domain/lift-meetings/redact";

describe("redactChildName", () => {
  it("replaces the full, first and last name, whatever the case", () => {
    expect(redactChildName("How can we help Alfie Turner? ALFIE likes trains; turner family agree.", ["Alfie Turner"])).toBe(
      "How can we help the child? the child likes trains; the child family agree.",
    );
  });

  it("only replaces whole words", () => {
    expect(redactChildName("Alfie's brother Alfred and Leonardo", ["Alfie", "Leo"])).toBe("the child's brother Alfred and Leonardo");
    expect(redactChildName("Ann went to the annexe", ["Ann Smith"])).toBe("the child went to the annexe");
  });

  it("handles hyphenated and accented names and the preferred name", () => {
    expect(redactChildName("Zoë Fairweather-Brown (Zo) and Fairweather said", ["Zoë Fairweather-Brown", "Zo"])).toBe("the child (the child) and the child said");
    expect(redactChildName("Émile and émile", ["Émile"])).toBe("the child and the child");
  });

  it("treats names as text, not patterns, and leaves one-letter names alone", () => {
    expect(redactChildName("J. (a.k.a. J.J.) and Jo.hn", ["J", "Jo.hn"])).toBe("J. (a.k.a. J.J.) and the child");
    expect(redactChildName("Nothing to do", [undefined, "", "  "])).toBe("Nothing to do");
  });

  it("lists the longest variants first", () => {
    expect(nameVariants(["Mary-Jane Smith"])).toEqual(["Mary-Jane Smith", "Mary-Jane", "Smith", "Mary", "Jane"]);
  });
});

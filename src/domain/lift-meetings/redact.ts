/**
 * Takes a child's names out of free text before it goes on the meeting stage (shown to everyone in
 * the Teams meeting). The full name, then each part of it, is replaced by "the child" wherever it
 * stands as a whole word, whatever its case. Names of one letter are left alone: they would eat
 * ordinary words ("a", "I").
 */

const REPLACEMENT = "the child";

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The strings to take out: each name as given, its words, and the parts of hyphenated words. */
export function nameVariants(names: ReadonlyArray<string | undefined>): string[] {
  const out = new Set<string>();
  for (const raw of names) {
    const name = raw?.trim().replace(/\s+/g, " ");
    if (!name) continue;
    out.add(name);
    for (const word of name.split(" ")) {
      out.add(word);
      for (const part of word.split(/[-‐]/)) out.add(part);
    }
  }
  // Longest first, so "Mary-Jane Smith" goes before "Mary" leaves "the child-Jane".
  return [...out].filter((n) => [...n].length >= 2).sort((a, b) => b.length - a.length);
}

/** `text` with every listed name (full, first, last…) replaced by "the child", case-insensitive, on word boundaries. */
export function redactChildName(text: string, names: ReadonlyArray<string | undefined>): string {
  const variants = nameVariants(names);
  if (variants.length === 0) return text;
  // \b is ASCII-only in JS; letters, digits and apostrophes-in-words are handled by Unicode lookarounds.
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${variants.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "giu");
  return text.replace(pattern, REPLACEMENT);
}

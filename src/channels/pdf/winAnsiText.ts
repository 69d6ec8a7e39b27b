// The standard PDF fonts (Helvetica) carry only the WinAnsi character set: Latin-1 plus the characters
// below (€, typographic quotes and dashes, Š, Ž, Œ, …). pdfkit writes any other character as a broken
// code, so text is mapped to WinAnsi before it reaches a page.
const WIN_ANSI_BEYOND_LATIN1 = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

// Intl.NumberFormat groups thousands with a narrow no-break space (fr-FR: "1 234,56 €"); the others are
// letters without a decomposition into a Latin-1 base letter and a diacritic.
const SUBSTITUTES: Record<string, string> = {
  "\u202f": "\u00a0",
  "\u2007": "\u00a0",
  "\u2009": " ",
  "\t": " ",
  "\u2010": "-",
  "\u2011": "-",
  "\u2212": "-",
  ł: "l",
  Ł: "L",
  đ: "d",
  Đ: "D",
  ı: "i",
};

function representable(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || char === "\n" || WIN_ANSI_BEYOND_LATIN1.has(char);
}

/**
 * The text with every character the standard fonts can show kept, others replaced by the nearest one
 * (ő → o, č → c, ł → l) or "?"; line breaks normalised to "\n".
 */
export function toWinAnsi(text: string): string {
  const normalized = text.replace(/\r\n?/g, "\n").normalize("NFC");
  if (/^[\x20-\x7e\n]*$/.test(normalized)) return normalized;
  let out = "";
  for (const char of normalized) {
    if (representable(char)) {
      out += char;
      continue;
    }
    const substitute = SUBSTITUTES[char] ?? char.normalize("NFD").replace(/\p{M}/gu, "");
    out += substitute !== "" && [...substitute].every(representable) ? substitute : "?";
  }
  return out;
}

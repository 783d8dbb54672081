// Escaping for the print documents the core writes as strings: every value from the ledger goes through esc().

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** Markup already built from escaped parts; keeps raw strings from being spliced in by accident. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Tagged template: interpolated strings are escaped, Html values and arrays of them are spliced as they are. */
export function html(strings: TemplateStringsArray, ...values: (string | number | Html | readonly Html[] | null | undefined)[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => {
    if (value instanceof Html) out += value.value;
    else if (Array.isArray(value)) out += value.map((v: Html) => v.value).join('');
    else if (value !== null && value !== undefined) out += esc(String(value));
    out += strings[i + 1]!;
  });
  return new Html(out);
}

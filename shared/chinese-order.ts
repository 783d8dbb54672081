// Chinese names (units, townships) sort in the order a Chinese reader expects — pinyin — as in the printed reports
// and the board. One collator: String.prototype.localeCompare with a locale builds its comparison afresh on every
// call, which a report sorting thousands of rows notices.
export const compareChinese: (a: string, b: string) => number = new Intl.Collator('zh-CN').compare;

/** Code-unit order: for ISO dates and times, and ledger numbers, where it is the right order and cheap. */
export const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// JSON read at a door (yq --json-in, the test host's request bodies, a pasted contact card), with a refusal a
// person can act on: in Chinese, saying where the text stops being JSON — never the engine's English.

export type JsonParse = { ok: true; value: unknown } | { ok: false; message: string };

export function parseJsonText(text: string, what = '输入'): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `${what}不是有效的 JSON${whereItBreaks(text, (error as Error).message)}` };
  }
}

/** 第 N 行第 M 列, from what the engine reports: "… at position 12", or (V8 in Node 20) a snippet of ±10 characters. */
function whereItBreaks(text: string, engineMessage: string): string {
  if (text.trim() === '') return '（内容为空）';
  if (/end of JSON input/.test(engineMessage)) return '（内容不完整）';
  const position = positionOf(text, engineMessage);
  if (position === undefined) return '';
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `（第 ${line} 行第 ${column} 列附近）`;
}

function positionOf(text: string, engineMessage: string): number | undefined {
  const stated = /position (\d+)/.exec(engineMessage);
  if (stated) return Number(stated[1]);
  const snippet = /^Unexpected token '(.+?)', (\.\.\.)?"([\s\S]*?)"(\.\.\.)? is not valid JSON$/.exec(engineMessage);
  if (!snippet) return undefined;
  const [, token, cutBefore, context, cutAfter] = snippet;
  const start = text.indexOf(context!);
  if (start < 0) return undefined;
  if (cutBefore) return start + 10;
  if (cutAfter) return start + context!.length - 10;
  const at = context!.indexOf(token!);
  return at < 0 ? undefined : start + at;
}

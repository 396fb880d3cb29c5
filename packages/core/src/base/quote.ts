/** How much of an offending data line an error message quotes. */
const QUOTE_LIMIT = 200;

/** `text` cut to QUOTE_LIMIT characters (never inside a surrogate pair), marked with '…'. */
export function quote(text: string): string {
  if (text.length <= QUOTE_LIMIT) return text;
  let end = QUOTE_LIMIT;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

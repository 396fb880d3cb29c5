// RFC 8259 §7: escape = %x5C ( %x22 / %x5C / %x2F / %x62 / %x66 / %x6E / %x72 / %x74 / %x75 4HEXDIG )

/** The UTF-16 code unit that `\` + the character `c` stands for, or -1 (also for `u`, which takes 4 hex digits). */
export function simpleEscape(c: number): number {
  switch (c) {
    case 0x22: // "
    case 0x5c: // \
    case 0x2f: // /
      return c;
    case 0x62: // b
      return 0x08;
    case 0x66: // f
      return 0x0c;
    case 0x6e: // n
      return 0x0a;
    case 0x72: // r
      return 0x0d;
    case 0x74: // t
      return 0x09;
    default:
      return -1;
  }
}

/** The value of the hex digit `c` (either case, as HEXDIG in RFC 5234 is case-insensitive), or -1. */
export function hexDigitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20; // 'A'..'F' → 'a'..'f'
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1;
}

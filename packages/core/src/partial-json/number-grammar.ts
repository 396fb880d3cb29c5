// RFC 8259 §6: number = [ minus ] int [ frac ] [ exp ]
//   int = zero / ( digit1-9 *DIGIT );  frac = decimal-point 1*DIGIT;
//   exp = e [ minus / plus ] 1*DIGIT
// as a DFA over one character at a time, so a number can be cut anywhere between pushes.

/** Before the first character of a number. */
export const NUMBER_START = 0;
const MINUS = 1;
const ZERO = 2;
const INT = 3;
const POINT = 4;
const FRAC = 5;
const EXP = 6;
const EXP_SIGN = 7;
const EXP_DIGITS = 8;
/** The character is not part of the number: it ends it (from an accepting state) or is an error. */
export const NUMBER_END = -1;

const CHAR_0 = 0x30;
const CHAR_9 = 0x39;
const CHAR_MINUS = 0x2d;
const CHAR_PLUS = 0x2b;
const CHAR_POINT = 0x2e;
const CHAR_E = 0x45;
const CHAR_LOWER_E = 0x65;

/** The state after reading character code `c` in `state`, or `NUMBER_END`. */
export function numberStep(state: number, c: number): number {
  const digit = c >= CHAR_0 && c <= CHAR_9;
  const e = c === CHAR_LOWER_E || c === CHAR_E;
  switch (state) {
    case NUMBER_START:
      return c === CHAR_MINUS ? MINUS : c === CHAR_0 ? ZERO : digit ? INT : NUMBER_END;
    case MINUS:
      return c === CHAR_0 ? ZERO : digit ? INT : NUMBER_END;
    case ZERO:
      // "Leading zeros are not allowed": a digit after a lone 0 ends the number (and then
      // fails as the next token).
      return c === CHAR_POINT ? POINT : e ? EXP : NUMBER_END;
    case INT:
      return digit ? INT : c === CHAR_POINT ? POINT : e ? EXP : NUMBER_END;
    case POINT:
      return digit ? FRAC : NUMBER_END;
    case FRAC:
      return digit ? FRAC : e ? EXP : NUMBER_END;
    case EXP:
      return c === CHAR_MINUS || c === CHAR_PLUS ? EXP_SIGN : digit ? EXP_DIGITS : NUMBER_END;
    case EXP_SIGN:
    case EXP_DIGITS:
      return digit ? EXP_DIGITS : NUMBER_END;
    default:
      return NUMBER_END;
  }
}

/** The characters read so far form a whole number (`-`, `1.`, `1e`, `1e+` do not). */
export function isNumberAccepting(state: number): boolean {
  return state === ZERO || state === INT || state === FRAC || state === EXP_DIGITS;
}

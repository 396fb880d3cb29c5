/** The fields of a `keydown` event the Enter rule reads. */
export interface EnterKeyEvent {
  key: string;
  shiftKey: boolean;
  isComposing: boolean;
  /** Deprecated, but the only IME signal some browsers give (229 = "IME is processing"). */
  keyCode: number;
}

export type EnterAction = 'send' | 'default';

export interface EnterKeyGuard {
  compositionStart(): void;
  compositionEnd(): void;
  /** `send`: prevent the default and send; `default`: let the browser (or the IME) have it. */
  keydown(event: EnterKeyEvent): EnterAction;
}

/**
 * Enter sends, Shift+Enter is a newline, and an Enter that confirms an IME composition (Korean,
 * Japanese, Chinese input) never sends. An IME Enter is recognised by any of:
 * - `isComposing` (UI Events: true between compositionstart and compositionend);
 * - `keyCode === 229`, which Chrome and Safari report for keys the IME consumes;
 * - Safari firing `compositionend` *before* the confirming `keydown` (WebKit bug 165004), whose
 *   keydown then says `isComposing: false`: a composition that ended in the same event-loop
 *   turn still counts — the flag is cleared by a task queued at compositionend, which runs
 *   after the keydown the same user action dispatches.
 * `defer` queues that clearing task (tests pass their own).
 */
export function createEnterKeyGuard(
  defer: (callback: () => void) => void = (callback) => setTimeout(callback, 0),
): EnterKeyGuard {
  let composing = false;
  let justEnded = false;
  return {
    compositionStart() {
      composing = true;
    },
    compositionEnd() {
      composing = false;
      justEnded = true;
      defer(() => {
        justEnded = false;
      });
    },
    keydown(event) {
      if (event.key !== 'Enter') return 'default';
      if (event.isComposing || event.keyCode === 229 || composing || justEnded) return 'default';
      if (event.shiftKey) return 'default';
      return 'send';
    },
  };
}

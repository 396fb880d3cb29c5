import type { ViewportSize } from '@playwright/test';
import { en } from '../src/lib/i18n/en.js';
import { ko } from '../src/lib/i18n/ko.js';
import type { Messages } from '../src/lib/i18n/messages.js';

/** One way a person meets the app: a language and a screen. */
export interface Variant {
  /** For test titles: `ko, mobile`. */
  name: string;
  locale: 'en-US' | 'ko-KR';
  /** The UI strings the page shows in that language, so tests find controls by their labels. */
  t: Messages;
  viewport: ViewportSize;
  isMobile: boolean;
  hasTouch: boolean;
}

const DESKTOP: ViewportSize = { width: 1280, height: 820 };
// A common phone: narrow enough that the sidebar becomes a drawer.
const PHONE: ViewportSize = { width: 390, height: 844 };

/**
 * Every feature is tried in both languages on a desktop and a phone. Use with
 * `for (const variant of VARIANTS) test.describe(variant.name, () => { test.use(useVariant(variant)); … })`.
 */
export const VARIANTS: readonly Variant[] = [
  {
    name: 'en, desktop',
    locale: 'en-US',
    t: en,
    viewport: DESKTOP,
    isMobile: false,
    hasTouch: false,
  },
  {
    name: 'ko, desktop',
    locale: 'ko-KR',
    t: ko,
    viewport: DESKTOP,
    isMobile: false,
    hasTouch: false,
  },
  { name: 'en, mobile', locale: 'en-US', t: en, viewport: PHONE, isMobile: true, hasTouch: true },
  { name: 'ko, mobile', locale: 'ko-KR', t: ko, viewport: PHONE, isMobile: true, hasTouch: true },
];

/** The Playwright options that put a page in `variant`. */
export function useVariant(variant: Variant) {
  return {
    locale: variant.locale,
    viewport: variant.viewport,
    isMobile: variant.isMobile,
    hasTouch: variant.hasTouch,
  };
}

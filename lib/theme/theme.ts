// Light or dark: the person's choice (system / light / dark) is remembered in localStorage and
// resolved to one of two themes set as data-theme on <html>. The same rule runs twice: inlined in
// <head> before the first paint (so a light page never flashes dark), and in the header's switch.

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'kafka-live-theme';
export const LIGHT_QUERY = '(prefers-color-scheme: light)';

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}

/** The theme to show: an explicit choice wins; otherwise the system's, dark when it says nothing. */
export function resolveTheme(choice: ThemeChoice, systemPrefersLight: boolean): Theme {
  if (choice === 'system') return systemPrefersLight ? 'light' : 'dark';
  return choice;
}

export function storedThemeChoice(): ThemeChoice {
  try {
    const value = window.localStorage.getItem(THEME_STORAGE_KEY);
    return isThemeChoice(value) ? value : 'system';
  } catch {
    // Storage can be disabled: follow the system then.
    return 'system';
  }
}

export function applyThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Not remembered across reloads then; the switch still works for this page.
  }
  document.documentElement.dataset.theme = resolveTheme(choice, window.matchMedia(LIGHT_QUERY).matches);
}

/**
 * The script inlined in <head>. It runs before React, so it is plain ES5 and repeats
 * resolveTheme's rule by hand; theme.test.ts runs it against resolveTheme to keep the two agreeing.
 */
export const THEME_BOOT_SCRIPT = `(function(){var c;try{c=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)})}catch(e){}
var light=c==='light'||(c!=='dark'&&window.matchMedia(${JSON.stringify(LIGHT_QUERY)}).matches);
document.documentElement.setAttribute('data-theme',light?'light':'dark')})()`;

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runInNewContext } from 'node:vm';
import { THEME_BOOT_SCRIPT, THEME_CHOICES, isThemeChoice, resolveTheme } from './theme';

test('an explicit choice wins over the system setting', () => {
  assert.equal(resolveTheme('light', false), 'light');
  assert.equal(resolveTheme('dark', true), 'dark');
});

test('system follows prefers-color-scheme, dark when it is not light', () => {
  assert.equal(resolveTheme('system', true), 'light');
  assert.equal(resolveTheme('system', false), 'dark');
});

test('only the three choices are accepted from storage', () => {
  assert.ok(THEME_CHOICES.every(isThemeChoice));
  for (const junk of [null, '', 'Light', 'blue', 1]) assert.equal(isThemeChoice(junk), false);
});

// The inline boot script cannot import resolveTheme; run it for every stored value and system setting.
test('the boot script sets the same data-theme as resolveTheme', () => {
  for (const stored of [null, 'system', 'light', 'dark', 'junk']) {
    for (const systemLight of [true, false]) {
      const attrs: Record<string, string> = {};
      runInNewContext(THEME_BOOT_SCRIPT, {
        localStorage: { getItem: () => stored },
        window: { matchMedia: () => ({ matches: systemLight }) },
        document: { documentElement: { setAttribute: (k: string, v: string) => (attrs[k] = v) } },
      });
      const choice = isThemeChoice(stored) ? stored : 'system';
      assert.equal(attrs['data-theme'], resolveTheme(choice, systemLight), `${stored} / light=${systemLight}`);
    }
  }
});

test('the boot script survives storage that throws', () => {
  const attrs: Record<string, string> = {};
  runInNewContext(THEME_BOOT_SCRIPT, {
    localStorage: {
      getItem: () => {
        throw new Error('denied');
      },
    },
    window: { matchMedia: () => ({ matches: true }) },
    document: { documentElement: { setAttribute: (k: string, v: string) => (attrs[k] = v) } },
  });
  assert.equal(attrs['data-theme'], 'light');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localeFromLanguages } from './locale';

test('a browser asking for Korean first gets Korean', () => {
  assert.equal(localeFromLanguages(['ko-KR', 'en-US']), 'ko');
  assert.equal(localeFromLanguages(['ko']), 'ko');
});

test('English otherwise, including languages the dashboard does not speak', () => {
  assert.equal(localeFromLanguages(['en-GB', 'ko']), 'en');
  assert.equal(localeFromLanguages(['fr-FR', 'de']), 'en');
  assert.equal(localeFromLanguages([]), 'en');
  assert.equal(localeFromLanguages(['fr', 'ko-KR']), 'ko');
});

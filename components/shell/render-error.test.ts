import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createElement, isValidElement, type ReactElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { IntlProvider } from 'use-intl';
import { MESSAGES } from '@/lib/i18n/catalog';
import { RenderError } from './render-error';

// The card speaks through use-intl, so it renders inside the provider, in English.
const inEnglish = (node: ReactNode) =>
  renderToStaticMarkup(
    createElement(IntlProvider, { locale: 'en', messages: MESSAGES.en, timeZone: 'UTC', children: node }),
  );

// app/error.tsx renders this. A production build offers no honest way to make a page throw in
// the browser, so the card is checked here: message, retry wired to reset(), a way out.

describe('RenderError (the error boundary card)', () => {
  it("shows the error's message, a Try again button and a link to the overview", () => {
    const html = inEnglish(
      createElement(RenderError, { error: new Error('cannot read x of undefined'), reset: () => {} }),
    );
    assert.match(html, /This page failed to render/);
    assert.match(html, /cannot read x of undefined/);
    assert.match(html, /<button[^>]*>Try again<\/button>/);
    assert.match(html, /<a[^>]*href="\/"[^>]*>Overview<\/a>/);
  });

  it('names the digest when Next.js hid a server error behind one', () => {
    const error = Object.assign(new Error(''), { digest: '1234567' });
    const html = inEnglish(createElement(RenderError, { error, reset: () => {} }));
    assert.match(html, /unknown error/);
    assert.match(html, /1234567/);
  });

  it('Try again calls reset()', () => {
    let resets = 0;
    // Called inside a render (its hooks need one), to reach the element it returns.
    let card: ReactElement | null = null;
    inEnglish(
      createElement(function Probe() {
        card = RenderError({ error: new Error('boom'), reset: () => resets++ });
        return null;
      }),
    );
    assert.ok(card);
    const button = ((card as ReactElement).props as { actions: ReactElement<{ onClick(): void }> }).actions;
    assert.ok(isValidElement(button));
    button.props.onClick();
    assert.equal(resets, 1);
  });
});

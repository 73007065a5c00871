import { describe, expect, it } from 'vitest';
import { defineMessages, negotiateLocale, withLocale } from './i18n';

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'fr'],
    ['', 'fr'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['en;q=0.5, fr;q=0.8', 'fr'],
    ['de-DE, en;q=0.3', 'en'],
    ['de, it', 'fr'],
    ['en;q=0', 'fr'],
    ['*', 'fr'],
  ])('%s → %s', (header, locale) => expect(negotiateLocale(header)).toBe(locale));
});

describe('a catalogue message', () => {
  const M = defineMessages({
    'TEST.COUNT': { fr: '{count, plural, one {# ticket ouvert} other {# tickets ouverts}} pour {name}', en: '{count, plural, one {# open ticket} other {# open tickets}} for {name}' },
  });

  it('renders in the current locale, with ICU plurals', () => {
    expect(M['TEST.COUNT']({ count: 2, name: 'Lyon' }).render('fr')).toBe('2 tickets ouverts pour Lyon');
    expect(withLocale('en', () => M['TEST.COUNT']({ count: 1, name: 'Lyon' }).render())).toBe('1 open ticket for Lyon');
    expect(M['TEST.COUNT']({ count: 1, name: 'Lyon' }).render()).toBe('1 ticket ouvert pour Lyon');
  });

  it('refuses a key declared twice with other texts, and a template that is not ICU', () => {
    expect(() => defineMessages({ 'TEST.COUNT': { fr: 'autre', en: 'other' } })).toThrow(/declared twice/);
    expect(() => defineMessages({ 'TEST.BROKEN': { fr: '{oops', en: 'x' } })).toThrow();
  });
});

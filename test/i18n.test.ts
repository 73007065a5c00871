/**
 * French first, English on request: every text a person reads comes from one catalogue,
 * in the language the request asks for (Accept-Language; over WebSocket the upgrade's
 * header or the `locale` connection parameter), French by default, with Content-Language said.
 */
import type { GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { allMessages, hasMessage, renderMessage } from '../packages/server/src/core/i18n';
import { DEMO_API_KEY } from '../packages/server/src/integration/integration.demo';
import { buildAppSchema } from '../packages/server/src/schema';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { collect } from './support/ws';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const server = await startTestServer();
const cca = await server.tokenForRole('CCA');
const anonymous = '{ tickets(first: 1) { totalCount } }';
const adminOnly = '{ notifications(first: 1) { totalCount } }';

describe('the language of an answer over HTTP', () => {
  it('is French by default, and says so', async () => {
    const res = await server.gql(anonymous);
    expect(res.headers.get('content-language')).toBe('fr');
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(res.body.errors[0].message).toMatch(/^Authentification requise/);
  });

  it('is English when the client prefers it, French when French weighs more', async () => {
    const en = await server.gql(anonymous, {}, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(en.headers.get('content-language')).toBe('en');
    expect(en.body.errors[0].message).toMatch(/^Authentication required/);
    const fr = await server.gql(anonymous, {}, { headers: { 'accept-language': 'en;q=0.5, fr-FR;q=0.8' } });
    expect(fr.body.errors[0].message).toMatch(/^Authentification requise/);
    const other = await server.gql(anonymous, {}, { headers: { 'accept-language': 'de-DE' } });
    expect(other.headers.get('content-language')).toBe('fr');
  });

  it('names the roles that may act in words, not codes', async () => {
    const fr = await server.gql(adminOnly, {}, { token: cca });
    expect(fr.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(fr.body.errors[0].message).toContain('administrateur');
    expect(fr.body.errors[0].message).not.toMatch(/ADMINISTRATOR|ANALYST/);
    const en = await server.gql(adminOnly, {}, { token: cca, headers: { 'accept-language': 'en' } });
    expect(en.body.errors[0].message).toContain('administrator');
  });
});

describe('the language of an answer over WebSocket', () => {
  async function firstError(params: Record<string, unknown>, headers: Record<string, string> = {}): Promise<string> {
    const client = createClient({
      url: server.url.replace(/^http/, 'ws'),
      webSocketImpl: class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers });
        }
      },
      connectionParams: { authorization: `Bearer ${cca}`, ...params },
      retryAttempts: 0,
    });
    try {
      const sub = collect(client, adminOnly);
      await sub.next(1).catch(() => undefined);
      const r = sub.results[0] as { errors?: { message: string }[] } | undefined;
      return r?.errors?.[0]?.message ?? String(sub.errors[0]);
    } finally {
      await client.dispose();
    }
  }

  it('follows the upgrade request’s Accept-Language, or the locale parameter', async () => {
    expect(await firstError({})).toContain('administrateur');
    expect(await firstError({}, { 'accept-language': 'en' })).toContain('administrator');
    expect(await firstError({ locale: 'en' })).toContain('administrator');
    expect(await firstError({ locale: 'fr' }, { 'accept-language': 'en' })).toContain('administrateur');
  });
});


/* ---------- one catalogue: every code has its text, in both languages ---------- */

describe('the catalogue', () => {
  it('has a French and an English text for every UserErrorCode and every ApiErrorCode', async () => {
    const schema = await buildAppSchema();
    const codes = ['UserErrorCode', 'ApiErrorCode'].flatMap((name) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name));
    expect(codes.length).toBeGreaterThan(100);
    const catalogue = allMessages();
    const missing = [...new Set(codes)].filter((code) => !hasMessage(code) || !catalogue.get(code)?.fr || !catalogue.get(code)?.en).sort();
    expect(missing).toEqual([]);
  });

  it('renders every message in both languages, French with the typographic apostrophe', () => {
    const params = { min: 1, max: 2, length: 3, count: 2, days: 2, roles: 'x', seconds: 1 };
    for (const [key] of allMessages()) {
      // as rendered: an ASCII apostrophe in a template may only be ICU quoting of a brace (`'{'`)
      expect({ key, fr: renderMessage(key, params, 'fr').includes("'") }).toEqual({ key, fr: false });
      for (const locale of ['fr', 'en'] as const) expect(renderMessage(key, params, locale)).not.toBe('');
    }
  });
});

/* ---------- refusals of bad input: precise codes, bounds, every field, never the field's name ---------- */

interface UserErrorShape {
  field: string[] | null;
  code: string;
  message: string;
  min: number | null;
  max: number | null;
}
const USER_ERRORS = 'userErrors { field code message min max }';
const BOUND_OF: Record<string, ('min' | 'max')[]> = { TOO_LONG: ['max'], TOO_SHORT: ['min'], TOO_MANY_ITEMS: ['max'], OUT_OF_RANGE: ['min', 'max'] };
const PRECISE = ['REQUIRED', 'TOO_SHORT', 'TOO_LONG', 'OUT_OF_RANGE', 'INVALID_FORMAT', 'TOO_MANY_ITEMS'];

/** Each bad field reported once with a precise code and its bounds, its text free of the field's name. */
function expectFieldErrors(errors: UserErrorShape[], expected: Record<string, string>): void {
  expect(Object.fromEntries(errors.map((e) => [(e.field ?? []).join('.'), e.code]))).toEqual(expected);
  for (const e of errors) {
    const name = [...(e.field ?? [])].reverse().find((p) => !/^\d+$/.test(p))!;
    expect({ field: e.field, message: e.message.toLowerCase().includes(name.toLowerCase()) }).toEqual({ field: e.field, message: false });
    expect(e.message).not.toMatch(/must|between|at most/);
    for (const bound of BOUND_OF[e.code] ?? []) expect({ field: e.field, [bound]: typeof e[bound] }).toEqual({ field: e.field, [bound]: 'number' });
  }
}

describe('a mutation with several bad fields', () => {
  const admin = server.tokenForRole('ADMINISTRATOR');
  const structureId = async () => {
    const { rows } = await sql(server.databaseUrl, `select id from structure where code = 'CSP-LYON'`);
    return Buffer.from(`Structure:${rows[0].id}`).toString('base64url');
  };

  it('openTicket reports every one at once', async () => {
    const res = await server.gql(`mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id } ${USER_ERRORS} } }`, {
      input: { structureId: 'pas-un-identifiant', application: 'CHORUS_COEUR', domain: 'EJ', title: '  ', description: 'x'.repeat(30_000), priority: 9, documentNumbers: ['ok', 'y'.repeat(61)], relatedTicketIds: Array.from({ length: 21 }, () => 'x') },
    }, { token: cca });
    expect(res.body.data.openTicket.ticket).toBeNull();
    expectFieldErrors(res.body.data.openTicket.userErrors, {
      'input.structureId': 'INVALID_ID',
      'input.title': 'REQUIRED',
      'input.description': 'TOO_LONG',
      'input.priority': 'OUT_OF_RANGE',
      'input.documentNumbers.1': 'TOO_LONG',
      'input.relatedTicketIds': 'TOO_MANY_ITEMS',
    });
    expect(res.body.data.openTicket.userErrors.find((e: UserErrorShape) => e.code === 'OUT_OF_RANGE')).toMatchObject({ min: 1, max: 4 });
  });

  it('fileIncident reports every one at once, its dates in the future included', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const res = await server.gql(`mutation($input: FileIncidentInput!) { fileIncident(input: $input) { ticket { id } ${USER_ERRORS} } }`, {
      input: {
        idempotencyKey: 'court',
        structureId: await structureId(),
        flow: { id: 'flux avec espaces', type: 'EJ', direction: 'TO_CHORUS', exchangedAt: future },
        errorMessage: ' ',
        documentNumbers: Array.from({ length: 51 }, (_, n) => `D${n}`),
        occurredAt: future,
        priority: 0,
      },
    }, { apiKey: DEMO_API_KEY });
    expect(res.body.data.fileIncident.ticket).toBeNull();
    expectFieldErrors(res.body.data.fileIncident.userErrors, {
      'input.idempotencyKey': 'INVALID_FORMAT',
      'input.flow.id': 'INVALID_FORMAT',
      'input.flow.exchangedAt': 'OCCURRED_IN_FUTURE',
      'input.errorMessage': 'REQUIRED',
      'input.documentNumbers': 'TOO_MANY_ITEMS',
      'input.occurredAt': 'OCCURRED_IN_FUTURE',
      'input.priority': 'OUT_OF_RANGE',
    });
  });

  it('createPerson reports every one at once', async () => {
    const res = await server.gql(`mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } ${USER_ERRORS} } }`, {
      input: { firstName: '', lastName: 'x'.repeat(101), email: 'ab', structureId: Buffer.from('Ministry:00000000-0000-4000-8000-000000000000').toString('base64url') },
    }, { token: await admin });
    expectFieldErrors(res.body.data.createPerson.userErrors, { 'input.firstName': 'REQUIRED', 'input.lastName': 'TOO_LONG', 'input.email': 'TOO_SHORT', 'input.structureId': 'INVALID_ID' });
    expect([...PRECISE, 'INVALID_ID']).toEqual(expect.arrayContaining(res.body.data.createPerson.userErrors.map((e: UserErrorShape) => e.code)));
    expect(res.body.data.createPerson.userErrors.find((e: UserErrorShape) => e.code === 'INVALID_ID').message).toBe('Cet identifiant désigne un objet Ministry, et non Structure.');
  });
});

describe('the language of a refusal of input', () => {
  const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ${USER_ERRORS} } }`;
  const input = { application: 'CHORUS_COEUR', domain: 'EJ', title: '', description: 'Une description.', priority: 7 };

  it('is French by default and English on request, for a mutation’s userErrors', async () => {
    const fr = await server.gql(OPEN, { input }, { token: cca });
    expect(fr.body.data.openTicket.userErrors).toEqual([
      { field: ['input', 'title'], code: 'REQUIRED', message: 'Valeur obligatoire.', min: null, max: null },
      { field: ['input', 'priority'], code: 'OUT_OF_RANGE', message: 'Valeur hors de l’intervalle permis (de 1 à 4).', min: 1, max: 4 },
    ]);
    const en = await server.gql(OPEN, { input }, { token: cca, headers: { 'accept-language': 'en' } });
    expect(en.body.data.openTicket.userErrors.map((e: UserErrorShape) => e.message)).toEqual(['A value is required.', 'Value out of the allowed range (1 to 4).']);
  });

  it('is French by default and English on request, for a query argument (BAD_USER_INPUT)', async () => {
    const query = `query($s: String) { tickets(first: 5, filter: { search: $s }) { totalCount } }`;
    const fr = await server.gql(query, { s: 'x'.repeat(201) }, { token: cca });
    expect(fr.body.errors[0]).toMatchObject({ message: 'Au plus 200 caractères (reçu 201).', extensions: { code: 'BAD_USER_INPUT', reason: 'TOO_LONG', field: ['filter', 'search'], max: 200 } });
    const en = await server.gql(query, { s: 'x'.repeat(201) }, { token: cca, headers: { 'accept-language': 'en' } });
    expect(en.body.errors[0]).toMatchObject({ message: 'At most 200 characters (got 201).', extensions: { code: 'BAD_USER_INPUT', reason: 'TOO_LONG' } });
  });

  it('names the roles that may act, and the action, in words when a transition is refused', async () => {
    const opened = await server.gql(`mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id version } userErrors { code } } }`, {
      input: { application: 'CHORUS_COEUR', domain: 'EJ', title: 'Langue des refus', description: 'Un ticket pour lire un refus.' },
    }, { token: cca });
    const { id, version } = opened.body.data.openTicket.ticket;
    const TAKE = `mutation($input: TakeTicketInput!) { takeTicket(input: $input) { ${USER_ERRORS} } }`;
    const fr = (await server.gql(TAKE, { input: { id, version } }, { token: cca })).body.data.takeTicket.userErrors[0];
    expect(fr.code).toBe('ROLE_MAY_NOT_FIRE_TRANSITION');
    expect(fr.message).toMatch(/^L’action « prendre en charge » est réservée au rôle : .*\(SN1\)/);
    expect(fr.message).not.toMatch(/SN1_AGENT|TAKE/);
    const en = (await server.gql(TAKE, { input: { id, version } }, { token: cca, headers: { 'accept-language': 'en' } })).body.data.takeTicket.userErrors[0];
    expect(en.message).toMatch(/^The action “take” is for the role: .*level-1 support agent \(SN1\)/);
  });

  it('names roles and statuses in words in a refusal of a rule', async () => {
    const fr = await server.gql(`{ ticketBacklog { escalationRate } }`, {}, { token: cca });
    expect(fr.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(fr.body.errors[0].message).toMatch(/analyste/);
    expect(fr.body.errors[0].message).not.toMatch(/ANALYST|SN1_AGENT/);
  });
});

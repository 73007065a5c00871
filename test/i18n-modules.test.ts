/**
 * French first, English on request, in the feature modules: refusals of training,
 * knowledge, the chatbots and the service levels, the report pages and the pages one-click
 * mail links land on are in French by default and in English with `Accept-Language: en`
 * (Content-Language says which); every code these modules declare has its text.
 */
import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { fromGlobalId } from '../packages/server/src/core/ids';
import { hasMessage } from '../packages/server/src/core/i18n';
import { chatbotModule } from '../packages/server/src/chatbot';
import { knowledgeModule } from '../packages/server/src/knowledge';
import { knownErrorsModule } from '../packages/server/src/known-errors';
import { notificationsModule, signAction } from '../packages/server/src/notifications';
import '../packages/server/src/reports';
import { serviceLevelsModule } from '../packages/server/src/service-levels';
import { trainingModule } from '../packages/server/src/training';
import { START } from './support/chatbot';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { M, openSession, traineesOf } from './training.helpers';

const SECRET = 'test-i18n-mail-action-secret-0123456789';
const server = await startTestServer({ env: { MAIL_ACTION_SECRET: SECRET } });
const base = `http://127.0.0.1:${server.port}`;
const EN = { 'accept-language': 'en' };

/** The first user error of a mutation, in French (no header) and in English. */
async function refusal(query: string, variables: Record<string, unknown>, token: string) {
  const fr = await server.gql(query, variables, { token });
  const en = await server.gql(query, variables, { token, headers: EN });
  expect(fr.headers.get('content-language')).toBe('fr');
  expect(en.headers.get('content-language')).toBe('en');
  const first = (r: typeof fr) => (Object.values(r.body.data as object)[0] as { userErrors: { code: string; message: string; field: string[] | null }[] }).userErrors[0];
  const [f, e] = [first(fr), first(en)];
  expect(f.code).toBe(e.code);
  expect(f.field).toEqual(e.field);
  return { code: f.code, field: f.field, fr: f.message, en: e.message };
}

describe('refusals over HTTP, French by default, English on request', () => {
  it('training: a second request for the same session', async () => {
    const referent = await server.tokenForRole('TRAINING_REFERENT');
    const [trainee] = await traineesOf(server, 'CSP-LYON', 1);
    const session = await openSession(server, referent);
    expect((await server.gql(M.request, { s: session }, { token: trainee.token })).body.data.requestTrainingRegistration.userErrors).toEqual([]);
    const r = await refusal(M.request, { s: session }, trainee.token);
    expect(r.code).toBe('ALREADY_REQUESTED');
    expect(r.fr).toBe('Vous avez déjà une demande ou une inscription pour cette session.');
    expect(r.en).toBe('You already have a request or a registration for this session.');
  });

  it('knowledge: a short form of two words', async () => {
    const editor = await server.tokenForRole('KNOWLEDGE_EDITOR');
    const SET = `mutation($input: SetAbbreviationInput!) { setAbbreviation(input: $input) { userErrors { field code message } } }`;
    const r = await refusal(SET, { input: { shortForm: 'deux mots', expansion: 'autre chose' } }, editor);
    expect(r).toMatchObject({ code: 'ABBREVIATION_INVALID', field: ['input', 'shortForm'] });
    expect(r.fr).toMatch(/^Une abréviation est un seul mot/);
    expect(r.en).toMatch(/^A short form is one word/);
  });

  it('chatbot: a bot that does not exist', async () => {
    const { rows } = await sql(
      server.databaseUrl,
      `select p.email from person p join structure s on s.id = p.structure_id where s.code = 'CSP-LYON' and p.active order by p.email limit 1`,
    );
    const user = await server.tokenFor(rows[0].email);
    const r = await refusal(START, { input: { bot: 'NOPE' } }, user);
    expect(r.code).toBe('BOT_NOT_AVAILABLE');
    expect(r.fr).toBe('Aucun assistant virtuel ne s’appelle NOPE.');
    expect(r.en).toBe('No bot is called NOPE.');
  });

  it('service levels: a time zone that is not IANA, and a priority out of range with its bounds', async () => {
    const admin = await server.tokenForRole('ADMINISTRATOR');
    const CREATE = `mutation($input: CreateBusinessCalendarInput!) { createBusinessCalendar(input: $input) { userErrors { field code message } } }`;
    const r = await refusal(CREATE, { input: { code: 'I18N', name: 'x', timeZone: 'Europe/Parys', windows: [{ weekday: 1, start: '09:00', end: '17:00' }] } }, admin);
    expect(r).toMatchObject({ code: 'INVALID_TIME_ZONE', field: ['input', 'timeZone'] });
    expect(r.fr).toBe('« Europe/Parys » n’est pas un fuseau horaire IANA.');
    expect(r.en).toBe('“Europe/Parys” is not an IANA time zone.');
  });

  it('a refusal of a rule (a FORBIDDEN DomainError) follows the language too', async () => {
    const sn1 = await server.tokenForRole('SN1_AGENT');
    const CREATE = `mutation($input: CreateBusinessCalendarInput!) { createBusinessCalendar(input: $input) { userErrors { field code message } } }`;
    const r = await refusal(CREATE, { input: { code: 'I18N2', name: 'x', windows: [{ weekday: 1, start: '09:00', end: '17:00' }] } }, sn1);
    expect(r.code).toBe('FORBIDDEN');
    expect(r.fr).toMatch(/^Seuls les administrateurs/);
    expect(r.en).toMatch(/^Only administrators/);
  });
});

describe('report pages', () => {
  it('are French by default and English on request, and say so', async () => {
    const analyst = await server.tokenForRole('ANALYST');
    const get = (headers: Record<string, string> = {}) => fetch(`${base}/reports/training?from=2021-01-01&to=2021-07-01`, { headers: { authorization: `Bearer ${analyst}`, ...headers } });
    const fr = await get();
    expect(fr.status).toBe(200);
    expect(fr.headers.get('content-language')).toBe('fr');
    const frHtml = await fr.text();
    expect(frHtml).toContain('<html lang="fr">');
    expect(frHtml).toContain('Les formations Chorus webinaires — bilan des participations');
    expect(frHtml).toContain('Période du 01/01/2021 au 30/06/2021');
    expect(frHtml).toContain('Domaines de formation');
    const en = await get(EN);
    expect(en.status).toBe(200);
    expect(en.headers.get('content-language')).toBe('en');
    const enHtml = await en.text();
    expect(enHtml).toContain('<html lang="en">');
    expect(enHtml).toContain('Chorus webinar training — participation review');
    expect(enHtml).toContain('Period from 01/01/2021 to 30/06/2021');
    expect(enHtml).toContain('Training domains');
    expect(enHtml).not.toContain('Domaines de formation');
  });

  it('have their CSV headings in the caller’s language too', async () => {
    const analyst = await server.tokenForRole('ANALYST');
    const csv = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${base}/reports/${path}`, { headers: { authorization: `Bearer ${analyst}`, ...headers } }).then(async (r) => (await r.text()).replace(/^\uFEFF/, '').split('\r\n'));
    expect((await csv('training.csv'))[0]).toBe('domaine;inscrits;pourcentage');
    expect((await csv('training.csv', EN))[0]).toBe('domain;registered;percentage');
    expect((await csv('chatbot.csv', EN)).map((l) => l.split(';')[0]).slice(0, 3)).toEqual(['indicator', 'conversations', 'answered']);
    expect((await csv('service-desk.csv', EN))[0]).toMatch(/^grouping;key;label;tickets;/);
  });

  it('refuse a bad filter in the caller’s language', async () => {
    const analyst = await server.tokenForRole('ANALYST');
    const get = (headers: Record<string, string> = {}) => fetch(`${base}/reports/training?from=2021-07-01&to=2021-01-01`, { headers: { authorization: `Bearer ${analyst}`, ...headers } }).then((r) => r.json());
    expect((await get()).errors[0].message).toBe('La fin de la période doit suivre son début.');
    expect((await get(EN)).errors[0].message).toBe('The end of the period must come after its start.');
  });
});

describe('the pages one-click mail links land on', () => {
  it('are French by default and English on request', async () => {
    const referent = await server.tokenForRole('TRAINING_REFERENT');
    const [trainee] = await traineesOf(server, 'CSP-LYON', 1, 1);
    const session = await openSession(server, referent);
    const req = await server.gql(M.request, { s: session }, { token: trainee.token });
    expect(req.body.data.requestTrainingRegistration.userErrors).toEqual([]);
    const id = fromGlobalId(req.body.data.requestTrainingRegistration.registration.id).id;
    const personId = (await sql(server.databaseUrl, 'select id from person where email = $1', [trainee.email])).rows[0].id as string;
    const url = `${base}/actions/${signAction(SECRET, { action: 'cancel-registration', personId, objectId: id }, 3600)}`;
    const fr = await fetch(url);
    expect(fr.status).toBe(200);
    expect(fr.headers.get('content-language')).toBe('fr');
    const frHtml = await fr.text();
    expect(frHtml).toContain('<html lang="fr">');
    expect(frHtml).toContain('<h1>Annuler votre inscription</h1>');
    expect(frHtml).toContain('<dt>Stagiaire</dt>');
    const en = await fetch(url, { headers: EN });
    expect(en.headers.get('content-language')).toBe('en');
    const enHtml = await en.text();
    expect(enHtml).toContain('<html lang="en">');
    expect(enHtml).toContain('<h1>Cancel your registration</h1>');
    expect(enHtml).toContain('<dt>Trainee</dt>');
    expect(enHtml).toContain('<button type="submit">Confirm the cancellation</button>');
    expect(enHtml).toMatch(/<dt>Start<\/dt><dd>[A-Z][a-z]+day, \d+ [A-Z][a-z]+ \d{4} at \d\d:\d\d \(Paris time\)<\/dd>/);
    expect(frHtml).toMatch(/<dt>Début<\/dt><dd>[a-z]+ \d+ \S+ \d{4} à \d\d:\d\d \(heure de Paris\)<\/dd>/);
    // a forged link: the refusal page in both languages
    const forged = await fetch(`${base}/actions/not-a-token`);
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('<h1>Lien invalide</h1>');
    expect(await (await fetch(`${base}/actions/not-a-token`, { headers: EN })).text()).toContain('<h1>Invalid link</h1>');
  });
});

describe('the explorer page', () => {
  it('has its title and help in the caller’s language', async () => {
    const page = (headers: Record<string, string> = {}) => fetch(`${base}/explorer`, { headers: { accept: 'text/html', ...headers } }).then((r) => r.text());
    const fr = await page();
    expect(fr).toContain('<title>chorus-support — explorateur de l’API</title>');
    expect(fr).toContain('Explorateur de l’API chorus-support');
    const en = await page(EN);
    expect(en).toContain('<title>chorus-support — API explorer</title>');
    expect(en).toContain('chorus-support API explorer');
  });
});

describe('the catalogue', () => {
  it('has a text, in both languages, for every code the modules declare', () => {
    const modules = [trainingModule, knowledgeModule, chatbotModule, serviceLevelsModule, knownErrorsModule, notificationsModule];
    const codes = modules.flatMap((m) => (m.errorCodes ?? []).flatMap((c) => Object.values(c.codes)));
    expect(codes.length).toBeGreaterThan(40);
    expect(codes.filter((c) => !hasMessage(c))).toEqual([]);
  });
});

/**
 * One-click links in mails, end to end: the real server, a real SMTP relay started here,
 * links read from the mails as their recipients get them. A GET shows a page and changes
 * nothing; the POST acts, once, as the link's person, through the feature's own rules.
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { fromGlobalId, toGlobalId } from '../packages/server/src/core/ids';
import { signAction } from '../packages/server/src/notifications';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { startTestRelay, type ReceivedMail } from './support/smtp';
import { until } from './support/until';
import { desk } from './service-desk.helpers';
import { M, openSession, traineesOf } from './training.helpers';

const SECRET = 'test-mail-action-secret-0123456789abcdef';
const relay = await startTestRelay();
const server = await startTestServer({ env: { SMTP_URL: relay.url, MAIL_FROM: 'Support Chorus <support@chorus.example>', NOTIFICATION_POLL_MS: '200', MAIL_ACTION_SECRET: SECRET } });
const base = `http://127.0.0.1:${server.port}`;

const personByRole = async (role: string, structure: string) =>
  (
    await sql(
      server.databaseUrl,
      `select p.id, p.email from person p join structure s on s.id = p.structure_id where p.active and s.code = $2
          and ($1 = any(p.held_roles) or exists (select 1 from correspondent_assignment a where a.person_id = p.id and a.kind = $1 and a.until is null))
        order by p.created_at, p.email limit 1`,
      [role, structure],
    )
  ).rows[0] as { id: string; email: string };
const dafLyon = await personByRole('DAF_MANAGER', 'RECT-LYON');
const dafBordeaux = await personByRole('DAF_MANAGER', 'RECT-BORDEAUX');
const referent = await server.tokenForRole('TRAINING_REFERENT');
const [trainee] = await traineesOf(server, 'CSP-LYON', 1);
const [otherTrainee] = await traineesOf(server, 'CSP-BORDEAUX', 1);
const personId = async (email: string) => (await sql(server.databaseUrl, 'select id from person where email = $1', [email])).rows[0].id as string;

/** The first link labelled `label` in a mail's HTML. */
function linkOf(m: ReceivedMail, label: string): string {
  const url = String(m.parsed.html).match(new RegExp(`<a href="([^"]+)">${label}</a>`))?.[1];
  expect(url, `a link « ${label} »`).toBeTruthy();
  return url!.replace(/&#38;/g, '&');
}

const get = (url: string) => fetch(url).then(async (r) => ({ status: r.status, html: await r.text() }));
const post = (url: string, form: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', body: new URLSearchParams(form), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } }).then(async (r) => ({ status: r.status, html: await r.text() }));
/** A POST with a Host header of our choosing (fetch may not set Host): a browser that reached the server by another name. */
const rawPost = (path: string, headers: Record<string, string>) =>
  new Promise<{ status: number }>((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '0', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => ok({ status: res.statusCode ?? 0 }));
    });
    req.on('error', fail);
    req.end();
  });
const status = async (registrationId: string) => (await sql(server.databaseUrl, 'select status from training_registration where id = $1', [registrationId])).rows[0].status as string;

/** A registration request of `trainee` on a new session: its raw id. */
async function requested(): Promise<string> {
  const session = await openSession(server, referent);
  const req = await server.gql(M.request, { s: session }, { token: trainee.token });
  expect(req.body.data.requestTrainingRegistration.userErrors).toEqual([]);
  return fromGlobalId(req.body.data.requestTrainingRegistration.registration.id).id;
}

const mailTo = (email: string, test: (m: ReceivedMail) => boolean) => until(async () => relay.to(email).find(test), 15_000);

/** The token's payload names this object (the claims are readable; only the signature is secret). */
const names = (url: string, objectId: string) => Buffer.from(decodeURIComponent(url.split('/actions/')[1]).split('.')[0], 'base64url').toString().includes(objectId);

/** The mail to `email` whose link `label` is about `objectId`, and that link. */
const linkAbout = (email: string, label: string, objectId: string) =>
  until(async () => {
    for (const m of relay.to(email)) {
      if (!String(m.parsed.html).includes(`>${label}</a>`)) continue;
      const url = linkOf(m, label);
      if (names(url, objectId)) return { mail: m, url };
    }
    return undefined;
  }, 15_000);

describe('the DAF manager’s mail', () => {
  it('reaches the DAF manager of the trainee’s perimeter with approve and refuse links; the approve link (GET a page, POST) validates', async () => {
    const id = await requested();
    const { mail, url: approve } = await linkAbout(dafLyon.email, 'Valider la demande', id);
    expect(mail.parsed.subject).toMatch(/^Demande d’inscription à valider : .+, « Découverte Chorus »$/);
    expect(mail.parsed.text).toContain('Formation : Découverte Chorus');
    expect(names(linkOf(mail, 'Refuser la demande'), id)).toBe(true);
    // a DAF manager of another perimeter is not asked
    expect(relay.to(dafBordeaux.email).filter((m) => String(m.parsed.html).includes(id))).toEqual([]);
    // the GET (a mail scanner, a preview) shows a page and changes nothing
    const page = await get(approve);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<html lang="fr">');
    expect(page.html).toContain('<h1>Valider la demande d’inscription</h1>');
    expect(page.html).toMatch(/<form method="post" action="\/actions\/[^"]+"><button type="submit">Valider la demande<\/button><\/form>/);
    expect(await status(id)).toBe('REQUESTED');
    const done = await post(approve);
    expect(done.status).toBe(200);
    expect(done.html).toContain('La demande est validée');
    expect(await status(id)).toBe('VALIDATED');
    const { rows } = await sql(server.databaseUrl, `select a.email from training_registration_event e join person a on a.id = e.actor_id where e.registration_id = $1 and e.action = 'VALIDATE'`, [id]);
    expect(rows).toEqual([{ email: dafLyon.email }]);
  });

  it('the refuse link asks for a reason (a missing one consumes nothing), then refuses; the trainee is told why', async () => {
    const id = await requested();
    const { url: refuse } = await linkAbout(dafLyon.email, 'Refuser la demande', id);
    expect((await get(refuse)).html).toContain('<textarea id="reason" name="reason" maxlength="2000" required>');
    const missing = await post(refuse, {});
    expect(missing.status).toBe(400);
    expect(await status(id)).toBe('REQUESTED');
    const done = await post(refuse, { reason: 'Formation déjà suivie l’an dernier.' });
    expect(done.status).toBe(200);
    expect(await status(id)).toBe('REFUSED');
    const told = await mailTo(trainee.email, (m) => m.parsed.subject?.includes('demande d’inscription refusée') === true);
    expect(told.parsed.text).toContain('> Formation déjà suivie l’an dernier.');
  });
});

describe('the registration confirmation', () => {
  it('arrives with its cancel link; GET shows the page, POST cancels; a second use is refused with a clear page', async () => {
    const id = await requested();
    await server.gql(M.decide, { input: { id: toGlobalId('TrainingRegistration', id), approve: true } }, { token: await server.tokenFor(dafLyon.email) });
    const reg = await server.gql(M.register, { input: { id: toGlobalId('TrainingRegistration', id) } }, { token: referent });
    expect(reg.body.data.registerTrainee.registration.status).toBe('REGISTERED');
    const { mail, url: cancel } = await linkAbout(trainee.email, 'Annuler mon inscription', id);
    expect(mail.parsed.subject).toBe('Formation « Découverte Chorus » : confirmation d’inscription');
    expect(mail.parsed.text).toContain('Session : ');
    expect(mail.parsed.text).toMatch(/Date : .+ \d{4} à \d\d:\d\d \(heure de Paris\) – \d\d:\d\d/);
    const page = await get(cancel);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1>Annuler votre inscription</h1>');
    expect(page.html).toContain('Confirmer l’annulation');
    expect(await status(id)).toBe('REGISTERED');
    const done = await post(cancel);
    expect(done.status).toBe(200);
    expect(done.html).toContain('Votre inscription est annulée');
    expect(await status(id)).toBe('CANCELLED');
    // once only: the POST again, and even the GET, say it was used
    for (const again of [await post(cancel), await get(cancel)]) {
      expect(again.status).toBe(410);
      expect(again.html).toContain('Ce lien a déjà été utilisé');
    }
    const { rows } = await sql(server.databaseUrl, `select count(*)::int n from training_registration_event where registration_id = $1 and action = 'CANCEL'`, [id]);
    expect(rows[0].n).toBe(1);
  });

  it('an expired link is refused (410) and does nothing; an altered one is refused (403)', async () => {
    const id = await requested();
    const tid = await personId(trainee.email);
    const expired = signAction(SECRET, { action: 'cancel-registration', personId: tid, objectId: id }, 3600, Date.now() - 2 * 3600_000);
    for (const r of [await get(`${base}/actions/${expired}`), await post(`${base}/actions/${expired}`)]) {
      expect(r.status).toBe(410);
      expect(r.html).toContain('Ce lien a expiré');
    }
    const good = signAction(SECRET, { action: 'cancel-registration', personId: tid, objectId: id }, 3600);
    const altered = `${good.slice(0, -3)}${good.endsWith('A') ? 'B' : 'A'}xx`;
    const other = signAction('another-secret-another-secret-another!!', { action: 'cancel-registration', personId: tid, objectId: id }, 3600);
    for (const token of [altered, other]) {
      const r = await post(`${base}/actions/${token}`);
      expect(r.status).toBe(403);
      expect(r.html).toContain('Lien invalide');
    }
    expect(await status(id)).toBe('REQUESTED');
  });
});

describe('a link in other hands', () => {
  it('acts as its person only: another trainee’s link, or another DAF manager’s, cannot touch this registration', async () => {
    const id = await requested();
    const asOther = signAction(SECRET, { action: 'cancel-registration', personId: await personId(otherTrainee.email), objectId: id }, 3600);
    const asOtherDaf = signAction(SECRET, { action: 'approve-registration', personId: dafBordeaux.id, objectId: id }, 3600);
    for (const token of [asOther, asOtherDaf]) {
      expect((await get(`${base}/actions/${token}`)).status).toBe(403);
      // a signed-in session of someone who could (the referent) adds nothing: the link acts as its own person
      const r = await post(`${base}/actions/${token}`, {}, { authorization: `Bearer ${referent}` });
      expect(r.status).toBe(403);
      expect(r.html).toContain('Ce lien ne vous permet pas de faire cette action');
    }
    expect(await status(id)).toBe('REQUESTED');
  });

  it('a POST from another site (Origin) is refused and consumes nothing', async () => {
    const id = await requested();
    const token = signAction(SECRET, { action: 'cancel-registration', personId: await personId(trainee.email), objectId: id }, 3600);
    const r = await post(`${base}/actions/${token}`, {}, { origin: 'https://evil.example' });
    expect(r.status).toBe(403);
    expect(await status(id)).toBe('REQUESTED');
    expect((await post(`${base}/actions/${token}`, {}, { origin: 'null' })).status).toBe(403);
    expect(await status(id)).toBe('REQUESTED');
    // the page's own form, posted by a browser: its Origin is the host it reached
    const same = await rawPost(`/actions/${token}`, { origin: `http://localhost:${server.port}`, host: `localhost:${server.port}` });
    expect(same.status).toBe(200);
    expect(await status(id)).toBe('CANCELLED');
  });
});

describe('the rating link', () => {
  it('is in the opener’s resolution mail (not the plain requester’s); it rates once', async () => {
    const { open, ok } = desk(server);
    const cca = await personByRole('CCA', 'CSP-LYON');
    const requester = (
      await sql(server.databaseUrl, `select p.id, p.email from person p join structure s on s.id = p.structure_id where s.code = 'CSP-LYON' and p.held_roles = '{END_USER}' and not exists (select 1 from correspondent_assignment a where a.person_id = p.id) order by p.email limit 1`)
    ).rows[0];
    const sn1 = { token: await server.tokenForRole('SN1_AGENT') };
    const { ticket } = await open({ token: await server.tokenFor(cca.email) }, { title: 'À noter', requesterId: toGlobalId('Person', requester.id) });
    const taken = await ok('TAKE', sn1, ticket);
    await ok('RESOLVE', sn1, taken, 'Le poste a été débloqué.');
    const toCca = await mailTo(cca.email, (m) => m.parsed.subject === `[${ticket.reference}] Votre demande a été résolue`);
    const toRequester = await mailTo(requester.email, (m) => m.parsed.subject === `[${ticket.reference}] Votre demande a été résolue`);
    expect(String(toRequester.parsed.html)).not.toContain('Donner votre avis');
    const rate = linkOf(toCca, 'Donner votre avis');
    const page = await get(rate);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<legend>Votre note</legend>');
    expect(page.html).toContain(ticket.reference);
    const bad = await post(rate, { score: '9' });
    expect(bad.status).toBe(400);
    const done = await post(rate, { score: '4', comment: 'Rapide et clair.' });
    expect(done.status).toBe(200);
    expect(done.html).toContain('Merci pour votre avis');
    const { rows } = await sql(server.databaseUrl, 'select satisfaction_score, satisfaction_comment from ticket where reference = $1', [ticket.reference]);
    expect(rows[0]).toEqual({ satisfaction_score: 4, satisfaction_comment: 'Rapide et clair.' });
    expect((await post(rate, { score: '1' })).status).toBe(410);
    expect((await sql(server.databaseUrl, 'select satisfaction_score from ticket where reference = $1', [ticket.reference])).rows[0].satisfaction_score).toBe(4);
  });
});

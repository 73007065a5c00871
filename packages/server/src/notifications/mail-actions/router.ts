/**
 * GET/POST /actions/<token>: the pages one-click links land on. A GET never changes
 * anything (mail scanners and link previews fetch every link): it checks the token and
 * shows what the link would do, with a button. The POST (to the same URL: the signed token
 * is its CSRF proof; a cross-site Origin is refused) consumes the token's nonce and does
 * the action in one transaction, as the token's person. A used link answers 410, an
 * expired one 410, a forged or altered one 403 — each with a page saying why, in the reader's language (French by default).
 */
import express, { Router, type Request, type Response } from 'express';
import { personViewer } from '../../access/authenticate';
import type { MikroORM } from '../../core/database';
import { DomainError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { MAIL_ACTIONS, refusal } from './actions';
import { renderPage, type Page } from './page';
import { PAGES as P } from '../notification.messages';
import { verifyAction, type ActionClaims } from './tokens';

export const MAIL_ACTIONS_PATH = '/actions';

export interface MailActionSettings {
  secret: string;
  timeZone: string;
  /** Origins a POST may come from besides the host it reached (the public URL's, this server's); any other is refused. */
  origins: string[];
}

// same-origin, not no-referrer: with no-referrer a browser posts the form with `Origin: null`, which the check below refuses
function send(res: Response, status: number, page: Page) {
  res.status(status).set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Referrer-Policy': 'same-origin', 'X-Frame-Options': 'DENY' }).send(renderPage(page));
}

// pages built when sent: in the language of the request (core/i18n.ts)
const EXPIRED = (): Page => ({ title: P['MAIL_ACTION.expired.title']().render(), paragraphs: [P['MAIL_ACTION.expired.text']().render()] });
const USED = (): Page => ({ title: P['MAIL_ACTION.used.title']().render(), paragraphs: [P['MAIL_ACTION.used.text']().render()] });
const INVALID = (): Page => ({ title: P['MAIL_ACTION.invalid.title']().render(), paragraphs: [P['MAIL_ACTION.invalid.text']().render()] });

async function used(orm: MikroORM, nonce: string): Promise<boolean> {
  return (await orm.em.fork().execute('select 1 from mail_action_use where nonce = ?', [nonce])).length > 0;
}

/** The token's claims, or the page that says why not (sent). */
async function checked(orm: MikroORM, s: MailActionSettings, req: Request, res: Response): Promise<ActionClaims | null> {
  const v = verifyAction(s.secret, String(req.params.token));
  if (!v.ok) {
    send(res, v.why === 'EXPIRED' ? 410 : 403, v.why === 'EXPIRED' ? EXPIRED() : INVALID());
    return null;
  }
  if (await used(orm, v.claims.nonce)) {
    send(res, 410, USED());
    return null;
  }
  return v.claims;
}

function refused(res: Response, e: unknown, log: Logger) {
  if (e instanceof DomainError) {
    const r = refusal(e);
    return send(res, r.status, { title: r.title, paragraphs: [r.text, P['MAIL_ACTION.nothingDone']().render()] });
  }
  // the person is gone or deactivated: personViewer refuses
  if ((e as { extensions?: { code?: string } })?.extensions?.code === 'UNAUTHENTICATED')
    return send(res, 403, { title: P['MAIL_ACTION.impossible.title']().render(), paragraphs: [P['MAIL_ACTION.personGone.text']().render()] });
  log.error({ err: e }, 'mail action failed');
  send(res, 500, { title: P['MAIL_ACTION.error.title']().render(), paragraphs: [P['MAIL_ACTION.error.text']().render()] });
}

/** A form posted from our own page: no Origin (an old browser), or one naming this host (as the browser reached it) or a configured origin. */
function sameSite(req: Request, origins: string[]): boolean {
  const origin = req.get('origin');
  if (!origin) return true;
  if (origins.includes(origin)) return true;
  try {
    return new URL(origin).host === req.get('host');
  } catch {
    return false;
  }
}

export function mailActionsRouter(orm: MikroORM, s: MailActionSettings): Router {
  const router = Router();
  router.get('/:token', async (req, res) => {
    try {
      const c = await checked(orm, s, req, res);
      if (!c) return;
      const em = orm.em.fork();
      const viewer = await personViewer(em, c.personId);
      const d = await MAIL_ACTIONS[c.action].describe(em, viewer, c.objectId, s.timeZone);
      send(res, 200, { title: d.title, paragraphs: d.paragraphs, facts: d.facts, form: { action: `${req.baseUrl}/${String(req.params.token)}`, button: d.button, fields: d.fields } });
    } catch (e) {
      refused(res, e, req.log);
    }
  });
  router.post('/:token', express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 10 }), async (req, res) => {
    if (!sameSite(req, s.origins)) return send(res, 403, { title: P['MAIL_ACTION.crossSite.title']().render(), paragraphs: [P['MAIL_ACTION.crossSite.text']().render()] });
    try {
      const c = await checked(orm, s, req, res);
      if (!c) return;
      const form: Record<string, string> = {};
      for (const [k, v] of Object.entries((req.body ?? {}) as Record<string, unknown>)) if (typeof v === 'string') form[k] = v;
      const done = await orm.em.fork().transactional(async (tx) => {
        // the nonce first: a second POST of the same link waits for this one, then finds it used
        const rows = await tx.execute('insert into mail_action_use (nonce, person_id, action, object_id) values (?, ?, ?, ?) on conflict do nothing returning nonce', [c.nonce, c.personId, c.action, c.objectId]);
        if (!rows.length) return null;
        const viewer = await personViewer(tx, c.personId);
        return MAIL_ACTIONS[c.action].perform(tx, viewer, c.objectId, form);
      });
      if (!done) return send(res, 410, USED());
      send(res, 200, done);
    } catch (e) {
      refused(res, e, req.log);
    }
  });
  return router;
}

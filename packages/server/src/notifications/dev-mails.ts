import { Router } from 'express';
import type { MikroORM } from '../core/database';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Development only (never mounted in production): a mail of the outbox as its recipient
 * would see it, so that without SMTP_URL the link logged for each mail can be opened.
 * `?format=text` gives the plain-text part.
 */
export function devMailsRouter(orm: MikroORM): Router {
  const router = Router();
  router.get('/:id', async (req, res, next) => {
    try {
      if (!UUID.test(req.params.id)) return void res.status(404).type('text/plain; charset=utf-8').send('Aucun courriel.\n');
      const [row] = await orm.em.fork().execute<{ html_body: string; text_body: string }[]>('select html_body, text_body from notification where id = ?', [req.params.id]);
      if (!row) return void res.status(404).type('text/plain; charset=utf-8').send('Aucun courriel.\n');
      if (req.query.format === 'text') return void res.type('text/plain; charset=utf-8').send(row.text_body);
      res.type('text/html; charset=utf-8').send(row.html_body);
    } catch (e) {
      next(e);
    }
  });
  return router;
}

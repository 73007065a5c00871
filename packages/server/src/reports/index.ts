/**
 * Printable reports (HTML with server-drawn SVG charts, and CSV) at /reports/…, under the
 * same door as GraphQL: the request's context is built by the same function (same
 * credentials: bearer token or API key), and each report calls the statistics service
 * with the same role check as the statistics query it mirrors.
 */
import { Router, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import { METRICS_READERS } from '../chatbot/chatbot.resolver';
import { requireViewer, type Context } from '../core/context';
import { CoreErrorCode, DomainError, toGraphQLError } from '../core/errors';
import type { Role } from '../core/roles';
import { STATISTICS_ROLES } from '../service-desk/ticket.statistics';
import { StatisticsTable } from '../training/training.enums';
import { STATISTICS_READERS } from '../training/training.resolver';
import { chatbotCsv, chatbotReport } from './chatbot.report';
import { parseReportQuery, type ReportQuery } from './query';
import { serviceDeskCsv, serviceDeskReport } from './service-desk.report';
import { trainingCsv, trainingReport } from './training.report';
import { R } from './reports.messages';

export const REPORTS_PATH = '/reports';

type Make = (ctx: Context, q: ReportQuery & { table?: string }) => Promise<string>;

const HTTP_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400 };

function mayRead(ctx: Context, roles: readonly Role[]): void {
  const viewer = requireViewer(ctx);
  if (!roles.some((r) => viewer.roles.has(r))) throw new DomainError(CoreErrorCode.FORBIDDEN, R['FORBIDDEN.report']());
}

function trainingTable(t: string | undefined): StatisticsTable {
  if (t === undefined) return StatisticsTable.REGISTRATIONS_BY_DOMAIN;
  if (!(Object.values(StatisticsTable) as string[]).includes(t)) throw new DomainError(CoreErrorCode.INVALID_FORMAT, R['INVALID_FORMAT.reportTable']({ tables: Object.values(StatisticsTable).join(', ') }), ['table']);
  return t as StatisticsTable;
}

/** The reports router; `contextOf` is the function that builds a GraphQL request's context. */
export function reportsRouter(contextOf: (req: Request) => Promise<Context>): Router {
  const router = Router();
  const serve = (roles: readonly Role[], kind: 'html' | 'csv', make: Make) => async (req: Request, res: Response) => {
    try {
      const q = parseReportQuery(req.query, req.originalUrl);
      const ctx = await contextOf(req);
      mayRead(ctx, roles);
      const body = await make(ctx, q);
      res.setHeader('cache-control', 'private, no-store');
      if (kind === 'html') {
        // nothing but the page itself: inline styles and the inline SVG
        res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'");
        res.type('html').send(body);
      } else {
        res.setHeader('content-disposition', `attachment; filename="${req.path.slice(1)}"`);
        res.type('text/csv; charset=utf-8').send(body);
      }
    } catch (e) {
      const coded = e instanceof DomainError ? toGraphQLError(e) : e instanceof GraphQLError ? e : null;
      if (!coded) throw e;
      const code = String(coded.extensions.code ?? 'BAD_USER_INPUT');
      res.status(HTTP_STATUS[code] ?? 400).json({ errors: [{ message: coded.message, extensions: { code, field: coded.extensions.field, requestId: String(req.id) } }] });
    }
  };
  router.get('/training', serve(STATISTICS_READERS, 'html', trainingReport));
  router.get('/training.csv', serve(STATISTICS_READERS, 'csv', (ctx, q) => trainingCsv(ctx, q, trainingTable(q.table))));
  router.get('/service-desk', serve(STATISTICS_ROLES, 'html', serviceDeskReport));
  router.get('/service-desk.csv', serve(STATISTICS_ROLES, 'csv', serviceDeskCsv));
  router.get('/chatbot', serve(METRICS_READERS, 'html', chatbotReport));
  router.get('/chatbot.csv', serve(METRICS_READERS, 'csv', chatbotCsv));
  return router;
}

/**
 * Notifications: mails about what happened, downstream of the features (it imports them
 * through their front doors; none imports it). The composition root wires it: entities.ts
 * (its tables), schema.ts (its API), app.ts (`startNotifications`, and the dev mail page).
 *
 * HOW A KIND IS ADDED (see kinds.ts, and ticket.kinds.ts for examples):
 *   1. a value in `NotificationKind` (notification.enums.ts), with its description;
 *   2. `defineKind({ kind, source, applies, recipients, maySee, render })` in a
 *      `<feature>.kinds.ts` file imported below:
 *      - source: a `NotificationSource` — the table whose committed inserts may cause the
 *        mail (ticket_event, ticket_comment and training_registration_event already have the
 *        trigger that asks for a decision; another table needs the same trigger, see the
 *        NotificationOutbox migration), how to `load` a row with its facts (SQL through the
 *        worker's own pool, `db.execute(sql, params)` with `?` placeholders), who its actor is
 *        (never told), the ticket it concerns if any. One source object per table, shared
 *        by its kinds.
 *      - applies(facts): whether this row is news of this kind;
 *      - recipients(db, facts): person ids (actor, inactive persons, duplicates dropped for you);
 *      - maySee(viewer, facts): the feature's read policy for that row — a person who may not
 *        read it is never mailed it;
 *      - render(facts, recipient, ctx): `renderMail({ subject, heading, blocks, footer })`
 *        (render.ts: escapes every value, writes HTML and text).
 *   The outbox does the rest: preferences (IMMEDIATE / DAILY_DIGEST / NONE), one row per
 *   (source, recipient, kind), delivery with retries, digests, the admin API.
 */
import type { FeatureModule } from '../core/module';
import { NOTIFICATION_ERROR_CODES } from './notification.errors';
import { NotificationResolver } from './notification.resolver';
import { Notification } from './notification.entity';
import { findByIds, nodeIdResolver } from '../core/base.entity';
import { hasRole, requireViewer } from '../core/context';
import { OUTBOX_READERS } from '../access/policies';
// the kinds declare themselves when imported
import './ticket.kinds';
import './training.kinds';

export { notificationEntities } from './notification.entity';
export { NotificationDelivery, NotificationKind, NotificationStatus } from './notification.enums';
export { defineKind, type NotificationKindSpec, type NotificationSource, type Recipient, type RenderContext, type SqlReader } from './kinds';
export { renderMail, frenchDateTime, type Block, type Mail } from './render';
export { startNotifications, DEV_MAILS_PATH, REMINDERS_TASK } from './runner';
export { devMailsRouter } from './dev-mails';
export { MAIL_ACTIONS_PATH, mailActionsRouter } from './mail-actions/router';
export { startInboundSmtp, replyText } from './mail-actions/replies';
export { signAction, verifyAction, replyCode } from './mail-actions/tokens';
export { DIGEST_TASK, DECIDE_TASK, DELIVER_TASK } from './outbox';

export const notificationsModule: FeatureModule = {
  resolvers: [NotificationResolver, nodeIdResolver(Notification)],
  errorCodes: [NOTIFICATION_ERROR_CODES],
  // a mail is read by the outbox's readers only, by node(id:) as in the list
  nodeTypes: { Notification: async (ctx, ids) => (hasRole(requireViewer(ctx), ...OUTBOX_READERS) ? findByIds(ctx.em, Notification, ids) : []) },
};

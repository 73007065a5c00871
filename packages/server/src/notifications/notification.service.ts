import type { EntityManager } from '../core/database';
import type { Viewer } from '../core/context';
import { DomainError } from '../core/errors';
import { NotificationDelivery, NotificationKind } from './notification.enums';
import { NotificationErrorCode } from './notification.errors';
import { M } from './notification.messages';

export interface PreferenceSetting {
  kind: NotificationKind;
  delivery: NotificationDelivery;
  isDefault: boolean;
}

/** Without a choice, every kind comes at once: each is addressed to the person it reaches. */
export const DEFAULT_DELIVERY = NotificationDelivery.IMMEDIATE;

function assertPerson(viewer: Viewer): void {
  if (viewer.kind !== 'PERSON') throw new DomainError(NotificationErrorCode.NOT_A_PERSON, M.NOT_A_PERSON());
}

/** Every kind, with the person's choice or the default. */
export async function preferencesOf(em: EntityManager, viewer: Viewer): Promise<PreferenceSetting[]> {
  assertPerson(viewer);
  const rows = await em.execute<{ kind: string; delivery: NotificationDelivery }[]>('select kind, delivery from notification_preference where person_id = ?', [viewer.id]);
  const chosen = new Map(rows.map((r) => [r.kind, r.delivery]));
  return Object.values(NotificationKind).map((kind) => ({ kind, delivery: chosen.get(kind) ?? DEFAULT_DELIVERY, isDefault: !chosen.has(kind) }));
}

export async function setPreference(em: EntityManager, viewer: Viewer, kind: NotificationKind, delivery: NotificationDelivery): Promise<PreferenceSetting[]> {
  assertPerson(viewer);
  await em.execute(
    `insert into notification_preference (person_id, kind, delivery, updated_at) values (?, ?, ?, now())
     on conflict (person_id, kind) do update set delivery = excluded.delivery, updated_at = now()`,
    [viewer.id, kind, delivery],
    'run',
  );
  return preferencesOf(em, viewer);
}

import type { Viewer } from '../core/context';
import type { Mail } from './render';
import type { NotificationKind } from './notification.enums';
import type { MailActionName } from './mail-actions/tokens';

/**
 * How kinds read: SQL with `?` placeholders, returning rows (the worker's own pool, see
 * core/job-queue's `execute`; MikroORM's `em.execute` takes the same SQL).
 */
export interface SqlReader {
  execute<T>(sql: string, params?: unknown[]): Promise<T>;
}

/** The person a mail is written for. */
export interface Recipient {
  personId: string;
  email: string;
  firstName: string;
  lastName: string;
}

/** What a kind's text may use besides its facts. */
export interface RenderContext {
  /** Dates in mails are in this zone unless the facts carry a structure's own. */
  timeZone: string;
  /** Absolute base of links in mails (PUBLIC_URL, or this server's own address). */
  publicUrl: string;
  /** A signed one-click link (mail-actions/) for this person and object; absent, a kind writes none. */
  actionUrl?(action: MailActionName, personId: string, objectId: string): string;
}

/**
 * A table whose committed inserts may cause mails (its AFTER INSERT trigger asks for a
 * decision: see the NotificationOutbox migration), and how to read one of its rows with what
 * the kinds need to know (the "facts").
 */
export interface NotificationSource<F> {
  table: string;
  /** The row and its context, or null when it is gone (nothing to tell). */
  load(db: SqlReader, id: string): Promise<F | null>;
  /** Who made the change: never told of it. Null for the platform. */
  actorId(facts: F): string | null;
  /** The ticket the row is about, if any (stored on the notification for the reader). */
  ticketId?(facts: F): string | null;
}

/** One kind of mail: which rows of its source it is about, who is told, what they may see, what they read. */
export interface NotificationKindSpec<F> {
  kind: NotificationKind;
  source: NotificationSource<F>;
  /** Whether this row is news of this kind (a transition to RESOLVED, a public comment…). */
  applies(facts: F): boolean;
  /** Who is told (person ids; the actor, inactive persons and duplicates are dropped by the caller). */
  recipients(db: SqlReader, facts: F): Promise<string[]>;
  /** The read policy of what is told: a person who may not see the row is never mailed it. */
  maySee(viewer: Viewer, facts: F): boolean;
  render(facts: F, to: Recipient, ctx: RenderContext): Mail;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds kinds of every source's facts
type AnyKind = NotificationKindSpec<any>;

const kindsBySource = new Map<string, AnyKind[]>();
const registered = new Set<NotificationKind>();

/** Declares a kind (once per kind: a second declaration of the same kind is refused). */
export function defineKind<F>(spec: NotificationKindSpec<F>): NotificationKindSpec<F> {
  if (registered.has(spec.kind)) throw new Error(`notification kind ${spec.kind} is declared twice`);
  registered.add(spec.kind);
  const list = kindsBySource.get(spec.source.table) ?? [];
  // one load per row, whatever the number of kinds: a table's kinds share its source object
  if (list.length && list[0].source !== spec.source) throw new Error(`notification kind ${spec.kind}: table ${spec.source.table} already has another source object; share it`);
  list.push(spec);
  kindsBySource.set(spec.source.table, list);
  return spec;
}

/** The kinds whose source is `table` (none: the row causes no mail). */
export function kindsOf(table: string): readonly AnyKind[] {
  return kindsBySource.get(table) ?? [];
}

/**
 * Saved ticket views: a person's named filter and order, private or shared with their support
 * team. Free of GraphQL. A view stores what `tickets(filter:, orderBy:)` takes; its tickets and
 * its count are read through the desk's own list (ticketsWhere), under the reader's perimeter.
 */
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { savedViewScope, scopeFilter } from '../access/policies';
import type { Viewer } from '../core/context';
import { CoreErrorCode, DomainError } from '../core/errors';
import { Person } from '../directory/person.entity';
import { SupportTeam } from '../directory/support-team.entity';
import { countTickets, decodeTicketFilter, type TicketFilter, type TicketOrder } from '../service-desk';
import { SavedViewVisibility } from './desk-tools.enums';
import { DeskToolsErrorCode } from './desk-tools.errors';
import { assertUsesDeskTools, teamOf } from './desk-tools.team';
import { SavedView, type StoredTicketFilter, type StoredTicketOrder } from './saved-view.entity';
import { DESK_TOOLS_MESSAGES as M } from './desk-tools.messages';

/** How many views one person keeps (so a sidebar's counts stay a bounded number of statements). */
export const MAX_SAVED_VIEWS = 50;
/** Bounds of the filter's code lists, which `tickets` itself takes unbounded. */
export const VIEW_FILTER = { codes: 50, codeLength: 40 } as const;

export interface SavedViewFields {
  name?: string | null;
  visibility?: SavedViewVisibility | null;
  filter?: TicketFilter | null;
  orderBy?: Pick<TicketOrder, 'field' | 'direction'> | null;
}

/** The filter as stored: checked as the list would check it (ids of the right types), only the criteria given. */
function storedFilter(f: TicketFilter | null | undefined): StoredTicketFilter {
  try {
    decodeTicketFilter(f);
  } catch (e) {
    if (e instanceof DomainError) throw new DomainError(e.code, e.text, ['filter', ...(e.field ?? [])], e.bounds);
    throw e;
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(f ?? {})) {
    if (value === null || value === undefined) continue;
    if ((key === 'domain' || key === 'application') && Array.isArray(value)) {
      if (value.length > VIEW_FILTER.codes || value.some((c) => typeof c !== 'string' || [...c].length > VIEW_FILTER.codeLength)) {
        throw new DomainError(CoreErrorCode.VALIDATION_FAILED, M['VALIDATION_FAILED.viewCodes']({ max: VIEW_FILTER.codes, length: VIEW_FILTER.codeLength }), ['filter', key], { max: VIEW_FILTER.codes });
      }
    }
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out as StoredTicketFilter;
}

/** The stored filter back as the list's input (dates as dates). */
export function filterOf(view: SavedView): TicketFilter {
  const f = { ...view.filter } as Record<string, unknown>;
  for (const key of ['openedFrom', 'openedTo', 'updatedFrom', 'updatedTo']) if (typeof f[key] === 'string') f[key] = new Date(f[key] as string);
  return f as TicketFilter;
}

export function orderOf(view: SavedView): Pick<TicketOrder, 'field' | 'direction'> | null {
  return (view.orderBy as Pick<TicketOrder, 'field' | 'direction'> | null) ?? null;
}

/** The views the viewer reads: their own, and their team's shared ones. */
export async function savedViewsWhere(em: EntityManager, viewer: Viewer): Promise<FilterQuery<SavedView>> {
  assertUsesDeskTools(viewer);
  return scopeFilter(savedViewScope(viewer, await teamOf(em, viewer))) as FilterQuery<SavedView>;
}

export async function findVisibleSavedViews(em: EntityManager, viewer: Viewer, ids: readonly string[]): Promise<SavedView[]> {
  if (!ids.length) return [];
  return em.find(SavedView, { $and: [{ id: { $in: [...ids] } }, await savedViewsWhere(em, viewer)] });
}

/** A view the viewer may change: theirs (a teammate reads a TEAM view, only its owner changes it). */
async function ownView(em: EntityManager, viewer: Viewer, id: string): Promise<SavedView> {
  const [view] = await findVisibleSavedViews(em, viewer, [id]);
  if (!view) throw new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.savedView'](), ['id']);
  if (view.owner.id !== viewer.id) throw new DomainError(DeskToolsErrorCode.SAVED_VIEW_NOT_OWNER, M.SAVED_VIEW_NOT_OWNER(), ['id']);
  return view;
}

/** The team a view of this visibility is shared with: the owner's, who must have one. */
async function sharedTeam(em: EntityManager, viewer: Viewer, visibility: SavedViewVisibility): Promise<string | null> {
  if (visibility !== SavedViewVisibility.TEAM) return null;
  const team = await teamOf(em, viewer);
  if (!team) throw new DomainError(DeskToolsErrorCode.SAVED_VIEW_NO_TEAM, M.SAVED_VIEW_NO_TEAM(), ['visibility']);
  return team;
}

export async function createSavedView(em: EntityManager, viewer: Viewer, f: SavedViewFields & { name: string }): Promise<SavedView> {
  assertUsesDeskTools(viewer);
  const visibility = f.visibility ?? SavedViewVisibility.PRIVATE;
  const team = await sharedTeam(em, viewer, visibility);
  const filter = storedFilter(f.filter);
  if ((await em.count(SavedView, { owner: viewer.id })) >= MAX_SAVED_VIEWS) {
    throw new DomainError(DeskToolsErrorCode.SAVED_VIEW_LIMIT_REACHED, M['SAVED_VIEW_LIMIT_REACHED.max']({ max: MAX_SAVED_VIEWS }), null, { max: MAX_SAVED_VIEWS });
  }
  const view = em.create(SavedView, {
    owner: em.getReference(Person, viewer.id),
    name: f.name.trim(),
    visibility,
    team: team ? em.getReference(SupportTeam, team) : null,
    filter,
    orderBy: f.orderBy ? ({ field: f.orderBy.field, direction: f.orderBy.direction } satisfies StoredTicketOrder) : null,
  });
  await em.flush();
  return view;
}

/** Renames, reshares or refilters the owner's view; what is not given stays. */
export async function updateSavedView(em: EntityManager, viewer: Viewer, id: string, f: SavedViewFields): Promise<SavedView> {
  const view = await ownView(em, viewer, id);
  if (f.name != null) view.name = f.name.trim();
  if (f.visibility != null) {
    const team = await sharedTeam(em, viewer, f.visibility);
    view.visibility = f.visibility;
    view.team = team ? em.getReference(SupportTeam, team, { wrapped: true }) : null;
  }
  if (f.filter != null) view.filter = storedFilter(f.filter);
  if (f.orderBy != null) view.orderBy = { field: f.orderBy.field, direction: f.orderBy.direction };
  await em.flush();
  return view;
}

export async function deleteSavedView(em: EntityManager, viewer: Viewer, id: string): Promise<string> {
  const view = await ownView(em, viewer, id);
  await em.remove(view).flush();
  return id;
}

/** How many tickets each view holds for this viewer (one statement): the count `tickets(filter:)` gives them. */
export function countViewTickets(em: EntityManager, viewer: Viewer, views: readonly SavedView[]): Promise<number[]> {
  return countTickets(em, viewer, views.map((v) => decodeTicketFilter(filterOf(v))));
}

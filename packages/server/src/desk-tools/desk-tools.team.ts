import type { EntityManager } from '@mikro-orm/postgresql';
import { usesDeskTools, administersMacros } from '../access/policies';
import type { Viewer } from '../core/context';
import { DomainError } from '../core/errors';
import { DeskToolsErrorCode } from './desk-tools.errors';
import { DESK_TOOLS_MESSAGES as M } from './desk-tools.messages';

/** The support team of the person calling (null: none, or not a person); on the caller's connection (transaction included). */
export async function teamOf(em: EntityManager, viewer: Viewer): Promise<string | null> {
  if (viewer.kind !== 'PERSON') return null;
  const rows: { team_id: string | null }[] = await em.execute('select team_id from person where id = ?', [viewer.id]);
  return rows[0]?.team_id ?? null;
}

/** Support agents only (`macros: true`: administrators too, who manage canned answers). */
export function assertUsesDeskTools(viewer: Viewer, { macros = false } = {}): void {
  if (usesDeskTools(viewer) || (macros && administersMacros(viewer))) return;
  throw new DomainError(
    DeskToolsErrorCode.NOT_A_DESK_TOOL_USER,
    macros ? M['NOT_A_DESK_TOOL_USER.macros']() : M['NOT_A_DESK_TOOL_USER.views'](),
  );
}

import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { ApplicationClient } from '../access/application-client.entity';
import { AUDIT_READERS } from '../access/policies';
import { connectionComplexity, ConnectionArgs, paginate, Connection } from '../core/connection';
import type { Context } from '../core/context';
import { CoreErrorCode, DomainError } from '../core/errors';
import { decodeOptionalId, fromGlobalId, isUuid, toGlobalId } from '../core/ids';
import { Person } from '../directory/person.entity';
import { AuditEntry } from './audit-entry.entity';
import { AuditFilter } from './audit.inputs';
import { auditCsv, auditWhere, MAX_CSV_ROWS, type AuditFilterValues } from './audit.service';
import { AUDIT_MESSAGES as M } from './audit.messages';
import { CORE_SITUATIONS } from '../core/core.messages';

/** The most actions a filter names. */
const MAX_FILTER_ACTIONS = 50;

export const AuditEntryConnection = Connection(AuditEntry);

/** The filter's ids decoded: a target id of any type names its type too. */
function filterValues(f: AuditFilter | null): AuditFilterValues {
  if (!f) return {};
  if (f.actions && f.actions.length > MAX_FILTER_ACTIONS) throw new DomainError(CoreErrorCode.VALIDATION_FAILED, M['VALIDATION_FAILED.auditActions']({ max: MAX_FILTER_ACTIONS }), ['actions'], { max: MAX_FILTER_ACTIONS });
  let targetType = f.targetType?.trim() || null;
  let targetId: string | null = null;
  if (f.targetId) {
    let parsed;
    try {
      parsed = fromGlobalId(f.targetId);
    } catch {
      throw new DomainError(CoreErrorCode.INVALID_ID, CORE_SITUATIONS['INVALID_ID.malformed'](), ['targetId']);
    }
    if (!isUuid(parsed.id)) throw new DomainError(CoreErrorCode.INVALID_ID, CORE_SITUATIONS['INVALID_ID.malformed'](), ['targetId']);
    if (targetType && targetType !== parsed.type) throw new DomainError(CoreErrorCode.VALIDATION_FAILED, M['VALIDATION_FAILED.auditTargetType']({ actual: parsed.type, expected: targetType }), ['targetId']);
    targetType = parsed.type;
    targetId = parsed.id;
  }
  return {
    actorPersonId: decodeOptionalId(f.actorPersonId, 'Person', 'actorPersonId'),
    actorApplicationId: decodeOptionalId(f.actorApplicationId, 'ApplicationClient', 'actorApplicationId'),
    actorKind: f.actorKind ?? null,
    actions: f.actions ?? null,
    targetType,
    targetId,
    from: f.from ?? null,
    to: f.to ?? null,
  };
}

@Resolver()
export class AuditResolver {
  @Authorized(...AUDIT_READERS)
  @Query(() => AuditEntryConnection, { complexity: connectionComplexity, description: 'The audit of administrative changes, newest first (administrators and analysts).' })
  auditEntries(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => AuditFilter, { nullable: true, description: 'Narrows the list: actor, actions, target, period.' }) filter: AuditFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return paginate(ctx.em, AuditEntry, auditWhere(filterValues(filter)), { createdAt: 'desc', id: 'desc' }, page, info);
  }

  @Authorized(...AUDIT_READERS)
  @Query(() => String, {
    description: `The audit as CSV for a spreadsheet (UTF-8 with BOM, semicolons, French headers), newest first, at most ${MAX_CSV_ROWS} rows: narrow the filter for more (administrators and analysts).`,
  })
  auditEntriesCsv(@Arg('filter', () => AuditFilter, { nullable: true, description: 'Narrows the export: actor, actions, target, period.' }) filter: AuditFilter | null, @Ctx() ctx: Context): Promise<string> {
    return auditCsv(ctx.em, filterValues(filter));
  }
}

@Resolver(() => AuditEntry)
export class AuditEntryFieldsResolver {
  @FieldResolver(() => Person, { nullable: true, description: 'The person who made the change (an erased person shows pseudonymised); null for an application or the platform.' })
  actorPerson(@Root() e: AuditEntry) {
    return e.actorPerson ? e.actorPerson.load() : null;
  }

  @FieldResolver(() => ApplicationClient, { nullable: true, description: 'The application that made the change; null for a person or the platform.' })
  actorApplication(@Root() e: AuditEntry) {
    return e.actorApplication ? e.actorApplication.load() : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'Global id of the object changed (pass it to `node(id:)` while it exists); null for an import or a purge.' })
  targetId(@Root() e: AuditEntry): string | null {
    return e.targetId ? toGlobalId(e.targetType, e.targetId) : null;
  }
}

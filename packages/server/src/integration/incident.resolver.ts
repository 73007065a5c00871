import { Arg, Authorized, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { DomainError, UserError, userErrorOf } from '../core/errors';
import { validateInput } from '../core/validation';
import { groupByKey, requireViewer, type Context } from '../core/context';
import { decodeId, decodeOptionalId } from '../core/ids';
import { MutationPayload, runMutation } from '../core/mutation';
import { Role } from '../core/roles';
import { Ticket } from '../service-desk/ticket.entity';
import { IncidentFiling } from './incident-filing.entity';
import { FileIncidentInput, FileIncidentsInput, SaveIncidentRoutingRuleInput } from './incident.inputs';
import * as incidents from './incident.service';
import { IncidentRoutingRule } from './routing-rule.entity';

@ObjectType({ description: 'Result of filing an incident.' })
export class FileIncidentPayload extends MutationPayload {
  @Field(() => Ticket, { nullable: true, description: 'The ticket that follows the incident (the first one, when this occurrence was grouped with it).' })
  ticket!: Ticket | null;

  @Field(() => IncidentFiling, { nullable: true, description: 'The record of this filing.' })
  filing!: IncidentFiling | null;

  @Field(() => Boolean, { nullable: true, description: 'True when the idempotency key had been seen: the answer is the original one and nothing was written. Null on failure.' })
  replayed!: boolean | null;
}

@ObjectType({ description: 'The outcome of one incident of a `fileIncidents` call.' })
export class FiledIncident {
  @Field(() => Int, { description: 'Its position in `input.incidents` (from 0).' })
  index!: number;

  @Field(() => Ticket, { nullable: true, description: 'The ticket that follows it; null when it was refused.' })
  ticket!: Ticket | null;

  @Field(() => IncidentFiling, { nullable: true, description: 'The record of this filing; null when it was refused.' })
  filing!: IncidentFiling | null;

  @Field(() => Boolean, { nullable: true, description: 'True when its idempotency key had been seen: the original answer, nothing written. Null when refused.' })
  replayed!: boolean | null;

  @Field(() => [UserError], { description: 'Why this incident was refused (fields under `["input", "incidents", index, …]`); empty when it was filed.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of filing several incidents: one result per incident, in order; some may be filed and others refused.' })
export class FileIncidentsPayload extends MutationPayload {
  @Field(() => [FiledIncident], { nullable: true, description: 'One result per incident, in the order sent. Null only when the call itself was refused (see `userErrors`).' })
  results!: FiledIncident[] | null;

  @Field(() => Int, { nullable: true, description: 'How many were filed or replayed.' })
  filedCount!: number | null;

  @Field(() => Int, { nullable: true, description: 'How many were refused (each says why in its `userErrors`).' })
  refusedCount!: number | null;
}

@ObjectType({ description: 'Result of saving a routing rule.' })
export class IncidentRoutingRulePayload extends MutationPayload {
  @Field(() => IncidentRoutingRule, { nullable: true, description: 'The rule, as saved.' })
  rule!: IncidentRoutingRule | null;
}

@Resolver()
export class IncidentResolver {
  @Authorized(Role.APPLICATION)
  @Mutation(() => FileIncidentPayload, { description: 'Files an incident on a failed exchange flow (business applications). Safe to retry with the same idempotency key.' })
  fileIncident(@Arg('input', { validate: false, description: 'The idempotency key, the structure, the failed flow and its raw error message.' }) input: FileIncidentInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const result = await incidents.fileIncident(ctx.em, requireViewer(ctx), incidentOf(input), filingOptions(ctx));
      return { ...result };
    });
  }

  @Authorized(Role.APPLICATION)
  @Mutation(() => FileIncidentsPayload, {
    // charged per incident: a hundred incidents in one call cost what a hundred calls would
    complexity: ({ args, childComplexity }) => Math.max(1, incidentCount(args)) * (1 + childComplexity),
    description: 'Files several incidents in one call (business applications): each with its own idempotency key, rules and result, in order; the ones refused do not stop the others. Charged to the budget per incident. Safe to retry whole: filed ones answer as replays.',
  })
  async fileIncidents(@Arg('input', { validate: false, description: 'The incidents (1 to 100).' }) input: FileIncidentsInput, @Ctx() ctx: Context) {
    const viewer = requireViewer(ctx);
    const opts = filingOptions(ctx);
    return runMutation(input, async () => {
      const outcomes = await incidents.fileEach(input.incidents, async (item) => {
        const invalid = await validateInput(item);
        if (invalid.length) return invalid;
        // each on an EntityManager of its own: they run side by side
        return incidents.fileIncident(ctx.em.fork(), viewer, incidentOf(item), opts);
      });
      const results = outcomes.map((o, index): FiledIncident => {
        if (o instanceof DomainError || Array.isArray(o)) return { index, ticket: null, filing: null, replayed: null, userErrors: (Array.isArray(o) ? o : [o]).map((e) => itemError(e, index)) };
        return { index, ticket: o.ticket, filing: o.filing, replayed: o.replayed, userErrors: [] };
      });
      const refusedCount = results.filter((r) => r.userErrors.length).length;
      return { results, filedCount: results.length - refusedCount, refusedCount };
    });
  }

  @Authorized(Role.ADMINISTRATOR, Role.ANALYST, Role.SN1_AGENT, Role.TECHNICAL_AGENT)
  @Query(() => [IncidentRoutingRule], { description: 'The routing rules for filed incidents, in evaluation order.' })
  incidentRoutingRules(@Ctx() ctx: Context) {
    return ctx.em.find(IncidentRoutingRule, {}, { orderBy: { position: 'asc', id: 'asc' } });
  }

  @Authorized(Role.ADMINISTRATOR)
  @Mutation(() => IncidentRoutingRulePayload, { description: 'Creates or changes a routing rule (administrators).' })
  saveIncidentRoutingRule(@Arg('input', { validate: false, description: 'The rule (no id: a new one), its evaluation order, what it matches and where it routes.' }) input: SaveIncidentRoutingRuleInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ rule: await incidents.saveRoutingRule(ctx.em, requireViewer(ctx), { ...input, id: decodeOptionalId(input.id, 'IncidentRoutingRule') }) }));
  }
}

@Resolver(() => Ticket)
export class TicketIncidentFieldsResolver {
  @FieldResolver(() => [IncidentFiling], { description: 'Occurrences filed by a business application for this ticket, oldest first (empty for tickets opened by people).' })
  incidentFilings(@Root() t: Ticket, @Ctx() ctx: Context) {
    return ctx
      .loader<string, IncidentFiling[]>('incidentFilingsByTicket', async (ids) => {
        const rows = await ctx.em.find(IncidentFiling, { ticket: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
        return groupByKey(ids, rows, (r) => r.ticket.id);
      })
      .load(t.id);
  }
}

/** The service's view of one filed incident: its structure's raw id. */
function incidentOf(input: FileIncidentInput): incidents.IncidentInput {
  return { ...input, structureId: decodeId(input.structureId, 'Structure', 'structureId') };
}

/** What every filing follows: the grouping window and the desk's rules, from the configuration. */
function filingOptions(ctx: Context): incidents.FilingOptions {
  return { groupingWindowMinutes: ctx.config.incidentGroupingWindowMinutes, tickets: ctx.config.tickets };
}

/** How many incidents a `fileIncidents` call carries, for its cost (variables already applied). */
function incidentCount(args: Record<string, unknown>): number {
  const list = (args.input as { incidents?: unknown } | undefined)?.incidents;
  return Array.isArray(list) ? list.length : 1;
}

/** A refusal of one item, its field path under the item. */
function itemError(e: DomainError, index: number): UserError {
  const u = userErrorOf(e);
  return { ...u, field: ['input', 'incidents', String(index), ...(e.field ?? [])] };
}

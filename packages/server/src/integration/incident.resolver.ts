import { Arg, Authorized, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { groupByKey, requireViewer, type Context } from '../core/context';
import { decodeId, decodeOptionalId } from '../core/ids';
import { MutationPayload, runMutation } from '../core/mutation';
import { Role } from '../core/roles';
import { Ticket } from '../service-desk/ticket.entity';
import { IncidentFiling } from './incident-filing.entity';
import { FileIncidentInput, SaveIncidentRoutingRuleInput } from './incident.inputs';
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
      const result = await incidents.fileIncident(ctx.em, requireViewer(ctx), { ...input, structureId: decodeId(input.structureId, 'Structure', 'structureId') }, { groupingWindowMinutes: ctx.config.incidentGroupingWindowMinutes, tickets: ctx.config.tickets });
      return { ...result };
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

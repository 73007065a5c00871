import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { administersMacros, DESK_TOOL_USERS, MACRO_ADMINISTRATORS, mayManageMacro, usesDeskTools } from '../access/policies';
import { connectionComplexity, ConnectionArgs, paginate } from '../core/connection';
import { memoKey, requireViewer, type Context } from '../core/context';
import { decodeId, decodeOptionalId, toGlobalId } from '../core/ids';
import { runMutation } from '../core/mutation';
import { readsProperties } from '../core/read';
import { SupportTeam } from '../directory/support-team.entity';
import { teamOf } from './desk-tools.team';
import { ApplyMacroPayload, DeleteMacroPayload, MacroConnection, MacroPayload } from './desk-tools.types';
import { Macro } from './macro.entity';
import { ApplyMacroInput, CreateMacroInput, DeleteMacroInput, MacroFilter, UpdateMacroInput } from './macro.inputs';
import * as macros from './macro.service';

/** The caller's support team, read once per request. */
export const VIEWER_TEAM = memoKey<string | null>('deskTools.team');
export const viewerTeam = (ctx: Context) => ctx.memo(VIEWER_TEAM, () => teamOf(ctx.em, requireViewer(ctx)));

const MACRO_USERS = [...DESK_TOOL_USERS, ...MACRO_ADMINISTRATORS];

for (const field of ['team', 'shared', 'editable']) readsProperties('Macro', field, ['team']);

const content = (i: UpdateMacroInput | CreateMacroInput): macros.MacroFields => ({ name: i.name, body: i.body, internal: i.internal, setStatus: i.setStatus ?? null, setPriority: i.setPriority ?? null });

@Resolver()
export class MacroResolver {
  @Authorized(...MACRO_USERS)
  @Query(() => MacroConnection, {
    complexity: connectionComplexity,
    description: 'Canned answers you may use: the shared ones and your support team’s, by name (support agents); every one for administrators, who manage them.',
  })
  async macros(@Args() page: ConnectionArgs, @Arg('filter', () => MacroFilter, { nullable: true, description: 'Narrows the list.' }) filter: MacroFilter | null, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const where = await macros.macrosWhere(ctx.em, requireViewer(ctx), { ...filter, teamId: decodeOptionalId(filter?.teamId, 'SupportTeam', 'teamId') });
    return paginate(ctx.em, Macro, where, { name: 'asc', id: 'asc' }, page, info);
  }

  @Authorized(...MACRO_USERS)
  @Mutation(() => MacroPayload, { description: 'Creates a canned answer: for a support team (its members, administrators) or shared with every support agent (administrators).' })
  createMacro(@Arg('input', { validate: false, description: 'Its name, text, actions, and whom it belongs to.' }) input: CreateMacroInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({
      macro: await macros.createMacro(ctx.em, requireViewer(ctx), { ...content(input), shared: input.shared, teamId: decodeOptionalId(input.teamId, 'SupportTeam', 'teamId') }),
    }));
  }

  @Authorized(...MACRO_USERS)
  @Mutation(() => MacroPayload, { description: 'Replaces a canned answer’s content: its team’s members and administrators; administrators for a shared one.' })
  updateMacro(@Arg('input', { validate: false, description: 'The macro and its whole new content.' }) input: UpdateMacroInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ macro: await macros.updateMacro(ctx.em, requireViewer(ctx), decodeId(input.id, 'Macro'), content(input)) }));
  }

  @Authorized(...MACRO_USERS)
  @Mutation(() => DeleteMacroPayload, { description: 'Deletes a canned answer (same rights as updating it). Comments it wrote stay.' })
  deleteMacro(@Arg('input', { validate: false, description: 'Which canned answer goes (by its global id).' }) input: DeleteMacroInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ deletedMacroId: toGlobalId('Macro', await macros.deleteMacro(ctx.em, requireViewer(ctx), decodeId(input.id, 'Macro'))) }));
  }

  @Authorized(...DESK_TOOL_USERS)
  @Mutation(() => ApplyMacroPayload, {
    description:
      'Applies a canned answer to a ticket (support agents), in one transaction: its text, placeholders filled in, as a comment (public or internal as the macro says; with WAITING_FOR_INFO it is the question of REQUEST_INFO), then its priority. Each step goes through the rule of its own mutation (addTicketComment, requestTicketInfo, updateTicket): when one refuses, nothing is written and its userError is returned.',
  })
  applyMacro(@Arg('input', { validate: false, description: 'The macro, the ticket, and the ticket’s version you read.' }) input: ApplyMacroInput, @Ctx() ctx: Context) {
    return runMutation(input, async () =>
      macros.applyMacro(ctx.em, requireViewer(ctx), ctx.config.tickets, decodeId(input.macroId, 'Macro', 'macroId'), decodeId(input.ticketId, 'Ticket', 'ticketId'), input.version ?? null),
    );
  }
}

@Resolver(() => Macro)
export class MacroFieldsResolver {
  @FieldResolver(() => SupportTeam, { nullable: true, description: 'The support team that owns it; null for a shared one.' })
  team(@Root() m: Macro) {
    return m.team ? m.team.load() : null;
  }

  @FieldResolver(() => Boolean, { description: 'Shared with every support agent (no owning team).' })
  shared(@Root() m: Macro): boolean {
    return !m.team;
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may change or delete it (its team’s members, administrators; administrators for a shared one).' })
  async editable(@Root() m: Macro, @Ctx() ctx: Context): Promise<boolean> {
    return mayManageMacro(requireViewer(ctx), await viewerTeam(ctx), m);
  }
}

/** node(id:) for a Macro: those the caller sees, nothing for anybody else. */
export const macroNodeFetcher = async (ctx: Context, ids: string[]) => {
  const viewer = requireViewer(ctx);
  if (!usesDeskTools(viewer) && !administersMacros(viewer)) return [];
  return macros.findVisibleMacros(ctx.em, viewer, ids);
};

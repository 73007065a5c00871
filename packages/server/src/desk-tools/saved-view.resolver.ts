import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DESK_TOOL_USERS, usesDeskTools } from '../access/policies';
import { connectionComplexity, ConnectionArgs, paginate } from '../core/connection';
import { requireViewer, type Context } from '../core/context';
import { decodeId, toGlobalId } from '../core/ids';
import { runMutation } from '../core/mutation';
import { readsProperties } from '../core/read';
import { Person } from '../directory/person.entity';
import { SupportTeam } from '../directory/support-team.entity';
import { TicketConnection, ticketPage } from '../service-desk';
import { DeleteSavedViewPayload, SavedTicketFilter, SavedTicketOrder, SavedViewConnection, SavedViewPayload } from './desk-tools.types';
import { SavedView } from './saved-view.entity';
import { CreateSavedViewInput, DeleteSavedViewInput, UpdateSavedViewInput } from './saved-view.inputs';
import * as views from './saved-view.service';

readsProperties('SavedView', 'owner', ['owner']);
readsProperties('SavedView', 'editable', ['owner']);
readsProperties('SavedView', 'team', ['team']);
readsProperties('SavedView', 'filter', ['filter']);
readsProperties('SavedView', 'orderBy', ['orderBy']);
readsProperties('SavedView', 'count', ['filter']);
readsProperties('SavedView', 'tickets', ['filter', 'orderBy']);

@Resolver()
export class SavedViewResolver {
  @Authorized(...DESK_TOOL_USERS)
  @Query(() => SavedViewConnection, {
    complexity: connectionComplexity,
    description: 'Your saved ticket views and those your support team shares, by name (support agents); each with its `count` for a sidebar.',
  })
  async savedViews(@Args() page: ConnectionArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return paginate(ctx.em, SavedView, await views.savedViewsWhere(ctx.em, requireViewer(ctx)), { name: 'asc', id: 'asc' }, page, info);
  }

  @Authorized(...DESK_TOOL_USERS)
  @Query(() => SavedView, { nullable: true, description: 'One saved view (yours or your team’s); null when it does not exist or you may not read it.' })
  async savedView(@Arg('id', () => ID, { description: 'Global id of the SavedView.' }) id: string, @Ctx() ctx: Context) {
    const [view] = await views.findVisibleSavedViews(ctx.em, requireViewer(ctx), [decodeId(id, 'SavedView')]);
    return view ?? null;
  }

  @Authorized(...DESK_TOOL_USERS)
  @Mutation(() => SavedViewPayload, { description: 'Saves a named ticket filter and order (support agents), private or shared with your support team.' })
  createSavedView(@Arg('input', { validate: false, description: 'Its name, visibility, filter and order.' }) input: CreateSavedViewInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ savedView: await views.createSavedView(ctx.em, requireViewer(ctx), input) }));
  }

  @Authorized(...DESK_TOOL_USERS)
  @Mutation(() => SavedViewPayload, { description: 'Renames, reshares or changes the filter or order of your saved view (its owner only: teammates read a TEAM view, they do not change it).' })
  updateSavedView(@Arg('input', { validate: false, description: 'The view and what changes.' }) input: UpdateSavedViewInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ savedView: await views.updateSavedView(ctx.em, requireViewer(ctx), decodeId(input.id, 'SavedView'), input) }));
  }

  @Authorized(...DESK_TOOL_USERS)
  @Mutation(() => DeleteSavedViewPayload, { description: 'Deletes your saved view (its owner only).' })
  deleteSavedView(@Arg('input', { validate: false, description: 'Which of your saved views goes (by its global id).' }) input: DeleteSavedViewInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ deletedSavedViewId: toGlobalId('SavedView', await views.deleteSavedView(ctx.em, requireViewer(ctx), decodeId(input.id, 'SavedView'))) }));
  }
}

@Resolver(() => SavedView)
export class SavedViewFieldsResolver {
  @FieldResolver(() => Person, { description: 'Who keeps it (the only one who changes it).' })
  owner(@Root() v: SavedView) {
    return v.owner.load();
  }

  @FieldResolver(() => Boolean, { description: 'Whether it is yours (so you may change or delete it).' })
  editable(@Root() v: SavedView, @Ctx() ctx: Context): boolean {
    return v.owner.id === requireViewer(ctx).id;
  }

  @FieldResolver(() => SupportTeam, { nullable: true, description: 'The support team a TEAM view is shared with; null for a private one.' })
  team(@Root() v: SavedView) {
    return v.team ? v.team.load() : null;
  }

  @FieldResolver(() => SavedTicketFilter, { description: 'The filter it passes to the ticket list.' })
  filter(@Root() v: SavedView): SavedTicketFilter {
    return views.filterOf(v) as SavedTicketFilter;
  }

  @FieldResolver(() => SavedTicketOrder, { nullable: true, description: 'The order it passes to the ticket list; null: the list’s default (last change, newest first).' })
  orderBy(@Root() v: SavedView) {
    return views.orderOf(v);
  }

  @FieldResolver(() => Int, { description: 'How many tickets it holds for you: under your own perimeter, as `tickets(filter:)` counts them (a teammate may count fewer or more).' })
  count(@Root() v: SavedView, @Ctx() ctx: Context): Promise<number> {
    // the views of a page count together, in one statement
    return ctx.loader<SavedView, number>('savedViewCount', (batch) => views.countViewTickets(ctx.em, requireViewer(ctx), batch)).load(v);
  }

  @FieldResolver(() => TicketConnection, {
    complexity: connectionComplexity,
    description: 'Its tickets, in its order: exactly `tickets(filter:, orderBy:)` with its filter and order, under your own perimeter (a TEAM view never shows you a ticket you may not see).',
  })
  tickets(@Root() v: SavedView, @Args() page: ConnectionArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ticketPage(ctx, page, views.filterOf(v), views.orderOf(v), info);
  }
}

/** node(id:) for a SavedView: the caller's own and their team's, nothing for anybody else. */
export const savedViewNodeFetcher = async (ctx: Context, ids: string[]) => {
  const viewer = requireViewer(ctx);
  if (!usesDeskTools(viewer)) return [];
  return views.findVisibleSavedViews(ctx.em, viewer, ids);
};

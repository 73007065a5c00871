import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { connectionComplexity, ConnectionArgs, paginate } from '../core/connection';
import { groupByKey, requireViewer, type Context } from '../core/context';
import { findByIds } from '../core/base.entity';
import { CoreErrorCode, DomainError } from '../core/errors';
import { decodeId, decodeOptionalId, toGlobalId } from '../core/ids';
import { runMutation } from '../core/mutation';
import { Role, roleList } from '../core/roles';
import { likeContains } from '../core/text';
import type { PubSub } from '../core/events';
import { CorrespondentAssignment } from './correspondent-assignment.entity';
import { TroubleDomain } from './directory.enums';
import {
  AssignCorrespondentInput,
  CreatePersonInput,
  CreateStructureInput,
  EndCorrespondentAssignmentInput,
  PeopleFilter,
  StructureFilter,
  UpdatePersonInput,
  UpdateStructureInput,
} from './directory.inputs';
import * as directory from './directory.service';
import {
  CorrespondentAssignmentPayload,
  DIRECTORY_CHANGED,
  DirectoryChange,
  DirectoryChangeKind,
  PersonConnection,
  PersonPayload,
  StructureConnection,
  StructurePayload,
  ViewerInfo,
  ViewerKind,
  WhomToAskAnswer,
} from './directory.types';
import { Ministry } from './ministry.entity';
import { Person } from './person.entity';
import { Structure } from './structure.entity';
import { SupportTeam } from './support-team.entity';
import { bringListWith, broughtList, childListOf, readsProperties } from '../core/read';
import { DIRECTORY_MESSAGES as M } from './directory.messages';

/** Everybody but machine clients may read the directory. */
export const PEOPLE = Object.values(Role).filter((r) => r !== Role.APPLICATION);
/** Who may look at another structure's correspondents. */
const SUPPORT_WIDE = [Role.SN1_AGENT, Role.SN2_AGENT, Role.TECHNICAL_AGENT, Role.ANALYST, Role.ADMINISTRATOR];

/** Tells directory subscribers (every instance) that a node changed; the erasure of a person (privacy/) tells them too. */
export function publishChange(pubSub: PubSub, kind: DirectoryChangeKind, type: string, id: string) {
  pubSub.publish(DIRECTORY_CHANGED, { kind, nodeId: toGlobalId(type, id), at: new Date().toISOString() });
}

// what these fields read of a row beyond its key and its relations' keys (the read path brings only that; see readsProperties)
readsProperties('Person', 'fullName', ['firstName', 'lastName']);
readsProperties('Person', 'roles', ['heldRoles']);
for (const relation of ['structure', 'team']) readsProperties('Person', relation, [relation]);
readsProperties('Person', 'correspondentAssignments', []);
// a page of people brings their running assignments in its own statement
bringListWith('Person', 'correspondentAssignments', () => directory.runningAssignmentList());
for (const relation of ['ministry', 'parent']) readsProperties('Structure', relation, [relation]);
for (const relation of ['person', 'structure']) readsProperties('CorrespondentAssignment', relation, [relation]);

@Resolver()
export class DirectoryResolver {
  @Authorized()
  @Query(() => ViewerInfo, { description: 'The caller: who they are, their roles and structure.' })
  async viewer(@Ctx() ctx: Context): Promise<ViewerInfo> {
    const v = requireViewer(ctx);
    const person = v.kind === 'PERSON' ? await ctx.em.findOne(Person, { id: v.id }) : null;
    const structure = v.structureId ? await ctx.em.findOne(Structure, { id: v.structureId }) : null;
    return { kind: v.kind === 'PERSON' ? ViewerKind.PERSON : ViewerKind.APPLICATION, roles: [...v.roles].sort(), person, structure };
  }

  @Authorized(...PEOPLE)
  @Query(() => [Ministry], { description: 'Every ministry, by code.' })
  ministries(@Ctx() ctx: Context): Promise<Ministry[]> {
    return ctx.em.find(Ministry, {}, { orderBy: { code: 'asc' } });
  }

  @Authorized(...PEOPLE)
  @Query(() => [SupportTeam], { description: 'The support teams of the pyramid: SN1, SN2, technical.' })
  supportTeams(@Ctx() ctx: Context): Promise<SupportTeam[]> {
    return ctx.em.find(SupportTeam, {}, { orderBy: { level: 'asc' } });
  }

  @Authorized(...PEOPLE)
  @Query(() => StructureConnection, { complexity: connectionComplexity, description: 'Structures, by code.' })
  structures(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => StructureFilter, { nullable: true, description: 'Narrows the list.' }) filter: StructureFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where: Record<string, unknown>[] = [];
    if (filter?.search?.trim()) {
      const needle = likeContains(filter.search.trim());
      where.push({ $or: [{ code: { $ilike: needle } }, { name: { $ilike: needle } }] });
    }
    if (filter?.kind) where.push({ kind: filter.kind });
    if (filter?.ministryId) where.push({ ministry: decodeId(filter.ministryId, 'Ministry', 'ministryId') });
    if (filter?.parentId) where.push({ parent: decodeId(filter.parentId, 'Structure', 'parentId') });
    return paginate(ctx.em, Structure, where.length ? { $and: where } : {}, { code: 'asc', id: 'asc' }, page, info);
  }

  @Authorized(...PEOPLE)
  @Query(() => PersonConnection, { complexity: connectionComplexity, description: 'People of the directory, by last and first name.' })
  people(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => PeopleFilter, { nullable: true, description: 'Narrows the list.' }) filter: PeopleFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where = directory.peopleWhere({
      search: filter?.search,
      role: filter?.role,
      structureId: decodeOptionalId(filter?.structureId, 'Structure', 'structureId'),
    });
    return paginate(ctx.em, Person, where, { lastName: 'asc', firstName: 'asc', id: 'asc' }, page, info);
  }

  @Authorized(...PEOPLE)
  @Query(() => WhomToAskAnswer, { description: "Whom to ask for a domain of trouble: the right running correspondents of your structure (or of `structureId`, for support levels), falling back to the CCA." })
  whomToAsk(
    @Arg('domain', () => TroubleDomain, { description: 'What the trouble is about (access rights, configuration, year-end works, forms, other); it decides which correspondent kind answers.' }) domain: TroubleDomain,
    @Arg('structureId', () => ID, { nullable: true, description: 'Another structure (support levels, analysts and administrators only).' }) structureId: string | null,
    @Ctx() ctx: Context,
  ) {
    const viewer = requireViewer(ctx);
    let target = viewer.structureId;
    if (structureId) {
      target = decodeId(structureId, 'Structure', 'structureId');
      if (target !== viewer.structureId && !SUPPORT_WIDE.some((r) => viewer.roles.has(r))) {
        throw new DomainError(CoreErrorCode.FORBIDDEN, M['FORBIDDEN.otherStructure']({ roles: roleList(SUPPORT_WIDE) }), ['structureId']);
      }
    }
    if (!target) throw new DomainError(CoreErrorCode.REQUIRED, M['REQUIRED.ownStructure'](), ['structureId']);
    return directory.whomToAsk(ctx.em, target, domain);
  }

  @Authorized(Role.ADMINISTRATOR)
  @Mutation(() => StructurePayload, { description: 'Creates a structure (administrators).' })
  createStructure(@Arg('input', { validate: false, description: 'Code, name, kind, ministry and optional parent of the new structure; a code in use is refused.' }) input: CreateStructureInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const structure = await directory.createStructure(ctx.em, requireViewer(ctx), {
        ...input,
        ministryId: decodeId(input.ministryId, 'Ministry', 'ministryId'),
        parentId: decodeOptionalId(input.parentId, 'Structure', 'parentId'),
      });
      publishChange(ctx.pubSub, DirectoryChangeKind.STRUCTURE, 'Structure', structure.id);
      return { structure };
    });
  }

  @Authorized(Role.ADMINISTRATOR)
  @Mutation(() => StructurePayload, { description: 'Changes a structure (administrators).' })
  updateStructure(@Arg('input', { validate: false, description: 'The structure and only the fields to change.' }) input: UpdateStructureInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const structure = await directory.updateStructure(ctx.em, requireViewer(ctx), decodeId(input.id, 'Structure'), {
        name: input.name ?? undefined,
        kind: input.kind ?? undefined,
        parentId: input.parentId === undefined ? undefined : input.parentId && decodeId(input.parentId, 'Structure', 'parentId'),
      });
      publishChange(ctx.pubSub, DirectoryChangeKind.STRUCTURE, 'Structure', structure.id);
      return { structure };
    });
  }

  @Authorized(Role.ADMINISTRATOR)
  @Mutation(() => PersonPayload, { description: 'Adds a person (administrators).' })
  createPerson(@Arg('input', { validate: false, description: 'Names, unique email, structure and own roles of the new person.' }) input: CreatePersonInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const person = await directory.createPerson(ctx.em, requireViewer(ctx), { ...input, structureId: decodeId(input.structureId, 'Structure', 'structureId') });
      publishChange(ctx.pubSub, DirectoryChangeKind.PERSON, 'Person', person.id);
      return { person };
    });
  }

  @Authorized(Role.ADMINISTRATOR)
  @Mutation(() => PersonPayload, { description: 'Changes a person (administrators).' })
  updatePerson(@Arg('input', { validate: false, description: 'The person and only the fields to change; `active: false` when they leave.' }) input: UpdatePersonInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const person = await directory.updatePerson(ctx.em, requireViewer(ctx), decodeId(input.id, 'Person'), {
        firstName: input.firstName ?? undefined,
        lastName: input.lastName ?? undefined,
        email: input.email ?? undefined,
        roles: input.roles ?? undefined,
        active: input.active ?? undefined,
        structureId: decodeOptionalId(input.structureId, 'Structure', 'structureId') ?? undefined,
      });
      publishChange(ctx.pubSub, DirectoryChangeKind.PERSON, 'Person', person.id);
      return { person };
    });
  }

  @Authorized(Role.ADMINISTRATOR, Role.PLATFORM_HEAD)
  @Mutation(() => CorrespondentAssignmentPayload, { description: 'Gives a person a correspondent role (administrators; platform heads for the CCHs of their own structure).' })
  assignCorrespondent(@Arg('input', { validate: false, description: 'The person, the structure they act for, the correspondent kind, and the dates.' }) input: AssignCorrespondentInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const assignment = await directory.assignCorrespondent(ctx.em, requireViewer(ctx), {
        ...input,
        personId: decodeId(input.personId, 'Person', 'personId'),
        structureId: decodeId(input.structureId, 'Structure', 'structureId'),
      });
      publishChange(ctx.pubSub, DirectoryChangeKind.ASSIGNMENT, 'CorrespondentAssignment', assignment.id);
      return { assignment };
    });
  }

  @Authorized(Role.ADMINISTRATOR, Role.PLATFORM_HEAD)
  @Mutation(() => CorrespondentAssignmentPayload, { description: 'Ends a running correspondent assignment (same rights as assigning).' })
  endCorrespondentAssignment(@Arg('input', { validate: false, description: 'The running assignment and why it ends.' }) input: EndCorrespondentAssignmentInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const assignment = await directory.endCorrespondentAssignment(ctx.em, requireViewer(ctx), decodeId(input.id, 'CorrespondentAssignment'), input.reason);
      publishChange(ctx.pubSub, DirectoryChangeKind.ASSIGNMENT, 'CorrespondentAssignment', assignment.id);
      return { assignment };
    });
  }

  @Authorized(Role.ADMINISTRATOR, Role.ANALYST)
  @Subscription(() => DirectoryChange, { topics: DIRECTORY_CHANGED, description: 'Every directory change, from any server instance (administrators and analysts).' })
  directoryChanged(@Root() change: { kind: DirectoryChangeKind; nodeId: string; at: string }): DirectoryChange {
    return { ...change, at: new Date(change.at) };
  }
}

@Resolver(() => Structure)
export class StructureFieldsResolver {
  @FieldResolver(() => Ministry, { description: 'The ministry it belongs to.' })
  ministry(@Root() s: Structure) {
    return s.ministry.load();
  }

  @FieldResolver(() => Structure, { nullable: true, description: 'The parent structure, if any.' })
  parent(@Root() s: Structure) {
    return s.parent ? s.parent.load() : null;
  }
}

@Resolver(() => Person)
export class PersonFieldsResolver {
  @FieldResolver(() => Structure, { description: 'The structure the person works in (one only); their correspondent roles may cover other structures.' })
  structure(@Root() p: Person) {
    return p.structure.load();
  }

  @FieldResolver(() => SupportTeam, { nullable: true, description: 'Their support team, for SN1, SN2 and technical agents.' })
  team(@Root() p: Person) {
    return p.team ? p.team.load() : null;
  }

  @FieldResolver(() => [Role], { description: 'Every role they hold now: their own plus those of running correspondent assignments.' })
  async roles(@Root() p: Person, @Ctx() ctx: Context) {
    return directory.rolesOf(p, broughtList<CorrespondentAssignment>(p, directory.RUNNING_ASSIGNMENTS) ?? (await runningAssignmentsLoader(ctx).load(p.id)));
  }

  @FieldResolver(() => [CorrespondentAssignment], { description: 'Their running correspondent assignments.' })
  correspondentAssignments(@Root() p: Person, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return childListOf<CorrespondentAssignment>(ctx, 'Person', p, directory.RUNNING_ASSIGNMENTS, info);
  }
}

/** The request's batch of running assignments by person, for their roles (no relation read). */
function runningAssignmentsLoader(ctx: Context) {
  return ctx.loader<string, CorrespondentAssignment[]>('runningAssignmentsByPerson', async (ids) => {
    const all = await directory.runningAssignmentsOf(ctx.em, ids);
    return groupByKey(ids, all, (a) => a.person.id);
  });
}

@Resolver(() => CorrespondentAssignment)
export class CorrespondentAssignmentFieldsResolver {
  @FieldResolver(() => Person, { description: 'Who holds the role.' })
  person(@Root() a: CorrespondentAssignment) {
    return a.person.load();
  }

  @FieldResolver(() => Structure, { description: 'The structure they act for.' })
  structure(@Root() a: CorrespondentAssignment) {
    return a.structure.load();
  }
}

/** Visibility of directory nodes for `node(id:)`: people see the directory; applications see their own structures. */
export function directoryNodeFetcher<T extends { id: string }>(entity: new () => T, forApplications = false) {
  return async (ctx: Context, ids: string[]) => {
    const viewer = requireViewer(ctx);
    let visible = ids;
    if (viewer.kind === 'APPLICATION') visible = forApplications ? ids.filter((id) => viewer.applicationStructureIds.includes(id)) : [];
    return visible.length ? findByIds(ctx.em, entity, visible) : [];
  };
}

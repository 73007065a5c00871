import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionComplexity, ConnectionArgs, paginate } from '../core/connection';
import { requireViewer, type Context } from '../core/context';
import { decodeId } from '../core/ids';
import { runMutation } from '../core/mutation';
import { Role } from '../core/roles';
import { Ministry } from '../directory/ministry.entity';
import { Structure } from '../directory/structure.entity';
import { ApiKey } from '../access/api-key.entity';
import { WebhookDelivery, WebhookDeliveryStatus } from './webhook-delivery.entity';
import { ApplicationClient } from '../access/application-client.entity';
import { IssueApiKeyInput, RegisterApplicationInput, RevokeApiKeyInput, RotateApiKeyInput, UpdateApplicationInput } from './integration.inputs';
import * as integration from './integration.service';
import { ApiKeyPayload, ApplicationClientConnection, ApplicationPayload, IssueApiKeyPayload, RegisterApplicationPayload, WebhookDeliveryConnection } from './integration.types';


@Resolver()
export class IntegrationResolver {
  @Authorized(Role.ADMINISTRATOR, Role.ANALYST)
  @Query(() => ApplicationClientConnection, { complexity: connectionComplexity, description: 'Registered business applications, by name (administrators and analysts).' })
  applications(@Args() page: ConnectionArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return paginate(ctx.em, ApplicationClient, {}, { name: 'asc', id: 'asc' }, page, info);
  }

  @Authorized(Role.APPLICATION)
  @Query(() => ApplicationClient, { description: 'The calling business application: its structures, budget and webhook.' })
  async currentApplication(@Ctx() ctx: Context) {
    return ctx.em.findOneOrFail(ApplicationClient, requireViewer(ctx).id);
  }

  @Authorized(Role.ADMINISTRATOR, Role.ANALYST, Role.APPLICATION)
  @Query(() => WebhookDeliveryConnection, { complexity: connectionComplexity, description: 'Webhook calls, newest first: an application sees its own; administrators and analysts see all.' })
  webhookDeliveries(
    @Args() page: ConnectionArgs,
    @Arg('status', () => WebhookDeliveryStatus, { nullable: true, description: 'Only calls in this state.' }) status: WebhookDeliveryStatus | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const v = requireViewer(ctx);
    const where = { ...(v.kind === 'APPLICATION' ? { application: v.id } : {}), ...(status ? { status } : {}) };
    return paginate(ctx.em, WebhookDelivery, where, { createdAt: 'desc', id: 'desc' }, page, info);
  }

  @Authorized(Role.ADMINISTRATOR)
  @Mutation(() => RegisterApplicationPayload, { description: 'Registers a business application and issues its first API key (shown once).' })
  registerApplication(@Arg('input', { validate: false, description: 'Name, ministry, the structures it files for, contact, cost budget and optional webhook of the new application.' }) input: RegisterApplicationInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const { application, issued } = await integration.registerApplication(ctx.em, requireViewer(ctx), {
        ...input,
        ministryId: decodeId(input.ministryId, 'Ministry', 'ministryId'),
        structureIds: input.structureIds.map((id) => decodeId(id, 'Structure', 'structureIds')),
      }, ctx.config.webhooks);
      return { application, issued };
    });
  }

  @Authorized(Role.ADMINISTRATOR)
  @Mutation(() => ApplicationPayload, { description: 'Changes an application: contact, structures, budget, webhook, suspension.' })
  updateApplication(@Arg('input', { validate: false, description: 'The application and only the settings to change; `active: false` suspends every key.' }) input: UpdateApplicationInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({
      application: await integration.updateApplication(ctx.em, requireViewer(ctx), decodeId(input.id, 'ApplicationClient'), {
        ...input,
        structureIds: input.structureIds?.map((id) => decodeId(id, 'Structure', 'structureIds')),
      }, ctx.config.webhooks),
    }));
  }

  @Authorized(Role.ADMINISTRATOR)
  @Mutation(() => IssueApiKeyPayload, { description: 'Issues another API key for an application (shown once).' })
  issueApiKey(@Arg('input', { validate: false, description: 'The application and an optional label for the new key; the secret is shown once.' }) input: IssueApiKeyInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ issued: await integration.issueApiKey(ctx.em, requireViewer(ctx), decodeId(input.applicationId, 'ApplicationClient', 'applicationId'), input.label) }));
  }

  @Authorized(Role.ADMINISTRATOR)
  @Mutation(() => IssueApiKeyPayload, { description: 'Replaces a key: the new one is returned once; the old one works for `graceMinutes` more.' })
  rotateApiKey(@Arg('input', { validate: false, description: 'The key to replace and how many minutes the old one keeps working (default 60).' }) input: RotateApiKeyInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ issued: await integration.rotateApiKey(ctx.em, requireViewer(ctx), decodeId(input.id, 'ApiKey'), input.graceMinutes) }));
  }

  @Authorized(Role.ADMINISTRATOR)
  @Mutation(() => ApiKeyPayload, { description: 'Revokes a key at once.' })
  revokeApiKey(@Arg('input', { validate: false, description: 'The key to stop at once.' }) input: RevokeApiKeyInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ apiKey: await integration.revokeApiKey(ctx.em, requireViewer(ctx), decodeId(input.id, 'ApiKey')) }));
  }
}

@Resolver(() => ApplicationClient)
export class ApplicationClientFieldsResolver {
  @FieldResolver(() => Ministry, { description: 'The ministry the application serves: it files incidents only for that ministry’s structures.' })
  ministry(@Root() a: ApplicationClient) {
    return a.ministry.load();
  }

  @FieldResolver(() => [Structure], { description: 'Structures it may file incidents for.' })
  async structures(@Root() a: ApplicationClient) {
    return (await a.structures.load()).getItems();
  }

  @Authorized(Role.ADMINISTRATOR, Role.ANALYST)
  @FieldResolver(() => [ApiKey], { description: 'Its API keys, newest first (administrators and analysts).' })
  async apiKeys(@Root() a: ApplicationClient) {
    return (await a.apiKeys.load()).getItems().sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime());
  }
}

@Resolver(() => ApiKey)
export class ApiKeyFieldsResolver {
  @FieldResolver(() => ApplicationClient, { description: 'The application it belongs to.' })
  application(@Root() k: ApiKey) {
    return k.application.load();
  }
}

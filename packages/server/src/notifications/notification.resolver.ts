import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Info, Mutation, Query, Resolver } from 'type-graphql';
import { OUTBOX_READERS } from '../access/policies';
import { connectionComplexity, ConnectionArgs, paginate } from '../core/connection';
import { requireViewer, type Context } from '../core/context';
import { decodeId } from '../core/ids';
import { runMutation } from '../core/mutation';
import { Notification } from './notification.entity';
import { preferencesOf, setPreference } from './notification.service';
import { NotificationConnection, NotificationFilter, NotificationPreferenceSetting, SetNotificationPreferenceInput, SetNotificationPreferencePayload } from './notification.types';

@Resolver()
export class NotificationResolver {
  @Authorized(...OUTBOX_READERS)
  @Query(() => NotificationConnection, {
    complexity: connectionComplexity,
    description: 'The mail outbox, newest first (administrators): every notification with its subject, text and delivery state. Without SMTP_URL mails stay here as HELD.',
  })
  notifications(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => NotificationFilter, { nullable: true, description: 'Only these notifications.' }) filter: NotificationFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where = {
      ...(filter?.status ? { status: filter.status } : {}),
      ...(filter?.kind ? { kind: filter.kind } : {}),
      ...(filter?.recipient ? { recipient: decodeId(filter.recipient, 'Person', 'filter.recipient') } : {}),
    };
    return paginate(ctx.em, Notification, where, { createdAt: 'desc', id: 'desc' }, page, info);
  }

  @Authorized()
  @Query(() => [NotificationPreferenceSetting], { description: 'How the calling person receives each kind of notification (their choice, or the default: IMMEDIATE).' })
  notificationPreferences(@Ctx() ctx: Context) {
    return preferencesOf(ctx.em, requireViewer(ctx));
  }

  @Authorized()
  @Mutation(() => SetNotificationPreferencePayload, { description: 'Chooses how the calling person receives one kind of notification: at once, in a daily digest, or not at all.' })
  setNotificationPreference(@Arg('input', { validate: false, description: 'The kind and the delivery chosen.' }) input: SetNotificationPreferenceInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ preferences: await setPreference(ctx.em, requireViewer(ctx), input.kind, input.delivery) }));
  }
}

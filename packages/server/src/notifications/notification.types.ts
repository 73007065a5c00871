import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { Connection } from '../core/connection';
import { MutationPayload } from '../core/mutation';
import { Notification } from './notification.entity';
import { NotificationDelivery, NotificationKind, NotificationStatus } from './notification.enums';

export const NotificationConnection = Connection(Notification);

@InputType({ description: 'Which notifications of the outbox to list; every given criterion must hold.' })
export class NotificationFilter {
  @Field(() => NotificationStatus, { nullable: true, description: 'Only in this state.' })
  @IsOptional()
  status?: NotificationStatus | null;

  @Field(() => ID, { nullable: true, description: 'Only those for this Person (global id).' })
  @IsOptional()
  recipient?: string | null;

  @Field(() => NotificationKind, { nullable: true, description: 'Only of this kind.' })
  @IsOptional()
  kind?: NotificationKind | null;
}

@ObjectType({ description: 'How the viewer receives one kind of notification.' })
export class NotificationPreferenceSetting {
  @Field(() => NotificationKind, { description: 'Which notification this choice is for.' })
  kind!: NotificationKind;

  @Field(() => NotificationDelivery, { description: 'How it is received.' })
  delivery!: NotificationDelivery;

  @Field({ description: 'True when the person never chose: the default applies.' })
  isDefault!: boolean;
}

@InputType({ description: 'The viewer’s choice for one kind of notification.' })
export class SetNotificationPreferenceInput {
  @Field(() => NotificationKind, { description: 'Which notification the choice is for.' })
  kind!: NotificationKind;

  @Field(() => NotificationDelivery, { description: 'IMMEDIATE, DAILY_DIGEST or NONE.' })
  delivery!: NotificationDelivery;
}

@ObjectType({ description: 'Result of a preference change.' })
export class SetNotificationPreferencePayload extends MutationPayload {
  @Field(() => [NotificationPreferenceSetting], { nullable: true, description: 'Every kind with the viewer’s choice after the change; null on failure.' })
  preferences!: NotificationPreferenceSetting[] | null;
}

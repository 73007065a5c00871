import { IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SafeText } from '../core/validation';
import { AuditAction, AuditActorKind } from './audit.enums';

@InputType({ description: 'Narrows the audit; every field is optional and they combine (all must hold).' })
export class AuditFilter {
  @Field(() => ID, { nullable: true, description: 'Only changes made by this Person (global id).' })
  actorPersonId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only changes made by this ApplicationClient (global id).' })
  actorApplicationId?: string | null;

  @Field(() => AuditActorKind, { nullable: true, description: 'Only changes made by people, by applications, or by the platform itself.' })
  actorKind?: AuditActorKind | null;

  @Field(() => [AuditAction], { nullable: true, description: 'Only these actions (at most 50 codes).' })
  actions?: AuditAction[] | null;

  @Field(() => String, { nullable: true, description: 'Only changes to objects of this GraphQL type, e.g. `Person`, `ApiKey` (at most 60 characters).' })
  @IsOptional()
  @SafeText(60, { min: 1 })
  targetType?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only changes to this object (its global id, of any type).' })
  targetId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Changes made at or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Changes made before this instant.' })
  to?: Date | null;
}

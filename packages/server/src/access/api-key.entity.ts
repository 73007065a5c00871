import { Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';
import { ApplicationClient } from './application-client.entity';

/** An API key of an application. The key itself is never stored: only its prefix and SHA-256. */
@Entity({ tableName: 'api_key' })
@ObjectType({ implements: Node, description: 'An API key of an application. The secret is shown once, when issued; only its prefix is kept readable.' })
export class ApiKey extends BaseEntity<'usable'> {
  @ManyToOne(() => ApplicationClient, { ref: true })
  application!: Ref<ApplicationClient>;

  /** Public part of the key, to find the row and to name the key in logs. */
  @Property({ type: 'string', length: 12 })
  @Unique()
  @Field({ description: 'The public part of the key (`csk_<prefix>_…`), which names it in logs and ticket histories.' })
  prefix!: string;

  @Property({ type: 'string', length: 64, hidden: true })
  hash!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'A label chosen when issuing it, e.g. "production".' })
  label?: string | null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it stops working (set by a rotation: the grace period of the old key).' })
  expiresAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was revoked.' })
  revokedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Last time it authenticated a call (to the minute).' })
  lastUsedAt?: Date | null;

  @Field({ description: 'True while the key works: neither revoked nor expired.' })
  get usable(): boolean {
    const now = Date.now();
    return !(this.revokedAt && this.revokedAt.getTime() <= now) && !(this.expiresAt && this.expiresAt.getTime() <= now);
  }
}

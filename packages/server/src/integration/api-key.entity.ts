import { Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../core/base.entity';
import { ApplicationClient } from './application-client.entity';

/** An API key of an application. The key itself is never stored: only its prefix and SHA-256. */
@Entity({ tableName: 'api_key' })
export class ApiKey extends BaseEntity {
  @ManyToOne(() => ApplicationClient, { ref: true })
  application!: Ref<ApplicationClient>;

  /** Public part of the key, to find the row and to name the key in logs. */
  @Property({ type: 'string', length: 12 })
  @Unique()
  prefix!: string;

  @Property({ type: 'string', length: 64 })
  hash!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  label?: string | null;

  @Property({ type: 'datetime', nullable: true })
  expiresAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt?: Date | null;
}

import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Query cost an application spent in one minute: the shared state of rate limiting across instances. */
@Entity({ tableName: 'application_cost_window' })
export class ApplicationCostWindow {
  @PrimaryKey({ type: 'uuid' })
  applicationId!: string;

  @PrimaryKey({ type: 'datetime' })
  windowStart!: Date;

  @Property({ type: 'integer', default: 0 })
  spent!: number;
}

import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { ApplicationClient } from '../access/application-client.entity';
import { BaseEntity, Node } from '../core/base.entity';
import { Person } from '../directory/person.entity';
import { AuditAction, AuditActorKind } from './audit.enums';

/**
 * One administrative change, append-only: PostgreSQL refuses to update or delete a row
 * (trigger `audit_entry_append_only`), except the erasure of a person, which blanks that
 * person's personal data in the entries that carry it. Written in the transaction of the
 * change it records (`recordAudit`).
 */
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['createdAt', 'id'] })
@Index({ properties: ['targetType', 'targetId'] })
@Index({ properties: ['action', 'createdAt'] })
@Index({ properties: ['actorPerson', 'createdAt'] })
@ObjectType({ implements: Node, description: 'One administrative change: who made it, when, what it did, to what, and the changed fields before and after. Append-only.' })
export class AuditEntry extends BaseEntity<'actorPerson' | 'actorApplication' | 'before' | 'after'> {
  @Enum({ items: () => AuditActorKind })
  @Field(() => AuditActorKind, { description: 'Whether a person, an application or the platform itself made the change.' })
  actorKind!: AuditActorKind;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  actorPerson?: Ref<Person> | null = null;

  @ManyToOne(() => ApplicationClient, { ref: true, nullable: true })
  actorApplication?: Ref<ApplicationClient> | null = null;

  @Enum({ items: () => AuditAction })
  @Field(() => AuditAction, { description: 'What the change did (stable code).' })
  action!: AuditAction;

  /** The GraphQL type name of what changed (`Person`, `ApiKey`…), or the name of an import. */
  @Property({ type: 'string', length: 60 })
  @Field({ description: 'The kind of object changed, as its GraphQL type name (`Person`, `ApiKey`, `BusinessCalendar`…), or the import (`DirectoryImport`…).' })
  targetType!: string;

  /** Raw id of the object changed; null for an import or a purge, which change many. */
  @Property({ type: 'uuid', nullable: true })
  targetId?: string | null = null;

  @Property({ type: 'json', nullable: true })
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The changed fields as they were before (null for a creation).' })
  before?: Record<string, unknown> | null = null;

  @Property({ type: 'json', nullable: true })
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The changed fields as they are after (null for a removal); for an import or a purge, its counts.' })
  after?: Record<string, unknown> | null = null;
}

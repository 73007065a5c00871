import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property, type EntityClass, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import { Field, FieldResolver, ID, InterfaceType, ObjectType, Resolver, Root } from 'type-graphql';
import { toGlobalId } from './ids';

@InterfaceType({
  description: 'An object with a global id, fetchable with `node(id:)` and `nodes(ids:)`.',
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id. Do not parse it; pass it back as it is.' })
  id!: string;
}

/** id and timestamps of every row; the GraphQL `id` is the opaque global id. */
@Entity({ abstract: true })
@ObjectType({ description: 'Fields every stored object has.' })
export abstract class BaseEntity<Optional extends string = never> {
  /** Properties with defaults, which `em.create` need not be given. */
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'nodeId' | Optional;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field({ description: 'When the object was first stored (UTC); it never changes.' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  @Field({ description: 'When any stored field of the object last changed (UTC); equal to `createdAt` until then.' })
  updatedAt: Date = new Date();

  /** The GraphQL `id` (see nodeIdResolver). */
  get nodeId(): string {
    return toGlobalId(this.constructor.name, this.id);
  }
}

/**
 * Adds the GraphQL `id` field (the opaque global id) to an entity's object type; the
 * entity's own `id` property stays the raw uuid the database uses.
 */
export function nodeIdResolver(entity: new () => { id: string }) {
  @Resolver(() => entity)
  class NodeIdResolver {
    @FieldResolver(() => ID, { description: 'Opaque global id. Do not parse it; pass it back as it is.' })
    id(@Root() row: { id: string }): string {
      return toGlobalId(entity.name, row.id);
    }
  }
  return NodeIdResolver;
}

/** The rows of `entity` among `ids` (node fetchers, batch loaders), in no particular order. */
export function findByIds<T extends { id: string }>(em: EntityManager, entity: EntityClass<T>, ids: readonly string[]): Promise<T[]> {
  // TypeScript cannot resolve FilterQuery<T> for a generic T, only for a concrete entity
  return em.find(entity, { id: { $in: [...ids] } } as unknown as FilterQuery<T>);
}

import 'reflect-metadata';
import { graphql } from 'graphql';
import { Arg, Authorized, Field, FieldResolver, ObjectType, Query, Resolver, Root, buildSchema } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { resolveFieldsDirectly } from './direct-resolvers';

@ObjectType()
class Box {
  @Field()
  label!: string;

  @Authorized('KEEPER')
  @Field()
  secret!: string;
}

const calls: string[] = [];

@Resolver(() => Box)
class BoxResolver {
  @Query(() => [Box])
  boxes(): Box[] {
    // one of the class, one plain object (type-graphql converts that one)
    return [Object.assign(new Box(), { label: 'one', secret: 's' }), { label: 'two', secret: 's' } as Box];
  }

  @FieldResolver(() => String)
  shout(@Root() box: Box): string {
    calls.push(`shout:${box instanceof Box}`);
    return box.label.toUpperCase();
  }

  @FieldResolver(() => String)
  echo(@Root() box: Box, @Arg('suffix') suffix: string): string {
    return box.label + suffix;
  }

  @Authorized('KEEPER')
  @FieldResolver(() => String)
  guarded(@Root() box: Box): string {
    return box.label;
  }
}

describe('field resolvers called directly', () => {
  it('calls root-only resolvers and reads plain properties directly; arguments, roles and other roots keep type-graphql’s wrapper', async () => {
    const schema = await buildSchema({ resolvers: [BoxResolver], authChecker: () => false, validate: false });
    const before = await graphql({ schema, source: '{ boxes { label shout echo(suffix: "!") } }' });
    resolveFieldsDirectly(schema);
    const fields = (schema.getType('Box') as import('graphql').GraphQLObjectType).getFields();
    expect(fields.label.resolve).toBeUndefined();
    expect(fields.secret.resolve).toBeDefined(); // its role is checked
    expect(fields.shout.resolve!.toString()).not.toContain('resolverData');
    expect(fields.echo.resolve!.toString()).toContain('resolverData');
    expect(fields.guarded.resolve!.toString()).toContain('resolverData');

    calls.length = 0;
    const after = await graphql({ schema, source: '{ boxes { label shout echo(suffix: "!") } }' });
    expect(after).toEqual(before);
    expect(after.data).toEqual({ boxes: [{ label: 'one', shout: 'ONE', echo: 'one!' }, { label: 'two', shout: 'TWO', echo: 'two!' }] });
    // the plain object still reached the method converted to a Box
    expect(calls).toEqual(['shout:true', 'shout:true']);
    const refused = await graphql({ schema, source: '{ boxes { guarded } }' });
    expect(refused.errors?.[0].message).toMatch(/Access denied/);
    const secret = await graphql({ schema, source: '{ boxes { secret } }' });
    expect(secret.errors?.[0].message).toMatch(/Access denied/);
  });
});

import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { RoleAuthChecker } from './core/auth';
import { DomainErrorMiddleware } from './core/domain-error.middleware';
import { registerUserErrorCodeEnum } from './core/errors';
import type { PubSub } from './core/events';
import { NodeResolver } from './core/node.resolver';
import { directoryResolvers } from './directory';
import { trainingResolvers } from './training';

/** Every resolver class of every module. */
export const RESOLVERS = [NodeResolver, ...directoryResolvers, ...trainingResolvers] as unknown as NonEmptyArray<Function>;

export async function buildAppSchema(pubSub?: PubSub): Promise<GraphQLSchema> {
  registerUserErrorCodeEnum();
  return buildSchema({
    resolvers: RESOLVERS,
    authChecker: RoleAuthChecker,
    authMode: 'error',
    globalMiddlewares: [DomainErrorMiddleware],
    // mutation inputs are validated by runMutation (→ userErrors); query args here (→ BAD_USER_INPUT)
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    pubSub: pubSub ?? { publish: () => undefined, subscribe: () => (async function* () {})() },
    emitSchemaFile: false,
  });
}

/** The checked-in SDL: sorted, so that diffs show real changes only. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}

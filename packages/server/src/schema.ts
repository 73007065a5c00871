import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema, type GraphQLObjectType } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { RoleAuthChecker } from './access/auth-checker';
import { ApiErrorCodeEnum, registerUserErrorCodeEnum } from './core/errors';
import type { PubSub } from './core/events';
import { NodeResolver } from './core/node.resolver';
import { attachmentResolvers } from './attachments';
import { chatbotResolvers } from './chatbot';
import { directoryResolvers } from './directory';
import { integrationResolvers } from './integration';
import { knowledgeResolvers } from './knowledge';
import { serviceDeskResolvers } from './service-desk';
import { trainingResolvers } from './training';
import { serviceLevelResolvers } from './service-levels';
import { knownErrorResolvers } from './known-errors';

/** Every resolver class of every module. */
export const RESOLVERS = [
  NodeResolver,
  ...directoryResolvers,
  ...integrationResolvers,
  ...serviceDeskResolvers,
  ...trainingResolvers,
  ...knowledgeResolvers,
  ...chatbotResolvers,
  ...serviceLevelResolvers,
  ...knownErrorResolvers,
  ...attachmentResolvers,
] as unknown as NonEmptyArray<Function>;

export async function buildAppSchema(pubSub?: PubSub): Promise<GraphQLSchema> {
  registerUserErrorCodeEnum();
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    authChecker: RoleAuthChecker,
    authMode: 'error',
    // mutation inputs are validated by runMutation (→ userErrors); query args here (→ BAD_USER_INPUT)
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    pubSub: pubSub ?? { publish: () => undefined, subscribe: () => (async function* () {})() },
    emitSchemaFile: false,
  });
  // type-graphql has no option for the root types' descriptions
  const roots: [GraphQLObjectType | null | undefined, string][] = [
    [schema.getQueryType(), 'Reads. Lists are Relay connections; every object has a global id usable with `node(id:)`.'],
    [schema.getMutationType(), 'Changes. Each takes one `input` and returns a payload with `userErrors` for every expected failure.'],
    [schema.getSubscriptionType(), 'Live updates over WebSocket (graphql-ws) at the same URL, with the same credentials in the connection parameters.'],
  ];
  for (const [type, description] of roots) if (type) type.description = description;
  // the error codes are in no field's type: add them so that the SDL (and the SDK) has them
  const config = schema.toConfig();
  return new GraphQLSchema({ ...config, types: [...config.types, ApiErrorCodeEnum] });
}

/** The checked-in SDL: sorted, so that diffs show real changes only. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}

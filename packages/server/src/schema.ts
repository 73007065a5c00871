import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema, type GraphQLObjectType } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { RoleAuthChecker } from './access/auth-checker';
import { ApiErrorCodeEnum, CORE_ERROR_CODES, registerErrorCodes, registerUserErrorCodeEnum } from './core/errors';
import type { PubSub } from './core/events';
import type { FeatureModule } from './core/module';
import { registerNodeType } from './core/node-registry';
import { resolveFieldsDirectly } from './core/direct-resolvers';
import { ARGUMENT_VALIDATION, useArgumentValidation } from './core/validation';
import { NodeResolver } from './core/node.resolver';
import { markOpenEnums } from './core/open-enums';
import { attachmentsModule } from './attachments';
import { chatbotModule } from './chatbot';
import { directoryModule } from './directory';
import { integrationModule } from './integration';
import { knowledgeModule } from './knowledge';
import { serviceDeskModule } from './service-desk';
import { trainingModule } from './training';
import { serviceLevelsModule } from './service-levels';
import { knownErrorsModule } from './known-errors';
import { notificationsModule } from './notifications';
import { auditModule } from './audit';
import { privacyModule } from './privacy';
import { deskToolsModule } from './desk-tools';

/** Every feature module: importing one registers nothing, `composeModules` puts them together. */
export const MODULES: readonly FeatureModule[] = [
  directoryModule,
  integrationModule,
  serviceDeskModule,
  trainingModule,
  knowledgeModule,
  chatbotModule,
  serviceLevelsModule,
  knownErrorsModule,
  attachmentsModule,
  notificationsModule,
  auditModule,
  privacyModule,
  deskToolsModule,
];

/** Every resolver class of every module. */
export const RESOLVERS = [NodeResolver, ...MODULES.flatMap((m) => m.resolvers)] as unknown as NonEmptyArray<Function>;

/**
 * The composition of the modules: every module's error codes, its node types for
 * `node(id:)`, and its listeners on the other modules' hooks (webhooks on ticket changes,
 * known errors on openings). Run by `buildAppSchema`, so by every server start; again is harmless.
 */
export function composeModules(): void {
  registerErrorCodes([CORE_ERROR_CODES, ...MODULES.flatMap((m) => m.errorCodes)]);
  for (const m of MODULES) for (const [type, fetch] of Object.entries(m.nodeTypes)) registerNodeType(type, fetch);
  for (const m of MODULES) m.wire?.();
}

export async function buildAppSchema(pubSub?: PubSub): Promise<GraphQLSchema> {
  composeModules();
  registerUserErrorCodeEnum();
  useArgumentValidation();
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    authChecker: RoleAuthChecker,
    authMode: 'error',
    // mutation inputs are validated by runMutation (→ userErrors); query args here (→ BAD_USER_INPUT)
    validate: ARGUMENT_VALIDATION,
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
  const app = new GraphQLSchema({ ...config, types: [...config.types, ApiErrorCodeEnum] });
  // enums that will grow say so (the SDK types them open)
  markOpenEnums(app);
  resolveFieldsDirectly(app);
  return app;
}

/** The checked-in SDL: sorted, so that diffs show real changes only. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}

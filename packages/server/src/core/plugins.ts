import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type FieldNode, type GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Context } from './context';
import { Role } from './roles';

const rateLimits = new WeakMap<Context, Record<string, unknown> | null>();

/** Introspection fields cost nothing: Sandbox must always be able to load the schema. */
const introspectionIsFree: ComplexityEstimator = ({ field }) => (field.name.startsWith('__') ? 0 : undefined);

/**
 * Computes each operation's cost before execution, refuses it above `maxCost`
 * (QUERY_TOO_COMPLEX), and reports it in `extensions.cost`.
 */
/** Charges an operation's cost to the caller's budget; may throw THROTTLED. */
export type CostBudget = (ctx: Context, cost: number) => Promise<Record<string, unknown> | null>;

export function costLimitPlugin(schema: GraphQLSchema, maxCost: number, budget?: CostBudget): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, contextValue }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              operationName: request.operationName ?? undefined,
              query: document,
              variables: request.variables ?? {},
              estimators: [introspectionIsFree, fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (e) {
            // the cost needs the variables, so bad variables surface here first
            throw new GraphQLError(e instanceof Error ? e.message : 'Invalid variables.', { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
          }
          contextValue.cost = cost;
          if (cost > maxCost) {
            throw new GraphQLError(`This query costs ${cost}, more than the limit of ${maxCost}. Ask for fewer items or fewer nested fields.`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost, http: { status: 400 } },
            });
          }
          if (budget) rateLimits.set(contextValue, await budget(contextValue, cost));
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind === 'single' && contextValue.cost !== undefined) {
            const rateLimit = rateLimits.get(contextValue);
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost: contextValue.cost, ...(rateLimit ? { rateLimit } : {}) };
          }
        },
      };
    },
  };
}

export function isIntrospection(document: DocumentNode): boolean {
  return document.definitions.some(
    (d) =>
      d.kind === Kind.OPERATION_DEFINITION &&
      d.selectionSet.selections.some((s) => s.kind === Kind.FIELD && ((s as FieldNode).name.value === '__schema' || (s as FieldNode).name.value === '__type')),
  );
}

/** In production, introspection is for authenticated analysts and administrators only. */
export function introspectionGatePlugin(production: boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }: GraphQLRequestContext<Context> & { document: DocumentNode }) {
          if (!production || !isIntrospection(document)) return;
          const v = contextValue.viewer;
          if (!v) throw new GraphQLError('Introspection needs a token in production.', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
          if (!v.roles.has(Role.ANALYST) && !v.roles.has(Role.ADMINISTRATOR)) {
            throw new GraphQLError('Introspection is for analysts and administrators in production.', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
          }
        },
      };
    },
  };
}

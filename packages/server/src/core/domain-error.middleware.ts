import type { MiddlewareFn } from 'type-graphql';
import { DomainError, toGraphQLError } from './errors';

/** A DomainError escaping a query or field becomes a coded GraphQL error (mutations return userErrors instead). */
export const DomainErrorMiddleware: MiddlewareFn = async (_, next) => {
  try {
    return await next();
  } catch (e) {
    if (e instanceof DomainError) throw toGraphQLError(e);
    throw e;
  }
};

import { GraphQLError } from 'graphql';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** Error codes shared by every module. */
export enum CoreErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  INVALID_ID = 'INVALID_ID',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  FORBIDDEN = 'FORBIDDEN',
}

/** How a code surfaces when it is thrown outside a mutation payload. */
export type ErrorKind = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN';

/** A domain rule refused something. Services throw it; the API layer maps it in one place. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field: string[] | null = null,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The GraphQL enum of every user-error code; each module registers its own codes. */
export const UserErrorCode: Record<string, string> = {};
const kinds = new Map<string, ErrorKind>();
const descriptions: Record<string, { description: string }> = {};

export function registerErrorCodes<E extends Record<string, string>>(
  codes: E,
  meta: { [K in keyof E]: { kind: ErrorKind; description: string } },
): void {
  for (const key of Object.keys(codes)) {
    UserErrorCode[key] = codes[key];
    kinds.set(codes[key], meta[key].kind);
    descriptions[key] = { description: meta[key].description };
  }
}

registerErrorCodes(CoreErrorCode, {
  VALIDATION_FAILED: { kind: 'BAD_USER_INPUT', description: 'An input value is malformed, too long or out of range.' },
  INVALID_ID: { kind: 'BAD_USER_INPUT', description: 'An id is malformed or names an object of another type.' },
  NOT_FOUND: { kind: 'NOT_FOUND', description: 'No such object, or it is outside what you may see.' },
  CONFLICT: { kind: 'CONFLICT', description: 'The change collides with the current state (a duplicate, a stale version).' },
  FORBIDDEN: { kind: 'FORBIDDEN', description: 'Your role does not allow this action.' },
});

let registered = false;
/** Called once, just before the schema is built, when every module has registered its codes. */
export function registerUserErrorCodeEnum(): void {
  if (registered) return;
  registered = true;
  registerEnumType(UserErrorCode, {
    name: 'UserErrorCode',
    description: 'Why a mutation refused its input. Stable: clients may switch on it.',
    valuesConfig: descriptions,
  });
}

@ObjectType({ description: 'An expected failure of a mutation: invalid input, a broken rule, a conflict, or a missing object.' })
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path of the input field at fault, e.g. ["input", "email"]; null when the error concerns the whole input.' })
  field!: string[] | null;

  @Field({ description: 'What went wrong, for a person to read.' })
  message!: string;

  @Field(() => UserErrorCode, { description: 'Machine-readable code.' })
  code!: string;
}

export function userErrorOf(e: DomainError): UserError {
  return { field: e.field ? ['input', ...e.field] : null, message: e.message, code: e.code };
}

/** GraphQL error codes the client may see as they are; anything else is masked. */
export const PUBLIC_ERROR_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'THROTTLED',
  'SERVICE_UNAVAILABLE',
  'QUERY_TOO_COMPLEX',
  'QUERY_TOO_DEEP',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** A DomainError thrown outside a mutation payload (a query, a subscription) becomes a coded GraphQL error. */
export function toGraphQLError(e: DomainError): GraphQLError {
  const kind = kinds.get(e.code) ?? 'BAD_USER_INPUT';
  return new GraphQLError(e.message, { extensions: { code: kind, reason: e.code, field: e.field ?? undefined } });
}

export function unauthenticated(message = 'Authentication required: send a bearer token or an API key.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export function forbidden(message = 'Your role does not allow this operation.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
}

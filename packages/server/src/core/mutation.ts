import { Field, ObjectType } from 'type-graphql';
import { DomainError, UserError, userErrorOf } from './errors';
import { validateInput } from './validation';

@ObjectType({ description: 'Fields every mutation payload has.' })
export abstract class MutationPayload {
  @Field(() => [UserError], { description: 'Expected failures (validation, business rule, conflict, not found). Empty on success.' })
  userErrors!: UserError[];
}

/**
 * The one way a mutation runs: validate the input, call the service, and turn every
 * DomainError into `userErrors`. Unexpected errors propagate and are masked centrally.
 */
export async function runMutation<T extends object>(input: object | null, work: () => Promise<T>): Promise<T & { userErrors: UserError[] } | { userErrors: UserError[] }> {
  if (input) {
    const invalid = await validateInput(input);
    if (invalid.length) return { userErrors: invalid.map(userErrorOf) };
  }
  try {
    return { ...(await work()), userErrors: [] };
  } catch (e) {
    if (e instanceof DomainError) return { userErrors: [userErrorOf(e)] };
    throw e;
  }
}

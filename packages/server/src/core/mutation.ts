import { Field, ObjectType } from 'type-graphql';
import { DomainError, UserError, userErrorOf } from './errors';
import { currentObservation } from './metrics';
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
    if (invalid.length) return refused(invalid.map(userErrorOf));
  }
  try {
    return { ...(await work()), userErrors: [] };
  } catch (e) {
    if (e instanceof DomainError) return refused([userErrorOf(e)]);
    throw e;
  }
}

/** A payload of expected failures; the operation counts as user_error in the metrics. */
function refused(userErrors: UserError[]): { userErrors: UserError[] } {
  const o = currentObservation();
  if (o) o.userErrors = true;
  return { userErrors };
}

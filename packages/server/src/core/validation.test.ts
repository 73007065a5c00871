import 'reflect-metadata';
import { ValidateNested } from 'class-validator';
import { ArgumentValidationError, getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { buildAppSchema } from '../schema';
import { SafeText, validateArgument } from './validation';

class Plain {
  first?: number;
}
class Named {
  @SafeText(5)
  name?: string;
}
class Outer {
  @ValidateNested()
  inner?: Named;
}
const named = (name: string) => Object.assign(new Named(), { name });

describe('validation of query arguments', () => {
  it('checks nothing, synchronously, for a class without constraints, null or a scalar', () => {
    expect(validateArgument(Object.assign(new Plain(), { first: 5 }), Plain)).toBeUndefined();
    expect(validateArgument(null, Named)).toBeUndefined();
    expect(validateArgument('x', String)).toBeUndefined();
  });

  it("refuses what the class's constraints refuse, with type-graphql's error, nested and in lists", async () => {
    await expect(validateArgument(named('ok'), Named)).resolves.toBeUndefined();
    const refused = await Promise.resolve(validateArgument(named('far too long'), Named)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ArgumentValidationError);
    expect((refused as ArgumentValidationError).extensions.validationErrors[0]).toMatchObject({ property: 'name', constraints: { safeText: expect.stringMatching(/at most 5/) } });
    await expect(validateArgument(Object.assign(new Outer(), { inner: named('far too long') }), Outer)).rejects.toBeInstanceOf(ArgumentValidationError);
    await expect(validateArgument([named('ok'), named('far too long')], Named)).rejects.toBeInstanceOf(ArgumentValidationError);
  });

  it('serves the arguments validated with the schema settings, and leaves those declared validate: false alone', async () => {
    await buildAppSchema();
    const params = getMetadataStorage().params.filter((p) => p.kind === 'arg' || p.kind === 'args');
    const of = (method: string, kind: string) => params.find((p) => p.methodName === method && p.kind === kind)!;
    expect(of('people', 'args').validateFn).toBe(validateArgument);
    // a mutation input is checked by its service, into userErrors
    const input = of('createPerson', 'arg');
    expect(input.kind === 'arg' && input.validateSettings).toBe(false);
    expect(input.validateFn).toBeUndefined();
  });
});

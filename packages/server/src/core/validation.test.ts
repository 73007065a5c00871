import 'reflect-metadata';
import { ValidateNested } from 'class-validator';
import { getMetadataStorage } from 'type-graphql';
import { DomainError } from './errors';
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

  it("refuses what the class's constraints refuse with the field's precise code and bound, nested and in lists", async () => {
    await expect(validateArgument(named('ok'), Named)).resolves.toBeUndefined();
    const refused = await Promise.resolve(validateArgument(named('far too long'), Named, 'filter')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'TOO_LONG', field: ['filter', 'name'], bounds: { max: 5 } });
    expect((refused as DomainError).text.render('fr')).toBe('Au plus 5 caractères (reçu 12).');
    await expect(validateArgument(Object.assign(new Outer(), { inner: named('far too long') }), Outer)).rejects.toMatchObject({ code: 'TOO_LONG', field: ['inner', 'name'] });
    await expect(validateArgument([named('ok'), named('far too long')], Named)).rejects.toMatchObject({ code: 'TOO_LONG', field: ['1', 'name'] });
  });

  it('serves the arguments validated with the schema settings, and leaves those declared validate: false alone', async () => {
    await buildAppSchema();
    const params = getMetadataStorage().params.filter((p) => p.kind === 'arg' || p.kind === 'args');
    const of = (method: string, kind: string) => params.find((p) => p.methodName === method && p.kind === kind)!;
    expect(of('people', 'args').validateFn).toEqual(expect.any(Function));
    // a mutation input is checked by its service, into userErrors
    const input = of('createPerson', 'arg');
    expect(input.kind === 'arg' && input.validateSettings).toBe(false);
    expect(input.validateFn).toBeUndefined();
  });
});

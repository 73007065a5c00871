import { GraphQLObjectType, GraphQLSchema, GraphQLString, GraphQLID, GraphQLInt, GraphQLFloat, GraphQLBoolean } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { describe, expect, it } from 'vitest';
import { isoString, leafSerializers } from './execute';

const scalars = [GraphQLString, GraphQLID, GraphQLInt, GraphQLFloat, GraphQLBoolean, GraphQLDateTimeISO];
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: Object.fromEntries(scalars.map((t) => [`a${t.name}`, { type: t }])) }),
});

const outcome = (f: () => unknown) => {
  try {
    return { value: f() };
  } catch (e) {
    return { error: (e as Error).message };
  }
};

describe('leaf serializers of compiled operations', () => {
  it("give what each scalar's own serialize gives, value or error, for every kind of value", () => {
    const values: unknown[] = [
      'text', '', '42', 42, -7, 0, 2147483647, 2147483648, -2147483649, 1.5, Number.NaN, Infinity, true, false, null, undefined,
      new Date('2026-12-03T14:08:10.123Z'), new Date('2026-12-03T14:08:10.123456+02:00'), new Date('not a date'), '2026-12-03T14:08:10Z',
      { valueOf: () => 'boxed' }, [1], 10n,
    ];
    const fast = leafSerializers(schema);
    for (const type of scalars) {
      for (const v of values) expect(outcome(() => fast[type.name](v)), `${type.name} of ${String(v)}`).toEqual(outcome(() => type.serialize(v)));
    }
  });
});

describe('isoString', () => {
  it('writes every date as toISOString does: each day of the years 0 to 9999 around its edges, random instants, and out of range', () => {
    const dates: Date[] = [];
    for (const year of [0, 1, 4, 99, 100, 400, 999, 1000, 1582, 1900, 1969, 1970, 1999, 2000, 2024, 2026, 2100, 2400, 9999]) {
      for (let d = 0; d < 370; d++) dates.push(new Date(Date.UTC(year, 0, 1) - 86_400_000 + d * 86_400_000 + (d * 3_599_999) % 86_400_000));
    }
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 20_000; i++) dates.push(new Date(Math.floor((random() * 2 - 1) * 253402300800000)));
    dates.push(new Date(-62167219200000), new Date(-62167219200001), new Date(253402300799999), new Date(253402300800000), new Date(8.64e15), new Date(-8.64e15), new Date(0), new Date(-1));
    for (const d of dates) expect(isoString(d), String(d.getTime())).toBe(d.toISOString());
  });
});

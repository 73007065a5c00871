import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { buildSchema } from 'graphql';

// open enums (their description says new values may come) are typed open, in src/open-enums.ts
const { openEnums } = createRequire(__filename)('./scripts/open-enums.cjs') as { openEnums: (schema: unknown) => string[] };
const OPEN = openEnums(buildSchema(readFileSync(new URL('../schema/schema.graphql', `file://${__filename}`), 'utf8')));

/** The SDK is generated from the checked-in schema and the operation documents. */
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: '../schema/operations/**/*.graphql',
  generates: {
    'src/generated.ts': {
      // typescript-operations 6 emits the schema types it needs; listing `typescript` too duplicates them
      plugins: ['typescript-operations', 'typescript-graphql-request'],
      config: {
        documentMode: 'documentNode',
        enumType: 'native',
        useTypeImports: false,
        strictScalars: true,
        scalars: { DateTimeISO: { input: 'string | Date', output: 'string' }, ID: 'string', JSONObject: 'Record<string, unknown>' },
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        maybeValue: 'T | null',
        inputMaybeValue: 'T | null | undefined',
        rawRequest: false,
        onlyOperationTypes: false,
        namingConvention: { enumValues: 'keep' },
        enumValues: Object.fromEntries(OPEN.filter((name) => name !== 'ApiErrorCode').map((name) => [name, `./open-enums.js#${name}`])),
      },
    },
    'src/open-enums.ts': {
      plugins: ['./scripts/open-enums.cjs'],
      // the SDK's ApiErrorCode (api-error.ts) is open already: every ServerErrorCode, NETWORK_ERROR or any string
      config: { skip: ['ApiErrorCode'] },
    },
    // one error class per value of the schema's ApiErrorCode enum
    'src/error-classes.ts': {
      plugins: ['./scripts/error-classes.cjs'],
      config: {
        families: { BadInputError: ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'QUERY_TOO_COMPLEX', 'QUERY_TOO_DEEP', 'QUERY_TOO_LARGE', 'QUERY_TOO_MANY_TOKENS', 'QUERY_TOO_MANY_SELECTIONS', 'QUERY_TOO_MANY_ALIASES', 'BAD_REQUEST'] },
        getters: {
          THROTTLED: { retryAfterSeconds: { type: 'number', description: 'Seconds to wait before the budget allows this call again.' } },
          QUERY_TOO_COMPLEX: {
            cost: { type: 'number', description: 'What the operation costs.' },
            maxCost: { type: 'number', description: 'The most an operation may cost.' },
          },
        },
      },
    },
  },
  hooks: {},
};

export default config;

import type { CodegenConfig } from '@graphql-codegen/cli';

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
        useTypeImports: true,
        strictScalars: true,
        scalars: { DateTimeISO: { input: 'string | Date', output: 'string' }, ID: 'string', JSONObject: 'Record<string, unknown>' },
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        maybeValue: 'T | null',
        inputMaybeValue: 'T | null | undefined',
        rawRequest: false,
        onlyOperationTypes: false,
        namingConvention: { enumValues: 'keep' },
      },
    },
  },
  hooks: {},
};

export default config;

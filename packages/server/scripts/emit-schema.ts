/** Writes the sorted SDL to packages/schema/schema.graphql:  npx -y pnpm@12.4.2 gen */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAppSchema, printSortedSchema } from '../src/schema';

export const SCHEMA_PATH = join(__dirname, '../../schema/schema.graphql');

buildAppSchema()
  .then((schema) => {
    writeFileSync(SCHEMA_PATH, printSortedSchema(schema));
    console.log(`Wrote ${SCHEMA_PATH}`);
  })
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });

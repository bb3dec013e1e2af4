import { procedureJsonSchema, UnitCatalogSchema } from '../engine/index.ts';

/** The schema files to commit under `procedures/`, by file name, with their canonical text. */
export function schemaFiles(): Record<string, string> {
  const units = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'motcua unit catalog (danh mục đơn vị)',
    ...JSON.parse(JSON.stringify(UnitCatalogSchema)),
  };
  return {
    'procedure.schema.json': JSON.stringify(procedureJsonSchema(), null, 2) + '\n',
    'units.schema.json': JSON.stringify(units, null, 2) + '\n',
  };
}

import { Type, type Static } from '@sinclair/typebox';
import { LocalizedText, Slug } from './primitives.ts';

const OfficePeriod = Type.Object(
  {
    start: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }),
    end: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }),
  },
  { additionalProperties: false },
);

/** The catalog of levels, roles and units (`procedures/units.json`). */
export const UnitCatalogSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    levels: Type.Array(
      Type.Object(
        { id: Slug, name: LocalizedText, legacy: Type.Optional(Type.Boolean()) },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
    roles: Type.Array(
      Type.Object(
        { id: Slug, name: LocalizedText, citizen: Type.Optional(Type.Boolean()) },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
    units: Type.Array(
      Type.Object(
        {
          id: Slug,
          name: LocalizedText,
          level: Slug,
          parent: Type.Optional(Slug),
          code: Type.Optional(Type.String({ description: 'Mã định danh cơ quan, e.g. H12.22' })),
          oneStop: Type.Optional(Type.Boolean({ description: 'Bộ phận một cửa' })),
          officeHours: Type.Optional(Type.Array(OfficePeriod, { minItems: 1 })),
          cutoff: Type.Optional(Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
  },
  { additionalProperties: false },
);

/** Levels, roles and units a procedure may reference. */
export type UnitCatalog = Static<typeof UnitCatalogSchema>;

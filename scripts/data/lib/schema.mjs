// The JSON Schema envelope every reference dataset shares (hosts, hardware, regions,
// constants, disclosures): kind, id, version, title, description and notes, then the
// dataset's own fields. Key order is part of the written schema files, so it is fixed here.

/** A non-empty string. */
export const str1 = { type: 'string', minLength: 1 };

/**
 * The schema of a reference dataset of `kind`: the shared header fields, then `fields`
 * (name -> schema, all required, in this order).
 */
export function referenceSchema(kind, title, fields) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title,
    type: 'object',
    additionalProperties: false,
    required: ['kind', 'id', 'version', 'title', 'description', 'notes', ...Object.keys(fields)],
    properties: {
      kind: { const: kind },
      id: str1,
      version: str1,
      title: str1,
      description: str1,
      notes: { type: 'array', items: str1 },
      ...fields,
    },
  };
}

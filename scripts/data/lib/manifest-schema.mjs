// JSON Schema of public/data/manifest.json (written to public/data/schemas/manifest.schema.json).
const str = { type: 'string', minLength: 1 };
const sha = { type: 'string', pattern: '^[0-9a-f]{64}$' };

export const manifestSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'manifest.schema.json',
  title: 'llm-footprint dataset manifest',
  type: 'object',
  additionalProperties: false,
  required: ['schema_version', 'datasets'],
  properties: {
    schema_version: { const: 1 },
    datasets: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'kind', 'title', 'description', 'default', 'latest', 'versions'],
        properties: {
          id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
          kind: str,
          title: str,
          description: str,
          default: { type: 'boolean' },
          latest: str,
          versions: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              additionalProperties: false,
              required: [
                'version',
                'file',
                'bytes',
                'sha256',
                'rows',
                'schema',
                'source',
                'paper_version',
                'retrieved',
                'licence',
                'inputs',
              ],
              properties: {
                version: str,
                file: str,
                bytes: { type: 'integer', minimum: 1 },
                sha256: sha,
                rows: { type: 'integer', minimum: 0 },
                schema: str,
                source: str,
                paper_version: { type: ['string', 'null'] },
                retrieved: { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
                licence: str,
                parts: {
                  type: 'array',
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['name', 'file', 'bytes', 'sha256', 'rows'],
                    properties: {
                      name: str,
                      file: str,
                      bytes: { type: 'integer', minimum: 1 },
                      sha256: sha,
                      rows: { type: 'integer', minimum: 0 },
                    },
                  },
                },
                inputs: {
                  type: 'array',
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['file', 'sha256'],
                    properties: { file: str, sha256: sha },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

/** A small OpenAPI document whose texts try to inject script into the generated pages. */
export const ATTACK = '</script><script>window.__pwned = 1; alert(1)</script><img src=x onerror="window.__pwned = 2; alert(2)">';

export function hostileSpec(): object {
  return {
    openapi: '3.0.0',
    info: { title: 'Hostile API', version: '2023-08-16' },
    servers: [{ url: 'https://api.stripe.com/' }],
    paths: {
      '/v1/things': {
        post: {
          operationId: 'PostThings',
          summary: `Create a thing ${ATTACK}`,
          description: `<p>Creates a thing.</p>${ATTACK}<a href="javascript:alert(3)">click</a><p><a href="/docs/things">Thing docs</a></p>`,
          requestBody: {
            content: {
              'application/x-www-form-urlencoded': {
                schema: {
                  type: 'object',
                  required: ['kind'],
                  properties: {
                    kind: { type: 'string', enum: ['plain', 'fancy'], description: ATTACK },
                    name: { type: 'string', maxLength: 5000, description: `Name [docs](javascript:alert(4)) ${ATTACK}` },
                    metadata: { type: 'object', additionalProperties: { type: 'string' }, description: '<svg onload=alert(5)>' },
                  },
                },
              },
            },
          },
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/thing' } } } } },
        },
      },
    },
    components: {
      schemas: {
        thing: {
          type: 'object',
          description: ATTACK,
          'x-resourceId': 'thing',
          required: ['id', 'object'],
          properties: { id: { type: 'string', description: ATTACK }, object: { type: 'string', enum: ['thing'] } },
        },
      },
    },
  };
}

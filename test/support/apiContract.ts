import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, ResponseObject> }>>;
  components?: Record<string, unknown>;
};
type ResponseObject = { content?: Record<string, { schema?: unknown }> };

/**
 * The server's OpenAPI document as a checker of answers: `check` finds the operation of a
 * request, takes the JSON schema of the answer's status, and lists where the body departs from
 * it (empty when it conforms). Loose answers (`type: object` with no properties) check nothing,
 * which `declared` tells apart.
 */
export class ApiContract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly doc: Doc) {
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: 'openapi', components: doc.components ?? {} });
  }

  /** The declared JSON schema of an answer, or undefined when the document has none. */
  schemaOf(method: string, path: string, status: number): unknown {
    const pathname = path.split('?')[0]!;
    for (const [template, ops] of Object.entries(this.doc.paths)) {
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      if (!pattern.test(pathname)) continue;
      const op = ops[method.toLowerCase()];
      if (!op) continue;
      return op.responses[String(status)]?.content?.['application/json']?.schema;
    }
    return undefined;
  }

  /** Whether the answer's schema says more than "some object". */
  declared(method: string, path: string, status: number): boolean {
    const schema = this.schemaOf(method, path, status) as Record<string, unknown> | undefined;
    if (!schema) return false;
    return !(schema.type === 'object' && !schema.properties && !schema.$ref);
  }

  /**
   * The successful JSON answers the document leaves loose ("some object", or no schema), as
   * `METHOD path status`: what a client generated from the document would type as unknown.
   */
  undeclared(): string[] {
    const loose: string[] = [];
    for (const [path, ops] of Object.entries(this.doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const [status, response] of Object.entries(op.responses)) {
          if (!status.startsWith('2') || !response.content?.['application/json']) continue;
          if (!this.declared(method, path, Number(status)))
            loose.push(`${method.toUpperCase()} ${path} ${status}`);
        }
      }
    }
    return loose;
  }

  /** Where the body departs from the declared schema ([] when it conforms). */
  check(method: string, path: string, status: number, body: unknown): string[] {
    const schema = this.schemaOf(method, path, status);
    if (schema === undefined) return [`no schema for ${method} ${path} ${status}`];
    const key = JSON.stringify(schema);
    let validate = this.compiled.get(key);
    if (!validate) {
      // References point into the document's components.
      const text = key.replaceAll('"#/components/', '"openapi#/components/');
      validate = this.ajv.compile(JSON.parse(text) as object);
      this.compiled.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  }
}

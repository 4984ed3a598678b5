/**
 * Checks a JSON body against a schema of the served OpenAPI document, strictly: an object must have exactly
 * the documented keys, in the documented order (optional ones may be absent), and `null` only where the
 * schema says `nullable`. That is what keeps the document — and the dashboard types generated from it —
 * true to the serializers.
 */
export interface SchemaNode {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  oneOf?: SchemaNode[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: SchemaNode }> }> }>>;
  components: { schemas: Record<string, SchemaNode> };
}

export function resolve(document: OpenApiDocument, schema: SchemaNode): SchemaNode {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = document.components.schemas[name];
  if (!target) throw new Error(`unresolved $ref ${schema.$ref}`);
  return resolve(document, target);
}

/** The JSON schema of an operation's 200 answer, e.g. `responseSchema(doc, 'get', '/api/v1/coupons/{code}')`. */
export function responseSchema(document: OpenApiDocument, method: string, path: string): SchemaNode {
  const schema = document.paths[path]?.[method]?.responses['200']?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`no documented 200 JSON answer for ${method.toUpperCase()} ${path}`);
  return schema;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every way `value` departs from `schema`, as `path: problem` lines; empty when it conforms. */
export function conformanceErrors(document: OpenApiDocument, schema: SchemaNode, value: unknown, at = '$'): string[] {
  const node = resolve(document, schema);
  if (value === null) return node.nullable ? [] : [`${at}: null but not nullable`];
  if (node.oneOf) {
    const fits = node.oneOf.some((option) => conformanceErrors(document, option, value, at).length === 0);
    return fits ? [] : [`${at}: matches none of oneOf`];
  }
  if (node.enum && !node.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} not in ${JSON.stringify(node.enum)}`];
  switch (node.type) {
    case 'string':
      return typeof value === 'string' ? [] : [`${at}: expected a string`];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${at}: expected an integer`];
    case 'number':
      return typeof value === 'number' ? [] : [`${at}: expected a number`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: expected a boolean`];
    case 'array':
      if (!Array.isArray(value)) return [`${at}: expected an array`];
      return value.flatMap((item, index) => conformanceErrors(document, node.items ?? {}, item, `${at}[${index}]`));
    case 'object':
      if (!isObject(value)) return [`${at}: expected an object`];
      return node.properties ? objectErrors(document, node, value, at) : mapErrors(document, node, value, at);
    case undefined:
    default:
      return [`${at}: schema has no type`];
  }
}

function objectErrors(document: OpenApiDocument, node: SchemaNode, value: Record<string, unknown>, at: string): string[] {
  const documented = Object.keys(node.properties ?? {});
  const expectedOrder = documented.filter((key) => key in value);
  const errors = (node.required ?? []).filter((key) => !(key in value)).map((key) => `${at}.${key}: missing`);
  const extra = Object.keys(value).filter((key) => !documented.includes(key));
  if (extra.length) errors.push(`${at}: undocumented keys ${extra.join(', ')}`);
  else if (Object.keys(value).join() !== expectedOrder.join()) errors.push(`${at}: keys out of the documented order`);
  for (const key of expectedOrder) errors.push(...conformanceErrors(document, node.properties![key], value[key], `${at}.${key}`));
  return errors;
}

function mapErrors(document: OpenApiDocument, node: SchemaNode, value: Record<string, unknown>, at: string): string[] {
  const values = node.additionalProperties;
  if (typeof values !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => conformanceErrors(document, values, item, `${at}.${key}`));
}

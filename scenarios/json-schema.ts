/**
 * The scenario file format as a JSON Schema (draft 2020-12), for editors that
 * complete and check YAML/JSON, and the field reference generated from it
 * (docs/SCENARIO-REFERENCE.md). Both derive from the zod schema, so they
 * cannot drift from what `freshsim` accepts; descriptions come from
 * field-docs.ts, else from the zod schema's own `.describe()`. Cross-field rules (unknown category names, K ≤ SKUs, …) are
 * checked by freshsim only and listed in the reference.
 */
import { z } from 'zod';
import { DAY_BASES, FIELD_DOCS } from './field-docs.js';
import { regionLayoutSchema } from './layout.js';
import { scenarioSchema } from './schema.js';

type Json = Record<string, unknown>;
const isObj = (x: unknown): x is Json => x !== null && typeof x === 'object' && !Array.isArray(x);

/** Drop zod's ±2^53 bounds on integers: noise for a reader and an editor. */
function tidy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidy);
  if (!isObj(node)) return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    if ((k === 'minimum' || k === 'maximum') && Math.abs(v as number) >= Number.MAX_SAFE_INTEGER) continue;
    out[k] = tidy(v);
  }
  return out;
}

/** Visit every property schema with its documentation path (see field-docs.ts). */
export function visitFields(node: unknown, f: (path: string, field: Json, parent: Json) => void, path = ''): void {
  if (!isObj(node)) return;
  const at = (k: string) => (path ? `${path}.${k}` : k);
  if (isObj(node.properties)) for (const [k, v] of Object.entries(node.properties)) { f(at(k), v as Json, node); visitFields(v, f, at(k)); }
  if (isObj(node.items)) visitFields(node.items, f, `${path}[]`);
  for (const alt of [...((node.oneOf ?? []) as Json[]), ...((node.anyOf ?? []) as Json[])]) {
    const kind = ((alt.properties as Json | undefined)?.kind as Json | undefined)?.const;
    visitFields(alt, f, kind === undefined ? path : `${path}<${String(kind)}>`);
  }
}

/** The description of the field at `path` (a variant's own entry, else the entry for any variant). */
export function fieldDoc(path: string): string | undefined {
  return FIELD_DOCS[path] ?? FIELD_DOCS[path.replace(/<[^>]+>/, '<*>')];
}

/** A copy without any `required` list: every field optional (the overrides of an `extends` file). */
function optionalEverywhere(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(optionalEverywhere);
  if (!isObj(node)) return node;
  return Object.fromEntries(Object.entries(node).filter(([k]) => k !== 'required').map(([k, v]) => [k, optionalEverywhere(v)]));
}

/** The JSON Schema of a scenario file, with descriptions, `extends` and the `network.layout` form. */
export function scenarioJsonSchema(): Json {
  const full = tidy(z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' })) as Json;
  const props = full.properties as Json;
  const network = props.network as Json;
  (network.properties as Json).layout = {
    type: 'array', minItems: 1, items: tidy(z.toJSONSchema(regionLayoutSchema, { io: 'input' })),
  };
  network.anyOf = [
    { required: ['layout'], not: { anyOf: [{ required: ['central'] }, { required: ['centrals'] }, { required: ['grids'] }, { required: ['fronts'] }] } },
    { required: network.required, not: { required: ['layout'] } },
  ];
  delete network.required;
  props.extends = { type: 'string', minLength: 1 };
  visitFields(full, (path, field) => {
    const doc = fieldDoc(path);
    if (doc !== undefined) field.description = doc;
  });
  const { $schema, ...body } = full;
  return {
    $schema,
    $id: 'https://freshsim.invalid/scenario.schema.json',
    title: 'freshsim scenario',
    description: `A freshsim scenario file (YAML or JSON). ${DAY_BASES}`,
    type: 'object',
    // A file that extends another gives only overrides: the same fields, none required.
    if: { required: ['extends'] },
    then: optionalEverywhere(body),
    else: body,
  };
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function typeOf(f: Json): string {
  if (f.const !== undefined) return `\`${JSON.stringify(f.const)}\``;
  if (Array.isArray(f.enum)) return f.enum.map((e) => `\`${String(e)}\``).join(' \\| ');
  if (f.type === 'array' && Array.isArray(f.prefixItems)) return `[${(f.prefixItems as Json[]).map(typeOf).join(', ')}]`;
  if (f.type === 'array' && isObj(f.items)) return `list of ${typeOf(f.items)}`;
  if (f.type === 'object') return 'mapping';
  if (f.format === 'date') return 'ISO date';
  if (Array.isArray(f.anyOf)) return (f.anyOf as Json[]).map(typeOf).join(' or ');
  return String(f.type ?? 'any');
}

function rangeOf(f: Json): string {
  const t = Array.isArray(f.prefixItems) ? (f.prefixItems as Json[])[0] : isObj(f.items) ? f.items : f;
  const parts: string[] = [];
  if (t.minimum !== undefined) parts.push(`≥ ${String(t.minimum)}`);
  if (t.exclusiveMinimum !== undefined) parts.push(`> ${String(t.exclusiveMinimum)}`);
  if (t.maximum !== undefined) parts.push(`≤ ${String(t.maximum)}`);
  if (t.exclusiveMaximum !== undefined) parts.push(`< ${String(t.exclusiveMaximum)}`);
  if (f.minItems !== undefined && f.minItems === f.maxItems) parts.push(`${String(f.minItems)} items`);
  else if (f.minItems !== undefined && !Array.isArray(f.prefixItems)) parts.push(`≥ ${String(f.minItems)} items`);
  if (t.minLength !== undefined) parts.push('non-empty');
  return parts.join(', ');
}

/** docs/SCENARIO-REFERENCE.md: every field with its type, unit, default, range and meaning, from {@link scenarioJsonSchema}. */
export function scenarioReference(schema: Json = scenarioJsonSchema().else as Json): string {
  const rows: string[] = [];
  visitFields(schema, (path, f, parent) => {
    const required = parent.required ?? (parent.anyOf as Json[] | undefined)?.at(-1)?.required;
    const req = Array.isArray(required) && required.includes(path.split('.').at(-1)!.replace(/^.*>/, ''));
    const def = f.default === undefined ? (req ? 'required' : '—') : `\`${JSON.stringify(f.default)}\``;
    rows.push(`| \`${cell(path)}\` | ${cell(typeOf(f))} | ${def} | ${cell(rangeOf(f))} | ${cell(fieldDoc(path) ?? (typeof f.description === 'string' ? f.description : '(undocumented)'))} |`);
  });
  return [
    '# Scenario file reference',
    '',
    '<!-- Generated by `npm run scenario-reference` (node dist/cli/main.js scenario reference) from the scenario schema; do not edit by hand. -->',
    '',
    'A scenario file is YAML or JSON. `freshsim scenario schema > scenario.schema.json` writes the same rules as a JSON Schema for',
    'editors (e.g. `# yaml-language-server: $schema=./scenario.schema.json` at the top of a YAML file).',
    '`freshsim scenario show NAME` prints a built-in scenario with every default filled in, a good starting point; or start from one',
    'with `extends: NAME` (or a file path) and give only the fields that change: mappings merge field by field, lists replace as a whole.',
    '',
    `**Days.** ${DAY_BASES}`,
    '',
    'Paths: `a.b` is field `b` of mapping `a`; `a[]` an item of list `a`; `<kind>` the variant of a timeline shock with that `kind`.',
    '"required" means the field must be given (unless the file `extends` another); otherwise the default applies, "—" meaning none (the',
    'feature is off). Checked by freshsim beyond this table: category, supplier, grid, region and front names must exist; each category',
    'has exactly one supplier; site names are unique; warm-up < history; K ≤ SKUs; `[low, high]` ranges need low ≤ high. Shocks outside',
    'the simulated days are warned about.',
    '',
    '| Field | Type | Default | Range | Meaning (unit) |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

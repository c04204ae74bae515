import fs from 'node:fs';
import path from 'node:path';

/** One attribute of a Strapi schema.json, as far as code generation cares. */
export interface StrapiAttribute {
  type: string;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  regex?: string;
  enum?: string[];
  default?: unknown;
  repeatable?: boolean;
  component?: string;
  multiple?: boolean;
  relation?: string;
  target?: string;
  private?: boolean;
}

export interface StrapiSchema {
  /** `api::faq.faq` for content types, `shared.seo` for components. */
  uid: string;
  kind: 'collectionType' | 'singleType' | 'component';
  singularName: string;
  pluralName: string;
  draftAndPublish: boolean;
  /** Strapi's i18n is on for the type (`pluginOptions.i18n.localized`): each entry exists once per locale. */
  localized: boolean;
  attributes: Record<string, StrapiAttribute>;
}

export interface StrapiSchemas {
  components: StrapiSchema[];
  contentTypes: StrapiSchema[];
  /** Help text per uid and field, shown to editors and carried into `.describe()`. */
  helpText: Record<string, Record<string, string>>;
  /** The request-a-call form's contract (cms/src/api/call-request/form/form-contract.json). */
  callRequestContract: CallRequestContract;
}

/** Reads every component and API content type under the CMS's `src/` folder. */
export function readStrapiSchemas(cmsSrc: string): StrapiSchemas {
  const components: StrapiSchema[] = [];
  const componentsDir = path.join(cmsSrc, 'components');
  for (const category of fs.readdirSync(componentsDir).sort()) {
    for (const file of fs.readdirSync(path.join(componentsDir, category)).sort()) {
      if (!file.endsWith('.json')) continue;
      const json = readJson(path.join(componentsDir, category, file));
      const name = file.replace(/\.json$/, '');
      components.push({
        uid: `${category}.${name}`,
        kind: 'component',
        singularName: name,
        pluralName: name,
        draftAndPublish: false,
        localized: false,
        attributes: json.attributes,
      });
    }
  }
  const contentTypes: StrapiSchema[] = [];
  const apiDir = path.join(cmsSrc, 'api');
  for (const api of fs.readdirSync(apiDir).sort()) {
    const typesDir = path.join(apiDir, api, 'content-types');
    if (!fs.existsSync(typesDir)) continue;
    for (const type of fs.readdirSync(typesDir).sort()) {
      const json = readJson(path.join(typesDir, type, 'schema.json'));
      contentTypes.push({
        uid: `api::${api}.${type}`,
        kind: json.kind === 'singleType' ? 'singleType' : 'collectionType',
        singularName: json.info.singularName,
        pluralName: json.info.pluralName,
        draftAndPublish: json.options?.draftAndPublish === true,
        localized: json.pluginOptions?.i18n?.localized === true,
        attributes: json.attributes,
      });
    }
  }
  const helpText = readJson(path.join(cmsSrc, 'content-help.json')) as unknown as StrapiSchemas['helpText'];
  const callRequestContract = readJson(
    path.join(apiDir, 'call-request/form/form-contract.json'),
  ) as unknown as CallRequestContract;
  return { components, contentTypes, helpText, callRequestContract };
}

/** The current consent wording's version, and each error code's field and its message in each language of the form. */
export interface CallRequestContract {
  consentVersion: string;
  errors: Record<string, { field: string; message: Record<string, string> }>;
}

interface SchemaJson {
  kind?: string;
  info: { singularName: string; pluralName: string };
  options?: { draftAndPublish?: boolean };
  pluginOptions?: { i18n?: { localized?: boolean } };
  attributes: Record<string, StrapiAttribute>;
}

function readJson(file: string): SchemaJson {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SchemaJson;
}

const camel = (name: string): string => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const pascal = (name: string): string => camel(name).replace(/^./, (c) => c.toUpperCase());
const componentIdent = (uid: string): string => camel(uid.split('.')[1] ?? uid);
const typeIdent = (schema: StrapiSchema): string => camel(schema.singularName);

/** Types the site reads: every draft & publish type. Call requests have no drafts and are never public. */
export const isPublicType = (schema: StrapiSchema): boolean => schema.draftAndPublish;

/**
 * The public types as the CMS needs them at run time (its read token's permissions), emitted as
 * `public-content-types.json` because the CMS runs as CommonJS and cannot load `content.ts`.
 */
export function publicContentTypesData({ contentTypes }: Pick<StrapiSchemas, 'contentTypes'>) {
  return contentTypes.filter(isPublicType).map(({ uid, kind }) => ({ uid, kind }));
}

/** The zod expression for a scalar attribute, with Strapi's own constraints carried over. */
export function scalarToZod(name: string, attr: StrapiAttribute, owner: string): string {
  let expr: string;
  switch (attr.type) {
    case 'string':
    case 'text':
    case 'richtext':
    case 'uid':
    case 'email': {
      expr = 'z.string()';
      if (attr.type === 'email') expr += '.email()';
      if (attr.type === 'uid') expr += '.regex(/^[A-Za-z0-9-_.~]+$/)';
      if (attr.minLength !== undefined) expr += `.min(${attr.minLength})`;
      if (attr.maxLength !== undefined) expr += `.max(${attr.maxLength})`;
      if (attr.regex !== undefined) expr += `.regex(new RegExp(${JSON.stringify(attr.regex)}))`;
      // An editor who clears an optional field may leave an empty string behind.
      if (!attr.required && (attr.minLength !== undefined || attr.regex !== undefined)) expr += ".or(z.literal(''))";
      break;
    }
    case 'enumeration':
      if (!attr.enum?.length) throw new Error(`${owner}.${name}: enumeration without values`);
      expr = `z.enum(${JSON.stringify(attr.enum)})`;
      break;
    case 'integer':
    case 'biginteger':
    case 'decimal':
    case 'float':
      expr = attr.type === 'integer' ? 'z.number().int()' : 'z.number()';
      if (attr.min !== undefined) expr += `.min(${attr.min})`;
      if (attr.max !== undefined) expr += `.max(${attr.max})`;
      break;
    case 'boolean':
      expr = 'z.boolean()';
      break;
    case 'date':
      expr = 'z.string().regex(/^\\d{4}-\\d{2}-\\d{2}$/)';
      break;
    case 'datetime':
      expr = 'z.string().datetime({ offset: true })';
      break;
    default:
      throw new Error(`${owner}.${name}: attribute type "${attr.type}" has no zod mapping; add one to scalarToZod`);
  }
  return attr.required ? expr : `${expr}.nullable()`;
}

const isScalar = (attr: StrapiAttribute): boolean =>
  !['component', 'relation', 'media', 'dynamiczone'].includes(attr.type);

function describe(expr: string, help: string | undefined, where: string): string {
  if (!help) throw new Error(`${where} has no help text in cms/src/content-help.json`);
  return `${expr}.describe(${JSON.stringify(help)})`;
}

function objectBody(lines: string[]): string {
  return `{\n${lines.map((l) => `  ${l},`).join('\n')}\n}`;
}

/** Generates the whole `content.ts` module. Pure: the same schemas give the same text. */
export function generateContentModule({
  components,
  contentTypes,
  helpText,
  callRequestContract,
}: StrapiSchemas): string {
  const out: string[] = [
    '// DO NOT EDIT: generated by shared-types/scripts/generate.ts from the Strapi schemas in cms/src.',
    '// Run `npm run generate -w shared-types` after changing a schema.json or cms/src/content-help.json.',
    "import { z } from 'zod';",
    "import { mediaSchema } from '../media.ts';",
    '',
  ];
  const byUid = new Map(contentTypes.map((t) => [t.uid, t]));
  const componentByUid = new Map(components.map((c) => [c.uid, c]));

  for (const component of components) {
    const ident = componentIdent(component.uid);
    const lines = ['id: z.number().int()'];
    for (const [name, attr] of Object.entries(component.attributes)) {
      let expr: string;
      if (attr.type === 'media') expr = attr.multiple ? 'z.array(mediaSchema)' : 'mediaSchema.nullable()';
      else if (isScalar(attr)) expr = scalarToZod(name, attr, component.uid);
      else throw new Error(`${component.uid}.${name}: components inside components are not supported by the generator`);
      lines.push(`${name}: ${describe(expr, helpText[component.uid]?.[name], `${component.uid}.${name}`)}`);
    }
    out.push(`/** Component \`${component.uid}\`. */`);
    out.push(`export const ${ident}Schema = z.object(${objectBody(lines)});`);
    out.push(`export type ${pascal(ident)} = z.output<typeof ${ident}Schema>;`, '');
  }

  const publicTypes = contentTypes.filter(isPublicType);
  for (const type of publicTypes) {
    const ident = typeIdent(type);
    const lines = ['id: z.number().int()', 'documentId: z.string().min(1)'];
    for (const [name, attr] of Object.entries(type.attributes)) {
      if (!isScalar(attr) || attr.private) continue;
      lines.push(
        `${name}: ${describe(scalarToZod(name, attr, type.uid), helpText[type.uid]?.[name], `${type.uid}.${name}`)}`,
      );
    }
    lines.push('createdAt: z.string().datetime({ offset: true })', 'updatedAt: z.string().datetime({ offset: true })');
    lines.push('publishedAt: z.string().datetime({ offset: true })');
    // Strapi's i18n adds the entry's locale code (`en`, `es`) to every localized entry it returns.
    if (type.localized) lines.push('locale: z.string().min(1)');
    out.push(`/** The scalar fields of \`${type.uid}\`: what a populated relation to it returns. */`);
    out.push(`export const ${ident}FieldsSchema = z.object(${objectBody(lines)});`, '');
  }

  const registry: string[] = [];
  for (const type of publicTypes) {
    const ident = typeIdent(type);
    const lines: string[] = [];
    const populate: string[] = [];
    for (const [name, attr] of Object.entries(type.attributes)) {
      if (isScalar(attr) || attr.private) continue;
      const where = `${type.uid}.${name}`;
      let expr: string;
      if (attr.type === 'component') {
        const component = componentByUid.get(attr.component ?? '');
        if (!component) throw new Error(`${where}: unknown component ${attr.component}`);
        const schema = `${componentIdent(component.uid)}Schema`;
        expr = attr.repeatable ? `z.array(${schema})` : attr.required ? schema : `${schema}.nullable()`;
        const media = Object.entries(component.attributes).filter(([, a]) => a.type === 'media');
        populate.push(
          media.length ? `${name}: { populate: { ${media.map(([m]) => `${m}: true`).join(', ')} } }` : `${name}: true`,
        );
      } else if (attr.type === 'media') {
        expr = attr.multiple ? 'z.array(mediaSchema)' : 'mediaSchema.nullable()';
        populate.push(`${name}: true`);
      } else if (attr.type === 'relation') {
        const target = byUid.get(attr.target ?? '');
        if (!target || !isPublicType(target)) throw new Error(`${where}: relation to non-public type ${attr.target}`);
        const schema = `${typeIdent(target)}FieldsSchema`;
        expr = /ToMany$/.test(attr.relation ?? '') ? `z.array(${schema})` : `${schema}.nullable()`;
        populate.push(`${name}: true`);
      } else {
        throw new Error(`${where}: attribute type "${attr.type}" is not supported by the generator`);
      }
      lines.push(`${name}: ${describe(expr, helpText[type.uid]?.[name], where)}`);
    }
    out.push(`/** \`${type.uid}\` as the REST API returns it with \`${ident}Populate\`. */`);
    out.push(`export const ${ident}Schema = ${ident}FieldsSchema.extend(${objectBody(lines)});`);
    out.push(`export type ${pascal(ident)} = z.output<typeof ${ident}Schema>;`);
    out.push(`/** The explicit REST populate for \`${type.uid}\`: every component and relation, one level deep. */`);
    out.push(`export const ${ident}Populate = ${populate.length ? objectBody(populate) : '{}'} as const;`, '');
    // Single types are read at /api/<singular>, collections at /api/<plural>.
    const restKey = type.kind === 'singleType' ? type.singularName : type.pluralName;
    registry.push(
      `'${restKey}': { uid: '${type.uid}', kind: '${type.kind}', localized: ${type.localized}, singularName: '${type.singularName}', pluralName: '${type.pluralName}', schema: ${ident}Schema, populate: ${ident}Populate }`,
    );
  }
  out.push('/** Every public content type, keyed by its REST path segment (`/api/<key>`). */');
  out.push(`export const contentTypes = ${objectBody(registry)} as const;`);
  out.push('export type ContentTypeKey = keyof typeof contentTypes;', '');

  const form = callRequestFormData({ contentTypes, callRequestContract });
  out.push(
    "/** The request-a-call form: limits and choices of `api::call-request.call-request`, its languages, the current consent version, each error code's message in each language and its field. */",
  );
  out.push(`export const callRequestForm = ${JSON.stringify(form, null, 2)} as const;`);
  out.push('export type CallRequestErrorCode = keyof typeof callRequestForm.errors;');
  out.push('export type CallRequestLanguage = (typeof callRequestForm.languages)[number];', '');
  return out.join('\n');
}

/**
 * The request-a-call form's contract: limits and choices from `api::call-request.call-request`,
 * the consent version and the error map from `form-contract.json`. Emitted into `content.ts`
 * for the site and as `call-request-form.json` for the CMS (which runs as CommonJS and
 * cannot load the TypeScript module).
 */
export function callRequestFormData({
  contentTypes,
  callRequestContract,
}: Pick<StrapiSchemas, 'contentTypes' | 'callRequestContract'>) {
  const callRequest = contentTypes.find((t) => t.uid === 'api::call-request.call-request');
  if (!callRequest) throw new Error('api::call-request.call-request is missing');
  const attr = (name: string): StrapiAttribute => {
    const found = callRequest.attributes[name];
    if (!found) throw new Error(`api::call-request.call-request.${name} is missing`);
    return found;
  };
  const { errors } = callRequestContract;
  const language = attr('language');
  const languages = language.enum ?? [];
  if (typeof language.default !== 'string' || !languages.includes(language.default))
    throw new Error('api::call-request.call-request.language needs a default among its values');
  // A message missing in one language would show a blank error, or English on a Spanish page.
  for (const [code, e] of Object.entries(errors)) {
    for (const lang of languages)
      if (!e.message[lang]?.trim()) throw new Error(`form-contract.json: ${code} has no ${lang} message`);
    const extra = Object.keys(e.message).filter((lang) => !languages.includes(lang));
    if (extra.length)
      throw new Error(`form-contract.json: ${code} has a message in ${extra.join(', ')}, no language of the form`);
  }
  return {
    nameMaxLength: attr('name').maxLength,
    messageMaxLength: attr('message').maxLength,
    consentVersionMaxLength: attr('consentVersion').maxLength,
    sourcePageMaxLength: attr('sourcePage').maxLength,
    preferredTimes: attr('preferredTime').enum,
    // The default first: a post that names no language is in it.
    languages: [language.default, ...languages.filter((lang) => lang !== language.default)],
    consentVersion: callRequestContract.consentVersion,
    errors: Object.fromEntries(Object.entries(errors).map(([code, e]) => [code, e.message])),
    errorFields: Object.fromEntries(Object.entries(errors).map(([code, e]) => [code, e.field])),
  };
}

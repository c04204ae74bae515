/**
 * Strapi 5's internal services and registries, typed once. `@strapi/strapi` types most of them
 * loosely (`strapi.service(name)` is `any`-like, `strapi.contentTypes` is keyed by generated uids
 * this app does not generate), so each is described here with just the members this CMS calls,
 * and the rest of `cms/src` stays cast-free. ESLint refuses `as unknown as` anywhere else.
 *
 * Every shape below was read from the 5.54.0 sources; when Strapi changes one, this file is the
 * one to update.
 */
import type { IncomingMessage } from 'node:http';
import type { Core, UID } from '@strapi/strapi';

/** One attribute of a content type or component schema, as Strapi holds it at run time. */
export interface AttributeDefinition {
  type: string;
  /** `uid` fields: the field the slug is generated from. */
  targetField?: string;
  /** `component` fields: the component's uid, and whether it repeats. */
  component?: string;
  repeatable?: boolean;
  /** `relation` fields: the linked type; `mappedBy` on the inverse side (the owning side sets the link). */
  target?: string;
  mappedBy?: string;
  /** `pluginOptions.i18n.localized`: the field has its own value per locale. */
  pluginOptions?: { i18n?: { localized?: boolean } };
}

/** A loaded content type (`strapi.contentTypes[uid]`). */
export interface ContentTypeDefinition {
  kind: 'collectionType' | 'singleType';
  modelName: string;
  options?: { draftAndPublish?: boolean };
  /** `pluginOptions.i18n.localized`: Strapi's i18n is on for the type. */
  pluginOptions?: { i18n?: { localized?: boolean } };
  attributes: Record<string, AttributeDefinition>;
}

/** Every loaded content type (api, plugin and admin), by uid. */
export function contentTypeDefinitions(strapi: Core.Strapi): Record<string, ContentTypeDefinition> {
  return strapi.contentTypes as unknown as Record<string, ContentTypeDefinition>;
}

/** The attributes of one content type; throws when the type is not loaded. */
export function contentTypeAttributes(strapi: Core.Strapi, uid: string): Record<string, AttributeDefinition> {
  const contentType = contentTypeDefinitions(strapi)[uid];
  if (!contentType) throw new Error(`content type ${uid} is not loaded`);
  return contentType.attributes;
}

/** The document service's calls this CMS makes, by content type uid (the seed's create and find). */
export interface DocumentsApi {
  findFirst(params: Record<string, unknown>): Promise<{ documentId: string } | null>;
  findOne(params: Record<string, unknown>): Promise<{ documentId: string } | null>;
  create(params: Record<string, unknown>): Promise<{ documentId: string }>;
  /** With a `locale` the document does not have yet, creates that locale's version of it. */
  update(params: Record<string, unknown>): Promise<{ documentId: string } | null>;
}

/**
 * `strapi.documents(uid)` typed with the calls this CMS makes: Strapi types its results by the
 * generated uid of each type, which this app does not generate.
 */
export function documentsOf(strapi: Core.Strapi, uid: UID.ContentType): DocumentsApi {
  return strapi.documents(uid);
}

/**
 * Hands Koa's body parser another readable in place of the request (the form guard's byte
 * counter); the parser reads `ctx.req`, typed as the socket's IncomingMessage.
 */
export function substituteRequestStream(ctx: { req: IncomingMessage }, stream: NodeJS.ReadableStream): void {
  ctx.req = stream as unknown as IncomingMessage;
}

/** `admin::api-token-content-api`: the content API's tokens. */
export interface ApiTokenService {
  getByName(name: string): Promise<{ id: number | string } | null>;
  create(attributes: Record<string, unknown>): Promise<{ id: number | string }>;
  update(id: number | string, attributes: Record<string, unknown>): Promise<unknown>;
  hash(accessKey: string): string;
}

/** `admin::encryption`: how Strapi stores a token's key so the admin can show it again. */
export interface EncryptionService {
  encrypt(value: string): string | null;
}

/** `admin::user`. */
export interface AdminUserService {
  exists(): Promise<boolean>;
  create(attributes: Record<string, unknown>): Promise<unknown>;
}

/** `admin::role`. */
export interface AdminRoleService {
  getSuperAdmin(): Promise<{ id: number } | null>;
  findOne(params: Record<string, unknown>): Promise<{ id: number } | null>;
  create(attributes: { name: string; code: string; description: string }): Promise<{ id: number }>;
  assignPermissions(
    roleId: number,
    permissions: { action: string; subject: string; properties?: Record<string, unknown> }[],
  ): Promise<unknown>;
  /** Adds permissions to a role and leaves its others alone (`assignPermissions` replaces them all). */
  addPermissions(roleId: number, permissions: RolePermission[]): Promise<unknown>;
}

/** A permission as the admin's role services take and make it. */
export interface RolePermission {
  action: string;
  subject?: string | null;
  properties?: { fields?: string[] | undefined; [property: string]: unknown };
  conditions?: string[];
}

/** An action the admin knows (`explorer.read`, ...); `section: 'contentTypes'` for the content manager's. */
export interface AdminAction {
  actionId: string;
  section: string;
  subjects?: string[];
}

/** `admin::permission`. */
export interface AdminPermissionService {
  findMany(params: Record<string, unknown>): Promise<{ id: number }[]>;
  deleteByIds(ids: number[]): Promise<unknown>;
  actionProvider: { values(): AdminAction[] };
}

/** `admin::content-type`: the permissions Strapi gives a role on content types, every field included. */
export interface AdminContentTypeService {
  getPermissionsWithNestedFields(actions: AdminAction[]): RolePermission[];
}

interface AdminServices {
  'api-token-content-api': ApiTokenService;
  encryption: EncryptionService;
  user: AdminUserService;
  role: AdminRoleService;
  permission: AdminPermissionService;
  'content-type': AdminContentTypeService;
}

/** One of the admin's own services, typed. */
export function adminService<Name extends keyof AdminServices>(strapi: Core.Strapi, name: Name): AdminServices[Name] {
  return strapi.service(`admin::${name}`) as unknown as AdminServices[Name];
}

/** The content manager's `uid` service: unique slugs as the admin makes them. */
export interface UidService {
  generateUIDField(params: { contentTypeUID: string; field: string; data: Record<string, unknown> }): Promise<string>;
}

/** The edit and list view settings the content manager keeps per type or component. */
export interface ContentManagerConfiguration {
  metadatas: Record<string, { edit?: Record<string, unknown>; list?: Record<string, unknown> }>;
  /** The list view's settings: `defaultSortBy` (an attribute name), `defaultSortOrder` ('ASC' | 'DESC'), ... */
  settings?: Record<string, unknown>;
  /** `list`: the list view's columns, by attribute name. */
  layouts?: { list?: string[]; [view: string]: unknown };
}

/** The content manager's `content-types` and `components` services (their configuration part). */
export interface ConfigurationService {
  findConfiguration(model: { uid: string }): Promise<ContentManagerConfiguration>;
  updateConfiguration(model: { uid: string }, configuration: ContentManagerConfiguration): Promise<unknown>;
}

interface ContentManagerServices {
  uid: UidService;
  'content-types': ConfigurationService;
  components: ConfigurationService;
}

/** One of the content manager plugin's services, typed. */
export function contentManagerService<Name extends keyof ContentManagerServices>(
  strapi: Core.Strapi,
  name: Name,
): ContentManagerServices[Name] {
  return strapi.plugin('content-manager').service(name) as unknown as ContentManagerServices[Name];
}

export interface EmailOptions {
  to: string;
  from?: string;
  replyTo?: string;
  subject: string;
  text?: string;
}

/** The email plugin: its `email` service sends, and its `provider` is what sending goes through. */
export interface EmailPlugin {
  provider: { send(options: EmailOptions): Promise<void> };
  service(name: 'email'): { send(options: EmailOptions): Promise<void> };
}

export function emailPlugin(strapi: Core.Strapi): EmailPlugin {
  return strapi.plugin('email') as unknown as EmailPlugin;
}

/** A route on the admin API (`type: 'admin'`), as `strapi.server.routes` takes it. */
export interface AdminRoute<Context> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  handler: (ctx: Context) => Promise<void> | void;
  config: { policies: string[] };
}

/** Adds routes under `/admin`; `strapi.server.routes` is typed for content-API routers only. */
export function addAdminRoutes<Context>(strapi: Core.Strapi, routes: AdminRoute<Context>[]): void {
  strapi.server.routes({
    type: 'admin',
    // The admin API adds no prefix of its own (Strapi's admin routes each say '/admin').
    prefix: '/admin',
    routes,
  } as unknown as Parameters<Core.Strapi['server']['routes']>[0]);
}

/** A locale editors can write in (`plugin::i18n.locale`). */
export interface Locale {
  id: number;
  code: string;
  name: string;
}

/** The i18n plugin's `locales` service. */
export interface LocalesService {
  findByCode(code: string): Promise<Locale | null>;
  create(locale: { code: string; name: string }): Promise<Locale>;
  getDefaultLocale(): Promise<string>;
}

export function localesService(strapi: Core.Strapi): LocalesService {
  return strapi.plugin('i18n').service('locales') as unknown as LocalesService;
}

/** `strapi.get('content-types')`: where a type defined in code is added, in `register` (before the database starts). */
export interface ContentTypeRegistry {
  add(namespace: string, definitions: Record<string, { schema: Record<string, unknown> }>): void;
}

export function contentTypeRegistry(strapi: Core.Strapi): ContentTypeRegistry {
  return strapi.get<ContentTypeRegistry>('content-types');
}

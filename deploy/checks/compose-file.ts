import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * Reading and checking docker-compose.yml without a Docker engine: the parts of Compose's
 * semantics the checks need (variable interpolation, port syntax), as pure functions.
 */

const portSchema = z.union([
  z.string(),
  z.number(),
  z.object({
    target: z.union([z.number(), z.string()]),
    published: z.union([z.number(), z.string()]).optional(),
    host_ip: z.string().optional(),
  }),
]);

const environmentSchema = z.union([
  z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  z.array(z.string()),
]);

export const composeServiceSchema = z
  .object({
    image: z.string().optional(),
    build: z
      .union([
        z.string(),
        z.object({ context: z.string(), dockerfile: z.string().optional(), args: environmentSchema.optional() }),
      ])
      .optional(),
    restart: z.string().optional(),
    healthcheck: z
      .object({ test: z.union([z.string(), z.array(z.string())]), disable: z.boolean().optional() })
      .passthrough()
      .optional(),
    environment: environmentSchema.optional(),
    ports: z.array(portSchema).optional(),
    volumes: z
      .array(
        z.union([
          z.string(),
          z.object({ source: z.string().optional(), target: z.string(), read_only: z.boolean().optional() }),
        ]),
      )
      .optional(),
    depends_on: z
      .union([z.array(z.string()), z.record(z.string(), z.object({ condition: z.string() }).passthrough())])
      .optional(),
  })
  .passthrough();

export const composeFileSchema = z
  .object({
    services: z.record(z.string(), composeServiceSchema),
    volumes: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough();

export type ComposeFile = z.output<typeof composeFileSchema>;
export type ComposeService = z.output<typeof composeServiceSchema>;

/** Parses a compose file (YAML anchors and aliases resolved); throws on invalid YAML or shape. */
export function readComposeFile(path: string): ComposeFile {
  return composeFileSchema.parse(parse(readFileSync(path, 'utf8')));
}

/** `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:?error}`, `${NAME?error}`; `$$` is a literal `$`. */
const REFERENCE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

export class ComposeVariableError extends Error {
  override name = 'ComposeVariableError';
}

/** Substitutes variables the way Compose does; a required one missing throws its message. */
export function interpolate(value: string, env: Readonly<Record<string, string | undefined>>): string {
  return value.replace(REFERENCE, (match, braced?: string, operator?: string, argument?: string, bare?: string) => {
    if (match === '$$') return '$';
    const name = braced ?? bare ?? '';
    const current = env[name];
    const unset = operator?.startsWith(':') ? !current : current === undefined;
    if (operator?.endsWith('-')) return unset ? (argument ?? '') : (current ?? '');
    if (operator?.endsWith('?')) {
      if (unset) throw new ComposeVariableError(`${name}: ${argument || 'required'}`);
      return current ?? '';
    }
    return current ?? '';
  });
}

export interface VariableReference {
  name: string;
  /** `:?`/`?`: compose refuses to start without it. */
  required: boolean;
  /** The literal fallback of `:-`/`-`, if any. */
  fallback: string | null;
}

/** The variables a value refers to. */
export function findReferences(value: string): VariableReference[] {
  return [...value.matchAll(REFERENCE)]
    .filter(([match]) => match !== '$$')
    .map(([, braced, operator, argument, bare]) => ({
      name: braced ?? bare ?? '',
      required: operator?.endsWith('?') ?? false,
      fallback: operator?.endsWith('-') ? (argument ?? '') : null,
    }));
}

/** Every string in a parsed YAML value, depth first. */
export function collectStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(collectStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(collectStrings);
  return [];
}

/** A service's environment as entries, whichever of the two syntaxes it uses. */
export function environmentEntries(environment: ComposeService['environment']): [string, string | null][] {
  if (!environment) return [];
  if (Array.isArray(environment)) {
    return environment.map((item) => {
      const at = item.indexOf('=');
      return at === -1 ? [item, null] : [item.slice(0, at), item.slice(at + 1)];
    });
  }
  return Object.entries(environment).map(([key, value]) => [key, value === null ? null : String(value)]);
}

/** Keys whose values are credentials. */
const SECRET_KEY = /(^|_)(SECRET|PASSWORD|PASS|TOKEN|SALT|KEYS?|CREDENTIALS?|PRIVATE)(_|$)/;
/** A value made of exactly one reference with no literal fallback. */
const PURE_REFERENCE = /^\$\{[A-Za-z_][A-Za-z0-9_]*(?:(?::?\?)[^}]*|:?-)?\}$/;
/** `scheme://user:password@host` anywhere in a text: the user-info part. */
const URL_USER_INFO = /[a-z][a-z0-9+.-]*:\/\/([^\s/@]*)@/gi;
const REFERENCE_MARK = '\u0001';

/** Passwords written into URLs: after masking each `${...}`, any password that is not one. */
function findUrlPasswords(text: string): string[] {
  const masked = text.replace(/\$\{[^}]*\}/g, REFERENCE_MARK);
  return [...masked.matchAll(URL_USER_INFO)]
    .map(([, userInfo = '']) => userInfo.split(':').slice(1).join(':'))
    .filter((password) => password !== '' && password !== REFERENCE_MARK);
}

/**
 * Literal credentials in the services' environments and build args: a secret-like key must
 * take its whole value from the environment (no literal fallback either), and a URL's password
 * must be a reference. Returns `service: KEY` for each offender.
 */
export function findLiteralSecrets(compose: ComposeFile): string[] {
  const problems: string[] = [];
  for (const [serviceName, service] of Object.entries(compose.services)) {
    const buildArgs = typeof service.build === 'object' ? service.build.args : undefined;
    for (const [key, value] of [...environmentEntries(service.environment), ...environmentEntries(buildArgs)]) {
      if (value === null || value === '') continue;
      if (SECRET_KEY.test(key.toUpperCase()) && !PURE_REFERENCE.test(value)) problems.push(`${serviceName}: ${key}`);
    }
    for (const text of collectStrings(service)) {
      if (findUrlPasswords(text).length > 0) problems.push(`${serviceName}: password in ${text}`);
    }
  }
  return problems;
}

/** Services missing a healthcheck (or with it disabled) or a restart policy other than `no`. */
export function findUnsupervisedServices(compose: ComposeFile): string[] {
  return Object.entries(compose.services).flatMap(([name, service]) => [
    ...(!service.healthcheck || service.healthcheck.disable ? [`${name}: no healthcheck`] : []),
    ...(!service.restart || service.restart === 'no' ? [`${name}: no restart policy`] : []),
  ]);
}

/** `name:1.2.3-variant` or `name@sha256:...`, never `latest` or a bare major. */
export function isPinnedImage(image: string): boolean {
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return true;
  const tag = /:([^/:]+)$/.exec(image)?.[1];
  return tag !== undefined && tag !== 'latest' && /^v?\d+\.\d+/.test(tag);
}

/** Services that pull an image (rather than build one) whose tag pins no version. */
export function findUnpinnedImages(compose: ComposeFile): string[] {
  return Object.entries(compose.services)
    .filter(([, service]) => !service.build)
    .filter(([, service]) => !service.image || !isPinnedImage(service.image))
    .map(([name, service]) => `${name}: ${service.image ?? 'no image'}`);
}

export interface PublishedPort {
  service: string;
  hostIp: string | null;
  published: string;
  target: string;
}

/** The ports each service publishes on the host, variables substituted from `env`. */
export function listPublishedPorts(
  compose: ComposeFile,
  env: Readonly<Record<string, string | undefined>>,
): PublishedPort[] {
  const result: PublishedPort[] = [];
  for (const [service, definition] of Object.entries(compose.services)) {
    for (const port of definition.ports ?? []) {
      if (typeof port === 'object') {
        result.push({
          service,
          hostIp: port.host_ip ? interpolate(port.host_ip, env) : null,
          published: interpolate(String(port.published ?? port.target), env),
          target: interpolate(String(port.target), env),
        });
        continue;
      }
      const text = interpolate(String(port), env);
      // [ip:][host:]container[/protocol]; an IPv6 address comes in brackets.
      const bracketed = /^\[([^\]]+)\]:(.*)$/.exec(text);
      const parts = (bracketed?.[2] ?? text).split(':');
      if (parts.length > 3 || (bracketed && parts.length !== 2))
        throw new Error(`${service}: cannot read port "${text}"`);
      const ip = bracketed ? bracketed[1] : parts.length === 3 ? parts.shift() : undefined;
      const target = parts.pop() ?? '';
      const published = parts.pop();
      result.push({ service, hostIp: ip ?? null, published: published ?? target, target });
    }
  }
  return result;
}

/** Published ports reachable from other machines: no host address, or a wildcard one. */
export function findPublicPorts(
  compose: ComposeFile,
  env: Readonly<Record<string, string | undefined>>,
): PublishedPort[] {
  const loopback = /^(127\.\d+\.\d+\.\d+|\[?::1\]?|localhost)$/;
  return listPublishedPorts(compose, env).filter((port) => port.hostIp === null || !loopback.test(port.hostIp));
}

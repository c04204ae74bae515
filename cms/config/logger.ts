import { formats, winston } from '@strapi/logger';

type Env = (key: string, fallback?: string) => string;

// Strapi's default logger, with its level from LOG_LEVEL (default `http`: a line per request).
export default ({ env }: { env: Env }) => ({
  level: env('LOG_LEVEL', 'http'),
  format: formats.prettyPrint(),
  transports: [new winston.transports.Console()],
});

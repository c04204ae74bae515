import { loadRuntimeEnv } from '../src/env/runtime-env';
import { readUploadConfig } from '../src/upload/upload-config';

type Env = (key: string, fallback?: string) => string;

export default ({ env }: { env: Env }) => {
  loadRuntimeEnv();
  return {
    'users-permissions': { config: { jwtSecret: env('JWT_SECRET') } },
    // Local files under DATA_DIR, or S3-compatible storage (UPLOAD_PROVIDER=aws-s3); types and size limited.
    upload: { config: readUploadConfig(process.env) },
    // EMAIL_PROVIDER (e.g. nodemailer, installed separately) sends real mail; unset, mail is logged.
    email: {
      config: {
        provider: env('EMAIL_PROVIDER', 'sendmail'),
        providerOptions: {
          host: env('SMTP_HOST', ''),
          port: Number(env('SMTP_PORT', '587')),
          auth: { user: env('SMTP_USER', ''), pass: env('SMTP_PASSWORD', '') },
        },
        settings: {
          defaultFrom: env('EMAIL_FROM', 'no-reply@localhost'),
          defaultReplyTo: env('EMAIL_REPLY_TO', 'no-reply@localhost'),
        },
      },
    },
  };
};

import type { Core } from '@strapi/strapi';
import { applyHelpText } from './bootstrap/apply-help-text';
import { runBulkLoad } from './bootstrap/bulk-load';
import { ensureReadToken } from './bootstrap/ensure-read-token';
import { ensurePreviewToken } from './bootstrap/ensure-preview-token';
import { ensureRebuildWebhook } from './bootstrap/ensure-rebuild-webhook';
import { ensureSuperAdmin } from './bootstrap/ensure-super-admin';
import { grantRedirectsToEditors } from './bootstrap/grant-redirects-to-editors';
import { lockPublicRole } from './bootstrap/lock-public-role';
import { restrictCallRequests } from './bootstrap/restrict-call-requests';
import { restrictEditorWorkspace } from './bootstrap/restrict-editor-workspace';
import { configureFaqList } from './bootstrap/configure-faq-list';
import { arrangeCallRequestAdmin } from './api/call-request/admin/arrange-call-request-admin';
import { useLogEmailProviderUnlessConfigured } from './notifications/log-email-provider';
import { seedDirOf } from './seed/load-seed-content';
import { seedFromFolder } from './seed/seed-from-folder';
import { ensureSpanishLocale } from './bootstrap/ensure-spanish-locale';
import { registerContentValidation } from './validation/register-content-validation';
import { registerImageDescriptionCheck } from './validation/image-descriptions';
import { registerDeployStatusRoute } from './deploy-status/register-deploy-status-route';
import { registerSlugDerivation } from './slugs/register-slug-derivation';
import { registerScheduling, startScheduling } from './scheduling/register-scheduling';
import { registerRedirects } from './redirects/register-redirects';
import { registerLinkCheck } from './links/register-link-check';
import { registerRefusedPublishWording } from './publishing/register-refused-publish-wording';
import { registerSharedComponentFacts } from './i18n/register-shared-component-facts';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // First, so it wraps every check below: a refused publish says so in the editor's words.
    registerRefusedPublishWording(strapi);
    registerContentValidation(strapi);
    registerImageDescriptionCheck(strapi);
    registerSlugDerivation(strapi);
    registerRedirects(strapi);
    registerLinkCheck(strapi);
    registerDeployStatusRoute(strapi, process.env);
    registerScheduling(strapi);
    registerSharedComponentFacts(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    useLogEmailProviderUnlessConfigured(strapi, process.env);
    await lockPublicRole(strapi);
    await restrictCallRequests(strapi);
    await restrictEditorWorkspace(strapi);
    await grantRedirectsToEditors(strapi);
    await ensureSuperAdmin(strapi, process.env);
    await ensureReadToken(strapi, process.env.CMS_TOKEN);
    await ensurePreviewToken(strapi, process.env.CMS_PREVIEW_TOKEN);
    await applyHelpText(strapi);
    await configureFaqList(strapi);
    // After the help text, whose label ("Language") it replaces with what admissions does with it.
    await arrangeCallRequestAdmin(strapi);
    // Before the seed, which writes Spanish versions: on an existing database as on a new one.
    await ensureSpanishLocale(strapi);
    // First run only: an empty CMS gets the clinic's content. `npm run seed` fills gaps later.
    const levels = await strapi.documents('api::program-level.program-level').count({});
    if (levels === 0 && process.env.SEED_ON_EMPTY !== 'false') {
      const seedDir = seedDirOf(strapi.dirs.app.root);
      await runBulkLoad(strapi, () => seedFromFolder(strapi, seedDir, (m) => strapi.log.info(m)));
    }
    // After the seed: the first build is the launcher's job, not one webhook per seeded entry.
    await ensureRebuildWebhook(strapi, process.env);
    await startScheduling(strapi);
  },
};

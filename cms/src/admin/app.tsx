import { Earth } from '@strapi/icons';
import { getFetchClient, type StrapiApp } from '@strapi/strapi/admin';
import { adminWording } from './admin-wording';
import { clearFixedErrors } from './clear-fixed-errors';
import { confirmTakedowns } from './confirm-takedown';
import { dismissMediaLibraryBanner } from './dismiss-media-library-banner';
import { addEntryLivePanel } from './entry-live-panel';
import { keepHintsInNumberFields } from './number-field-with-hint';
import { followSlugs } from './slug-follower';
import { addSchedulingPanel } from './scheduling-panel';
import { countCharactersInTextFields } from './text-field-with-count';
import clinicLogo from './extensions/clinic-logo.svg';

/** Widgets of Strapi's home page that speak to developers, not editors (5.54 ids). */
const DEVELOPER_WIDGETS = new Set(['key-statistics', 'deploy-now']);
/** Where "Content Manager" in the menu opens: Strapi would open the first type by name (Call request). */
const CONTENT_MANAGER_HOME = 'content-manager/collection-types/api::program-level.program-level';

export default {
  config: {
    locales: [],
    auth: { logo: clinicLogo },
    menu: { logo: clinicLogo },
    head: { favicon: clinicLogo },
    tutorials: false,
    notifications: { releases: false },
    translations: { en: adminWording },
  },
  register(app: StrapiApp) {
    app.widgets.register({
      icon: Earth,
      title: { id: 'deploy-status.widget.title', defaultMessage: 'Public website' },
      component: async () => (await import('./deploy-status-widget')).DeployStatusWidget,
      id: 'deploy-status',
    });
    // The public website first; Strapi's project statistics and "Deploy now" (Strapi Cloud) left out.
    app.widgets.register((widgets) => [
      ...widgets.filter((widget) => widget.id === 'deploy-status'),
      ...widgets.filter((widget) => widget.id !== 'deploy-status' && !DEVELOPER_WIDGETS.has(widget.id)),
    ]);
    const contentManager = app.router.menu.find((link) => link.to === 'content-manager');
    if (contentManager) contentManager.to = CONTENT_MANAGER_HOME;
  },
  bootstrap(app: StrapiApp) {
    // Strapi's "new Media Library" banner has no switch; close it before an editor sees it.
    void dismissMediaLibraryBanner(
      async () => (await getFetchClient().get<unknown>('/admin/init')).data,
      window.localStorage,
    ).catch(() => {});
    addEntryLivePanel(app);
    confirmTakedowns(app);
    followSlugs(app);
    clearFixedErrors(app);
    addSchedulingPanel(app);
    countCharactersInTextFields(app);
    keepHintsInNumberFields(app);
  },
};

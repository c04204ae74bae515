import { Earth } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    locales: [],
  },
  register(app: StrapiApp) {
    app.widgets.register({
      icon: Earth,
      title: { id: 'deploy-status.widget.title', defaultMessage: 'Public website' },
      component: async () => (await import('./deploy-status-widget')).DeployStatusWidget,
      id: 'deploy-status',
    });
  },
  bootstrap() {},
};

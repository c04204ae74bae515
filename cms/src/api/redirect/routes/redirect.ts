import { factories } from '@strapi/strapi';

// Read-only over REST: editors write through the admin (and the CMS records slug changes),
// the site build only reads.
export default factories.createCoreRouter('api::redirect.redirect', { only: ['find', 'findOne'] });

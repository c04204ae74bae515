import { factories } from '@strapi/strapi';

// Read-only over REST: editors write through the admin, the site build only reads.
export default factories.createCoreRouter('api::program-level.program-level', { only: ['find', 'findOne'] });

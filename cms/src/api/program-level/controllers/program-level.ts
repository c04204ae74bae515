import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::program-level.program-level');

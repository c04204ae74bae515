import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::program-level.program-level');

import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::treatment-modality.treatment-modality');

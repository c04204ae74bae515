// @ts-check
import { defineConfig } from 'astro/config';
import { dataStoreAsJson } from '../../../../../../site/src/lib/data-store-module.ts';

// A site with content, whose store module is the site's own (see reusable-astro-build.mjs).
export default defineConfig({ integrations: [dataStoreAsJson()] });

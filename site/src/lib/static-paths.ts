/**
 * The pages each template makes, in one language: the `getStaticPaths` of the English page
 * files and of their Spanish twins under `pages/es/`, which differ only in the language. In a
 * re-render the pages whose content did not change are left out (see `pathsToRender`).
 */
import type { Lang } from '../i18n/lang.ts';
import { locateFaqs } from './faq-pages.ts';
import { pathsToRender } from './page-memo.ts';
import { routesFor } from './routes.ts';
import { getConditions, getFaqPages, getProgramLevels, getTreatmentModalities } from './site-content.ts';

/** A page per program level: `/programs/<slug>/`, `/es/programs/<es-slug>/`. */
export async function programPaths(lang: Lang) {
  const levels = await getProgramLevels(lang);
  return pathsToRender(
    levels.map((level) => ({ params: { slug: level.slug }, props: { level } })),
    ({ params }) => routesFor(lang).program(params.slug),
  );
}

/** A page per therapy: `/treatments/<slug>/`, `/es/treatments/<es-slug>/`. */
export async function treatmentPaths(lang: Lang) {
  const modalities = await getTreatmentModalities(lang);
  return pathsToRender(
    modalities.map((modality) => ({ params: { slug: modality.slug }, props: { modality } })),
    ({ params }) => routesFor(lang).treatment(params.slug),
  );
}

/** A page per condition: `/conditions/<slug>/`, `/es/conditions/<es-slug>/`. */
export async function conditionPaths(lang: Lang) {
  const conditions = await getConditions(lang);
  return pathsToRender(
    conditions.map((condition) => ({ params: { slug: condition.slug }, props: { condition } })),
    ({ params }) => routesFor(lang).condition(params.slug),
  );
}

/** `/faq/` and, when the questions outgrow one page, `/faq/2/`, `/faq/3/`... (and under `/es/`). */
export async function faqPaths(lang: Lang) {
  const pages = await getFaqPages(lang);
  const { topics } = locateFaqs(pages);
  return pathsToRender(
    pages.map((page) => ({
      params: { page: page.number === 1 ? undefined : String(page.number) },
      props: { page, lastPage: pages.length, topics },
    })),
    ({ props }) => props.page.path,
  );
}

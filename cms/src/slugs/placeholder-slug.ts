/**
 * The slug Strapi's admin proposes before anything is typed: the model's name, made unique
 * with a counter (`faq`, `faq-1`, ...). Its "regenerate" button replaces it, but editors
 * rarely press it, and `/faq/#faq-3` helps no one.
 */
export function isPlaceholderSlug(value: unknown, modelName: string): boolean {
  if (typeof value !== 'string') return false;
  const escaped = modelName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped}(-\\d+)?$`).test(value);
}

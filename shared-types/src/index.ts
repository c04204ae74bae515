export * from './generated/content.ts';
export * from './media.ts';
export * from './rest.ts';
export * from './publishing.ts';
export * from './faq-topics.ts';
export * from './redirect-table.ts';

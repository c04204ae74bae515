import type { BuildTrigger } from '@clinic/shared-types';
import { describe, expect, it } from 'vitest';
import { describeLastUpdate } from './describe-last-update';

const names = new Map([
  ['faq', 'FAQ'],
  ['program-level', 'Program level'],
  ['treatment-modality', 'Treatment modality'],
]);

function trigger(events: Record<string, number>, models: string[] = []): BuildTrigger {
  const count = Object.values(events).reduce((sum, n) => sum + n, 0);
  return { events, models, count, firstAt: '2026-11-27T12:00:13Z', lastAt: '2026-11-27T12:00:13Z' };
}

describe('describeLastUpdate', () => {
  it('names the one published entry by its content type as the admin shows it', () => {
    expect(describeLastUpdate(trigger({ 'entry.publish': 1 }, ['faq']), names)).toBe('Last update: FAQ published');
  });

  it('counts the changes merged into one build and lists each type once', () => {
    expect(describeLastUpdate(trigger({ 'entry.publish': 2 }, ['faq', 'program-level']), names)).toBe(
      'Last update (2 changes): FAQ and Program level published',
    );
  });

  it('says how many of each kind when publishes, unpublishes and deletes were merged', () => {
    expect(
      describeLastUpdate(
        trigger({ 'entry.unpublish': 1, 'entry.publish': 2, 'entry.delete': 1 }, [
          'faq',
          'program-level',
          'treatment-modality',
        ]),
        names,
      ),
    ).toBe(
      'Last update (4 changes): FAQ, Program level and Treatment modality published (2), unpublished (1) and deleted (1)',
    );
  });

  it('speaks of images and files for media events, which name no content type', () => {
    expect(describeLastUpdate(trigger({ 'media.update': 1 }), names)).toBe('Last update: An image or file replaced');
    expect(describeLastUpdate(trigger({ 'entry.publish': 1, 'media.delete': 2 }, ['faq']), names)).toBe(
      'Last update (3 changes): FAQ published; 2 images or files deleted',
    );
  });

  it("says the site was rebuilt at start-up, on request or after a failure, for the publisher's own builds", () => {
    expect(describeLastUpdate(trigger({ 'publisher.startup': 1 }), names)).toBe('Site rebuilt at start-up');
    expect(describeLastUpdate(trigger({ 'publisher.manual': 1 }), names)).toBe('Site rebuilt on request');
    expect(describeLastUpdate(trigger({ 'publisher.retry': 1 }), names)).toBe('Site rebuilt after a failed attempt');
    expect(describeLastUpdate(trigger({ 'publisher.manual': 1, 'entry.publish': 1 }, ['faq']), names)).toBe(
      'Last update (2 changes): FAQ published; site rebuilt on request',
    );
  });

  it('says a bulk load brought all content, without calling it an entry', () => {
    expect(describeLastUpdate(trigger({ 'entry.publish': 1 }, ['bulk-load']), names)).toBe(
      'Last update: All content loaded (first start or an import)',
    );
  });

  it('falls back to the type name written out when the admin has not named it yet', () => {
    expect(describeLastUpdate(trigger({ 'entry.publish': 1 }, ['program-level']))).toBe(
      'Last update: Program level published',
    );
    expect(describeLastUpdate(trigger({ 'entry.publish': 1 }), names)).toBe('Last update: Entries published');
  });

  it('says so when the build recorded no reason', () => {
    expect(describeLastUpdate(trigger({}), names)).toBe('What went into this version was not recorded.');
  });
});

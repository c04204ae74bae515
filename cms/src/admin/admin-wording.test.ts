import { describe, expect, it } from 'vitest';
import { adminWording, CLINIC_NAME } from './admin-wording';

describe('adminWording', () => {
  it('names the clinic on the login page and the menu instead of Strapi', () => {
    expect(adminWording['Auth.form.welcome.title']).toContain(CLINIC_NAME);
    expect(adminWording['app.components.LeftMenu.navbrand.title']).toBe(CLINIC_NAME);
    expect(Object.values(adminWording).join(' ')).not.toMatch(/Strapi/);
  });

  it('shows FAQ topics in the picker by the headings the FAQ page uses', () => {
    expect(adminWording['schedule-and-time']).toBe('Schedule and time commitment');
    expect(adminWording['about-iop']).toBe('About intensive outpatient programs');
  });

  it('replaces "does not match the regex" with the formats and an example', () => {
    const message = adminWording['components.Input.error.validation.regex'];
    expect(message).not.toMatch(/regex/i);
    expect(message).toContain('+18006624357');
    expect(message).toContain('https://');
  });

  it('says a failed save or publish is about fields to change, and where', () => {
    expect(adminWording['content-manager.validation.error']).toMatch(/saved or published/);
    expect(adminWording['content-manager.validation.error']).toMatch(/under it/);
  });
});

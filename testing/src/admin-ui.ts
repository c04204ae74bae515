import type { Page } from 'playwright-core';

/** Signs in to the real Strapi admin at `cmsUrl` and waits for its home page. */
export async function signInToAdmin(
  page: Page,
  cmsUrl: string,
  admin: { email: string; password: string },
): Promise<void> {
  await page.goto(`${cmsUrl}/admin`);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL(/\/admin\/?$/);
}

/** From anywhere in the admin: Content Manager, the type by its menu name, then the entry by its list cell. */
export async function openEntry(page: Page, typeName: string, entryName: string): Promise<void> {
  await page.getByRole('link', { name: 'Content Manager' }).click();
  await page.getByRole('link', { name: typeName, exact: true }).click();
  await page.getByRole('gridcell', { name: entryName, exact: true }).click();
}

import { expect, test } from './harness.js';
import { ApplicationsPage } from './pages.js';

test.describe('first run and syncing', () => {
  test.use({ seed: 'empty' });

  test('offers demo data on an empty database and loads it with live progress', async ({ app }) => {
    const view = new ApplicationsPage(app.page);
    await expect(app.page.getByRole('button', { name: 'Connect your ATS' })).toBeVisible();
    await expect(view.syncStatus).toHaveText(/Not synced yet/);
    await app.page.getByRole('button', { name: 'Load demo data' }).click();
    await expect(view.syncStatus).toHaveText(/Syncing/);
    await expect(view.syncStatus).toHaveText(/Synced .* 5\d\d applied/, { timeout: 60_000 });
    await expect(view.grid).toHaveAttribute('aria-rowcount', '500');
    await expect(view.rows.first()).toBeVisible();
  });

  test('"Sync now" syncs the default source and the history shows the run', async ({ app }) => {
    const view = new ApplicationsPage(app.page);
    await view.syncNow.click();
    await expect(view.syncStatus).toHaveText(/Synced/, { timeout: 60_000 });
    await expect(view.rows.first()).toBeVisible();
    await app.page.getByRole('button', { name: 'Sync settings' }).click();
    const panel = app.page.getByRole('dialog', { name: 'Sync' });
    await expect(panel).toBeVisible();
    await expect(panel.getByText(/demo/i).first()).toBeVisible();
    await expect(panel.getByText(/applied/i).first()).toBeVisible();
    await app.page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
  });

  test('checks the feed settings before saving, and keeps the token write-only', async ({ app }) => {
    await app.page.getByRole('button', { name: 'Connect your ATS' }).click();
    const panel = app.page.getByRole('dialog', { name: 'Sync' });
    await expect(panel.getByText(/secrets are kept in memory only/)).toBeVisible();
    await panel.getByLabel('Feed URL').fill('not a url');
    await expect(panel.getByText('Must start with http:// or https://')).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Save' })).toBeDisabled();
    await panel.getByLabel('Feed URL').fill('https://relay.example/feed');
    await panel.getByRole('textbox', { name: 'Feed token' }).fill('relay-token');
    await panel.getByRole('button', { name: 'Save' }).click();
    await expect(panel.getByText(/saved/i).first()).toBeVisible();
    const token = panel.getByRole('textbox', { name: 'Feed token' });
    await expect(token).toHaveValue('');
    await expect(token).toHaveAttribute('placeholder', /Saved/);
    await expect(panel.getByRole('button', { name: 'Forget feed token' })).toBeVisible();
  });
});

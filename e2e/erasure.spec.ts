/**
 * "Erase candidate" from the detail pane (issue #9): the confirmation says what goes, and
 * afterwards the candidate is nowhere: not in the list, not in search, not in the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { applicationEvent } from '../main/testing/events.js';
import { expect, test } from './harness.js';
import { ApplicationsPage } from './pages.js';

const canary = applicationEvent({ id: 'app_erase_me', first: 'Ottoline', last: 'Quillfeather', email: 'ottoline@canary.example' });
const other = applicationEvent({ id: 'app_stays', first: 'Grace', last: 'Hopper' });
const closedLongAgo = [
  applicationEvent({ id: 'app_old_1', first: 'Edsger', last: 'Dijkstra', status: 'REJECTED', updatedAt: '2019-03-01T00:00:00Z' }),
  applicationEvent({ id: 'app_old_2', first: 'Barbara', last: 'Liskov', status: 'HIRED', updatedAt: '2019-04-01T00:00:00Z' }),
];

test.use({ seed: { events: [canary, other, ...closedLongAgo] } });

test('erasing a candidate removes them after a confirmation that says what goes', async ({ app }) => {
  const view = new ApplicationsPage(app.page);
  await view.row('Ottoline Quillfeather').click();
  await expect(view.details.getByRole('heading', { name: 'Ottoline Quillfeather' })).toBeVisible();

  await view.details.getByRole('button', { name: 'Erase candidate' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Erase Ottoline Quillfeather?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('listitem').first()).toHaveText(/^1 application with their contact details/);
  // Cancel keeps everything.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(view.row('Ottoline Quillfeather')).toHaveCount(1);

  await view.details.getByRole('button', { name: 'Erase candidate' }).click();
  await dialog.getByRole('button', { name: 'Erase candidate' }).click();
  await expect(dialog).toBeHidden();
  await expect(view.details.getByRole('status')).toHaveText('Candidate erased: 1 application and 0 attachments were removed from this computer.');
  await expect(view.row('Ottoline Quillfeather')).toHaveCount(0);
  await expect(view.row('Grace Hopper')).toHaveCount(1);

  await view.search.fill('Quillfeather');
  await expect(view.rows).toHaveCount(0);
  // The web face's connection checkpointed: the file holds no trace of them.
  const file = Buffer.concat([app.db, `${app.db}-wal`].filter((path) => existsSync(path)).map((path) => readFileSync(path)));
  for (const text of ['Quillfeather', 'quillfeather', 'ottoline@canary.example', 'app_erase_me']) expect(file.includes(text)).toBe(false);
});

test('retention says how many closed applications it would remove, then removes them when saved', async ({ app }) => {
  const view = new ApplicationsPage(app.page);
  await expect(view.row('Edsger Dijkstra')).toHaveCount(1);
  await app.page.getByRole('button', { name: 'Sync settings' }).click();
  const panel = app.page.getByRole('dialog', { name: 'Sync' });
  const section = panel.getByRole('region', { name: 'Data retention' });
  await expect(section.getByRole('status')).toHaveText('Off: nothing is removed.');
  await section.getByRole('checkbox').check();
  await section.getByRole('spinbutton', { name: 'Months' }).fill('24');
  await expect(section.getByRole('status')).toHaveText('Applying removes 2 closed applications now.');
  await section.getByRole('button', { name: 'Apply retention' }).click();
  await expect(section.getByRole('status')).toHaveText('On.');
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(view.row('Edsger Dijkstra')).toHaveCount(0);
  await expect(view.row('Barbara Liskov')).toHaveCount(0);
  await expect(view.row('Grace Hopper')).toHaveCount(1);
});

import { sortKey } from '../shared/text.js';
import { expect, test } from './harness.js';
import { ApplicationsPage } from './pages.js';

test.describe('browsing applications', () => {
  test('shows the synced applications in a virtualised grid', async ({ app }) => {
    const view = new ApplicationsPage(app.page);
    await expect(view.grid).toHaveAttribute('aria-rowcount', '300');
    await expect(view.rows.first()).toBeVisible();
    const rendered = await view.rows.count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(200);
    await expect(app.page.getByText('300 applications')).toBeVisible();
  });

  test('sorts by a column when its header is clicked', async ({ app }) => {
    const view = new ApplicationsPage(app.page);
    await expect(view.rows.first()).toBeVisible();
    await view.columnHeader('Candidate').click();
    await expect(view.columnHeader('Candidate')).toHaveAttribute('aria-sort', 'ascending');
    await expect(async () => {
      const names = await view.visibleNames();
      const keys = names.map(sortKey);
      expect(keys).toEqual([...keys].sort());
    }).toPass();
    await view.columnHeader('Candidate').click();
    await expect(view.columnHeader('Candidate')).toHaveAttribute('aria-sort', 'descending');
  });

  test('filters with facets, and Back undoes a filter', async ({ app }) => {
    const view = new ApplicationsPage(app.page);
    await expect(view.rows.first()).toBeVisible();
    const hired = view.facet('HIRED');
    await hired.check();
    await expect(app.page).toHaveURL(/status=HIRED/);
    await expect(async () => {
      const statuses = await view.columnValues('Status');
      expect(statuses.length).toBeGreaterThan(0);
      for (const status of statuses) expect(status.trim().toUpperCase()).toBe('HIRED');
    }).toPass();
    const filtered = Number(await view.grid.getAttribute('aria-rowcount'));
    expect(filtered).toBeLessThan(300);
    await app.page.goBack();
    await expect(view.grid).toHaveAttribute('aria-rowcount', '300');
    await expect(hired).not.toBeChecked();
  });

  test('searches as you type and highlights the hits', async ({ app }) => {
    const view = new ApplicationsPage(app.page);
    await expect(view.rows.first()).toBeVisible();
    const name = (await view.visibleNames())[3]!;
    const surname = name.split(' ').at(-1)!;
    await view.search.fill(surname.slice(0, 4));
    await expect(view.row(name)).toBeVisible();
    await expect(view.rows.locator('mark').first()).toBeVisible();
    await expect(async () => {
      const total = Number(await view.grid.getAttribute('aria-rowcount'));
      expect(total).toBeGreaterThan(0);
      expect(total).toBeLessThan(300);
    }).toPass();
  });

  test('opens the details of an application with its timeline and attachments', async ({ app }) => {
    const view = new ApplicationsPage(app.page);
    await expect(view.rows.first()).toBeVisible();
    // Find an application with attachments through the search box: résumés are named after the candidate.
    await view.search.fill('resume');
    const row = view.rows.first();
    const name = (await row.getByRole('gridcell').first().innerText()).split('\n')[0]!.trim();
    await row.click();
    await expect(row).toHaveAttribute('aria-selected', 'true');
    await expect(view.details.getByRole('heading', { name })).toBeVisible();
    await expect(view.details.getByText('Timeline', { exact: false }).first()).toBeVisible();
    const items = view.attachments.getByRole('listitem');
    await expect(items.first()).toBeVisible();
    await items.first().getByRole('button', { name: 'Preview' }).click();
    const dialog = app.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await app.page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('is keyboard first: / focuses search, Escape clears, arrows and j/k move', async ({ app }) => {
    const view = new ApplicationsPage(app.page);
    await expect(view.rows.first()).toBeVisible();
    await view.rows.first().click();
    await expect(view.rows.first()).toHaveAttribute('aria-selected', 'true');
    await app.page.keyboard.press('ArrowDown');
    await expect(view.rows.nth(1)).toHaveAttribute('aria-selected', 'true');
    await app.page.keyboard.press('j');
    await expect(view.rows.nth(2)).toHaveAttribute('aria-selected', 'true');
    await app.page.keyboard.press('k');
    await expect(view.rows.nth(1)).toHaveAttribute('aria-selected', 'true');
    const selected = (await view.rows.nth(1).getByRole('gridcell').first().innerText()).split('\n')[0]!.trim();
    await expect(view.details.getByRole('heading', { name: selected })).toBeVisible();

    await app.page.keyboard.press('/');
    await expect(view.search).toBeFocused();
    await app.page.keyboard.type('zzzz-nobody');
    await expect(view.grid).toHaveAttribute('aria-rowcount', '0');
    await app.page.keyboard.press('Escape');
    await expect(view.search).toHaveValue('');
    await expect(view.grid).toHaveAttribute('aria-rowcount', '300');
  });

  test('keeps every column readable in a small window, scrolling sideways when they do not fit', async ({ app }) => {
    const view = new ApplicationsPage(app.page);
    await expect(view.rows.first()).toBeVisible();
    await view.rows.first().click();
    await expect(view.details.getByRole('heading').first()).toBeVisible();
    const overflow = () => view.grid.evaluate((grid) => grid.scrollWidth - grid.clientWidth);
    const width = async (name: string) => (await view.columnHeader(name).boundingBox())?.width ?? 0;

    await app.resize(1280, 720);
    await expect.poll(overflow).toBeLessThanOrEqual(0);

    await app.resize(900, 700);
    await expect.poll(overflow).toBeGreaterThan(0);
    expect(await width('Candidate')).toBeGreaterThanOrEqual(150);
    expect(await width('Job title')).toBeGreaterThanOrEqual(100);
    await expect(view.columnHeader('Updated')).not.toBeInViewport();
    await view.grid.evaluate((grid) => grid.scrollTo({ left: grid.scrollWidth }));
    // The header scrolls with the rows: the last column's header and cells come into view together.
    await expect(view.columnHeader('Updated')).toBeInViewport();
    await expect(view.rows.first().getByRole('gridcell').last()).toBeInViewport();
  });
});

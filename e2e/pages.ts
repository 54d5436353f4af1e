/** Page objects for the main areas, found by the accessible names of DESIGN §5. */
import type { Locator, Page } from '@playwright/test';

export class ApplicationsPage {
  constructor(readonly page: Page) {}

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search applications' });
  }
  get grid(): Locator {
    return this.page.getByRole('grid', { name: 'Applications' });
  }
  /** Data rows (the header row has column headers, not cells). */
  get rows(): Locator {
    return this.grid.getByRole('row').filter({ has: this.page.getByRole('gridcell') });
  }
  row(candidateName: string | RegExp): Locator {
    return this.rows.filter({ hasText: candidateName });
  }
  columnHeader(name: string): Locator {
    return this.grid.getByRole('columnheader', { name });
  }
  get details(): Locator {
    return this.page.getByRole('region', { name: 'Application details' });
  }
  get attachments(): Locator {
    return this.details.getByRole('list', { name: 'Attachments' });
  }
  get syncNow(): Locator {
    return this.page.getByRole('button', { name: 'Sync now' });
  }
  get syncStatus(): Locator {
    return this.page.getByRole('status').first();
  }
  facet(label: string): Locator {
    return this.page.getByRole('checkbox', { name: label, exact: true });
  }

  /** The texts of one column in the rows in the DOM, found by its header. */
  async columnValues(header: string): Promise<string[]> {
    const headers = (await this.grid.getByRole('columnheader').allInnerTexts()).map((text) => text.trim());
    const index = headers.findIndex((text) => text.startsWith(header));
    if (index === -1) throw new Error(`no column ${header} among ${headers.join(', ')}`);
    return (await this.rows.locator(`[role="gridcell"]:nth-child(${index + 1})`).allInnerTexts()).map((text) => text.trim());
  }

  /** The candidate names of the rows in the DOM, in order. */
  async visibleNames(): Promise<string[]> {
    const count = await this.rows.count();
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      names.push((await this.rows.nth(i).getByRole('gridcell').first().innerText()).split('\n')[0]!.trim());
    }
    return names;
  }
}

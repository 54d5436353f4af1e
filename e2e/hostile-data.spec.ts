import { expect, test } from './harness.js';
import { ApplicationsPage } from './pages.js';

const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

function hostileEvent(): Record<string, unknown> {
  const user = { id: `u-${PAYLOAD}`, email: PAYLOAD, employeeId: PAYLOAD };
  return {
    eventId: 'ev_hostile_1',
    eventType: 'record.new',
    recordId: 'app_hostile',
    eventData: {
      info: {
        id: 'app_hostile',
        status: PAYLOAD,
        candidate: {
          id: 'cand_hostile',
          firstName: `Eve ${PAYLOAD}`,
          lastName: PAYLOAD,
          phones: [{ type: PAYLOAD, phoneNumber: PAYLOAD }],
          emails: [{ type: PAYLOAD, email: PAYLOAD }],
          links: ['javascript:window.__pwned=3', PAYLOAD, 'data:text/html,<script>alert(1)</script>'],
          location: PAYLOAD,
        },
        origin: PAYLOAD,
        appliedAt: '2026-03-01T10:00:00Z',
        updatedAt: '2026-03-02T10:00:00Z',
        jobId: PAYLOAD,
        owner: user,
        creditedTo: user,
      },
      currentStage: { id: PAYLOAD, text: PAYLOAD },
      interviews: [{ id: PAYLOAD, subject: PAYLOAD, status: PAYLOAD, location: PAYLOAD, interviewers: [user], creator: user, stage: { id: PAYLOAD, text: PAYLOAD } }],
      rejection: { id: PAYLOAD, text: PAYLOAD, rejectedAt: '2026-03-03T10:00:00Z' },
      offers: [{ id: PAYLOAD, status: PAYLOAD }],
      attachments: [{ type: PAYLOAD, name: PAYLOAD, link: 'javascript:window.__pwned=4', attachmentContent: { content: 'PHNjcmlwdD53aW5kb3cuX19wd25lZD01PC9zY3JpcHQ+', encoding: 'BASE64' } }],
    },
  };
}

test.describe('hostile candidate data', () => {
  test.use({ seed: { events: [hostileEvent()] } });

  test('every text field holding HTML or script renders as text and runs nothing', async ({ app }) => {
    const dialogs: string[] = [];
    app.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const view = new ApplicationsPage(app.page);
    const row = view.rows.first();
    await expect(row).toContainText('Eve <img src=x onerror=');
    await row.click();
    await expect(view.details.getByRole('heading').first()).toContainText('<script>window.__pwned=2</script>');
    await expect(view.details).toContainText('Eve <img src=x onerror="window.__pwned=1">');
    await view.attachments.getByRole('button', { name: 'Preview' }).first().click();
    await expect(app.page.getByRole('dialog')).toBeVisible();
    await app.page.keyboard.press('Escape');
    // Nothing ran, nothing was injected as markup, and no dangerous link exists.
    expect(await app.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await app.page.locator('img[src="x"], script:not([src])').count()).toBe(0);
    const hrefs = await app.page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    for (const href of hrefs) expect(href).not.toMatch(/^\s*(javascript|data|vbscript|file):/i);
    expect(dialogs).toEqual([]);
  });
});

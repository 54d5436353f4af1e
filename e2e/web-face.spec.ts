import { expect, test } from './harness.js';

// The web face's own guards (Electron has no HTTP surface to test).
test.describe('the web face', () => {
  test('refuses API requests without its token, with a wrong token, or from another origin', async ({ app, request }) => {
    const base = new URL(app.url!);
    const token = base.searchParams.get('token')!;
    const api = `${base.origin}/api/overview`;
    expect((await request.post(api, { data: {} })).status()).toBe(401);
    expect((await request.post(api, { data: {}, headers: { Authorization: 'Bearer wrong-token-wrong-token' } })).status()).toBe(401);
    const foreign = await request.post(api, { data: {}, headers: { Authorization: `Bearer ${token}`, Origin: 'https://evil.example' } });
    expect(foreign.status()).toBe(403);
    const ok = await request.post(api, { data: {}, headers: { Authorization: `Bearer ${token}` } });
    expect(ok.status()).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, value: { applications: 300 } });
  });

  test('keeps the token out of the address bar after loading', async ({ app }) => {
    await expect(app.page.getByRole('grid', { name: 'Applications' })).toBeVisible();
    expect(app.page.url()).not.toContain('token=');
  });
});

import type { Locator, Page, Response } from '@playwright/test';

/** The Workspaces page: the list, one workspace (the share-link landing page), and the share-links panel. */
export class WorkspacesPage {
  readonly cards: Locator;
  readonly shareLinkUrl: Locator;
  readonly shareLinkRows: Locator;
  readonly sharedNote: Locator;

  constructor(readonly page: Page) {
    this.cards = page.getByTestId('workspace-card');
    this.shareLinkUrl = page.getByTestId('share-link-url');
    this.shareLinkRows = page.getByTestId('share-link-row');
    this.sharedNote = page.getByRole('note').filter({ hasText: 'share link' });
  }

  async goto(workspace?: string): Promise<void> {
    await this.page.goto(workspace ? `/workspaces?workspace=${encodeURIComponent(workspace)}` : '/workspaces');
  }

  card(name: string): Locator {
    return this.cards.filter({ has: this.page.getByRole('heading', { name, exact: true }) });
  }

  /** `cluster: namespaces` lines of the matched-clusters list inside `scope`. */
  async matches(scope: Locator): Promise<Record<string, string>> {
    const rows = scope.getByTestId('matched-cluster');
    const out: Record<string, string> = {};
    for (let i = 0; i < (await rows.count()); i++) {
      const [cluster = '', namespaces = ''] = await rows.nth(i).locator('dt, dd').allInnerTexts();
      out[cluster] = namespaces;
    }
    return out;
  }

  servicesTable(workspace: string): Locator {
    return this.page.getByRole('table', { name: `Services in ${workspace}` });
  }

  /** Creates a share link to the workspace shown and returns its URL. */
  async createShareLink(workspace: string): Promise<string> {
    await this.page.getByRole('button', { name: `Create share link to ${workspace}` }).click();
    await this.shareLinkUrl.waitFor();
    return this.shareLinkUrl.inputValue();
  }
}

/** Records every /api/v1 JSON answer a page receives, to check what reached the browser. */
export function recordApi(page: Page): Array<{ url: string; status: number; body: string }> {
  const seen: Array<{ url: string; status: number; body: string }> = [];
  page.on('response', (res: Response) => {
    if (!res.url().includes('/api/v1/') || res.url().includes('/api/v1/events')) return;
    void res.text().then((body) => seen.push({ url: res.url(), status: res.status(), body }), () => undefined);
  });
  return seen;
}

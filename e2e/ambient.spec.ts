import { expect, test, type APIRequestContext } from '@playwright/test';
import { setScenario } from './pages/sim-admin';

// Ambient and Gateway API scenarios, each seen in the API and on the page it belongs to, and gone after the revert.
// They change the shared simulator: always switch back, even when a check fails.
test.afterEach(async () => {
  await setScenario('healthy');
});

const EAST = 'us-east-1';
const WEST = 'us-west-2';

interface ClusterDetailBody {
  data?: {
    ztunnels?: Array<{ node: string; state: string; ambientPods: number }>;
    waypoints?: Array<{ namespace: string; name: string; ready: number; desired: number; services: string[] }>;
  };
}

async function clusterDetail(request: APIRequestContext, name: string): Promise<ClusterDetailBody['data']> {
  return ((await (await request.get(`/api/v1/clusters/${name}`)).json()) as ClusterDetailBody).data;
}

interface ServiceBody {
  data?: {
    instances?: Array<{ cluster: string; dataplane: string; waypoint?: { name: string; ready: boolean; bound?: { status: string; reason?: string } } }>;
    routes?: Array<{ kind: string; namespace: string; name: string; clusters: Array<{ cluster: string; parents: Array<{ accepted?: { status: string; reason?: string }; resolvedRefs?: { status: string; reason?: string } }> }> }>;
  };
}

async function service(request: APIRequestContext, namespace: string, name: string): Promise<ServiceBody['data']> {
  return ((await (await request.get(`/api/v1/services/${namespace}/${name}`)).json()) as ServiceBody).data;
}

/** How many findings of a code the fleet's analysis holds now. */
async function findingCount(request: APIRequestContext, code: string): Promise<number> {
  const body = (await (await request.get(`/api/v1/findings?code=${code}`)).json()) as { data?: { total?: number } };
  return body.data?.total ?? 0;
}

test('healthy: shop is ambient with its waypoint, ztunnel on every node, routes accepted', async ({ page, request }) => {
  await expect.poll(async () => (await clusterDetail(request, EAST))?.waypoints?.find((w) => w.name === 'waypoint')?.ready ?? 0, { timeout: 60_000 }).toBeGreaterThan(0);
  const east = await clusterDetail(request, EAST);
  expect(east?.ztunnels?.length).toBeGreaterThan(0);
  expect(east?.ztunnels?.every((z) => z.state === 'ready')).toBe(true);

  await page.goto('/services?namespace=shop');
  await expect(page.getByTestId('dataplane-shop-cart').locator('[data-dataplane="ambient"]')).toBeVisible();
  await expect(page.getByTestId('dataplane-shop-cart').locator('[data-dataplane="sidecar"]')).toHaveCount(0);

  await page.goto('/services?dataplane=ambient');
  await expect(page.getByTestId('service-row-shop-cart')).toBeVisible();
  await expect(page.getByTestId('service-row-bookinfo-productpage')).toHaveCount(0);

  await page.goto(`/clusters/${EAST}`);
  await expect(page.getByTestId('ztunnel-panel')).toBeVisible();
  await expect(page.getByTestId('ztunnel-panel').locator('[data-state="ready"]').first()).toBeVisible();
  await expect(page.getByTestId('waypoint-shop-waypoint')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('waypoint-shop-waypoint')).toContainText('shop/cart');

  await page.goto('/services/shop/cart');
  const route = page.getByTestId('route-HTTPRoute-shop-cart');
  await expect(route).toBeVisible();
  await expect(route.locator(`[data-cluster="${WEST}"]`)).toHaveAttribute('data-accepted', 'True');
  await expect(page.locator('[data-row="Data plane"]').locator(`[data-cluster="${EAST}"]`)).toHaveAttribute('data-dataplane', 'ambient');
  await page.screenshot({ path: 'test-results/screenshots/ambient-service.png' });
});

test('waypoint-down: the waypoint is not ready on the cluster page and its services report it', async ({ page, request }) => {
  await setScenario('waypoint-down');
  await expect.poll(async () => (await clusterDetail(request, EAST))?.waypoints?.find((w) => w.name === 'waypoint')?.ready, { timeout: 30_000 }).toBe(0);
  await page.goto(`/clusters/${EAST}`);
  await expect(page.getByTestId('waypoint-shop-waypoint')).toHaveAttribute('data-ready', 'false');
  await expect.poll(async () => findingCount(request, 'MG0022'), { timeout: 60_000 }).toBeGreaterThan(0);
  await page.goto('/findings?code=MG0022');
  await expect(page.getByText(/waypoint/i).first()).toBeVisible();

  await setScenario('healthy');
  await expect.poll(async () => findingCount(request, 'MG0022'), { timeout: 60_000 }).toBe(0);
  await page.goto(`/clusters/${EAST}`);
  await expect(page.getByTestId('waypoint-shop-waypoint')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
});

test('route-not-accepted: the route is accepted in one cluster and not the other, side by side', async ({ page, request }) => {
  await setScenario('route-not-accepted');
  await expect.poll(async () => {
    const r = (await service(request, 'bookinfo', 'productpage'))?.routes?.find((x) => x.kind === 'HTTPRoute' && x.name === 'bookinfo');
    return r?.clusters.find((c) => c.cluster === WEST)?.parents[0]?.resolvedRefs?.reason;
  }, { timeout: 30_000 }).toBe('RefNotPermitted');
  await page.goto('/services/bookinfo/productpage');
  const route = page.getByTestId('route-HTTPRoute-istio-ingress-bookinfo');
  await expect(route.locator(`[data-cluster="${WEST}"]`)).toHaveAttribute('data-resolved', 'False');
  await expect(route.locator(`[data-cluster="${EAST}"]`)).toHaveAttribute('data-resolved', 'True');
  await expect(route).toContainText('RefNotPermitted');

  await page.goto('/services/shop/storefront');
  await expect(page.getByTestId('route-HTTPRoute-shop-storefront').locator(`[data-cluster="${WEST}"]`)).toHaveAttribute('data-accepted', 'False', { timeout: 30_000 });
  await expect.poll(async () => findingCount(request, 'MG0021'), { timeout: 60_000 }).toBeGreaterThan(0);
  await page.screenshot({ path: 'test-results/screenshots/route-not-accepted.png' });

  // The config browser's status column, from the list itself: the failing parent with its cluster.
  await page.goto('/config?kind=HTTPRoute');
  const cell = page.getByTestId('config-status-HTTPRoute-shop-storefront');
  await expect(cell).toHaveAttribute('data-status', 'error');
  await expect(cell).toContainText(`${WEST} · Gateway istio-ingress/public:https: Accepted False NoMatchingParent`);
  await expect(cell).not.toContainText(EAST);

  await setScenario('healthy');
  await expect.poll(async () => findingCount(request, 'MG0021'), { timeout: 60_000 }).toBe(0);
  await page.goto('/services/bookinfo/productpage');
  await expect(page.getByTestId('route-HTTPRoute-istio-ingress-bookinfo').locator(`[data-cluster="${WEST}"]`)).toHaveAttribute('data-resolved', 'True', { timeout: 30_000 });
  await expect(async () => {
    await page.goto('/config?kind=HTTPRoute');
    await expect(page.getByTestId('config-status-HTTPRoute-shop-storefront')).toHaveAttribute('data-status', 'ok', { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
});

test('ztunnel-node-down: the node without a ready ztunnel stands out on the cluster page', async ({ page, request }) => {
  await setScenario('ztunnel-node-down');
  await expect.poll(async () => (await clusterDetail(request, EAST))?.ztunnels?.filter((z) => z.state !== 'ready').map((z) => z.node), { timeout: 30_000 }).toHaveLength(1);
  const down = (await clusterDetail(request, EAST))!.ztunnels!.find((z) => z.state !== 'ready')!;
  expect(down.ambientPods).toBeGreaterThan(0);
  await page.goto(`/clusters/${EAST}`);
  await expect(page.getByTestId(`ztunnel-node-${down.node}`)).toHaveAttribute('data-state', 'not-ready');
  await expect.poll(async () => findingCount(request, 'MG0023'), { timeout: 60_000 }).toBeGreaterThan(0);

  await setScenario('healthy');
  await expect.poll(async () => findingCount(request, 'MG0023'), { timeout: 60_000 }).toBe(0);
  await expect(page.getByTestId(`ztunnel-node-${down.node}`)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
});

test('dataplane-mismatch: a service ambient in one cluster and sidecar in another is marked mixed', async ({ page, request }) => {
  await setScenario('dataplane-mismatch');
  await expect.poll(async () => (await service(request, 'shop', 'cart'))?.instances?.find((i) => i.cluster === WEST)?.dataplane, { timeout: 30_000 }).toBe('sidecar');
  await page.goto('/services?namespace=shop');
  const cell = page.getByTestId('dataplane-shop-cart');
  await expect(cell.locator('[data-dataplane="sidecar"]')).toBeVisible();
  await expect(cell.locator('[data-dataplane="ambient"]')).toBeVisible();
  await page.goto('/services/shop/cart');
  await expect(page.locator('[data-row="Data plane"]').locator(`[data-cluster="${WEST}"]`)).toHaveAttribute('data-dataplane', 'sidecar');
  await expect.poll(async () => findingCount(request, 'MG0019'), { timeout: 60_000 }).toBeGreaterThan(0);

  await setScenario('healthy');
  await expect.poll(async () => findingCount(request, 'MG0019'), { timeout: 60_000 }).toBe(0);
  await page.goto('/services?namespace=shop');
  await expect(page.getByTestId('dataplane-shop-cart').locator('[data-dataplane="sidecar"]')).toHaveCount(0, { timeout: 30_000 });
});

test('waypoint-missing: the cluster without the waypoint shows the service unbound', async ({ page, request }) => {
  await setScenario('waypoint-missing');
  await expect.poll(async () => (await service(request, 'shop', 'cart'))?.instances?.find((i) => i.cluster === WEST)?.waypoint?.ready, { timeout: 30_000 }).toBe(false);
  await page.goto('/services/shop/cart');
  const row = page.locator('[data-row="Waypoint"]');
  await expect(row.locator(`[data-cluster="${WEST}"] [data-bound]`)).toHaveAttribute('data-bound', 'False', { timeout: 30_000 });
  await expect(row.locator(`[data-cluster="${EAST}"] [data-bound]`)).toHaveAttribute('data-bound', 'True');
  await expect.poll(async () => findingCount(request, 'MG0020'), { timeout: 60_000 }).toBeGreaterThan(0);

  await setScenario('healthy');
  await expect.poll(async () => findingCount(request, 'MG0020'), { timeout: 60_000 }).toBe(0);
  await expect(row.locator(`[data-cluster="${WEST}"] [data-bound]`)).toHaveAttribute('data-bound', 'True', { timeout: 45_000 });
});

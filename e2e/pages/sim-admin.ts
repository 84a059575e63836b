/** The simulator's admin endpoint, as the specs use it: ground truth and scenario switching. */
export interface SimCluster {
  name: string;
  mesh: string;
  network: string;
  region: string;
}

function adminUrl(): string {
  const url = process.env.E2E_SIM_ADMIN_URL;
  if (!url) throw new Error('E2E_SIM_ADMIN_URL is not set: run the specs through playwright.config.ts (global setup starts the simulator)');
  return url;
}

export async function simClusters(): Promise<SimCluster[]> {
  const res = await fetch(`${adminUrl()}/clusters`);
  if (!res.ok) throw new Error(`GET /clusters: ${res.status}`);
  return (await res.json()) as SimCluster[];
}

export async function setScenario(name: string): Promise<void> {
  const res = await fetch(`${adminUrl()}/scenario/${encodeURIComponent(name)}`, { method: 'PUT' });
  if (!res.ok) throw new Error(`PUT /scenario/${name}: ${res.status} ${await res.text()}`);
}

/** Starts the long-lived server state (config, cluster watches) once per Node process. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startOrExit } = await import('./server/runtime/start-or-exit');
  startOrExit();
  // Access control: the peer-address stamp on every request, and no anonymous dashboard on a public address.
  const [{ startAccessControlOrExit }, { getAppRuntime }] = await Promise.all([import('./server/access/startup-check'), import('./server/runtime/app-runtime')]);
  startAccessControlOrExit(getAppRuntime().config.config);
}

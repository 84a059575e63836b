/** Starts the long-lived server state (config, cluster watches) once per Node process. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startOrExit } = await import('./server/runtime/start-or-exit');
  startOrExit();
}

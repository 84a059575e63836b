/** The port the e2e dashboard listens on; away from the demo's 3000. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);

/** What the demo runs the dashboard against, and how to stop it. */
export interface DemoFleet {
  /** The Meshglass config file's text. */
  configYaml: string;
  /** Lines to print: what runs where. */
  summary: string[];
  stop(): Promise<void>;
}

/** Starts the simulated fleet and Prometheus; until the simulator exists, an empty fleet. */
export async function startDemoFleet(_workDir: string): Promise<DemoFleet> {
  return {
    configYaml: 'log:\n  level: info\n',
    summary: ['the fleet simulator is not part of this build yet: the dashboard starts with no clusters'],
    stop: async () => {},
  };
}

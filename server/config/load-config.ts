import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseConfigText } from './parse-config';
import type { MeshglassConfig } from './schema';

/** A configuration plus where it came from, so relative paths can be resolved. */
export interface LoadedConfig {
  config: MeshglassConfig;
  /** Absolute path of the file, or undefined when running on defaults. */
  file?: string;
  /** Resolves a path written in the file against the file's folder. */
  resolvePath(p: string): string;
}

/** Path of the config file: MESHGLASS_CONFIG, else ./meshglass.yaml. */
export function configFilePath(env: NodeJS.ProcessEnv = process.env): string {
  // turbopackIgnore: the file is chosen at run time, not part of the build's file trace.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), env.MESHGLASS_CONFIG ?? 'meshglass.yaml');
}

/**
 * Reads and validates the config file. A missing default file means defaults;
 * a missing file named by MESHGLASS_CONFIG, or an invalid one, throws a ConfigError.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const file = configFilePath(env);
  let text: string | undefined;
  try {
    text = readFileSync(/* turbopackIgnore: true */ file, 'utf8');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    if (!missing || env.MESHGLASS_CONFIG) {
      throw new Error(`${file}: cannot read the Meshglass config file: ${(err as Error).message}`);
    }
  }
  const config = parseConfigText(text ?? '{}', file);
  const base = path.dirname(file);
  return { config, file: text === undefined ? undefined : file, resolvePath: (p) => path.resolve(base, p) };
}

/**
 * Child processes of the benchmark: every one is tracked by PID and stopped
 * by PID (TERM, then KILL) on completion, error, Ctrl-C or a time limit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const live = new Map<number, ChildProcess>();

/** Node flags that run a TypeScript file under tsx in ONE process (no npx wrapper, so the PID is the worker). */
export function tsxArgs(file: string, args: string[], nodeFlags: string[] = []): string[] {
  return [...nodeFlags, '--import', 'tsx', file, ...args];
}

// 30 s: the L simulator, busy with a heap of several GiB, took longer than 8 s to stop its Prometheus, was killed and left it running.
export async function terminate(child: ChildProcess, graceMs = 30_000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      if (child.exitCode === null) process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, graceMs);
  await exited;
  clearTimeout(timer);
}

let stopping = false;

/** Stops every child still running (by PID); used on Ctrl-C and fatal errors. */
export async function stopAllChildren(): Promise<void> {
  // The step whose child was stopped fails and the runner moves on: the next step must not start one.
  stopping = true;
  while (live.size) await Promise.all([...live.values()].map((c) => terminate(c)));
}

export interface LongChild<T> {
  pid: number;
  info: T;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  /** Raise the open-file limit first (bash `ulimit -n`, then exec: same PID). */
  nofile?: number;
  timeoutMs: number;
  label: string;
}

export function spawnTracked(cmd: string, args: string[], opts: SpawnOptions): ChildProcess {
  if (stopping) throw new Error(`not starting ${opts.label}: the benchmark is stopping`);
  const [file, argv] = opts.nofile ? ['bash', ['-c', `ulimit -n ${opts.nofile} 2>/dev/null; exec "$0" "$@"`, cmd, ...args]] as const : [cmd, args] as const;
  const child = spawn(file, argv, { env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid !== undefined) live.set(child.pid, child);
  child.once('exit', () => child.pid !== undefined && live.delete(child.pid));
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(`[${opts.label}] ${d.toString()}`));
  return child;
}

/**
 * `cmd args` run at a lower CPU priority (`nice -n level`; 0 runs it as it is). Threads and children the
 * process starts inherit it (a Go program's threads too, which renice of a running PID would miss).
 */
export function niced(level: number, cmd: string, args: string[]): [string, string[]] {
  return level > 0 ? ['nice', ['-n', String(level), cmd, ...args]] : [cmd, args];
}

/**
 * Runs a child to completion and returns the last JSON line it printed on
 * stdout. Killed by PID after `timeoutMs`.
 */
export async function runJson<T>(cmd: string, args: string[], opts: SpawnOptions): Promise<T> {
  const child = spawnTracked(cmd, args, opts);
  let all = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (all += d));
  const timer = setTimeout(() => void terminate(child), opts.timeoutMs);
  const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  clearTimeout(timer);
  // The whole output when it is one (pretty-printed) JSON value, else its last JSON line.
  const text = all.trim().startsWith('{') && all.trim().endsWith('}') && !all.includes('}\n{') ? all : all.split('\n').filter((l) => l.trim().startsWith('{')).at(-1);
  if (code !== 0 || !text) throw new Error(`${opts.label} exited with ${code ?? 'a signal'}${text ? '' : ' without a result'}`);
  return JSON.parse(text) as T;
}

/**
 * Starts a long-running child that prints one JSON line `{"ready": ...}` when
 * it is ready; returns that object and a stop() by PID.
 */
export async function startLong<T>(cmd: string, args: string[], opts: SpawnOptions & { readyTest?: (line: string) => T | undefined }): Promise<LongChild<T>> {
  const child = spawnTracked(cmd, args, opts);
  const stop = () => terminate(child);
  const test = opts.readyTest ?? ((l: string) => (l.startsWith('{"ready"') ? (JSON.parse(l) as { ready: T }).ready : undefined));
  try {
    const info = await new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${opts.label} not ready within ${opts.timeoutMs} ms`)), opts.timeoutMs);
      createInterface({ input: child.stdout! }).on('line', (l) => {
        const v = test(l.trim());
        if (v !== undefined) {
          clearTimeout(timer);
          resolve(v);
        }
      });
      child.once('exit', (c) => {
        clearTimeout(timer);
        reject(new Error(`${opts.label} exited with ${c ?? 'a signal'} before it was ready`));
      });
    });
    return { pid: child.pid!, info, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

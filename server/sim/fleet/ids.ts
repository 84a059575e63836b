/** Deterministic names, hashes and addresses for generated objects. */
import { createHash } from 'node:crypto';

/** Small seeded PRNG (mulberry32): same seed, same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const alphabet = 'bcdfghjklmnpqrstvwxz2456789';

/** A Kubernetes-style random-looking suffix derived from the input (stable across runs). */
export function stableSuffix(input: string, length: number): string {
  const digest = createHash('sha1').update(input).digest();
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[(digest[i] ?? 0) % alphabet.length];
  return out;
}

/** A stable UUID-shaped id from a string. */
export function stableUid(input: string): string {
  const h = createHash('sha1').update(input).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Hands out pod IPs from 10.<index+1>.0.0/16 and Service IPs from 172.20.0.0/16, per cluster. */
export class AddressAllocator {
  private nextPod = 10;
  private nextService = 10;
  constructor(private readonly index: number) {}

  podIp(): string {
    const n = this.nextPod++;
    return `10.${(this.index % 250) + 1}.${(n >> 8) & 255}.${n & 255}`;
  }

  serviceIp(): string {
    const n = this.nextService++;
    return `172.20.${(n >> 8) & 255}.${n & 255}`;
  }
}

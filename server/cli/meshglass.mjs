#!/usr/bin/env node
// Shim for `npx meshglass`: registers tsx's loader (TypeScript and the '@/'
// path alias from tsconfig.json) and runs the TypeScript entry point.
import { register } from 'tsx/esm/api';

register({ tsconfig: new URL('../../tsconfig.json', import.meta.url).pathname });
await import('./meshglass.ts');

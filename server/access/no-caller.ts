import 'server-only';
import { Refusal } from '../errors/refusal';
import { NOTHING } from '../fleet/scope';
import type { Access } from './resolve-scope';

/** What a handler uses when apiRoute gave it no caller (only on public routes, so a guard, not a path). */
export const NO_CALLER: { access: Access; problem: Refusal } = {
  access: { grants: [], scope: NOTHING },
  problem: new Refusal('unauthenticated', 'unauthenticated', 'not logged in'),
};

import 'server-only';
import { ApiProblem } from '../http/api-problem';
import { NOTHING } from '../fleet/scope';
import type { Access } from './resolve-scope';

/** What a handler uses when apiRoute gave it no caller (only on public routes, so a guard, not a path). */
export const NO_CALLER: { access: Access; problem: ApiProblem } = {
  access: { grants: [], scope: NOTHING },
  problem: new ApiProblem(401, 'unauthenticated', 'not logged in'),
};

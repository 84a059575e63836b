/**
 * Errors the simulated API server answers with, modelled on apimachinery's
 * StatusError: an HTTP code, a StatusReason and optional details. The store
 * throws them too, so the HTTP layer only has to serialise them.
 */
import type { ResourceType } from './types';

/** One entry of Status.details.causes (metav1.StatusCause). */
export interface StatusCause {
  reason: string;
  message: string;
  field: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** An error that maps 1:1 onto a Kubernetes `Status` failure. */
export class KubeApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
    this.name = 'KubeApiError';
  }
}

/** `services` for core, `virtualservices.networking.istio.io` otherwise, as the API server names resources in messages. */
export function qualifiedResource(type: Pick<ResourceType, 'group' | 'plural'>): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}

const detailsOf = (type: Pick<ResourceType, 'group' | 'plural'>, name: string): StatusDetails => ({
  name,
  group: type.group || undefined,
  kind: type.plural,
});

export const notFound = (type: Pick<ResourceType, 'group' | 'plural'>, name: string): KubeApiError =>
  new KubeApiError(404, 'NotFound', `${qualifiedResource(type)} "${name}" not found`, detailsOf(type, name));

export const alreadyExists = (type: Pick<ResourceType, 'group' | 'plural'>, name: string): KubeApiError =>
  new KubeApiError(409, 'AlreadyExists', `${qualifiedResource(type)} "${name}" already exists`, detailsOf(type, name));

export const conflict = (type: Pick<ResourceType, 'group' | 'plural'>, name: string): KubeApiError =>
  new KubeApiError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource(type)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    detailsOf(type, name),
  );

/** 422 Invalid, e.g. `VirtualService.networking.istio.io "x" is invalid: spec.hosts: Invalid value: ...`. */
export function invalid(type: Pick<ResourceType, 'group' | 'kind'>, name: string, causes: StatusCause[]): KubeApiError {
  const gk = type.group ? `${type.kind}.${type.group}` : type.kind;
  const list = causes.map((c) => `${c.field}: ${c.message}`);
  const summary = list.length === 1 ? list[0] : `[${list.join(', ')}]`;
  return new KubeApiError(422, 'Invalid', `${gk} "${name}" is invalid: ${summary}`, {
    name,
    group: type.group || undefined,
    kind: type.kind,
    causes,
  });
}

export const badRequest = (message: string): KubeApiError => new KubeApiError(400, 'BadRequest', message);

/** 410 Gone: a resourceVersion or continue token older than the retained history. */
export const expired = (message = 'too old resource version'): KubeApiError => new KubeApiError(410, 'Expired', message);

export const methodNotAllowed = (message: string): KubeApiError => new KubeApiError(405, 'MethodNotAllowed', message);

export const notFoundPath = (): KubeApiError => new KubeApiError(404, 'NotFound', 'the server could not find the requested resource');

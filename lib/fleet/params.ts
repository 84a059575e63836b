import { z } from 'zod';

/**
 * Route parameter schemas. Kubernetes names cannot hold '/', '%' or '..'
 * segments, so anything else is refused with a 400 before it reaches a lookup
 * (and two parameters can never be joined into another object's key).
 */

/** A namespace or Service name: a DNS-1123 label (63 characters at most). */
export const dnsLabelSchema = z
  .string()
  .max(63, 'at most 63 characters')
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a DNS-1123 label (lower-case letters, digits and "-")');

/** An object name: a DNS-1123 subdomain (253 characters at most). */
export const objectNameSchema = z
  .string()
  .max(253, 'at most 253 characters')
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'must be a DNS-1123 subdomain (lower-case letters, digits, "-" and ".")')
  .refine((s) => !s.includes('..'), 'must not contain ".."');

/** A cluster name as a kubeconfig context or remote secret names it: printable, bounded. EKS context names hold ':' and '/'. */
export const clusterNameSchema = z
  .string()
  .min(1)
  .max(253, 'at most 253 characters')
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');

/** A kind ('VirtualService', 'virtualservices', 'VirtualService.networking.istio.io'). */
export const kindParamSchema = z.string().max(100, 'at most 100 characters').regex(/^[A-Za-z][A-Za-z0-9]*(\.[a-z0-9.-]+)?$/, 'must be a kind name');

/** An API group, or '-' / 'core' for the core group. */
export const groupParamSchema = z.string().max(253, 'at most 253 characters').regex(/^(-|[a-z0-9]([-a-z0-9.]*[a-z0-9])?)$/, "must be an API group, or '-' for the core group");

import { describe, expect, it } from 'vitest';
import { keysForChange, qk } from './query-keys';

describe('keysForChange', () => {
  it('invalidates identity lists and the one identity a change names', () => {
    expect(keysForChange('identities/stage.greeting.global')).toEqual([['identities', 'list'], qk.identities.detail('stage.greeting.global')]);
    expect(keysForChange('identities')).toEqual([qk.identities.all]);
  });
  it('sends source and workload changes to the views that show them', () => {
    expect(keysForChange('sources')).toEqual([qk.clusters.all]);
    expect(keysForChange('workloads/c/ns/w')).toContainEqual(qk.identities.all);
    expect(keysForChange('services/bookinfo/reviews')).toEqual([['services', 'list'], qk.services.detail('bookinfo', 'reviews')]);
  });
});

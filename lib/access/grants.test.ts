import { describe, expect, it } from 'vitest';
import { grantsAllow, grantsWith, type Grant } from './grants';
import { capabilitiesOf, strongerRole } from './roles';
import { parseSelector } from './selector';

const g = (workspace: string, role: Grant['role'], ...sels: string[]): Grant => ({ workspace, role, selectors: sels.map(parseSelector) });

describe('roles', () => {
  it('gives viewers no config specs, proxies or share links', () => {
    expect(capabilitiesOf('viewer')).toMatchObject({ configSpecs: false, proxies: false, shareLinks: false });
    expect(capabilitiesOf('operator')).toMatchObject({ configSpecs: true, proxies: true, allWorkspaces: false });
    expect(capabilitiesOf('admin').allWorkspaces).toBe(true);
  });
  it('orders roles', () => {
    expect(strongerRole('viewer', 'operator')).toBe('operator');
    expect(strongerRole('admin', 'viewer')).toBe('admin');
  });
});

describe('grants', () => {
  const grants = [g('a', 'operator', 'east/a'), g('b', 'viewer', '*/b-*')];
  it('allows the union of workspaces', () => {
    expect(grantsAllow(grants, 'east', 'a')).toBe(true);
    expect(grantsAllow(grants, 'west', 'b-1')).toBe(true);
    expect(grantsAllow(grants, 'west', 'a')).toBe(false);
    expect(grantsAllow([], 'east', 'a')).toBe(false);
  });
  it('narrows to the workspaces where a capability holds', () => {
    expect(grantsWith(grants, 'configSpecs').map((x) => x.workspace)).toEqual(['a']);
    expect(grantsWith([g('b', 'viewer', '*/*')], 'proxies')).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CYTOSCAPE_STYLESHEET_ID, claimCytoscapeStylesheet } from './graph-engine';

/** Just enough of a document for the claim: elements by id in <head>. */
function fakeDocument() {
  const head: { id: string; tagName: string }[] = [];
  return {
    head: { appendChild: (el: { id: string; tagName: string }) => head.push(el), children: head },
    createElement: (tagName: string) => ({ id: '', tagName, setAttribute() {} }),
    getElementById: (id: string) => head.find((el) => el.id === id) ?? null,
  };
}

describe('cytoscape stylesheet injection', () => {
  // Cytoscape adds `<style>` to <head> unless an element with this id exists; a script-made style
  // element has no nonce, so the page CSP refuses it. The version we run must still key on this id.
  it('is keyed on the id we claim in the cytoscape build we bundle', () => {
    const src = readFileSync(createRequire(import.meta.url).resolve('cytoscape').replace(/cytoscape\.cjs\.js$/, 'cytoscape.esm.mjs'), 'utf8');
    expect(src).toContain(`var stylesheetId = '${CYTOSCAPE_STYLESHEET_ID}';`);
    expect(src).toContain('var stylesheetAlreadyExists = document.getElementById(stylesheetId) != null;');
  });

  it('is claimed with a placeholder that is not a style element, once per document', () => {
    const doc = fakeDocument();
    claimCytoscapeStylesheet(doc as unknown as Document);
    claimCytoscapeStylesheet(doc as unknown as Document);
    expect(doc.head.children).toHaveLength(1);
    expect(doc.getElementById(CYTOSCAPE_STYLESHEET_ID)?.tagName).not.toBe('style');
  });
});

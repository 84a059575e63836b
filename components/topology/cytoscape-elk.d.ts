// cytoscape-elk ships no types; it is a cytoscape extension like any other.
declare module 'cytoscape-elk' {
  import type { Ext } from 'cytoscape';
  const ext: Ext;
  export default ext;
}

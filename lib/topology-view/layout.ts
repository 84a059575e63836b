/** Layout options for cytoscape, chosen by name and graph size (plain objects: no cytoscape import here). */
export function layoutOptions(name: 'fcose' | 'elk', nodeCount: number, onlySome: boolean): Record<string, unknown> {
  const big = nodeCount > 500;
  // Placing a few new nodes among cached ones: fcose without randomising keeps the rest where they are.
  if (name === 'fcose' || onlySome) {
    return {
      name: 'fcose',
      // Draft is the spectral pass only, which runs only when randomising: without it fcose throws (reading 'nodeIndexes').
      quality: big && !onlySome ? 'draft' : 'default',
      randomize: !onlySome,
      animate: false,
      fit: !onlySome,
      padding: 30,
      nodeDimensionsIncludeLabels: !big,
      packComponents: true,
      nodeRepulsion: 6000,
      idealEdgeLength: 80,
      numIter: big ? 1000 : 2500,
    };
  }
  return {
    name: 'elk',
    fit: true,
    padding: 30,
    animate: false,
    nodeDimensionsIncludeLabels: !big,
    elk: { algorithm: 'layered', 'elk.direction': 'RIGHT', 'elk.hierarchyHandling': 'INCLUDE_CHILDREN', 'elk.layered.spacing.nodeNodeBetweenLayers': 60, 'elk.spacing.nodeNode': 30 },
  };
}

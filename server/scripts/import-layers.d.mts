/** Types of import-layers.mjs (plain Node, so `npm run lint` runs it without a loader). */
export declare const LAYERS: string[][];
export declare function folderOf(rel: string): string | undefined;
export declare function layerViolations(root: string): string[];

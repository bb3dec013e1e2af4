import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { lineColumn } from './parseJson.ts';
import { parsePointer } from './problem.ts';

/**
 * Where a JSON pointer lands in a JSON text, as 1-based line and column, so editors and CI can
 * annotate the right line. A pointer into something absent lands on its nearest present parent;
 * for a property, on its key.
 */
export function locatePointer(text: string, pointer: string): { line: number; column: number } {
  const root = parseTree(text, [], { disallowComments: true });
  if (!root) return { line: 1, column: 1 };
  const segments = parsePointer(pointer);
  let node: Node | undefined;
  for (let n = segments.length; n >= 0 && !node; n--) {
    const path = segments.slice(0, n).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    node = findNodeAtLocation(root, path);
    // An array index that is really an object key ("0") falls back to the string.
    if (!node && path.length > 0) node = findNodeAtLocation(root, segments.slice(0, n));
  }
  const target = node?.parent?.type === 'property' ? node.parent : node;
  return lineColumn(text, target?.offset ?? 0);
}

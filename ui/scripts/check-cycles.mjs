// Fails when the modules under a folder import each other in a loop (a view importing main.ts, which imports the
// view, say). A loop makes the order of evaluation depend on which module is loaded first; vite bundles it without a
// word. Imports are read by the TypeScript compiler itself (import, export ... from, import type, import()), so no
// extra dependency is needed; type-only imports count too, since they tie the modules together all the same.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SOURCE = /\.(ts|tsx|mts)$/;

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [file] : [];
  });
}

/** The import graph of the TypeScript files under dir: each file to the files under dir that it imports. */
export function importGraph(dir) {
  const root = path.resolve(dir);
  const options = { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, allowJs: false };
  const graph = new Map();
  for (const file of sourceFiles(root)) {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const targets = new Set();
    for (const { fileName } of importedFiles) {
      const resolved = ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) continue;
      const target = path.resolve(resolved.resolvedFileName);
      if (target.startsWith(root + path.sep) && !target.endsWith('.d.ts')) targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/**
 * The import loops of a graph: one per strongly connected component of more than one file (or of a file that imports
 * itself), each as its members and one loop through them, a path that starts and ends at the same file. An empty list
 * when there is none.
 */
export function findCycles(graph) {
  // Tarjan's algorithm; the graph of a UI is small, so recursion depth is no concern.
  let counter = 0;
  const index = new Map(), low = new Map(), stack = [], onStack = new Set(), components = [];
  const visit = (node) => {
    index.set(node, counter); low.set(node, counter); counter++;
    stack.push(node); onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) { visit(next); low.set(node, Math.min(low.get(node), low.get(next))); }
      else if (onStack.has(next)) low.set(node, Math.min(low.get(node), index.get(next)));
    }
    if (low.get(node) === index.get(node)) {
      const component = [];
      let member;
      do { member = stack.pop(); onStack.delete(member); component.push(member); } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) components.push(new Set(component));
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components.map((component) => ({ members: [...component].sort(), loop: loopWithin(graph, component) }));
}

/** A shortest loop through the first file of a component, found breadth-first inside the component. */
function loopWithin(graph, component) {
  const start = [...component].sort()[0];
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const node = queue.shift();
    for (const next of graph.get(node) ?? []) {
      if (!component.has(next)) continue;
      if (next === start) {
        const loop = [start];
        for (let at = node; at !== null; at = previous.get(at)) loop.unshift(at);
        return loop;
      }
      if (!previous.has(next)) { previous.set(next, node); queue.push(next); }
    }
  }
  return [start, start];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'src';
  const graph = importGraph(dir);
  const cycles = findCycles(graph);
  const name = (file) => path.relative(process.cwd(), file);
  if (cycles.length) {
    console.error(`Import cycles in ${dir} (${cycles.length}):`);
    for (const { members, loop } of cycles) {
      console.error(`  ${loop.map(name).join(' -> ')}`);
      if (members.length > loop.length - 1) {
        console.error(`    (${members.length} modules tied in one knot: ${members.map(name).join(', ')})`);
      }
    }
    process.exit(1);
  }
  console.log(`No import cycles among the ${graph.size} modules in ${dir}.`);
}

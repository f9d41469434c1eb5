// The cycle check on small made-up module sets: it must find a loop where there is one, and only then.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { findCycles, importGraph } from './check-cycles.mjs';

function modules(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cycles-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const names = (dir, cycles) => cycles.map(({ loop }) => loop.map((file) => path.relative(dir, file)));

test('a view importing the module that routes to it is a loop', () => {
  const dir = modules({
    'main.ts': "import { view } from './views/view';\nexport function navigate() {}\nview();\n",
    'views/view.ts': "import { navigate } from '../main';\nexport function view() { navigate(); }\n",
  });
  assert.deepEqual(names(dir, findCycles(importGraph(dir))), [['main.ts', 'views/view.ts', 'main.ts']]);
});

test('type-only imports, re-exports and dynamic imports count as edges', () => {
  const dir = modules({
    'a.ts': "import type { B } from './b';\nexport type A = B;\n",
    'b.ts': "export * from './c';\nexport type B = string;\n",
    'c.ts': "export const c = () => import('./a');\n",
  });
  assert.deepEqual(names(dir, findCycles(importGraph(dir))), [['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
});

test('a module importing itself is a loop', () => {
  const dir = modules({ 'a.ts': "import './a';\n" });
  assert.deepEqual(names(dir, findCycles(importGraph(dir))), [['a.ts', 'a.ts']]);
});

test('a graph without loops, packages and style sheets aside, has none', () => {
  const dir = modules({
    'main.ts': "import './style.css';\nimport { routes } from './routes';\nimport { start } from './router';\nstart(routes);\n",
    'routes.ts': "import { view } from './views/view';\nexport const routes = [view];\n",
    'router.ts': "export function start(_: unknown) {}\nexport function navigate() {}\n",
    'views/view.ts': "import { navigate } from '../router';\nimport cytoscape from 'cytoscape';\nexport function view() { navigate(); cytoscape; }\n",
    'style.css': 'body {}\n',
  });
  const graph = importGraph(dir);
  assert.equal(graph.size, 4);
  assert.deepEqual(findCycles(graph), []);
});

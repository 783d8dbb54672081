import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// No module may import itself back through others at run time. In a cycle, whichever module starts first sees
// the other half undefined: a top-level `class X extends UsageError` in a command would crash yq on start. Type-only
// imports vanish when compiled and cannot close a loop, so they are left out.

const root = resolve(import.meta.dirname, '..', '..');
const LAYERS = ['shared', 'electron', 'renderer/src', 'scripts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Relative imports that survive compilation: `import … from`, `export … from`, `import '…'`; not `import type`. */
export function runtimeImports(source: string): string[] {
  const specifiers: string[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?([^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]/gm;
  for (const m of source.matchAll(statement)) {
    if (m[2]) continue; // import type / export type
    if (m[1] === 'export' && !m[3]) continue;
    specifiers.push(m[4]!);
  }
  return specifiers;
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const candidates = [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), base, `${base}.ts`, `${base}.tsx`];
  return candidates.find((path) => existsSync(path) && statSync(path).isFile());
}

function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    if (state.has(node)) continue;
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('module graph', () => {
  it('reads runtime imports and ignores type-only ones', () => {
    const source = [
      "import { a } from './a.js';",
      "import type { B } from './b.js';",
      "import { type C, d } from './c.js';",
      "export { e } from './e.js';",
      "export type { F } from './f.js';",
      "import './side-effect.js';",
      "import x from 'zod';",
    ].join('\n');
    expect(runtimeImports(source)).toEqual(['./a.js', './c.js', './e.js', './side-effect.js']);
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', []]]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(new Map([['a', ['b']], ['b', []]]))).toBeUndefined();
  });

  it('has no import cycle at run time', () => {
    const graph = new Map<string, string[]>();
    for (const layer of LAYERS) {
      for (const file of sourceFiles(join(root, layer))) {
        const imports = runtimeImports(readFileSync(file, 'utf8'))
          .map((specifier) => resolveImport(file, specifier))
          .filter((path): path is string => path !== undefined);
        graph.set(file, imports);
      }
    }
    expect(graph.size).toBeGreaterThan(200);
    const cycle = findCycle(graph);
    expect(cycle?.map((path) => relative(root, path)).join(' → ')).toBeUndefined();
  });
});

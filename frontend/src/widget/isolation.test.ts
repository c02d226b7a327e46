import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const SRC = resolve(__dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function imports(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2],
  );
}

/**
 * widget.js is loaded by a classic `<script>` on brokers' sites. If any module were shared between the
 * widget and the dashboard, the build would put it in a common chunk and widget.js would start with
 * `import …`, a syntax error there. So the widget imports only its own folder, nobody imports the widget,
 * and widget.ts exports nothing.
 */
describe('the widget bundle stays a plain script', () => {
  it('imports nothing outside src/widget', () => {
    for (const file of files(join(SRC, 'widget'))) {
      for (const spec of imports(file)) {
        expect(spec.startsWith('./'), `${relative(SRC, file)} imports ${spec}`).toBe(true);
      }
    }
  });

  it('is imported by nothing outside src/widget', () => {
    for (const file of files(SRC).filter((f) => !f.startsWith(join(SRC, 'widget')))) {
      for (const spec of imports(file)) {
        expect(/(^|\/)widget(\/|$)/.test(spec), `${relative(SRC, file)} imports ${spec}`).toBe(false);
      }
    }
  });

  it('exports nothing from its entry', () => {
    expect(readFileSync(join(SRC, 'widget', 'widget.ts'), 'utf8')).not.toMatch(/^\s*export\s/m);
  });
});

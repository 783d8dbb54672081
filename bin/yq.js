#!/usr/bin/env node
// The installed `yq` command runs the bundled CLI (npm run build makes it); from a checkout, `npm run yq -- …`
// runs the TypeScript source directly.
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli/yq.mjs', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  process.stderr.write('yq: 尚未构建，请先运行 npm run build（源码目录中也可用 npm run yq -- …）\n');
  process.exitCode = 2;
}

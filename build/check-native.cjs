// electron-builder beforePack hook (electron-builder.yml): the package for an architecture carries
// native/dist/<arch>/better_sqlite3.node, the Electron-ABI build scripts/ensure-electron-native.mjs makes on a
// machine of that architecture and platform. Without it (or with another platform's build) the app would install
// and then fail to open its ledger, so packing stops here with the reason and what to do.
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

// builder-util's Arch enum, by number.
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

function problem(context) {
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  const platform = context.electronPlatformName;
  const dir = path.join(context.packager.projectDir, 'native', 'dist', arch);
  const addon = path.join(dir, 'better_sqlite3.node');
  const how = `请在 ${platform}/${arch} 的机器上运行 npm run dist -- --${arch}（它会先为 Electron 编译 better-sqlite3）。`;
  if (!existsSync(addon)) return `缺少 ${platform}/${arch} 版的数据库组件 ${addon}。${how}`;
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(path.join(dir, 'yq-build.json'), 'utf8'));
  } catch {
    return `${addon} 缺少编译记录 yq-build.json，无法确认它的平台。${how}`;
  }
  if (stamp.platform !== platform || stamp.arch !== arch) {
    return `${addon} 是为 ${stamp.platform}/${stamp.arch} 编译的，不能装进 ${platform}/${arch} 的安装包。${how}`;
  }
  return undefined;
}

module.exports = async function checkNative(context) {
  const reason = problem(context);
  if (reason) throw new Error(`无法打包：${reason}`);
};
module.exports.problem = problem;

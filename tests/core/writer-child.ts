// Child process for the concurrent-writers test: opens one ledger file that other processes write at the same
// time and makes `count` changes through the contract (register, edit, follow up), then reports how many failed.
import { openLedger } from '../../electron/core/open-ledger.js';
import { createDispatcher, createHandlers } from '../../electron/core/service.js';

const [dbPath, name, countText] = process.argv.slice(2);
const count = Number(countText);
const ledger = openLedger({ path: dbPath!, actor: name! });
const failures: string[] = [];
const call = createDispatcher(createHandlers(ledger), { logInternal: (_method, error) => failures.push(String(error)) });
let incidentId = '';
for (let i = 0; i < count; i += 1) {
  const step = i % 3;
  const result =
    step === 0
      ? await call('createIncident', {
          title: `${name} 第${i}条 供暖投诉`, platform: '微博', foundAt: '2026-11-28 08:00', severity: '一般', categories: ['其他'],
        })
      : step === 1
        ? await call('updateIncident', { id: incidentId, patch: { summary: `${name} 修改 ${i}` } })
        : await call('addFollowup', { incident: incidentId, kind: '进展', content: `${name} 跟进 ${i}` });
  if (result.ok && step === 0) incidentId = (result.value as { id: string }).id;
  if (!result.ok) failures.push(result.error.message);
}
ledger.close();
process.stdout.write(`${JSON.stringify({ failures })}\n`);

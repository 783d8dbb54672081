import type { Command } from '../command.js';
import { auditCommands } from './audit.js';
import { backupCommands } from './backup.js';
import { commitmentCommands } from './commitments.js';
import { digestCommands } from './digest.js';
import { incidentCommands } from './incidents.js';
import { townshipCommands, unitCommands } from './named-reference.js';
import { responseCommands } from './responses.js';
import { ruleCommands } from './rules.js';
import { staffCommands } from './staff.js';
import { syncCommands } from './sync.js';
import { similarityCommands } from './similarity.js';
import { workstationCommands } from './workstation.js';
import { excelCommands } from './excel.js';

/** Every yq command, one file per feature; `init` first, as the usage text lists them in this order. */
export const COMMANDS: readonly Command[] = [
  ...workstationCommands,
  ...incidentCommands,
  ...responseCommands,
  ...commitmentCommands,
  ...digestCommands,
  ...townshipCommands,
  ...unitCommands,
  ...ruleCommands,
  ...auditCommands,
  ...syncCommands,
  ...excelCommands,
  ...staffCommands,
  ...backupCommands,
  ...similarityCommands,
];

import type { Command } from '../command.js';
import { auditCommands } from './audit.js';
import { commitmentCommands } from './commitments.js';
import { digestCommands } from './digest.js';
import { incidentCommands } from './incidents.js';
import { responseCommands } from './responses.js';
import { syncCommands } from './sync.js';

/** Every yq command but `init`, one file per feature. */
export const COMMANDS: readonly Command[] = [...incidentCommands, ...responseCommands, ...commitmentCommands, ...digestCommands, ...auditCommands, ...syncCommands];

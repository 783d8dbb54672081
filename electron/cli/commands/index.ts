import type { Command } from '../command.js';
import { auditCommands } from './audit.js';
import { incidentCommands } from './incidents.js';
import { responseCommands } from './responses.js';

/** Every yq command but `init`, one file per feature. */
export const COMMANDS: readonly Command[] = [...incidentCommands, ...responseCommands, ...auditCommands];

import { z } from 'zod';
import {
  incidentId,
  incidentInputSchema,
  incidentPageSchema,
  incidentPatchSchema,
  incidentQuerySchema,
  incidentSchema,
  transitionInputSchema,
} from '../schemas.js';

/** Registering incidents and moving them through the workflow. */
export const incidentMethods = {
  createIncident: { input: incidentInputSchema, output: incidentSchema },
  updateIncident: { input: z.strictObject({ id: incidentId, patch: incidentPatchSchema }), output: incidentSchema },
  getIncident: { input: z.strictObject({ id: incidentId }), output: incidentSchema },
  listIncidents: { input: incidentQuerySchema, output: incidentPageSchema },
  transitionIncident: { input: transitionInputSchema, output: incidentSchema },
} as const;

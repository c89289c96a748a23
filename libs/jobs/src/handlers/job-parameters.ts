// The parameters each job kind carries (written by the API, read by the handlers), checked on the way in:
// a row could come from an older version of the platform or be edited by hand.
import { z } from 'zod';

export const trainParameters = z.object({
  datasetVersionId: z.string(),
  modelName: z.string().min(1),
  preset: z.string(),
  epochsTeacher: z.number().int().min(0).nullish(),
  epochsStudent: z.number().int().min(0).nullish(),
  batchSize: z.number().int().min(1).nullish(),
  seed: z.number().int().min(0).nullish(),
  validationVideos: z.number().int().min(0).nullish(),
  motion: z.enum(['paper', 'reference-code']).nullish(),
  overrides: z.record(z.string(), z.unknown()).nullish(),
});

export const inferParameters = z.object({
  modelVersionId: z.string(),
  videoIds: z.array(z.string()).min(1),
  maskSeed: z.number().int().min(0).nullish(),
});

export const evaluateParameters = z.object({
  inferenceJobId: z.string(),
  protocol: z.object({ name: z.string(), version: z.union([z.string(), z.number()]), parameters: z.record(z.string(), z.unknown()) }).passthrough(),
});

export const importParameters = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('folder'),
    path: z.string(),
    format: z.string(),
    datasetName: z.string(),
    labelsPath: z.string().nullish(),
    masksPath: z.string().nullish(),
  }),
  z.object({
    source: z.literal('upload'),
    datasetId: z.string(),
    split: z.enum(['train', 'test']),
    name: z.string(),
    storageKey: z.string(),
    labels: z.union([z.array(z.number()), z.array(z.array(z.number()))]).nullish(),
  }),
]);

export function parseParameters<T>(schema: z.ZodType<T>, value: unknown, kind: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`invalid ${kind} job parameters: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

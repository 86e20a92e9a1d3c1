import type { PipelineItem } from '@eidor/contract';
import { PIPELINE_STAGES, type PipelineStage } from '@eidor/domain';

export type BoardColumn = { stage: PipelineStage; items: PipelineItem[] };

/**
 * The board: one column per stage in the pipeline's order (only the chosen one when filtered), each
 * in the order the server gave (next step due first). Columns without households are kept, so that
 * the board always reads the same way.
 */
export function boardColumns(items: readonly PipelineItem[], stage?: PipelineStage): BoardColumn[] {
  const stages = stage ? [stage] : PIPELINE_STAGES;
  return stages.map((s) => ({ stage: s, items: items.filter((i) => i.stage === s) }));
}

/** The pipeline's next step still to do for the household, overdue ones counted. */
export function overdueCount(items: readonly PipelineItem[]): number {
  return items.filter((i) => i.overdue).length;
}

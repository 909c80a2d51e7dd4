import type { EvaluationResult } from './evaluate_recordings';
import { targetOf } from './quality_targets';

const COLUMNS = ['dataset', 'family', 'label', 'sessions', 'automation', 'AUC', 'TPR@1%FPR', 'target'] as const;

/** Formats evaluation results as a Markdown table, one row per source and family. */
export function formatTable(results: readonly EvaluationResult[]): string {
  const rows = results.map((result) => {
    const target = targetOf(result);
    return [
      result.dataset,
      result.family,
      result.label,
      String(result.sessions),
      percent(result.automationRate),
      result.auc === null ? '' : result.auc.toFixed(3),
      result.tprAt1Fpr === null ? '' : percent(result.tprAt1Fpr),
      target === null ? '' : `${target.bound === 'max' ? '≤' : '≥'} ${percent(target.required)}`,
    ];
  });
  const lines = [`| ${COLUMNS.join(' | ')} |`, `|${COLUMNS.map((_, i) => (i >= 3 ? '---:' : '---')).join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

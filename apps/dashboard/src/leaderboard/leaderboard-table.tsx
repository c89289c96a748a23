// A data set's leaderboard: model versions ranked on the frame and region metrics, sortable by any
// column, rows that are not comparable marked, and published results as clearly labelled reference rows.
'use client';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { formatCount } from '../format/format-count';
import { formatDate } from '../format/format-date';
import { formatMetric } from '../format/format-metric';
import { formatRate } from '../format/format-rate';
import { incomparableReason } from './comparability';
import type { Leaderboard } from './leaderboard-row';
import { nextSortOrder, sortLeaderboardRows, sortReferenceRows, type SortKey, type SortOrder } from './sort-leaderboard';

interface Column {
  key: SortKey;
  label: string;
  numeric: boolean;
  title?: string;
}

const COLUMNS: Column[] = [
  { key: 'rank', label: 'Rank', numeric: true },
  { key: 'model', label: 'Model version', numeric: false },
  { key: 'microAuc', label: 'Micro AUC', numeric: true, title: 'Frame AUC over all test frames, %' },
  { key: 'macroAuc', label: 'Macro AUC', numeric: true, title: 'Mean of per-video frame AUCs, %' },
  { key: 'rbdc', label: 'RBDC', numeric: true, title: 'Region-based detection criterion (×100)' },
  { key: 'tbdc', label: 'TBDC', numeric: true, title: 'Track-based detection criterion (×100)' },
  { key: 'framesPerSecond', label: 'FPS', numeric: true, title: 'Model-only frames per second' },
  { key: 'parameterCount', label: 'Params', numeric: true },
];

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

export function LeaderboardTable({ board }: { board: Leaderboard }) {
  const [order, setOrder] = useState<SortOrder>({ key: 'rank', direction: 'asc' });
  const rows = useMemo(() => sortLeaderboardRows(board.rows, order), [board.rows, order]);
  const references = useMemo(() => sortReferenceRows(board.references, order), [board.references, order]);

  const header = (column: Column) => (
    <th key={column.key} className={column.numeric ? 'num' : undefined} aria-sort={order.key === column.key ? ARIA_SORT[order.direction] : 'none'} scope="col">
      <button type="button" className="sort" title={column.title} onClick={() => setOrder(nextSortOrder(order, column.key))}>
        {column.label}
        <span aria-hidden="true">{order.key === column.key ? (order.direction === 'asc' ? '▲' : '▼') : ''}</span>
      </button>
    </th>
  );

  return (
    <div className="table-wrap">
      <table aria-label={`Leaderboard of ${board.dataset.name}`}>
        <thead>
          <tr>
            {COLUMNS.map(header)}
            <th scope="col">Protocol</th>
            <th scope="col">Checkpoint</th>
            <th scope="col">Data set</th>
            {header({ key: 'createdAt', label: 'Date', numeric: false })}
            <th scope="col">Author</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const reason = incomparableReason(row, board);
            return (
              <tr key={row.evaluation.id} className={reason ? 'not-comparable' : undefined} data-testid="leaderboard-row">
                <td className="num">{row.rank ?? '—'}</td>
                <td>
                  <Link href={`/models/${row.modelVersion.model.id}?version=${row.modelVersion.id}`}>
                    {row.modelVersion.model.name} v{row.modelVersion.number}
                  </Link>{' '}
                  {reason && (
                    <span className="badge warn" title={reason}>
                      not comparable<span className="visually-hidden">: {reason}</span>
                    </span>
                  )}
                  {(row.evaluation.job || row.evaluation.inferenceJob) && (
                    <span className="small row-links">
                      {row.evaluation.job && <Link href={`/jobs/${row.evaluation.job.id}`}>evaluation</Link>}
                      {row.evaluation.inferenceJob && <Link href={`/jobs/${row.evaluation.inferenceJob.id}`}>runs</Link>}
                    </span>
                  )}
                </td>
                <td className="num">{formatMetric(row.microAuc)}</td>
                <td className="num">{formatMetric(row.macroAuc)}</td>
                <td className="num">{formatMetric(row.rbdc)}</td>
                <td className="num">{formatMetric(row.tbdc)}</td>
                <td className="num">{formatRate(row.framesPerSecond)}</td>
                <td className="num">{formatCount(row.parameterCount)}</td>
                <td>{row.protocolName}</td>
                <td>{row.checkpointRule}</td>
                <td>v{row.datasetVersionNumber}</td>
                <td>{formatDate(row.createdAt)}</td>
                <td>{row.author?.name ?? '—'}</td>
              </tr>
            );
          })}
        </tbody>
        {references.length > 0 && (
          <tbody className="references" aria-label="Published reference results">
            <tr>
              <th scope="rowgroup" colSpan={13}>
                Published reference results — from the paper, not ranked
              </th>
            </tr>
            {references.map((ref) => (
              <tr key={ref.source} data-testid="reference-row">
                <td className="num">
                  <span className="badge accent">ref</span>
                </td>
                <td>{ref.source}</td>
                <td className="num">{formatMetric(ref.microAuc)}</td>
                <td className="num">{formatMetric(ref.macroAuc)}</td>
                <td className="num">{formatMetric(ref.rbdc)}</td>
                <td className="num">{formatMetric(ref.tbdc)}</td>
                <td className="num">{formatRate(ref.framesPerSecond)}</td>
                <td className="num">—</td>
                <td colSpan={5} className="muted">
                  published number, not re-run on this platform
                </td>
              </tr>
            ))}
          </tbody>
        )}
      </table>
    </div>
  );
}

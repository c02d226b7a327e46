import type { ReactNode } from 'react';
import { EmptyState } from './States';
import './table.css';

/** One column of a DataTable. */
export interface Column<T> {
  /** The column's name: its header, and on a phone the label above each of its cells. */
  header: string;
  cell: (row: T) => ReactNode;
  /** Figures: aligned right (left on a phone, under their label). */
  num?: boolean;
  /** The cell names its row (`<th scope="row">`). */
  rowHeader?: boolean;
  /** False where a phone needs no label above the cell (a name, a state badge, the row's buttons). */
  label?: boolean;
  className?: string;
  testId?: string;
}

/**
 * A table of records, as the admin pages and operations list them: a header row, one row a record (each
 * cell labelled with its column for a phone, where a row reads as a card), or `empty` when there is none.
 */
export function DataTable<T>({
  rows,
  columns,
  rowKey,
  rowTestId,
  rowClassName,
  empty,
}: {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  rowTestId: string;
  rowClassName?: (row: T) => string | undefined;
  empty: string;
}) {
  if (rows.length === 0) return <EmptyState title={empty} />;
  const numeric = (column: Column<T>) => (column.num ? 'num' : undefined);
  return (
    <div className="table-wrap">
      <table className="data stack">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={numeric(column)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)} data-testid={rowTestId}>
              {columns.map((column) =>
                column.rowHeader ? (
                  <th key={column.header} scope="row" className={column.className} data-testid={column.testId}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td
                    key={column.header}
                    className={[numeric(column), column.className].filter(Boolean).join(' ') || undefined}
                    data-label={column.label === false ? undefined : column.header}
                    data-testid={column.testId}
                  >
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

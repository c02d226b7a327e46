import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { DataTable, type Column } from './DataTable';

interface Provider {
  name: string;
  calls: number;
  active: boolean;
}

const COLUMNS: Column<Provider>[] = [
  { header: 'Proveedor', cell: (p) => p.name, rowHeader: true },
  { header: 'Llamadas', cell: (p) => p.calls, num: true, testId: 'calls' },
  { header: 'Acciones', cell: (p) => <button type="button">Editar {p.name}</button>, label: false },
];

describe('DataTable', () => {
  it('says so when there is nothing to list', () => {
    render(<DataTable rows={[]} columns={COLUMNS} rowKey={(p) => p.name} rowTestId="row" empty="Sin proveedores." />);
    expect(screen.getByText('Sin proveedores.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('lists one row a record, each cell under its column and labelled for a phone', () => {
    render(
      <DataTable
        rows={[
          { name: 'openai', calls: 12, active: true },
          { name: 'anthropic', calls: 3, active: false },
        ]}
        columns={COLUMNS}
        rowKey={(p) => p.name}
        rowTestId="provider-row"
        rowClassName={(p) => (p.active ? undefined : 'inactive')}
        empty="Sin proveedores."
      />,
    );
    const table = screen.getByRole('table');
    expect(table).toHaveClass('data', 'stack');
    expect(table.parentElement).toHaveClass('table-wrap');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Proveedor', 'Llamadas', 'Acciones']);
    expect(within(table).getByRole('columnheader', { name: 'Llamadas' })).toHaveClass('num');

    const [openai, anthropic] = screen.getAllByTestId('provider-row');
    expect(within(openai).getByRole('rowheader', { name: 'openai' })).toHaveAttribute('scope', 'row');
    expect(within(openai).getByTestId('calls')).toHaveTextContent('12');
    expect(within(openai).getByTestId('calls')).toHaveClass('num');
    expect(within(openai).getByTestId('calls')).toHaveAttribute('data-label', 'Llamadas');
    expect(within(openai).getByRole('button', { name: 'Editar openai' }).closest('td')).not.toHaveAttribute(
      'data-label',
    );
    expect(within(openai).getByRole('rowheader')).not.toHaveAttribute('data-label');
    expect(openai).not.toHaveClass('inactive');
    expect(anthropic).toHaveClass('inactive');
  });
});

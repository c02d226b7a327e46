import { describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ReactNode } from 'react';
import { ConfirmDialog, Dialog, FormDialog } from './Dialog';

/** A page with a button that opens `dialog`, as the dashboard's pages do. */
function Opener({ dialog }: { dialog: (close: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div onKeyDown={(e) => e.key === 'Escape' && outerEscape()}>
      <button type="button" onClick={() => setOpen(true)}>
        abrir
      </button>
      {open && dialog(() => setOpen(false))}
    </div>
  );
}
const outerEscape = vi.fn();

async function openWith(dialog: (close: () => void) => ReactNode) {
  render(<Opener dialog={dialog} />);
  await userEvent.click(screen.getByRole('button', { name: 'abrir' }));
  return screen.getByRole('dialog');
}

describe('Dialog', () => {
  it('is a modal dialog named by its title, outside the page it opens from', async () => {
    const dialog = await openWith((close) => (
      <Dialog title="Asignar lead" onClose={close}>
        <p>cuerpo</p>
      </Dialog>
    ));
    expect(screen.getByRole('dialog', { name: 'Asignar lead' })).toBe(dialog);
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog.parentElement?.parentElement).toBe(document.body);
    expect(within(dialog).queryByRole('button', { name: 'Cerrar' })).toBeNull();
  });

  it('starts on the element marked data-autofocus, else the first field, else the first control, else itself', async () => {
    const marked = await openWith((close) => (
      <Dialog title="a" onClose={close}>
        <input aria-label="campo" />
        <button type="button" data-autofocus>
          marcado
        </button>
      </Dialog>
    ));
    expect(within(marked).getByRole('button', { name: 'marcado' })).toHaveFocus();
    cleanup();

    const field = await openWith((close) => (
      <Dialog title="b" onClose={close} closeButton>
        <button type="button">antes</button>
        <select aria-label="etapa" disabled />
        <textarea aria-label="motivo" />
      </Dialog>
    ));
    expect(within(field).getByLabelText('motivo')).toHaveFocus();
    cleanup();

    const control = await openWith((close) => (
      <Dialog title="c" onClose={close} closeButton>
        <button type="button" disabled>
          apagado
        </button>
        <button type="button">Desactivar</button>
      </Dialog>
    ));
    expect(within(control).getByRole('button', { name: 'Desactivar' })).toHaveFocus();
    cleanup();

    const itself = await openWith((close) => (
      <Dialog title="d" onClose={close} closeButton>
        <p>cargando</p>
      </Dialog>
    ));
    expect(itself).toHaveFocus();
  });

  it('keeps Tab inside, both ways, and on itself when nothing inside takes focus', async () => {
    const dialog = await openWith((close) => (
      <Dialog title="Agendar" onClose={close} closeButton>
        <input aria-label="uno" />
        <button type="button">dos</button>
        <button type="button" disabled>
          tres
        </button>
      </Dialog>
    ));
    const close = within(dialog).getByRole('button', { name: 'Cerrar' });
    const first = within(dialog).getByLabelText('uno');
    const last = within(dialog).getByRole('button', { name: 'dos' });
    expect(first).toHaveFocus();
    await userEvent.tab();
    expect(last).toHaveFocus();
    await userEvent.tab();
    expect(close).toHaveFocus();
    await userEvent.tab({ shift: true });
    expect(last).toHaveFocus();
    dialog.focus();
    await userEvent.tab({ shift: true });
    expect(last).toHaveFocus();
    cleanup();

    const empty = await openWith((close) => (
      <Dialog title="vacío" onClose={close}>
        <p>nada que enfocar</p>
      </Dialog>
    ));
    expect(empty).toHaveFocus();
    await userEvent.tab();
    expect(empty).toHaveFocus();
  });

  it('closes on Escape, which goes no further, and gives focus back to what opened it', async () => {
    outerEscape.mockClear();
    const dialog = await openWith((close) => (
      <Dialog title="Mover" onClose={close}>
        <input aria-label="motivo" />
      </Dialog>
    ));
    expect(within(dialog).getByLabelText('motivo')).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(outerEscape).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'abrir' })).toHaveFocus();
  });

  it('closes from its ✕ button and from the backdrop, unless told to stay', async () => {
    const dialog = await openWith((close) => (
      <Dialog title="Importar" onClose={close} closeButton>
        <p>texto</p>
      </Dialog>
    ));
    fireEvent.mouseDown(within(dialog).getByText('texto'));
    expect(screen.getByRole('dialog')).toBe(dialog);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cerrar' }));
    expect(screen.queryByRole('dialog')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'abrir' }));
    fireEvent.mouseDown(screen.getByRole('dialog').parentElement!);
    expect(screen.queryByRole('dialog')).toBeNull();
    cleanup();

    const staying = await openWith((close) => (
      <Dialog title="Mover" onClose={close} closeOnBackdrop={false}>
        <p>texto</p>
      </Dialog>
    ));
    fireEvent.mouseDown(staying.parentElement!);
    expect(screen.getByRole('dialog')).toBe(staying);
  });
});

describe('FormDialog', () => {
  it('submits with Enter whatever the browser thinks of the fields, and cancels', async () => {
    const onSubmit = vi.fn();
    const onClose = vi.fn();
    render(
      <FormDialog title="Nuevo usuario" onClose={onClose} onSubmit={onSubmit} pending={false} submitLabel="Crear">
        <input aria-label="Correo" type="email" required />
      </FormDialog>,
    );
    await userEvent.type(screen.getByLabelText('Correo'), 'no-es-correo{Enter}');
    expect(onSubmit).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Cancelar' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('turns its submit button off while the request runs', () => {
    render(
      <FormDialog title="t" onClose={() => undefined} onSubmit={() => undefined} pending submitLabel="Creando…">
        <input aria-label="Nombre" />
      </FormDialog>,
    );
    expect(screen.getByRole('button', { name: 'Creando…' })).toBeDisabled();
  });
});

describe('ConfirmDialog', () => {
  it('asks, confirms or cancels, shows the refusal, and holds the button while it runs', async () => {
    const onConfirm = vi.fn();
    const onClose = vi.fn();
    const { rerender } = render(
      <ConfirmDialog title="Desactivar a Ana" confirmLabel="Desactivar" onConfirm={onConfirm} onClose={onClose}>
        ¿Seguro?
      </ConfirmDialog>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Desactivar a Ana' });
    expect(dialog).toHaveTextContent('¿Seguro?');
    expect(within(dialog).getByRole('button', { name: 'Cancelar' })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Desactivar' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancelar' }));
    expect(onClose).toHaveBeenCalledTimes(1);

    rerender(
      <ConfirmDialog
        title="Desactivar a Ana"
        confirmLabel="Desactivar"
        cancelLabel="Cerrar"
        pending
        error="no se pudo"
        onConfirm={onConfirm}
        onClose={onClose}
      >
        ¿Seguro?
      </ConfirmDialog>,
    );
    expect(within(dialog).getByRole('alert')).toHaveTextContent('no se pudo');
    expect(within(dialog).getByRole('button', { name: 'Desactivar' })).toBeDisabled();
    expect(within(dialog).getByRole('button', { name: 'Cerrar' })).toBeEnabled();
  });
});

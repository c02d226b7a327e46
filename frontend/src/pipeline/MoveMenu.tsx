import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGES, type Stage } from '../ui/Badges';

/**
 * "Mover a…": the keyboard and phone way to move a card. A menu button (WAI-ARIA menu pattern): Enter,
 * Space or ↓ opens it on the first stage, ↑/↓/Home/End move, Enter picks, Escape or Tab closes and gives
 * the focus back to the button.
 */
export function MoveMenu({
  current,
  label,
  disabled,
  focus,
  onFocused,
  onPick,
}: {
  current: Stage;
  label: string;
  disabled?: boolean;
  /** take the focus (the card just landed in another column after a move from the keyboard) */
  focus?: boolean;
  onFocused?: () => void;
  onPick: (stage: Stage) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const root = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const choices = STAGES.filter((stage) => stage !== current);

  useEffect(() => {
    if (open) items.current[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!focus || disabled) return;
    button.current?.focus();
    onFocused?.();
  }, [focus, disabled, onFocused]);

  useEffect(() => {
    if (!open) return;
    const close = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);

  const openAt = (index: number) => {
    setActive(index);
    setOpen(true);
  };
  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) button.current?.focus();
  };
  const pick = (stage: Stage) => {
    close(true);
    onPick(stage);
  };

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      openAt(0);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(choices.length - 1);
    }
  };
  const onMenuKey = (event: KeyboardEvent) => {
    const last = choices.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: active === last ? 0 : active + 1,
      ArrowUp: active === 0 ? last : active - 1,
      Home: 0,
      End: last,
    };
    if (event.key in moves) {
      event.preventDefault();
      setActive(moves[event.key]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <div className={`move-menu ${open ? 'open' : ''}`} ref={root}>
      <button
        ref={button}
        type="button"
        className="btn small ghost"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={label}
        disabled={disabled}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKey}
      >
        {t('pipeline:moveTo')}
      </button>
      {open && (
        <ul id={menuId} role="menu" aria-label={label} className="move-menu-list" onKeyDown={onMenuKey}>
          {choices.map((stage, i) => (
            <li key={stage} role="none">
              <button
                ref={(el) => {
                  items.current[i] = el;
                }}
                type="button"
                role="menuitem"
                tabIndex={i === active ? 0 : -1}
                onClick={() => pick(stage)}
              >
                {t(`stage.${stage}`)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

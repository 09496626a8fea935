import type { PracticeRecipe } from '../practice/replay';
import type { OpenTerminal, TerminalLabels } from './terminal-ui';
import { startSimulation } from './worker-client';

/**
 * Opens a terminal below the element a "Try it" button belongs to. The terminal's
 * code (xterm.js, netsim in its worker) is fetched now, on the first click, and
 * never on a page where nobody opens one.
 */
export async function launchTerminal(trigger: HTMLButtonElement, after: Element, recipe: PracticeRecipe, commands: readonly string[] = [], onClose?: () => void): Promise<OpenTerminal> {
  const labels = JSON.parse(document.querySelector('[data-terminal-strings]')!.textContent!) as TerminalLabels;
  const simulation = startSimulation(recipe);
  const { openTerminal } = await import('./terminal-ui');
  const slot = document.createElement('div');
  slot.className = 'terminal-slot';
  after.after(slot);
  trigger.disabled = true;
  trigger.setAttribute('aria-expanded', 'true');
  const terminal = openTerminal(slot, {
    simulation,
    labels,
    commands,
    onClose: () => {
      slot.remove();
      trigger.disabled = false;
      trigger.setAttribute('aria-expanded', 'false');
      trigger.focus();
      onClose?.();
    },
  });
  return terminal;
}

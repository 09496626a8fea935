import type { TerminalLabels } from './terminal-ui';
import { startSimulation } from './worker-client';

/** The sandbox page: a terminal on a fresh host, opened as the page loads; closing it opens a new one. */
export async function openSandbox(place: HTMLElement): Promise<void> {
  const labels = JSON.parse(document.querySelector('[data-terminal-strings]')!.textContent!) as TerminalLabels;
  const recipe = JSON.parse(place.dataset.start!);
  const first = startSimulation(recipe);
  const { openTerminal } = await import('./terminal-ui');
  const open = (simulation = startSimulation(recipe)) =>
    openTerminal(place, { simulation, labels, onClose: () => open() });
  open(first);
}

import type { TerminalLabels } from './terminal-ui';

/** The sandbox page: a terminal on a fresh host, opened as the page loads; closing it opens a new one. */
export async function openSandbox(place: HTMLElement): Promise<void> {
  const labels = JSON.parse(document.querySelector('[data-terminal-strings]')!.textContent!) as TerminalLabels;
  const { openTerminal } = await import('./terminal-ui');
  const open = () => openTerminal(place, { recipe: JSON.parse(place.dataset.start!), labels, onClose: open });
  open();
}

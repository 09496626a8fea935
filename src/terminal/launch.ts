import type { PracticeRecipe } from '../practice/replay';
import type { OpenTerminal, TerminalLabels } from './terminal-ui';
import { startSimulation, type StartingSimulation } from './worker-client';

/** How long a worker started on a press waits for the click that opens its terminal. */
const PRESS_KEEPS_WORKER_MS = 10_000;

const pressed = new WeakMap<
  HTMLButtonElement,
  { simulation: StartingSimulation; timer: ReturnType<typeof setTimeout> }
>();

/**
 * A press on "Try it" (pointerdown) starts the worker before the click, which comes 50 to 200 ms
 * later: the host is being built while the finger or button is still down. A press that never
 * becomes a click lets the worker go after a while.
 */
export function pressTerminal(trigger: HTMLButtonElement, recipe: PracticeRecipe): void {
  if (pressed.has(trigger)) return;
  const simulation = startSimulation(recipe);
  const timer = setTimeout(() => {
    pressed.delete(trigger);
    simulation.worker.terminate();
  }, PRESS_KEEPS_WORKER_MS);
  pressed.set(trigger, { simulation, timer });
}

/** The worker a press on `trigger` started, if any, now the click has come. */
function takePressed(trigger: HTMLButtonElement): StartingSimulation | undefined {
  const press = pressed.get(trigger);
  if (!press) return undefined;
  pressed.delete(trigger);
  clearTimeout(press.timer);
  return press.simulation;
}

/**
 * Opens a terminal below the element a "Try it" button belongs to. The terminal's
 * code (xterm.js, netsim in its worker) is fetched now, on the first click, and
 * never on a page where nobody opens one.
 */
export async function launchTerminal(
  trigger: HTMLButtonElement,
  after: Element,
  recipe: PracticeRecipe,
  commands: readonly string[] = [],
  onClose?: () => void,
): Promise<OpenTerminal> {
  const labels = JSON.parse(document.querySelector('[data-terminal-strings]')!.textContent!) as TerminalLabels;
  const simulation = takePressed(trigger) ?? startSimulation(recipe);
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

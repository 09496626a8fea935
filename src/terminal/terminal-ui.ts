import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
// A stylesheet fetched when a terminal opens: pages where nobody opens one never load it.
import xtermStyles from '@xterm/xterm/css/xterm.css?url';
import type { Goal, GoalResult, MachineName } from '../netsim/index';
import { stripSgr } from '../practice/sgr';
import { emptyLine, insertText, pressKey, splitKeys, submitLine, type LineState } from './line-editor';
import { hasTimedLines, pace, secondsShown } from './pacing';
import { bridgeScriptStyles } from './style-bridge';
import { netsimText, traceStrings } from './trace-output';
import type { RunOutcome } from './terminal-session';
import type { StartingSimulation } from './worker-client';

/** Interface text in the reader's language, from the page (src/i18n/resources, key "terminal"). */
export interface TerminalLabels {
  region: string;
  next: string;
  reset: string;
  copy: string;
  copied: string;
  close: string;
  help: string;
  keys: string;
  /** The tab list's name: the machines a terminal can be open on. */
  machines: string;
  /** The help line's sentence about the LAN machine's tab; `{{name}}` is its hostname. */
  lanTab: string;
  bug: string;
  loading: string;
  /** The help line's sentence about `netsim trace`; the page's locale (whose strings it loads) and BCP 47 tag (plural forms). */
  traceHint: string;
  locale: string;
  tag: string;
}

export interface TerminalOptions {
  /** The worker, already building the host (`startSimulation`). */
  simulation: StartingSimulation;
  labels: TerminalLabels;
  /** The block's commands, offered one at a time by the "next command" button. */
  commands?: readonly string[];
  /** Called once the terminal is closed (focus goes back to what opened it). */
  onClose?: () => void;
}

export interface OpenTerminal {
  root: HTMLElement;
  /** An exercise's goals checked on a copy of the host as the reader left it. */
  check(goals: Goal[]): Promise<GoalResult[]>;
  close(): void;
  /** Resolves when the prompt first accepts keys. */
  ready: Promise<void>;
}

/** Keys phones lack, as xterm would send them. */
const KEY_ROW: [label: string, data: string][] = [
  ['Tab', '\t'],
  ['Ctrl-C', '\x03'],
  ['↑', '\x1b[A'],
  ['↓', '\x1b[B'],
  ['←', '\x1b[D'],
  ['→', '\x1b[C'],
  ['Ctrl-A', '\x01'],
  ['Ctrl-E', '\x05'],
  ['Ctrl-L', '\x0c'],
];

/** Characters of a tab's screen kept to draw it again: well past what 2,000 lines of scrollback show. */
const SCREEN_LOG_LIMIT = 1_000_000;

/** A tab not on screen: its screen as written, and its line editor and prompt as the reader left them. */
interface AwayTab {
  screenLog: string;
  prompt: string;
  mainPrompt: string;
  continued: string | undefined;
  line: LineState;
  cursorRow: number;
  transcript: string;
  reading: boolean;
}

function button(label: string, attribute: string): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'terminal__button';
  element.textContent = label;
  element.setAttribute(attribute, '');
  return element;
}

/** A colour of the site's theme as the browser resolved it (the variables hold light-dark() pairs xterm cannot read). */
/** Enter with no modifier, outside an input method's composition: a line to run. */
function isPlainEnter(event: KeyboardEvent): boolean {
  return (
    event.key === 'Enter' && !event.isComposing && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey
  );
}

function themeColor(element: HTMLElement, value: string): string {
  const probe = document.createElement('span');
  // Any colour resolves the same through `color`: which property the theme uses it for does not matter here.
  probe.style.color = value;
  element.append(probe);
  const resolved = getComputedStyle(probe).color;
  probe.remove();
  return resolved;
}

/**
 * Opens a terminal on a simulated host inside `container`: xterm.js on the page,
 * netsim in a worker. The reader types as at a bash prompt; the worker answers.
 */
export function openTerminal(container: HTMLElement, options: TerminalOptions): OpenTerminal {
  const { labels } = options;
  if (!document.querySelector(`link[href="${xtermStyles}"]`)) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = xtermStyles;
    document.head.append(link);
  }
  const root = document.createElement('section');
  root.className = 'terminal';
  root.setAttribute('data-terminal', '');
  root.setAttribute('aria-label', labels.region);
  root.setAttribute('data-busy', '');
  const toolbar = document.createElement('div');
  toolbar.className = 'terminal__toolbar';
  const commands = [...(options.commands ?? [])];
  const nextButton = button(labels.next, 'data-terminal-next');
  const resetButton = button(labels.reset, 'data-terminal-reset');
  const copyButton = button(labels.copy, 'data-terminal-copy');
  const closeButton = button(labels.close, 'data-terminal-close');
  if (commands.length > 0) toolbar.append(nextButton);
  toolbar.append(resetButton, copyButton, closeButton);
  // The machines a terminal can be open on, as tabs: filled in once the worker says which there are.
  const tabs = document.createElement('div');
  tabs.className = 'terminal__tabs';
  tabs.setAttribute('role', 'tablist');
  tabs.setAttribute('aria-label', labels.machines);
  tabs.hidden = true;
  const screen = document.createElement('div');
  screen.className = 'terminal__screen';
  const keys = document.createElement('div');
  keys.className = 'terminal__keys';
  keys.setAttribute('role', 'group');
  keys.setAttribute('aria-label', labels.keys);
  for (const [label, data] of KEY_ROW) {
    const key = button(label, 'data-terminal-key');
    // Pressing a key button must not take focus from the terminal, or the phone's keyboard closes.
    key.addEventListener('mousedown', (event) => event.preventDefault());
    key.addEventListener('click', () => {
      feed(data);
      term.focus();
    });
    keys.append(key);
  }
  const help = document.createElement('p');
  help.className = 'terminal__help';
  help.textContent = `${labels.help} ${labels.traceHint}`;
  root.append(toolbar, tabs, screen, keys, help);
  container.append(root);

  bridgeScriptStyles();
  const term = new Terminal({
    convertEol: true,
    cursorBlink: true,
    screenReaderMode: true,
    fontFamily: getComputedStyle(document.documentElement).getPropertyValue('--font-mono').trim() || 'monospace',
    fontSize: 14,
    rows: 18,
    scrollback: 2000,
    theme: {
      background: themeColor(screen, 'var(--console-bg)'),
      foreground: themeColor(screen, 'var(--fg)'),
      cursor: themeColor(screen, 'var(--accent)'),
      cursorAccent: themeColor(screen, 'var(--console-bg)'),
      selectionBackground: themeColor(screen, 'var(--border)'),
    },
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.open(screen);
  fit.fit();
  const resize = new ResizeObserver(() => fit.fit());
  resize.observe(screen);
  // Focus is never trapped: Escape leaves the terminal for its toolbar.
  term.attachCustomKeyEventHandler((event) => {
    if (event.type === 'keydown' && event.key === 'Escape') {
      toolbar.querySelector('button')?.focus();
      return false;
    }
    // A plain Enter goes straight to the line editor. Left to xterm, it would clear its hidden textarea
    // and screen-reader live region and restart the cursor's blink: DOM changes that make the browser
    // draw a frame before the worker's answer can be shown, which is most of Enter's latency on a phone.
    // The textarea is cleared with the output instead (clearHelperTextarea).
    if (isPlainEnter(event)) {
      if (event.type === 'keydown') {
        event.preventDefault();
        // As user input, so xterm parses the answer's first write at once and clears a selection.
        term.input('\r');
      }
      return false;
    }
    return true;
  });

  const { worker } = options.simulation;
  let prompt = '';
  /** The lines of a command bash would still read more of (PS2), and the prompt to go back to. */
  let continued: string | undefined;
  let mainPrompt = '';
  /** A program owns the input (`read`, a connected telnet): empty lines, Ctrl-C, Ctrl-D and Ctrl-] go to it. */
  let reading = false;
  let line: LineState = emptyLine();
  let cursorRow = 0;
  let busy = true;
  let typeahead: string[] = [];
  let transcript = '';
  let lastTab = '';
  let endless:
    { shown: string[]; timer: ReturnType<typeof setTimeout> | undefined; command: string; timed: boolean } | undefined;
  let flushPaced: (() => void) | undefined;
  /** The newline after an entered line, not yet written: it goes out with what comes next. */
  let pendingNewline = false;
  /** The prompt and line as render() last drew them, until something else is written. */
  let drawn: { prompt: string; buffer: string; columns: number; atEnd: boolean } | undefined;
  /** Bumped by Reset and Close: output still on its way from before is dropped. */
  let generation = 0;
  /** The machine whose terminal is on screen, and what was written to it: switching tabs writes it again. */
  let tab: MachineName = 'host';
  let screenLog = '';
  /** The other tabs as they were left. */
  const away = new Map<MachineName, AwayTab>();
  /**
   * The line being typed, run ahead by the worker on a copy of the host (TerminalSimulation.speculate):
   * at Enter, if it is still the line, its output is written at once, before the browser's next frame,
   * and the worker makes that copy the host. `hostChanges` tells an answer about a host since changed.
   */
  let foreseen: { line: string; columns: number; outcome: RunOutcome | undefined } | undefined;
  let foreseeing = '';
  let hostChanges = 0;

  /** Asks the worker to run the line as it now stands ahead of Enter. */
  function foresee() {
    if (busy || endless || continued !== undefined || line.buffer === foreseeing) return;
    foreseeing = line.buffer;
    root.removeAttribute('data-foreseen');
    if (line.buffer.trim() === '') return;
    const asked = hostChanges;
    const columns = term.cols;
    worker.ask<'foreseen'>({ type: 'speculate', line: line.buffer, columns }).then(
      (reply) => {
        if (asked !== hostChanges) return;
        foreseen = { line: reply.line, columns, outcome: reply.outcome };
        // A hook for tests: the line as it stands will print at Enter without waiting for the worker.
        root.toggleAttribute('data-foreseen', reply.outcome !== undefined && reply.line === foreseeing);
      },
      // Nothing foreseen: Enter waits for the worker, as without it.
      () => undefined,
    );
  }

  /** The host is about to change (a line, Reset, another tab): what was foreseen no longer holds. */
  function forgetForeseen() {
    hostChanges++;
    foreseen = undefined;
    foreseeing = '';
    root.removeAttribute('data-foreseen');
  }

  /** Everything the terminal shows goes through here, so a tab's screen can be drawn again. */
  function out(text: string) {
    screenLog += text;
    // A bounded record: past xterm's scrollback it would not be shown anyway. Cut at a line's start.
    if (screenLog.length > SCREEN_LOG_LIMIT)
      screenLog = screenLog.slice(screenLog.indexOf('\n', screenLog.length - SCREEN_LOG_LIMIT / 2) + 1);
    term.write(text);
  }

  /** Redraws the prompt and line, wrapped over the terminal's width, with the cursor where the editor has it. */
  /**
   * What xterm does on Enter, done when the answer is written: the keys a screen reader heard typed
   * into xterm's hidden textarea go, so the next line starts with an empty one.
   */
  function clearHelperTextarea() {
    if (term.textarea) term.textarea.value = '';
  }

  /**
   * Output that is not the prompt and line: what render() drew is no longer where it was, so the
   * next render draws them whole.
   */
  function writeAside(text: string) {
    drawn = undefined;
    out(text);
  }

  function render() {
    const width = term.cols;
    const total = prompt.length + line.buffer.length;
    const endRow = total > 0 && total % width === 0 ? total / width - 1 : Math.floor(total / width);
    const target = prompt.length + line.cursor;
    // Typing at the end of the line echoes only what was typed, as readline does: xterm draws less,
    // and a screen reader hears the keys, not the prompt again after each one.
    const typedAtEnd =
      !pendingNewline &&
      drawn?.atEnd === true &&
      drawn.prompt === prompt &&
      drawn.columns === width &&
      target === total &&
      line.buffer.length > drawn.buffer.length &&
      line.buffer.startsWith(drawn.buffer);
    if (typedAtEnd) {
      out(line.buffer.slice(drawn!.buffer.length));
      cursorRow = endRow;
      drawn = { ...drawn!, buffer: line.buffer };
      return foresee();
    }
    if (pendingNewline) clearHelperTextarea();
    let text = pendingNewline ? '\n' : '';
    pendingNewline = false;
    if (cursorRow > 0) text += `\x1b[${cursorRow}A`;
    text += `\r\x1b[J${prompt}${line.buffer}`;
    if (target === total) cursorRow = endRow;
    else {
      const row = Math.floor(target / width);
      if (endRow > row) text += `\x1b[${endRow - row}A`;
      text += `\x1b[${(target % width) + 1}G`;
      cursorRow = row;
    }
    out(text);
    drawn = { prompt, buffer: line.buffer, columns: width, atEnd: target === total };
    foresee();
  }

  /** `data-busy` while a line runs: a hook for tools and tests, and for styling. */
  function setBusy(value: boolean) {
    busy = value;
    root.toggleAttribute('data-busy', value);
  }

  function newPrompt(next: string) {
    prompt = next;
    cursorRow = 0;
    setBusy(false);
    render();
    performance.mark('terminal:prompt');
    drainTypeahead();
  }

  /** Keys typed while a line ran (or a completion was computed), now that the prompt takes them. */
  function drainTypeahead() {
    const pending = typeahead;
    typeahead = [];
    for (const data of pending) feed(data);
  }

  function write(text: string) {
    if (pendingNewline) clearHelperTextarea();
    writeAside(`${pendingNewline ? '\n' : ''}${text}`);
    pendingNewline = false;
    // A copied transcript is text, as a terminal's selection is: bold and colour stay on the screen.
    transcript += stripSgr(text);
  }

  /**
   * Enter: the line as typed stays on screen, the editor starts afresh (`next`), and the worker runs it,
   * after the lines of a command not complete yet (`continued`, gathered at bash's `> ` prompt).
   */
  async function runLine(typed: string, next: LineState) {
    // Marks for `npm run bench`: from Enter to the next prompt, the terminal's own latency.
    performance.mark('terminal:enter');
    setBusy(true);
    const whole = continued === undefined ? typed : `${continued}\n${typed}`;
    const ahead = foreseen?.line === whole && foreseen.columns === term.cols ? foreseen.outcome : undefined;
    forgetForeseen();
    continued = undefined;
    const reply = worker.ask<'outcome'>({ type: 'run', line: whole, columns: term.cols });
    // Foreseen: the worker's answer is that outcome again (it takes the copy the line ran on), so it is not awaited.
    if (ahead) reply.catch(() => undefined);
    // The line is on screen already; the newline goes out with the output, in one write: a screen
    // reader's view of the terminal is rebuilt after each write, and one is faster than two.
    if (line.cursor !== line.buffer.length || line.buffer !== typed) {
      line = { ...line, buffer: typed, cursor: typed.length };
      render();
    }
    pendingNewline = true;
    line = next;
    transcript += `${prompt}${typed}\n`;
    const started = generation;
    try {
      const outcome = ahead ?? (await reply).outcome;
      // For `npm run bench`: Enter to the worker's answer, the part of the latency that is netsim's and the message's.
      performance.mark('terminal:reply');
      if (started === generation && outcome.kind === 'more') {
        if (continued === undefined && whole === typed) mainPrompt = prompt;
        continued = whole;
        return newPrompt(outcome.prompt);
      }
      if (started === generation) await show(outcome, typed);
    } catch (error) {
      // The worker itself failed: say so on one line and give the prompt back.
      await show({ kind: 'crashed', message: error instanceof Error ? error.message : String(error), prompt }, typed);
    }
  }

  async function show(outcome: RunOutcome, command: string) {
    const shownIn = generation;
    // Only a line typed at the prompt can be incomplete (runLine); an interrupted run never is.
    if (outcome.kind === 'more') return newPrompt(outcome.prompt);
    if (outcome.kind === 'crashed') {
      write(`${labels.bug.replace('{{message}}', () => outcome.message)}\n`);
      return newPrompt(outcome.prompt);
    }
    if (outcome.kind === 'trace' || outcome.kind === 'netsim-help') {
      const text = netsimText(outcome, await traceStrings(labels.locale), labels.tag);
      if (shownIn !== generation) return;
      write(text);
      return newPrompt(outcome.prompt);
    }
    if (outcome.kind === 'endless') {
      endless = { shown: [], timer: undefined, command, timed: hasTimedLines(outcome.output) };
      const steps = pace(outcome.output);
      const step = () => {
        const next = steps.shift();
        if (!next || !endless) return;
        endless.timer = setTimeout(() => {
          endless?.shown.push(next.text);
          write(next.text);
          step();
        }, next.waitMs);
      };
      step();
      return;
    }
    await new Promise<void>((done) => {
      const steps = pace(outcome.output);
      const flush = () => {
        for (const rest of steps.splice(0)) write(rest.text);
        flushPaced = undefined;
        done();
      };
      flushPaced = flush;
      const step = () => {
        const next = steps.shift();
        if (!next) {
          flushPaced = undefined;
          return done();
        }
        if (next.waitMs === 0) {
          write(next.text);
          return step();
        }
        setTimeout(() => {
          if (!flushPaced || shownIn !== generation) return done();
          write(next.text);
          step();
        }, next.waitMs);
      };
      step();
    });
    reading = outcome.reading === true;
    if (shownIn === generation) newPrompt(outcome.prompt);
  }

  async function interruptEndless() {
    const running = endless!;
    endless = undefined;
    if (running.timer) clearTimeout(running.timer);
    // Lines a second apart (ping) tell how long the reader watched; other output (a loop's) was shown whole, and Ctrl-C ends it there.
    const seconds = running.timed ? { seconds: secondsShown(running.shown) } : {};
    forgetForeseen();
    const { outcome } = await worker.ask<'outcome'>({ type: 'interrupt', ...seconds, columns: term.cols });
    if (outcome.kind !== 'done') return show(outcome, running.command);
    const already = running.shown.join('');
    write(outcome.output.startsWith(already) ? outcome.output.slice(already.length) : `\n${outcome.output}`);
    newPrompt(outcome.prompt);
  }

  async function completeLine() {
    let completion;
    try {
      ({ completion } = await worker.ask<'completion'>({ type: 'complete', line: line.buffer, cursor: line.cursor }));
    } catch {
      // No completion from a failed worker: the line stays as typed and takes keys again.
      busy = false;
      return drainTypeahead();
    }
    const word = line.buffer.slice(completion.from, line.cursor);
    if (completion.replacement !== word) {
      line = insertText(line, completion.replacement, completion.from);
      lastTab = '';
      render();
    } else if (completion.candidates.length > 1 && lastTab === line.buffer) {
      // A second Tab lists what fits, as bash does, and gives the line back.
      writeAside(`\r\n${completion.candidates.join('  ')}\r\n`);
      cursorRow = 0;
      render();
    } else {
      lastTab = line.buffer;
      if (completion.candidates.length === 0) writeAside('\x07');
    }
    busy = false;
    drainTypeahead();
  }

  /** Keys from the keyboard, a paste, or the key row. While a line runs they wait, as a terminal's typeahead does. */
  function feed(data: string) {
    if (endless) {
      if (data.includes('\x03')) void interruptEndless();
      return;
    }
    if (busy) {
      if (data.includes('\x03') && flushPaced) flushPaced();
      else typeahead.push(data);
      return;
    }
    const keys = splitKeys(data);
    for (const [index, key] of keys.entries()) {
      if (busy) {
        typeahead.push(keys.slice(index).join(''));
        return;
      }
      // Typed to a program, Ctrl-C, Ctrl-D and telnet's Ctrl-] are keys it reads: the terminal echoes them as a line.
      const control = reading ? READ_KEYS[key] : undefined;
      if (control !== undefined) {
        line = { ...line, buffer: control, cursor: control.length };
        render();
        void runLine(control, emptyLine(line.history));
        continue;
      }
      const { state, action } = pressKey(line, key);
      line = state;
      if (action !== 'complete') lastTab = '';
      switch (action) {
        case 'submit': {
          const { line: typed, next } = submitLine(line);
          if (typed.trim() === '' && continued === undefined && !reading) {
            // An empty line gives a new prompt, as bash does.
            line = { ...line, cursor: line.buffer.length };
            render();
            writeAside('\r\n');
            transcript += `${prompt}${typed}\n`;
            line = next;
            cursorRow = 0;
            render();
            break;
          }
          void runLine(typed, next);
          break;
        }
        case 'complete':
          busy = true;
          void completeLine();
          break;
        case 'interrupt':
          line = { ...line, cursor: line.buffer.length };
          render();
          writeAside('^C\r\n');
          transcript += `${prompt}${line.buffer}^C\n`;
          line = emptyLine(line.history);
          // Ctrl-C drops a command being continued, and the prompt is the shell's own again.
          if (continued !== undefined) {
            continued = undefined;
            prompt = mainPrompt;
          }
          cursorRow = 0;
          render();
          break;
        case 'clear-screen':
          writeAside('\x1b[H\x1b[2J');
          cursorRow = 0;
          render();
          break;
        case 'end-of-file':
          // Ctrl-D on an empty line leaves a container's shell, as `exit` does; the host's login shell stays.
          if (continued !== undefined) writeAside('\x07');
          else if (prompt !== '$ ' && prompt !== '# ') {
            void runLine('exit', emptyLine(line.history));
          } else writeAside('\x07');
          break;
        case 'bell':
          writeAside('\x07');
          break;
        default:
          render();
      }
    }
  }

  term.onData(feed);

  nextButton.addEventListener('click', () => {
    const command = busy || endless ? undefined : commands.shift();
    if (command !== undefined) {
      line = insertText({ ...line, buffer: '', cursor: 0 }, command, 0);
      render();
    }
    if (commands.length === 0) nextButton.disabled = true;
    term.focus();
  });
  /**
   * Shows the terminal open on `next`: the tab left keeps its screen and line, the one shown
   * gets its own back (or a new login, the first time). Not while a line runs.
   */
  async function switchTab(next: MachineName) {
    if (next === tab || busy || endless) return;
    away.set(tab, { screenLog, prompt, mainPrompt, continued, line, cursorRow, transcript, reading });
    setBusy(true);
    const started = generation;
    forgetForeseen();
    const reply = await worker.ask<'prompt'>({ type: 'switch', terminal: next });
    if (started !== generation) return;
    tab = next;
    for (const element of tabs.querySelectorAll<HTMLElement>('[data-terminal-tab]')) {
      const selected = element.dataset.terminalTab === next;
      element.setAttribute('aria-selected', String(selected));
      element.tabIndex = selected ? 0 : -1;
    }
    term.reset();
    drawn = undefined;
    pendingNewline = false;
    lastTab = '';
    const back = away.get(next);
    away.delete(next);
    if (!back) {
      screenLog = '';
      transcript = '';
      continued = undefined;
      reading = false;
      line = emptyLine();
      return newPrompt(reply.prompt);
    }
    ({ screenLog, prompt, mainPrompt, continued, line, cursorRow, transcript, reading } = back);
    term.write(screenLog);
    setBusy(false);
    performance.mark('terminal:prompt');
  }

  /** The tabs, once the worker says which machines there are: none for a host alone. */
  function showTabs(machines: readonly { name: MachineName; hostname: string }[]) {
    if (machines.length < 2) return;
    const lan = machines.find((machine) => machine.name === 'lan');
    if (lan)
      help.textContent = `${labels.help} ${labels.lanTab.replace('{{name}}', () => lan.hostname)} ${labels.traceHint}`;
    for (const machine of machines) {
      const element = document.createElement('button');
      element.type = 'button';
      element.className = 'terminal__tab';
      element.textContent = machine.hostname;
      element.setAttribute('role', 'tab');
      element.setAttribute('aria-selected', String(machine.name === tab));
      element.tabIndex = machine.name === tab ? 0 : -1;
      element.dataset.terminalTab = machine.name;
      element.addEventListener('click', () => void switchTab(machine.name).then(() => term.focus()));
      tabs.append(element);
    }
    // Arrow keys move between tabs, as a tab list's keyboard pattern has it (WAI-ARIA APG, Tabs).
    tabs.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      const all = [...tabs.querySelectorAll<HTMLButtonElement>('[data-terminal-tab]')];
      const at = all.indexOf(document.activeElement as HTMLButtonElement);
      const next = all[(at + (event.key === 'ArrowRight' ? 1 : all.length - 1)) % all.length];
      event.preventDefault();
      next?.focus();
      if (next) void switchTab(next.dataset.terminalTab as MachineName);
    });
    tabs.hidden = false;
  }

  resetButton.addEventListener('click', async () => {
    generation++;
    flushPaced = undefined;
    if (endless?.timer) clearTimeout(endless.timer);
    endless = undefined;
    setBusy(true);
    forgetForeseen();
    const reply = await worker.ask<'prompt'>({ type: 'reset' });
    term.reset();
    drawn = undefined;
    transcript = '';
    // The whole host starts again: the other tabs too, with a new login when next shown.
    screenLog = '';
    away.clear();
    continued = undefined;
    reading = false;
    commands.splice(0, commands.length, ...(options.commands ?? []));
    nextButton.disabled = false;
    line = emptyLine(line.history);
    newPrompt(reply.prompt);
    term.focus();
  });
  copyButton.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(transcript + prompt + line.buffer);
      copyButton.textContent = labels.copied;
      setTimeout(() => (copyButton.textContent = labels.copy), 2000);
    } catch {
      // Clipboard refused (no permission): the transcript is still on screen to select.
    }
  });
  const close = () => {
    generation++;
    if (endless?.timer) clearTimeout(endless.timer);
    resize.disconnect();
    worker.terminate();
    term.dispose();
    root.remove();
    options.onClose?.();
  };
  closeButton.addEventListener('click', close);

  writeAside(`${labels.loading}\r`);
  const ready = options.simulation.started.then((reply) => {
    writeAside('\x1b[2K\r');
    screenLog = '';
    showTabs(reply.terminals ?? []);
    newPrompt(reply.prompt);
    term.focus();
  });

  return {
    root,
    ready,
    close,
    check: async (goals) => (await worker.ask<'checked'>({ type: 'check', goals })).results,
  };
}

/** The keys a program reading the terminal gets as a line of their own: Ctrl-C, Ctrl-D, telnet's escape Ctrl-]. */
const READ_KEYS: Readonly<Record<string, string>> = { '\x03': '^C', '\x04': '^D', '\x1d': '^]' };

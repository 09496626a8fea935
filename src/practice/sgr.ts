/**
 * SGR (Select Graphic Rendition, ECMA-48 8.3.117): ESC [ parameters m. It only
 * styles the text after it (curl's bold header names, `ls --color`'s colours),
 * so text read without a terminal (a lesson's output, a copied transcript) loses
 * nothing without it. Kept apart from the simulator so the page can use it.
 */
const SGR = /\x1b\[[0-9;:]*m/g;

/** OSC 8 (a hyperlink, which curl puts on a Location at a terminal): ESC ] 8 ; params ; URI, ended by ST (ESC \\) or BEL. */
const OSC8 = /\x1b\]8;[^;\x07\x1b]*;[^\x07\x1b]*(?:\x1b\\|\x07)/g;

/**
 * EL (Erase in Line, ECMA-48 8.3.41): ESC [ K clears to the end of the line, which
 * shows nothing of its own; Compose writes it after a carriage return before a
 * status line (goterm.RESET_LINE), and the carriage return already does the rest.
 */
const EL = /\x1b\[[012]?K/g;

/** The text without SGR, OSC 8 links (whose text stays) and erase-in-line sequences. */
export function stripSgr(text: string): string {
  return text.replace(SGR, '').replace(OSC8, '').replace(EL, '');
}

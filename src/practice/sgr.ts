/**
 * SGR (Select Graphic Rendition, ECMA-48 8.3.117): ESC [ parameters m. It only
 * styles the text after it (curl's bold header names, `ls --color`'s colours),
 * so text read without a terminal (a lesson's output, a copied transcript) loses
 * nothing without it. Kept apart from the simulator so the page can use it.
 */
const SGR = /\x1b\[[0-9;:]*m/g;

export function stripSgr(text: string): string {
  return text.replace(SGR, '');
}

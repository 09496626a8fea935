/** The text tools the textTools module builds by name (text-module.ts textToolProgram), in every dialect. */
export const TEXT_MODULE_TOOLS = [
  'tr',
  'uniq',
  'xargs',
  'timeout',
  'rev',
  'nl',
  'basename',
  'dirname',
  'clear',
  'less',
  'more',
  'column',
  'watch',
] as const;

export type TextToolName = (typeof TEXT_MODULE_TOOLS)[number];

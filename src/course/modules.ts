/**
 * The course's modules in reading order. A module's title and description are UI
 * strings (`modules.<id>.title` in each locale's resource file), so adding a module
 * means adding its id here and its strings in every locale.
 */
export const MODULE_IDS = ['foundations', 'bridge-networks', 'beyond-one-bridge'] as const;

export type ModuleId = (typeof MODULE_IDS)[number];

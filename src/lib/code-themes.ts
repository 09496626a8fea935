/**
 * Shiki themes for every code block on the site, console blocks included, so light
 * and dark mode look the same everywhere. Both travel as CSS variables
 * (`--shiki-light`, `--shiki-dark`) and the stylesheet picks one.
 */
export const CODE_THEMES = { light: 'github-light', dark: 'github-dark' } as const;

/**
 * Shiki themes for every code block on the site, console blocks included, so light
 * and dark mode look the same everywhere. The dark colours travel as `--shiki-dark`.
 */
export const CODE_THEMES = { light: 'github-light', dark: 'github-dark' } as const;

/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Components render through Astro's own compiler: the container API needs Astro's Vite plugins.
export default getViteConfig({
  test: {
    name: 'components',
    include: ['tests/components/**/*.test.ts'],
  },
});

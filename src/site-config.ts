/**
 * Facts about the project that pages state and no other file records. The project
 * has no repository address in package.json and no licence file yet: these are the
 * one place to set them (REPOSITORY_URL and REPOSITORY_BRANCH override the first
 * two at build time, as SITE_URL does the site's address).
 */

/** Where the sources live: a lesson's "Edit this page" opens its file there (`<url>/edit/<branch>/<path>`, GitHub's and Forgejo's form). */
export const REPOSITORY = {
  url: (process.env.REPOSITORY_URL ?? 'https://github.com/redes-docker/curso').replace(/\/+$/, ''),
  branch: process.env.REPOSITORY_BRANCH ?? 'main',
};

/** The licence of the course's text, shown in every page's footer. */
export const CONTENT_LICENCE = {
  name: 'CC BY-SA 4.0',
  url: 'https://creativecommons.org/licenses/by-sa/4.0/',
};

/** The address that edits a file of the repository (a path from the project root). */
export const editUrl = (filePath: string): string =>
  `${REPOSITORY.url}/edit/${REPOSITORY.branch}/${filePath.replaceAll('\\', '/')}`;

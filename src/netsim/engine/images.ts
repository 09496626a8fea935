/**
 * What the engine needs of an image to run it: the command `docker ps` shows.
 * Sources: each image's Dockerfile on Docker Hub (docker-library); the full catalog
 * with tools and behaviour belongs to the userland issue.
 */
export interface ImageInfo {
  entrypoint: string[];
  cmd: string[];
  /** The default command is a shell: without -i or -t it reads an empty stdin and exits 0 at once. */
  shell: boolean;
  /** PID 1 handles SIGTERM (exits 0); a shell as PID 1 ignores it and `docker stop` kills it after 10 s (137). */
  stopsOnSigterm: boolean;
  /** EXPOSE lines of the Dockerfile. */
  exposed: number[];
}

const CATALOG: Record<string, ImageInfo> = {
  alpine: { entrypoint: [], cmd: ['/bin/sh'], shell: true, stopsOnSigterm: false, exposed: [] },
  busybox: { entrypoint: [], cmd: ['sh'], shell: true, stopsOnSigterm: false, exposed: [] },
  debian: { entrypoint: [], cmd: ['bash'], shell: true, stopsOnSigterm: false, exposed: [] },
  ubuntu: { entrypoint: [], cmd: ['/bin/bash'], shell: true, stopsOnSigterm: false, exposed: [] },
  nginx: { entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'], shell: false, stopsOnSigterm: true, exposed: [80] },
  httpd: { entrypoint: [], cmd: ['httpd-foreground'], shell: false, stopsOnSigterm: true, exposed: [80] },
  'nicolaka/netshoot': { entrypoint: [], cmd: ['zsh'], shell: true, stopsOnSigterm: false, exposed: [] },
};

/** `nginx:1.27` and `docker.io/library/nginx` both name the nginx image. */
export function imageInfo(reference: string): ImageInfo | undefined {
  const name = reference.replace(/^docker\.io\//, '').replace(/^library\//, '').replace(/[:@].*$/, '');
  return CATALOG[name];
}

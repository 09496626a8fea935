import { HOST_KERNEL_RELEASE } from '../../engine/host-processes';

/**
 * Docker Engine 29.7.2 from Docker's Debian packages (docker-ce, docker-ce-cli,
 * containerd.io) on amd64. Sources: docker/cli tag v29.7.2 (commit a7dcaa6,
 * 2026-08-05T17:34:15Z; Dockerfile GO_VERSION 1.26.5; client MaxAPIVersion 1.55);
 * moby tag docker-v29.7.2 (commit 6a43e3d, 2026-08-05T18:24:27Z; api/swagger.yaml
 * 1.55; daemon/config defaultMinAPIVersion 1.40; Dockerfile CONTAINERD_VERSION
 * v2.3.3, RUNC_VERSION v1.4.3, TINI_VERSION v0.19.0); containerd v2.3.3 is
 * aad11006b869..., runc v1.4.3 is bb14dab. Build times are the tags' commit times;
 * the packages' own stamps are minutes later.
 */
export const DOCKER_VERSIONS = {
  client: {
    version: '29.7.2',
    apiVersion: '1.55',
    goVersion: 'go1.26.5',
    gitCommit: 'a7dcaa6',
    buildTime: '2026-08-05T17:34:15.000000000+00:00',
  },
  engine: {
    version: '29.7.2',
    apiVersion: '1.55',
    minApiVersion: '1.40',
    goVersion: 'go1.26.5',
    gitCommit: '6a43e3d',
    buildTime: '2026-08-05T18:24:27.000000000+00:00',
    kernelVersion: HOST_KERNEL_RELEASE,
  },
  containerd: { version: 'v2.3.3', gitCommit: 'aad11006b869517fcd3009450b6f82da282e1a9b' },
  runc: { version: '1.4.3', gitCommit: 'v1.4.3-0-gbb14dab' },
  dockerInit: { version: '0.19.0', gitCommit: 'de40ad0' },
} as const;

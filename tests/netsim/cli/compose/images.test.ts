import { describe, expect, it } from 'vitest';
import { composeHost } from './fixtures';

// docker/compose v2.40.3 cmd/compose/images.go runImages (headers CONTAINER,
// REPOSITORY, TAG, PLATFORM, IMAGE ID, SIZE, CREATED through PrintPrettySection;
// stringid.TruncateID, units.HumanSizeWithPrecision(size, 3), -q the IDs without
// their algorithm, once each) and pkg/compose/images.go (ImageInspect's Id, Size
// and Metadata.LastTagTime; repository and tag from reference.ParseDockerRef).
describe('docker compose images', () => {
  it("lists each container's image, by container name, and -q the IDs once each", () => {
    const host = composeHost(
      'services:\n  db:\n    image: alpine\n    command: sleep 1000\n  cache:\n    image: alpine\n    command: sleep 1000\n  web:\n    image: nginx\n',
    );
    host.run('docker compose up -d');
    const inspected = (image: string, format: string) =>
      host.run(`docker image inspect -f '${format}' ${image}`).stdout.trim();
    const alpine = inspected('alpine', '{{.Id}}').replace('sha256:', '');
    const nginx = inspected('nginx', '{{.Id}}').replace('sha256:', '');
    const lines = host.run('docker compose images').stdout.split('\n');
    expect(lines[0]).toBe(
      'CONTAINER           REPOSITORY          TAG                 PLATFORM            IMAGE ID            SIZE                CREATED',
    );
    expect(lines.slice(1, 4).map((line) => line.split(/\s{2,}/).slice(0, 5))).toEqual([
      ['tienda-cache-1', 'alpine', 'latest', 'linux/amd64', alpine.slice(0, 12)],
      ['tienda-db-1', 'alpine', 'latest', 'linux/amd64', alpine.slice(0, 12)],
      ['tienda-web-1', 'nginx', 'latest', 'linux/amd64', nginx.slice(0, 12)],
    ]);
    expect(host.run('docker compose images -q').stdout).toBe(`${alpine}\n${nginx}\n`);
  });
});

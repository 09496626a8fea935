import { Host } from '../../../../src/netsim/index';

/** A host on which `dir` holds `compose.yaml` with `yaml`, written as a reader would: cat and a here-document. */
export function composeHost(
  yaml: string,
  { dir = 'tienda', seed = 1, file = 'compose.yaml' }: { dir?: string; seed?: number; file?: string } = {},
): Host {
  const host = Host.create({ seed });
  host.run(`mkdir -p '${dir}' && cd '${dir}'`);
  host.run(`cat > ${file} <<'EOF'\n${yaml}EOF`);
  return host;
}

/** Output without the SGR colours a terminal shows, as a lesson prints it. */
export const plain = (text: string): string => text.replace(/\x1b\[[0-9;]*m/g, '');

export const WEB_AND_DB = `services:
  web:
    image: nginx
    ports:
      - "8080:80"
    depends_on:
      - db
  db:
    image: alpine
    command: sleep 1000
`;

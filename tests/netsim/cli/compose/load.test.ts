import { describe, expect, it } from 'vitest';
import { Host } from '../../../../src/netsim/index';
import { composeHost } from './fixtures';

const NGINX = 'services:\n  web:\n    image: nginx\n';

// compose-go v2.9.1 cli/options.go: DefaultFileNames, WithDefaultConfigPath (this directory, then each parent),
// withNamePrecedenceLoad and loader.NormalizeProjectName.
describe('finding the compose file and naming the project', () => {
  it("fails without a file anywhere up to /, in LoadConfigFiles' words", () => {
    expect(Host.create({ seed: 1 }).run('docker compose ps')).toMatchObject({
      stderr: 'no configuration file provided: not found\n',
      exitCode: 1,
    });
  });

  it('names the project after the directory of the file, lower-cased and stripped of other characters', () => {
    const host = composeHost(NGINX, { dir: 'My Shop.v2' });
    expect(host.run('docker compose config --services').stdout).toBe('web\n');
    expect(host.run('docker compose config').stdout.split('\n')[0]).toBe('name: myshopv2');
  });

  it('finds the file from a subdirectory, the project still named after its directory', () => {
    const host = composeHost(NGINX);
    host.run('mkdir sub && cd sub');
    expect(host.run('docker compose config').stdout.split('\n')[0]).toBe('name: tienda');
  });

  it('prefers compose.yaml, warning when another supported name is there too', () => {
    const host = composeHost(NGINX, { file: 'docker-compose.yml' });
    host.run(`cat > compose.yaml <<'EOF'\nservices:\n  api:\n    image: nginx\nEOF`);
    const result = host.run('docker compose config --services 2>&1 | cat');
    expect(result.stdout).toMatch(
      /^time="[^"]+" level=warning msg="Found multiple config files with supported names: \/home\/usuario\/tienda\/compose.yaml, \/home\/usuario\/tienda\/docker-compose.yml"\ntime="[^"]+" level=warning msg="Using \/home\/usuario\/tienda\/compose.yaml"\napi\n$/,
    );
  });

  it('takes -p, COMPOSE_PROJECT_NAME or `name:`, refusing a name that is not already normal', () => {
    const host = composeHost(`name: shop\n${NGINX}`);
    expect(host.run('docker compose config').stdout.split('\n')[0]).toBe('name: shop');
    expect(host.run('docker compose -p other config').stdout.split('\n')[0]).toBe('name: other');
    expect(host.run('COMPOSE_PROJECT_NAME=env docker compose config').stdout.split('\n')[0]).toBe('name: env');
    expect(host.run('docker compose -p Shop config').stderr).toBe(
      'invalid project name "Shop": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number\n',
    );
  });

  it('reads -f relative to the working directory, failing as os.ReadFile fails', () => {
    const host = composeHost(NGINX);
    expect(host.run('docker compose -f other.yaml config').stderr).toBe(
      'open /home/usuario/tienda/other.yaml: no such file or directory\n',
    );
  });
});

// loader/loader.go and loader/validate.go checkConsistency.
describe('what compose-go refuses after reading the file', () => {
  it.each([
    ['', 'empty compose file'],
    ['hello\n', 'top-level object must be a mapping'],
    [
      'services:\n  web:\n    restart: always\n',
      'service "web" has neither an image nor a build context specified: invalid compose project',
    ],
    [
      'services:\n  web:\n    image: nginx\n    networks: [front]\n',
      'service "web" refers to undefined network front: invalid compose project',
    ],
    [
      'services:\n  web:\n    image: nginx\n    depends_on: [db]\n',
      'service "web" depends on undefined service "db": invalid compose project',
    ],
    [
      'services:\n  web:\n    image: nginx\n    network_mode: host\n    networks: [default]\n',
      'service web declares mutually exclusive `network_mode` and `networks`: invalid compose project',
    ],
    // Normalize made db a dependency, and depends_on is checked before network_mode.
    [
      'services:\n  web:\n    image: nginx\n    network_mode: service:db\n',
      'service "web" depends on undefined service "db": invalid compose project',
    ],
    [
      'services:\n  a:\n    image: nginx\n    depends_on: [b]\n  b:\n    image: nginx\n    depends_on: [a]\n',
      'dependency cycle detected: a -> b -> a',
    ],
    [
      'services:\n  web:\n    image: nginx:${TAG:?set a tag}\n',
      'error while interpolating services.web.image: required variable TAG is missing a value: set a tag',
    ],
    [
      'services:\n  web:\n    image: nginx\n    port: 80\n',
      "validating /home/usuario/tienda/compose.yaml: services.web additional properties 'port' not allowed",
    ],
  ])('%j', (yaml, message) => {
    expect(composeHost(yaml).run('docker compose config')).toMatchObject({
      stdout: '',
      stderr: `${message}\n`,
      exitCode: 1,
    });
  });

  it('warns that `version` is obsolete and goes on', () => {
    const result = composeHost(`version: "3.8"\n${NGINX}`).run('docker compose config 2>&1 >/dev/null | cat');
    expect(result.stdout).toMatch(
      /level=warning msg="\/home\/usuario\/tienda\/compose.yaml: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion"\n$/,
    );
  });
});

// go-yaml v3 (decode.go parser.fail) through cli/options.go prepare, which decodes the file for its name first.
describe('a file that is not YAML', () => {
  it.each([
    [
      'a tab for indentation',
      'services:\n\tweb:\n    image: nginx\n',
      'yaml: line 2: found character that cannot start any token',
    ],
    [
      'a key between two indentations',
      'services:\n  web:\n    image: nginx\n   ports:\n      - 80:80\n',
      'yaml: line 1: did not find expected key',
    ],
    [
      'a second key on one line',
      'services:\n  web:\n    image: nginx ports: 80\n',
      'yaml: line 3: mapping values are not allowed in this context',
    ],
    ['an unclosed quote', 'services:\n  web:\n    image: "nginx\n', 'yaml: line 3: found unexpected end of stream'],
  ])('%s', (_, yaml, message) => {
    expect(composeHost(yaml).run('docker compose up -d')).toMatchObject({ stderr: `${message}\n`, exitCode: 1 });
  });

  it("a key given twice: ResetProcessor's words, after `failed to parse`", () => {
    expect(
      composeHost('services:\n  web:\n    image: nginx\n    image: httpd\n').run('docker compose config').stderr,
    ).toBe(
      'failed to parse /home/usuario/tienda/compose.yaml: line 4: mapping key "image" already defined at line 3\n',
    );
  });

  it('with -p the name is not read first, and the loader wraps the error', () => {
    expect(composeHost('services:\n\tweb:\n').run('docker compose -p x config').stderr).toBe(
      'failed to parse /home/usuario/tienda/compose.yaml: yaml: line 2: found character that cannot start any token\n',
    );
  });
});

// compose-go types/project.go WithProfiles: a service with profiles is left out unless one is active.
describe('profiles', () => {
  const file = 'services:\n  web:\n    image: nginx\n  debug:\n    image: nicolaka/netshoot\n    profiles: [tools]\n';

  it('leaves a service out unless its profile is active, by --profile or COMPOSE_PROFILES', () => {
    const host = composeHost(file);
    expect(host.run('docker compose config --services').stdout).toBe('web\n');
    expect(host.run('docker compose --profile tools config --services').stdout).toBe('debug\nweb\n');
    expect(host.run('COMPOSE_PROFILES=tools docker compose config --services').stdout).toBe('debug\nweb\n');
  });
});

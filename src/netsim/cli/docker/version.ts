import { cTime } from '../../wire/time-text';
import { compileTemplate, renderInspectTemplate, TemplateError } from '../../format/go-template';
import { goStruct } from '../../wire/go-value';
import { tabulate } from '../../format/tabwriter';
import { fail, ok } from '../command';
import type { CommandSpec, DockerContext } from './cobra';
import { DOCKER_VERSIONS } from './release';

const PLATFORM = 'Docker Engine - Community';

/** reformatDate: Go's time.ANSIC, `Wed Aug  5 18:24:27 2026`. */
function ansic(rfc3339: string): string {
  return cTime(Date.parse(rfc3339));
}

/** The versionInfo struct docker/cli hands to templates (cli/command/system/version.go). */
function versionInfo(): Record<string, unknown> {
  const { client, engine, containerd, runc, dockerInit } = DOCKER_VERSIONS;
  const component = (name: string, version: string, details: Record<string, string>) =>
    goStruct({ Name: name, Version: version, Details: details });
  return goStruct({
    Client: goStruct(
      {
        Platform: goStruct({ Name: PLATFORM }),
        Version: client.version,
        ApiVersion: client.apiVersion,
        DefaultAPIVersion: client.apiVersion,
        GitCommit: client.gitCommit,
        GoVersion: client.goVersion,
        Os: 'linux',
        Arch: 'amd64',
        BuildTime: ansic(client.buildTime),
        Context: 'default',
      },
      { renamed: { APIVersion: 'ApiVersion' } },
    ),
    Server: goStruct(
      {
        Platform: goStruct({ Name: PLATFORM }),
        Version: engine.version,
        ApiVersion: engine.apiVersion,
        MinAPIVersion: engine.minApiVersion,
        Os: 'linux',
        Arch: 'amd64',
        Components: [
          component('Engine', engine.version, {
            ApiVersion: engine.apiVersion,
            Arch: 'amd64',
            BuildTime: ansic(engine.buildTime),
            Experimental: 'false',
            GitCommit: engine.gitCommit,
            GoVersion: engine.goVersion,
            KernelVersion: engine.kernelVersion,
            MinAPIVersion: engine.minApiVersion,
            Os: 'linux',
          }),
          component('containerd', containerd.version, { GitCommit: containerd.gitCommit }),
          component('runc', runc.version, { GitCommit: runc.gitCommit }),
          component('docker-init', dockerInit.version, { GitCommit: dockerInit.gitCommit }),
        ],
        GitCommit: engine.gitCommit,
        GoVersion: engine.goVersion,
        KernelVersion: engine.kernelVersion,
        BuildTime: engine.buildTime,
      },
      { renamed: { APIVersion: 'ApiVersion' }, omitted: { Experimental: false } },
    ),
  });
}

/**
 * defaultVersionTemplate as it renders for this host, through the CLI's
 * tabwriter (minwidth 20, padding 1): every `key:` cell padded to 20.
 */
function defaultVersion(): string {
  const { client, engine, containerd, runc, dockerInit } = DOCKER_VERSIONS;
  const block = (rows: [string, string][]) =>
    tabulate(
      rows.map(([key, value]) => [key, value]),
      20,
      1,
    );
  return [
    `Client: ${PLATFORM}\n`,
    block([
      [' Version:', client.version],
      [' API version:', client.apiVersion],
      [' Go version:', client.goVersion],
      [' Git commit:', client.gitCommit],
      [' Built:', ansic(client.buildTime)],
      [' OS/Arch:', 'linux/amd64'],
      [' Context:', 'default'],
    ]),
    `\nServer: ${PLATFORM}\n Engine:\n`,
    block([
      ['  Version:', engine.version],
      ['  API version:', `${engine.apiVersion} (minimum version ${engine.minApiVersion})`],
      ['  Go version:', engine.goVersion],
      ['  Git commit:', engine.gitCommit],
      ['  Built:', ansic(engine.buildTime)],
      ['  OS/Arch:', 'linux/amd64'],
      ['  Experimental:', 'false'],
    ]),
    ...(
      [
        ['containerd', containerd],
        ['runc', runc],
        ['docker-init', dockerInit],
      ] as const
    ).map(
      ([name, { version, gitCommit }]) =>
        ` ${name}:\n${block([
          ['  Version:', version],
          ['  GitCommit:', gitCommit],
        ])}`,
    ),
  ].join('');
}

const version: CommandSpec<DockerContext> = {
  path: 'docker version',
  usage: '[OPTIONS]',
  args: { kind: 'none' },
  flags: [{ name: 'format', short: 'f', takesValue: true }],
  run({ values }) {
    const format = values.get('format')?.at(-1) ?? '';
    if (format === '') return ok(defaultVersion());
    try {
      // formatter.JSONFormat is `{{json .}}`; the writer adds a newline after the template.
      return ok(
        `${renderInspectTemplate(compileTemplate(format === 'json' ? '{{json .}}' : format), versionInfo())}\n`,
      );
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      // The template is named "version" (templates.New("version")).
      return fail(`template parsing error: ${error.message.replace(/^template: :/, 'template: version:')}\n`, 64);
    }
  },
};

export const VERSION_COMMANDS = { version };

import { describe, expect, it } from 'vitest';
import {
  compileTemplate,
  renderInspectTemplate,
  renderTemplate,
  TemplateError,
  TemplateExecError,
} from '../../../src/netsim/format/go-template';
import { GoAddr, goStruct, NIL_MAP, NIL_POINTER, NIL_SLICE } from '../../../src/netsim/wire/go-value';

// Expected results follow Go's text/template documentation (fields, variables,
// pipelines, range/if/with/else, break/continue, and/or, print/printf/println,
// index, len, eq...), docker/cli's templates package (json, join, split, upper,
// lower, title, truncate, pad) and docker/cli's TemplateInspector, which runs the
// typed struct first and falls back to the decoded JSON with missingkey=error.
const network = goStruct(
  {
    Name: 'red1',
    Id: 'abc123',
    Internal: false,
    IPAM: goStruct({
      Driver: 'default',
      Options: {},
      Config: [goStruct({ Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' })],
    }),
    Containers: {
      b2: goStruct({ Name: 'web', IPv4Address: '172.18.0.3/16' }),
      a1: goStruct({ Name: 'db', IPv4Address: '172.18.0.2/16' }),
    },
    Options: {},
    Labels: { env: 'lab', 'com.example': 'x' },
  },
  { renamed: { ID: 'Id' } },
);

describe('Go templates as docker --format runs them', () => {
  it.each([
    ['{{.Name}}', 'red1'],
    // The struct's Go field is ID; its JSON key Id works through the raw fallback.
    ['{{.ID}}', 'abc123'],
    ['{{.Id}}', 'abc123'],
    ['{{.Labels.nosuch}}', '<no value>'],
    ['{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}', '172.18.0.0/16 172.18.0.1'],
    ['{{range .Containers}}{{.Name}},{{end}}', 'db,web,'],
    ['{{range $id, $c := .Containers}}{{$id}}={{$c.Name}} {{end}}', 'a1=db b2=web '],
    ['{{range $c := .Containers}}{{$c.IPv4Address}} {{end}}', '172.18.0.2/16 172.18.0.3/16 '],
    ['{{len .Containers}}', '2'],
    ['{{index .Labels "env"}}', 'lab'],
    ['{{(index .IPAM.Config 0).Gateway}}', '172.18.0.1'],
    ['{{json .IPAM.Config}}', '[{"Subnet":"172.18.0.0/16","Gateway":"172.18.0.1"}]'],
    ['{{.Labels}}', 'map[com.example:x env:lab]'],
    ['{{if .Internal}}yes{{else}}no{{end}}', 'no'],
    ['{{if eq .Name "red1"}}match{{end}}', 'match'],
    ['{{if eq .Name "a" "b" "red1"}}any{{end}}', 'any'],
    ['{{if and .Name .Internal}}both{{else if or .Internal .Name}}either{{end}}', 'either'],
    ['{{if not .Internal}}open{{end}}', 'open'],
    ['{{range .Options}}x{{else}}none{{end}}', 'none'],
    ['{{with .IPAM}}{{.Driver}}{{end}}', 'default'],
    ['{{$n := .Name}}{{range .Containers}}{{$n}}/{{.Name}} {{end}}', 'red1/db red1/web '],
    ['{{$n := "a"}}{{range .Containers}}{{$n = .Name}}{{end}}{{$n}}', 'web'],
    ['{{range .Containers}}{{if eq .Name "db"}}{{continue}}{{end}}{{.Name}}{{end}}', 'web'],
    ['{{range .Containers}}{{.Name}}{{break}}{{end}}', 'db'],
    ['{{printf "%-6s|%5s|" .Name "ab"}}', 'red1  |   ab|'],
    ['{{printf "%s has %d containers" .Name (len .Containers)}}', 'red1 has 2 containers'],
    ['{{print .Name 1 2 "x"}}', 'red11 2x'],
    ['{{.Name | upper}}', 'RED1'],
    ['{{.Name | printf "%q"}}', '"red1"'],
    ['{{join (split "a,b,c" ",") "-"}}', 'a-b-c'],
    ['{{join .Labels ","}}', 'lab,x'],
    [
      '{{title "hello world"}} {{lower "ABC"}} {{truncate .Name 3}} [{{pad .Name 1 2}}]',
      'Hello World abc red [ red1  ]',
    ],
    ['{{println .Name}}', 'red1\n'],
    ['{{/* a comment */}}{{.Name}}', 'red1'],
    ['{{- range .IPAM.Config }}\n  {{- .Gateway -}}\n{{ end }}', '172.18.0.1'],
  ])('%s', (template, expected) => {
    expect(renderTemplate(template, network)).toBe(expected);
  });

  it.each([
    ['{{nosuch .Name}}', 'template: :1: function "nosuch" not defined'],
    ['{{range .IPAM.Config}}{{.Subnet}}', 'template: :1: unexpected EOF'],
    ['{{.Name', 'template: :1: unclosed action'],
    ['{{end}}', 'template: :1: unexpected {{end}}'],
  ])('rejects %s when parsing', (template, message) => {
    expect(() => compileTemplate(template)).toThrow(TemplateError);
    expect(() => compileTemplate(template)).toThrow(message);
  });
});

// A container as API 1.52 returns it, trimmed: NetworkSettings has no top-level
// IPAddress any more (moby docker-v29.7.2 api/types/container/network_settings.go).
const container = goStruct(
  {
    Id: 'f00d',
    State: goStruct({ Status: 'exited', Pid: 0 }, { omitted: { Health: NIL_POINTER } }),
    HostConfig: goStruct({ Links: NIL_SLICE, Dns: NIL_SLICE }, { renamed: { DNS: 'Dns' } }),
    Config: goStruct({ Labels: { maintainer: 'me' }, Volumes: NIL_MAP }),
    NetworkSettings: goStruct({
      Networks: {
        bridge: goStruct({ IPAMConfig: NIL_POINTER, IPAddress: new GoAddr(''), Gateway: new GoAddr('172.17.0.1') }),
      },
    }),
  },
  { renamed: { ID: 'Id' } },
);

describe('docker/cli TemplateInspector: the typed struct, then the raw JSON', () => {
  const inspect = (template: string) => renderInspectTemplate(compileTemplate(template), container);

  it.each([
    // Typed values print as fmt prints their Go types.
    ['{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', 'invalid IP'],
    ['{{range .NetworkSettings.Networks}}{{.Gateway}}{{end}}', '172.17.0.1'],
    ['{{json .NetworkSettings.Networks}}', '{"bridge":{"IPAMConfig":null,"IPAddress":"","Gateway":"172.17.0.1"}}'],
    ['{{.HostConfig.Links}} {{.Config.Volumes}} {{.State.Health}}', '[] map[] <nil>'],
    ['{{.Config.Labels.nosuch}}', '<no value>'],
    ['{{.NetworkSettings.Networks.nosuch.IPAddress}}', '<no value>'],
    ['{{.State}}', '{exited 0}'],
    // The typed pass fails on these, the raw one reads the JSON keys.
    ['{{.Id}} {{.HostConfig.Dns}}', 'f00d <nil>'],
  ])('%s', (template, expected) => {
    expect(inspect(template)).toBe(expected);
  });

  it.each([
    // Real Docker 29.7.2 (test-kitchen/kitchen-docker#479): the field is gone, the template fails.
    [
      '{{ .NetworkSettings.IPAddress }}',
      'template: :1:19: executing "" at <.NetworkSettings.IPAddress>: map has no entry for key "IPAddress"',
    ],
    [
      '{{.NetworkSettings.IPAddress}}',
      'template: :1:18: executing "" at <.NetworkSettings.IPAddress>: map has no entry for key "IPAddress"',
    ],
    ['{{.Nosuch}}', 'template: :1:2: executing "" at <.Nosuch>: map has no entry for key "Nosuch"'],
    [
      '{{range .NetworkSettings.Networks}}\n{{.IPAMConfig.IPv4Address}}{{end}}',
      'template: :2:13: executing "" at <.IPAMConfig.IPv4Address>: nil pointer evaluating interface {}.IPv4Address',
    ],
    // Mixing both names fails: the typed pass on .Id, then the raw one on .ID.
    ['{{.ID}} {{.Id}}', 'template: :1:2: executing "" at <.ID>: map has no entry for key "ID"'],
    ['{{.Id.Foo}}', 'template: :1:5: executing "" at <.Id.Foo>: can\'t evaluate field Foo in type string'],
    [
      '{{index .HostConfig.Nosuch 0}}',
      'template: :1:19: executing "" at <.HostConfig.Nosuch>: map has no entry for key "Nosuch"',
    ],
  ])('fails %s as Go does', (template, message) => {
    expect(() => inspect(template)).toThrow(TemplateExecError);
    expect(() => inspect(template)).toThrow(message);
  });
});

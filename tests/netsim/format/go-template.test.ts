import { describe, expect, it } from 'vitest';
import { renderTemplate, TemplateError } from '../../../src/netsim/format/go-template';

// Expected results follow Go's text/template documentation and docker/cli's
// templates package (json, join, split, upper, lower, title, truncate, pad).
const network = {
  Name: 'red1',
  Id: 'abc123',
  Internal: false,
  IPAM: { Driver: 'default', Options: {}, Config: [{ Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' }] },
  Containers: { b2: { Name: 'web', IPv4Address: '172.18.0.3/16' }, a1: { Name: 'db', IPv4Address: '172.18.0.2/16' } },
  Options: {},
  Labels: { env: 'lab', 'com.example': 'x' },
};

describe('Go templates as docker --format runs them', () => {
  it.each([
    ['{{.Name}}', 'red1'],
    ['{{.ID}} {{.Id}}', 'abc123 abc123'],
    ['{{.Missing}}', '<no value>'],
    ['{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}', '172.18.0.0/16 172.18.0.1'],
    ['{{range .Containers}}{{.Name}},{{end}}', 'db,web,'],
    ['{{range $id, $c := .Containers}}{{$id}}={{$c.Name}} {{end}}', 'a1=db b2=web '],
    ['{{len .Containers}}', '2'],
    ['{{index .Labels "env"}}', 'lab'],
    ['{{json .IPAM.Config}}', '[{"Subnet":"172.18.0.0/16","Gateway":"172.18.0.1"}]'],
    ['{{.Labels}}', 'map[com.example:x env:lab]'],
    ['{{if .Internal}}yes{{else}}no{{end}}', 'no'],
    ['{{if eq .Name "red1"}}match{{end}}', 'match'],
    ['{{range .Options}}x{{else}}none{{end}}', 'none'],
    ['{{with .IPAM}}{{.Driver}}{{end}}', 'default'],
    ['{{printf "%-6s|%5s|" .Name "ab"}}', 'red1  |   ab|'],
    ['{{.Name | upper}}', 'RED1'],
    ['{{join (split "a,b,c" ",") "-"}}', 'a-b-c'],
    ['{{println .Name}}', 'red1\n'],
    ['{{- range .IPAM.Config }}\n  {{- .Gateway -}}\n{{ end }}', '172.18.0.1'],
  ])('%s', (template, expected) => {
    expect(renderTemplate(template, network)).toBe(expected);
  });

  it.each([
    ['{{nosuch .Name}}', 'template: :1: function "nosuch" not defined'],
    ['{{range .IPAM.Config}}{{.Subnet}}', 'template: :1: unexpected EOF'],
    ['{{.Name', 'template: :1: unclosed action'],
  ])('rejects %s', (template, message) => {
    expect(() => renderTemplate(template, network)).toThrow(TemplateError);
    expect(() => renderTemplate(template, network)).toThrow(message);
  });
});

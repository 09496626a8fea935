import { describe, expect, it } from 'vitest';
import { interpolate, InterpolationError } from '../../../../src/netsim/cli/compose/interpolate';

// compose-go v2.9.1 template/template_test.go, with its defaultMapping: FOO=first, BAR empty.
const variables = new Map([
  ['FOO', 'first'],
  ['BAR', ''],
]);
const warnings: string[] = [];
const substitute = (template: string): string => {
  const result = interpolate(new Map([['x', template]]), {
    get: (name) => variables.get(name),
    warn: (message) => warnings.push(message),
  });
  return result.get('x') as string;
};

describe('compose-go template substitution', () => {
  it.each([
    ['$${foo}', '${foo}'],
    ['foo', 'foo'],
    ['a $ string', 'a $ string'],
    ['^REGEX$', '^REGEX$'],
    ['$}', '$}'],
    ['$FOO-bar', 'first-bar'],
    ['This ${missing} var', 'This  var'],
    ['This $FOO var', 'This first var'],
    ['This ${FOO} var', 'This first var'],
    ['ok ${missing:-def}', 'ok def'],
    ['ok ${missing-def}', 'ok def'],
    ['ok ${BAR:-def}', 'ok def'],
    ['ok ${FOO:-def}', 'ok first'],
    ['ok ${BAR-def}', 'ok '],
    ['ok ${UNSET_VAR:+presence_value}', 'ok '],
    ['ok ${FOO:+presence_value}', 'ok presence_value'],
    ['ok ${BAR:-/non:-alphanumeric}', 'ok /non:-alphanumeric'],
    ['+ok ${UNSET:-${BAR-defaultValue}}', '+ok '],
    [':-ok ${UNSET-defaultValue}', ':-ok defaultValue'],
    ['ok ${UNSET_VAR-${FOO} ${FOO}}', 'ok first first'],
    ['ok ${BAR:-${FOO}}', 'ok first'],
  ])('%s', (template, expected) => {
    expect(substitute(template)).toBe(expected);
  });

  it("warns of an unset variable, in template.go's words", () => {
    warnings.length = 0;
    substitute('${missing}');
    expect(warnings).toEqual(['The "missing" variable is not set. Defaulting to a blank string.']);
  });

  it.each([
    [
      'not ok ${UNSET_VAR:?Mandatory Variable Unset}',
      'required variable UNSET_VAR is missing a value: Mandatory Variable Unset',
    ],
    ['not ok ${BAR:?Mandatory Variable Empty}', 'required variable BAR is missing a value: Mandatory Variable Empty'],
    ['not ok ${UNSET_VAR:?}', 'required variable UNSET_VAR is missing a value'],
    [
      'not ok ${UNSET_VAR?Mandatory Variable ${FOO}}',
      'required variable UNSET_VAR is missing a value: Mandatory Variable first',
    ],
  ])('refuses %s, naming the path (interpolation.go newPathError)', (template, message) => {
    expect(() => substitute(template)).toThrow(new InterpolationError(`error while interpolating x: ${message}`));
  });

  it.each(['${', '${}', '${ }', '${ foo}', '${foo }', '${foo!}'])('calls %s an invalid template', (template) => {
    expect(() => substitute(template)).toThrow(
      `invalid interpolation format for x.\nYou may need to escape any $ with another $.\n${template}`,
    );
  });
});

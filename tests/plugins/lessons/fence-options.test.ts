import { describe, expect, it } from 'vitest';
import { FenceOptionError, parseFenceOptions } from '../../../plugins/lessons/fence-options';

describe('parseFenceOptions', () => {
  it('gives every option its default when the fence says nothing', () => {
    expect(parseFenceOptions(undefined)).toEqual({
      session: 'main',
      setup: false,
      norun: false,
      pin: false,
      reset: false,
      exit: 0,
      interrupt: undefined,
      cols: 80,
    });
  });

  it.each([
    ['session=dns', { session: 'dns' }],
    ['setup', { setup: true }],
    ['norun', { norun: true }],
    ['pin exit=1', { pin: true, exit: 1 }],
    ['reset  session=red-2', { reset: true, session: 'red-2' }],
    ['exit=125', { exit: 125 }],
    ['interrupt=4 exit=130', { interrupt: 4, exit: 130 }],
    ['interrupt=60', { interrupt: 60 }],
    ['cols=120', { cols: 120 }],
    ['cols=20 session=wide', { cols: 20, session: 'wide' }],
  ])('reads "%s"', (meta, expected) => {
    expect(parseFenceOptions(meta)).toMatchObject(expected);
  });

  it.each([
    ['sesion=a', 'unknown option "sesion" (did you mean session=?)'],
    ['pinned', 'unknown option "pinned" (did you mean pin?)'],
    [
      'colour=red',
      'unknown option "colour"; a console block takes setup, norun, pin, reset, session=NAME, exit=N, interrupt=SECONDS, cols=N',
    ],
    ['interupt=4', 'unknown option "interupt" (did you mean interrupt=?)'],
    ['interrupt', '"interrupt" needs a value: write interrupt=SECONDS'],
    ['interrupt=0', '"interrupt=0": interrupt takes 1 to 60 seconds'],
    [
      'interrupt=61',
      '"interrupt=61": interrupt takes 1 to 60 seconds: a lesson command runs at most 60 simulated seconds',
    ],
    ['interrupt=1.5', '"interrupt=1.5": interrupt takes the whole number of simulated seconds before Ctrl-C'],
    [
      'norun interrupt=4',
      'norun blocks never run, so setup, pin, reset, exit=, interrupt= and cols= mean nothing with it',
    ],
    [
      'norun cols=100',
      'norun blocks never run, so setup, pin, reset, exit=, interrupt= and cols= mean nothing with it',
    ],
    ['col=100', 'unknown option "col" (did you mean cols=?)'],
    ['cols', '"cols" needs a value: write cols=N'],
    ['cols=wide', '"cols=wide": cols takes the terminal\'s width in columns, a whole number, e.g. cols=120'],
    ['cols=19', '"cols=19": cols takes 20 to 300 columns'],
    ['cols=301', '"cols=301": cols takes 20 to 300 columns'],
    ['pin=yes', '"pin" is a flag and takes no value: write pin'],
    ['session', '"session" needs a value: write session=NAME'],
    ['exit=', '"exit" needs a value: write exit=N'],
    ['exit=two', '"exit=two"'],
    ['exit=256', '"exit=256": exit statuses go from 0 to 255'],
    ['session=Red', '"session=Red": session names are lowercase words joined by hyphens'],
    ['pin pin', '"pin" is given twice'],
    ['norun pin', 'norun blocks never run, so setup, pin, reset, exit=, interrupt= and cols= mean nothing with it'],
  ])('rejects "%s" saying what is wrong', (meta, message) => {
    expect(() => parseFenceOptions(meta)).toThrow(FenceOptionError);
    expect(() => parseFenceOptions(meta)).toThrow(message);
  });
});

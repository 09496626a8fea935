import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { captured } from '../cli/trixie-clients';

/** alias and unalias, against bash 5.2, dash 0.5.12 and BusyBox 1.35 run by hand (`bash -i -c`, `dash -c`, `busybox sh -c`). */
describe('alias and unalias', () => {
  it('list, define and forget aliases as bash prints them, each value in single quotes', () => {
    const host = Host.create();
    host.run("alias a='echo it'\\''s'");
    expect(host.run('alias').stdout).toBe("alias a='echo it'\\''s'\nalias ls='ls --color=auto'\n");
    expect(host.run('a')).toMatchObject({ stdout: "it's\n", exitCode: 0 });
    expect(host.run('alias ll')).toMatchObject({ stderr: 'bash: alias: ll: not found\n', exitCode: 1 });
    expect(host.run('unalias foo')).toMatchObject({ stderr: 'bash: unalias: foo: not found\n', exitCode: 1 });
    expect(host.run('unalias a; alias').stdout).toBe("alias ls='ls --color=auto'\n");
  });

  it('expands only a first word typed plain: a quoted or escaped name runs the program', () => {
    const host = Host.create();
    host.run("alias hi='echo alias'");
    expect(host.run('hi there').stdout).toBe('alias there\n');
    expect(host.run("'hi' there")).toMatchObject({ stderr: 'bash: hi: command not found\n', exitCode: 127 });
    expect(host.run('echo hi').stdout).toBe('hi\n');
  });

  it('reads a value with quotes, expansions and redirections again as shell input (bash 5.2.15, `bash -i -c`)', () => {
    const host = Host.create();
    host.run(`alias q='printf "%s|" "a  b" $HOME'`);
    expect(host.run('q c').stdout).toBe('a  b|/home/usuario|c|');
    host.run("alias e='echo x >/tmp/e.out'");
    expect(host.run('e y; cat /tmp/e.out').stdout).toBe('x y\n');
    host.run('docker run -d --name web nginx');
    host.run(`alias dps='docker ps --format "table {{.Names}}\\t{{.Status}}"'`);
    expect(host.run('dps').stdout).toMatch(/^NAMES +STATUS\nweb +Up /);
  });

  it('runs a pipeline alias with the words after it, never expanding its own name inside it (bash 5.2.15, `bash -i -c`)', () => {
    const host = Host.create();
    host.run("alias p='echo 1 | cat'");
    expect(host.run('p | wc -l').stdout).toBe('1\n');
    host.run("alias x='x | cat'");
    expect(host.run('x')).toMatchObject({ stderr: 'bash: x: command not found\n' });
    host.run("alias c='ls /etc; echo done'");
    expect(host.run('c')).toMatchObject({
      stderr: 'netsim: the alias c holds a list of commands, which is not simulated\n',
      exitCode: 2,
    });
  });

  it('says `alias: NAME not found` in dash and BusyBox ash, and lists without the word alias', () => {
    const host = Host.create();
    host.run('docker run -dit --name a1 alpine');
    host.run('docker attach a1');
    host.run("alias a='x y'");
    expect(host.run('alias').stdout).toBe("a='x y'\n");
    expect(host.run('alias ll')).toMatchObject({ stderr: 'alias: ll not found\n', exitCode: 1 });
    expect(host.run('unalias foo')).toMatchObject({ stderr: 'unalias: foo not found\n', exitCode: 1 });
  });
});

/** read -p against bash 5.2.37 (golden/linux/session.trixie-clients.txt), and its missing argument against bash 5.2.15 and dash 0.5.12 by hand. */
describe('read -p', () => {
  it('shows no prompt when the input is no terminal, and ends with status 1 at its end', () => {
    const command = `bash -c 'read -p "Name: " x; echo "status $? [$x]"'`;
    const host = Host.create();
    expect(host.run(`${command} < /dev/null > /tmp/out 2>&1; cat /tmp/out`).stdout).toBe(captured(command).output);
    expect(host.run('echo web | { read -p "Name: " x; echo "[$x]"; } 2>&1')).toMatchObject({ stdout: '[web]\n' });
  });

  it('says an option argument is missing as bash and dash do, status 2', () => {
    const host = Host.create();
    expect(host.run('read -p')).toMatchObject({
      stderr:
        'bash: read: -p: option requires an argument\nread: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n',
      exitCode: 2,
    });
    expect(host.run("sh -c 'read -p'")).toMatchObject({ stderr: 'sh: 1: read: No arg for -p option\n', exitCode: 2 });
  });
});

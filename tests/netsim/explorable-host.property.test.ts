import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Host } from '../../src/netsim/index';

/**
 * What a reader does around Docker, generated: files written with `>`, `>>`, `tee`
 * and heredocs, copied, moved and removed, then read back; namespaces, veth pairs
 * and a bridge built by hand, moved and deleted. Files read back hold exactly what
 * was written; every veth has its peer; `ip netns list` names the namespaces that
 * exist, each netnsid once.
 */

const PATHS = ['/tmp/a', '/tmp/b', '/tmp/notes.txt'];
const path = fc.constantFrom(...PATHS);
const text = fc.constantFrom('alpha', 'beta two', 'x-y=z', '10.0.0.1/24');

type Files = Map<string, string>;
type FileOp = { line: string; apply: (files: Files) => void };

const fileOp: fc.Arbitrary<FileOp> = fc.oneof(
  fc.tuple(text, path).map(([t, p]) => ({ line: `echo "${t}" > ${p}`, apply: (f: Files) => void f.set(p, `${t}\n`) })),
  fc
    .tuple(text, path)
    .map(([t, p]) => ({ line: `echo "${t}" >> ${p}`, apply: (f: Files) => void f.set(p, `${f.get(p) ?? ''}${t}\n`) })),
  fc.tuple(text, path).map(([t, p]) => ({
    line: `printf '%s\\n' "${t}" | tee ${p} > /dev/null`,
    apply: (f: Files) => void f.set(p, `${t}\n`),
  })),
  fc.tuple(text, path).map(([t, p]) => ({
    line: `printf '%s\\n' "${t}" | tee -a ${p} > /dev/null`,
    apply: (f: Files) => void f.set(p, `${f.get(p) ?? ''}${t}\n`),
  })),
  fc
    .tuple(text, path)
    .map(([t, p]) => ({ line: `cat > ${p} <<'END'\n${t}\nEND`, apply: (f: Files) => void f.set(p, `${t}\n`) })),
  path.map((p) => ({ line: `rm -f ${p}`, apply: (f: Files) => void f.delete(p) })),
  fc
    .tuple(path, path)
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => ({
      line: `cp ${a} ${b}`,
      apply: (f: Files) => void (f.has(a) && f.set(b, f.get(a)!)),
    })),
  fc
    .tuple(path, path)
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => ({
      line: `mv ${a} ${b}`,
      apply: (f: Files) => {
        if (!f.has(a)) return;
        f.set(b, f.get(a)!);
        f.delete(a);
      },
    })),
);

const namespace = fc.constantFrom('red', 'blue');
const veth = fc.constantFrom('v1a', 'v1b', 'v2a', 'v2b');
const netOp = fc.oneof(
  namespace.map((n) => `sudo ip netns add ${n}`),
  namespace.map((n) => `sudo ip netns del ${n}`),
  fc.constantFrom('sudo ip link add v1a type veth peer name v1b', 'sudo ip link add v2a type veth peer name v2b'),
  fc.tuple(veth, namespace).map(([v, n]) => `sudo ip link set ${v} netns ${n}`),
  fc.tuple(namespace, veth).map(([n, v]) => `sudo ip -n ${n} link set ${v} up`),
  veth.map((v) => `sudo ip link del ${v}`),
  fc.constantFrom('sudo ip link add br0 type bridge', 'sudo ip link set br0 up', 'sudo ip link del br0'),
  veth.map((v) => `sudo ip link set ${v} master br0`),
  fc
    .tuple(namespace, fc.constantFrom('v1a', 'v2a'), fc.integer({ min: 1, max: 2 }))
    .map(([n, v, host]) => `sudo ip -n ${n} addr add 10.0.0.${host}/24 dev ${v}`),
  namespace.map((n) => `sudo ip netns exec ${n} ping -c 1 -W 1 10.0.0.2`),
);

describe('the host around Docker, explored at random', () => {
  it('reads back every file exactly as it was written, copied and moved', () => {
    fc.assert(
      fc.property(fc.array(fileOp, { maxLength: 25 }), (ops) => {
        const host = Host.create();
        const files = new Map<string, string>();
        for (const op of ops) {
          expect(typeof host.run(op.line).exitCode).toBe('number');
          op.apply(files);
        }
        for (const p of PATHS) {
          const result = host.run(`cat ${p}`);
          if (files.has(p))
            expect({ p, stdout: result.stdout, exitCode: result.exitCode }).toEqual({
              p,
              stdout: files.get(p),
              exitCode: 0,
            });
          else
            expect({ p, stderr: result.stderr, exitCode: result.exitCode }).toEqual({
              p,
              stderr: `cat: ${p}: No such file or directory\n`,
              exitCode: 1,
            });
        }
      }),
      { numRuns: 100 },
    );
  });

  it('keeps namespaces, veth pairs and netnsids consistent while links are built, moved and deleted by hand', () => {
    fc.assert(
      fc.property(fc.array(netOp, { maxLength: 25 }), (lines) => {
        const host = Host.create();
        const named = new Set<string>();
        for (const line of lines) {
          const result = host.run(line);
          expect(typeof result.exitCode).toBe('number');
          const added = /^sudo ip netns add (\w+)$/.exec(line);
          const deleted = /^sudo ip netns del (\w+)$/.exec(line);
          if (added && result.exitCode === 0) named.add(added[1]!);
          if (deleted && result.exitCode === 0) named.delete(deleted[1]!);
          const { kernel } = host.snapshot();
          for (const ns of kernel.namespaces.values())
            for (const link of ns.links.values()) {
              if (link.kind !== 'veth') continue;
              const peer = kernel.namespaces.get(link.peer!.namespace)?.links.get(link.peer!.index);
              expect(peer?.peer).toEqual({ namespace: ns.id, index: link.index });
            }
          const listed = host.run('ip netns list').stdout.split('\n').filter(Boolean);
          expect(new Set(listed.map((entry) => entry.split(' ')[0]))).toEqual(named);
          const ids = listed.flatMap((entry) => /\(id: (\d+)\)/.exec(entry)?.[1] ?? []);
          expect(new Set(ids).size).toBe(ids.length);
        }
      }),
      { numRuns: 100 },
    );
  });
});

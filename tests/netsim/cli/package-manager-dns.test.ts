import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(15);

/** apt's http method (methods/connect.cc) and update.cc: EAI_AGAIN is `Temporary failure resolving`, and the failures are warnings. */
describe('apt-get update without a resolver that answers', () => {
  it('fails each InRelease with Err: and warns, exit 0', () => {
    const host = hostAfter(
      'docker network create --internal secret',
      'docker run -dit --name deb --network secret debian',
    );
    const result = host.run('docker exec deb apt-get update');
    expect(result.stdout).toBe(
      "Err:1 http://deb.debian.org/debian trixie InRelease\n  Temporary failure resolving 'deb.debian.org'\nErr:2 http://deb.debian.org/debian trixie-updates InRelease\n  Temporary failure resolving 'deb.debian.org'\nErr:3 http://deb.debian.org/debian-security trixie-security InRelease\n  Temporary failure resolving 'deb.debian.org'\nReading package lists... Done\n",
    );
    expect(result.stderr).toBe(
      "W: Failed to fetch http://deb.debian.org/debian/dists/trixie/InRelease  Temporary failure resolving 'deb.debian.org'\nW: Failed to fetch http://deb.debian.org/debian/dists/trixie-updates/InRelease  Temporary failure resolving 'deb.debian.org'\nW: Failed to fetch http://deb.debian.org/debian-security/dists/trixie-security/InRelease  Temporary failure resolving 'deb.debian.org'\nW: Some index files failed to download. They have been ignored, or old ones used instead.\n",
    );
    expect(result.exitCode).toBe(0);
  });

  it('fetches everything where deb.debian.org resolves', () => {
    const result = hostAfter('docker run -dit --name deb debian').run('docker exec deb apt-get update');
    expect(result.stdout).toMatch(/^Get:1 http:\/\/deb\.debian\.org\/debian trixie InRelease \[140 kB\]\n/);
    expect(result.stderr).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(53);

// docker/cli v29.7.2 cli/command/image/formatter_history.go (the tables, the
// 45-character CREATED BY, HumanSizeWithPrecision, RFC 3339 and bytes with
// --human=false), moby docker-v29.7.2 daemon/containerd/image_history.go (newest
// first, the image's digest on the newest row and <missing> below, empty layers
// 0B); alpine's history from docker-library/repo-info 1746b58
// repos/alpine/remote/latest.md (ADD ... # buildkit, CMD ["/bin/sh"], 17 Sep 2026 20:37:20).
describe('docker history', () => {
  it("lists alpine's two steps, newest first", () => {
    const text = hostAfter().run('docker history alpine').stdout;
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      'IMAGE          CREATED       CREATED BY                                      SIZE      COMMENT',
    );
    expect(lines[1]).toMatch(/^5b02b42e375f {3}\d+ \w+ ago +CMD \["\/bin\/sh"\] {33}0B {8}buildkit\.dockerfile\.v0$/);
    expect(lines[2]).toMatch(
      /^<missing> {6}\d+ \w+ ago +ADD alpine-minirootfs-3\.24\.2-x86_64\.tar\.gz \/… {3}\S+ +buildkit\.dockerfile\.v0$/,
    );
  });

  it('prints whole lines with --no-trunc, and dates and bytes with -H=false', () => {
    const host = hostAfter();
    expect(host.run('docker image history --no-trunc alpine').stdout).toContain(
      'sha256:5b02b42e375f7426f8d65c3af331ca05d9878f9989230354504e0b9dfd431f60   ',
    );
    expect(host.run('docker image history --no-trunc alpine').stdout).toContain(
      'ADD alpine-minirootfs-3.24.2-x86_64.tar.gz / # buildkit   ',
    );
    expect(host.run('docker history -H=false alpine').stdout).toMatch(
      /^IMAGE {10}CREATED AT {13}CREATED BY .*\n5b02b42e375f {3}2026-09-17T20:37:20Z {3}CMD \["\/bin\/sh"\] +0 +buildkit/,
    );
  });

  it('prints only the IDs with -q', () => {
    expect(hostAfter().run('docker history -q alpine').stdout).toBe('5b02b42e375f\n<missing>\n');
  });

  it('fails for an image the host does not have', () => {
    expect(hostAfter().run('docker history nope')).toMatchObject({
      stderr: 'Error response from daemon: No such image: nope:latest\n',
      exitCode: 1,
    });
  });
});

// docker-library/repo-info 01a7054 repos/busybox/remote/latest.md and 05f354f repos/debian/remote/latest.md
// (each one line: BusyBox's builder and debuerreotype record their own created_by); the real rows of
// `docker history` for such images, as users have posted them: `BusyBox 1.36.1 (glibc), Debian 12   4.26MB`
// with no comment, `# debian.sh --arch 'amd64' out/ 'trixie' '@1…   120MB     debuerreotype 0.17`.
describe('docker history of the single-layer base images', () => {
  it("shows busybox's one step without a comment", () => {
    expect(hostAfter().run('docker history busybox').stdout.split('\n')[1]).toMatch(
      /^dc2d74b28e4c {3}\d+ \w+ ago +BusyBox 1\.38\.0 \(glibc\), Debian 13 {3}\S+ {4}$/,
    );
  });

  it("shows debian's debuerreotype step, cut at 45 characters, and whole with --no-trunc", () => {
    const host = hostAfter();
    expect(host.run('docker history debian').stdout.split('\n')[1]).toMatch(
      /^34cd9e9fd437 {3}\d+ \w+ ago +# debian\.sh --arch 'amd64' out\/ 'trixie' '@1… {3}120MB {5}debuerreotype 0\.17$/,
    );
    expect(host.run('docker history --no-trunc --format "{{.CreatedBy}}|{{.Comment}}" debian').stdout).toBe(
      "# debian.sh --arch 'amd64' out/ 'trixie' '@1785715200'|debuerreotype 0.17\n",
    );
  });
});

// repo-info 07d8525 repos/nginx/remote/latest.md (the amd64 Dockerfile lines), BuildKit's
// `RUN /bin/sh -c ... # buildkit`, and a real `docker image history nginx:latest` of nginx 1.29.3
// on trixie posted by a user: the same rows, COPY layers of 4.62kB, 3.02kB, 389B, 2.12kB and 1.62kB
// (the scripts' sizes in nginx/docker-nginx; go-units rounds 2.125 to even).
describe("docker history of nginx's eighteen steps", () => {
  it('lists them newest first, the COPY layers at their files’ sizes', () => {
    const rows = hostAfter()
      .run('docker history nginx')
      .stdout.split('\n')
      .map((row) => row.replace(/ {3}\d+ \w+ ago {3}/, ' | '));
    expect(rows).toHaveLength(20);
    expect(rows[1]).toBe(
      '5a88c9c45479 | CMD ["nginx" "-g" "daemon off;"]                0B        buildkit.dockerfile.v0',
    );
    expect(rows.slice(5, 11)).toEqual([
      '<missing>    | COPY 30-tune-worker-processes.sh /docker-ent…   4.62kB    buildkit.dockerfile.v0',
      '<missing>    | COPY 20-envsubst-on-templates.sh /docker-ent…   3.02kB    buildkit.dockerfile.v0',
      '<missing>    | COPY 15-local-resolvers.envsh /docker-entryp…   389B      buildkit.dockerfile.v0',
      '<missing>    | COPY 10-listen-on-ipv6-by-default.sh /docker…   2.12kB    buildkit.dockerfile.v0',
      '<missing>    | COPY docker-entrypoint.sh / # buildkit          1.62kB    buildkit.dockerfile.v0',
      expect.stringMatching(
        /^<missing> {4}\| RUN \/bin\/sh -c set -x {5}&& groupadd --syst… {3}\S+MB +buildkit\.dockerfile\.v0$/,
      ),
    ]);
    expect(rows[17]).toBe(
      '<missing>    | LABEL maintainer=NGINX Docker Maintainers <d…   0B        buildkit.dockerfile.v0',
    );
    expect(rows[18]).toMatch(
      /^<missing> {4}\| # debian\.sh --arch 'amd64' out\/ 'trixie' '@1… {3}\S+MB +debuerreotype 0\.17$/,
    );
  });

  it('sums to the image: its layers add up to what docker images calls its disk usage, less the content', () => {
    const sizes = hostAfter()
      .run('docker history -H=false --format "{{.Size}}" nginx')
      .stdout.trim()
      .split('\n')
      .map(Number);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(169_166_684);
  });
});

// repo-info 157d400 repos/httpd/remote/latest.md: fourteen steps, six layers, WORKDIR's the empty tar
// (4f4fb700ef54); the tabs of the RUN lines print as spaces when cut (formatter_history.go).
describe("docker history of httpd's fourteen steps", () => {
  it('lists the WORKDIR layer empty and the RUN lines with their tabs as spaces, cut or not', () => {
    const rows = hostAfter().run('docker history httpd').stdout.split('\n');
    expect(rows).toHaveLength(16);
    expect(rows[5]).toMatch(/ RUN \/bin\/sh -c set -eux; {3}savedAptMark="\$\(a… {3}\S+MB +buildkit\.dockerfile\.v0$/);
    expect(rows[10]).toMatch(/ WORKDIR \/usr\/local\/apache2 {22}0B {8}buildkit\.dockerfile\.v0$/);
    expect(hostAfter().run('docker history --no-trunc --format "{{.CreatedBy}}" httpd').stdout).toContain(
      'RUN /bin/sh -c mkdir -p "$HTTPD_PREFIX"  && chown www-data:www-data "$HTTPD_PREFIX" # buildkit\n',
    );
  });
});

// repo-info 01470af repos/ubuntu/remote/latest.md: rockcraft's umoci commands, recorded as given (repo-info
// prints them after RUN), with no comment; two layers, `raw add-layer` each.
describe("docker history of ubuntu's umoci steps", () => {
  it('lists the seven commands, the two add-layer ones with a size, and no comment', () => {
    const host = hostAfter();
    const rows = host.run('docker history ubuntu').stdout.split('\n');
    expect(rows).toHaveLength(9);
    expect(rows[1]).toMatch(
      /^678c6550cc43 {3}\d+ \w+ ago +umoci raw add-layer --image \/home\/buildd\/roc… {3}\S+B +$/,
    );
    expect(rows[2]).toMatch(/ umoci config --image \/home\/buildd\/rockcraft-… {3}0B {8}$/);
    expect(rows[7]).toMatch(/ umoci raw add-layer --image \/home\/buildd\/roc… {3}\S+MB +$/);
    // The description label's lines come whole, as the config records them.
    expect(host.run('docker history --no-trunc --format "{{.CreatedBy}}" ubuntu').stdout).toContain(
      'Fast, secure and simple, Ubuntu powers millions of PCs worldwide.\n\numoci config --image /home/buildd/rockcraft-ubuntu-cb40fbba9124333e0158d7876ea798fa/images/ubuntu:26.04 --config.env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n',
    );
  });
});

// repo-info 026819e repos/mariadb/remote/latest.md: ubuntu:noble's classic-builder steps
// (`/bin/sh -c #(nop)  ...`, no comment) under BuildKit's, whose RUN lines with build args in scope
// carry them as `|N K=V ...` (buildkit dockerfile2llb runCommandString; repo-info's `# ARGS:`).
describe("docker history of mariadb's steps on ubuntu:noble", () => {
  it('shows the base image as the classic builder recorded it, and the build args of each RUN', () => {
    const host = hostAfter('docker pull -q mariadb');
    const rows = host.run('docker history mariadb').stdout.split('\n');
    expect(rows).toHaveLength(25);
    expect(rows[1]).toMatch(/^c237fd50cc48 {3}\d+ \w+ ago +CMD \["mariadbd"\] {32}0B {8}buildkit\.dockerfile\.v0$/);
    expect(rows[7]).toMatch(/ RUN \|3 GPG_KEYS=177F4010FE56CA3336300305F165… {3}\S+MB +buildkit\.dockerfile\.v0$/);
    expect(rows.slice(19, 24).map((row) => row.replace(/^<missing> {6}\d+ \w+ ago {3}/, ''))).toEqual([
      '/bin/sh -c #(nop)  CMD ["/bin/bash"]            0B        ',
      expect.stringMatching(/^\/bin\/sh -c #\(nop\) ADD file:cb9335ce6f27399c2… {3}\S+MB {4,5}$/),
      '/bin/sh -c #(nop)  LABEL org.opencontainers.…   0B        ',
      '/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH     0B        ',
      '/bin/sh -c #(nop)  ARG RELEASE                  0B        ',
    ]);
    expect(host.run('docker history --no-trunc --format "{{.CreatedBy}}" mariadb').stdout).toContain(
      '\nRUN |1 GPG_KEYS=177F4010FE56CA3336300305F1656F24C74CD1D8 /bin/sh -c mkdir /docker-entrypoint-initdb.d # buildkit\n',
    );
  });
});

// repo-info 04be851 repos/wordpress/remote/latest.md: php:8.3-apache's steps and wordpress's, 42 in all
// over 24 layers; COPY layers at the sizes of their files in docker-library/php 445bf41 and
// docker-library/wordpress bf223d1 (go-units: 7220 bytes is 7.22kB), WORKDIR the empty layer.
describe("docker history of wordpress's forty-two steps", () => {
  it('lists the php base under wordpress, with its WORKDIR and COPY layers', () => {
    const rows = hostAfter('docker pull -q wordpress')
      .run('docker history wordpress')
      .stdout.split('\n')
      .map((row) => row.replace(/ {3}\d+ \w+ ago {3}/, ' | '));
    expect(rows).toHaveLength(44);
    expect(rows[1]).toBe(
      '5a93c470ae82 | CMD ["apache2-foreground"]                      0B        buildkit.dockerfile.v0',
    );
    expect(rows[5]).toBe(
      '<missing>    | COPY --chown=www-data:www-data wp-config-doc…   5.82kB    buildkit.dockerfile.v0',
    );
    expect(rows[15]).toBe(
      '<missing>    | WORKDIR /var/www/html                           0B        buildkit.dockerfile.v0',
    );
    expect(rows[21]).toBe(
      '<missing>    | COPY docker-php-ext-* docker-php-entrypoint …   7.22kB    buildkit.dockerfile.v0',
    );
    expect(rows[42]).toMatch(
      /^<missing> {4}\| # debian\.sh --arch 'amd64' out\/ 'trixie' '@1… {3}\S+MB +debuerreotype 0\.17$/,
    );
  });
});

// repo-info fbaba01 repos/nginx/remote/1.31.3-alpine.md: alpine 3.24.1's ADD and CMD, alpine-slim's steps,
// then alpine's ENV and RUN; the COPY layers are nginx:latest's scripts (nginx/docker-nginx 0d7f438).
describe("docker history of nginx:alpine's twenty steps", () => {
  it("lists alpine's steps under nginx's, the modules' RUN newest", () => {
    const rows = hostAfter('docker pull -q nginx:alpine')
      .run('docker history nginx:alpine')
      .stdout.split('\n')
      .map((row) => row.replace(/ {3}\d+ \w+ ago {3}/, ' | '));
    expect(rows).toHaveLength(22);
    expect(rows[1]).toMatch(/^2776cd5b70d8 \| RUN \/bin\/sh -c set -x {5}&& apkArch="\$\(cat … {3}\S+MB +buildkit/);
    expect(rows[9]).toBe(
      '<missing>    | COPY 30-tune-worker-processes.sh /docker-ent…   4.62kB    buildkit.dockerfile.v0',
    );
    expect(rows[14]).toMatch(/^<missing> {4}\| RUN \/bin\/sh -c set -x {5}&& addgroup -g 101… {3}\S+MB +buildkit/);
    expect(rows.slice(19, 21)).toEqual([
      '<missing>    | CMD ["/bin/sh"]                                 0B        buildkit.dockerfile.v0',
      expect.stringMatching(/^<missing> {4}\| ADD alpine-minirootfs-3\.24\.1-x86_64\.tar\.gz \/… {3}\S+MB +buildkit/),
    ]);
  });
});

// traefik/whoami v1.11.0 buildx.Dockerfile (built by goreleaser with buildx): FROM scratch, three COPY
// layers recorded without their --from (buildkit dispatchCopy's commit message), ENTRYPOINT and EXPOSE.
describe("docker history of traefik/whoami's scratch stage", () => {
  it('lists the three COPY layers under ENTRYPOINT and EXPOSE', () => {
    const rows = hostAfter('docker pull -q traefik/whoami')
      .run('docker history --no-trunc --format "{{.CreatedBy}}|{{.Comment}}" traefik/whoami')
      .stdout.split('\n');
    expect(rows).toEqual([
      'EXPOSE map[80/tcp:{}]|buildkit.dockerfile.v0',
      'ENTRYPOINT ["/whoami"]|buildkit.dockerfile.v0',
      'COPY whoami / # buildkit|buildkit.dockerfile.v0',
      'COPY /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ # buildkit|buildkit.dockerfile.v0',
      'COPY /usr/share/zoneinfo /usr/share/zoneinfo # buildkit|buildkit.dockerfile.v0',
      '',
    ]);
  });
});

// nicolaka/netshoot f786ed2 (v0.14, FROM alpine:3.22.0) Dockerfile's last stage, written by hand as
// moby/buildkit 73ed682 dockerfile2llb records each instruction (convert.go commitToHistory, `# buildkit`
// after RUN and COPY; convert_copy.go leaves --from out; dispatchEnv writes the legacy `ENV HOSTNAME
// netshoot` as `ENV HOSTNAME=netshoot`; dispatchWorkdir makes WORKDIR a layer); alpine 3.22.0's two
// steps from docker-library/repo-info (ADD alpine-minirootfs-3.22.0-x86_64.tar.gz / # buildkit, CMD).
// zshrc and motd there are 4626 and 592 bytes: 4.63kB and 592B.
describe("docker history of nicolaka/netshoot's steps", () => {
  it('records each step of the Dockerfile, newest first, over alpine 3.22.0', () => {
    const rows = hostAfter('docker pull -q nicolaka/netshoot')
      .run('docker history --no-trunc --format "{{.CreatedBy}}|{{.Comment}}" nicolaka/netshoot')
      .stdout.split('\n');
    expect(rows).toHaveLength(20);
    expect(rows.slice(0, 18)).toEqual([
      'CMD ["zsh"]|buildkit.dockerfile.v0',
      'RUN /bin/sh -c chown root:root /usr/bin/dumpcap # buildkit|buildkit.dockerfile.v0',
      'RUN /bin/sh -c chmod -R g=u /root # buildkit|buildkit.dockerfile.v0',
      'COPY motd motd # buildkit|buildkit.dockerfile.v0',
      'COPY zshrc .zshrc # buildkit|buildkit.dockerfile.v0',
      'RUN /bin/sh -c git clone --depth=1 https://github.com/romkatv/powerlevel10k.git ${ZSH_CUSTOM:-$HOME/.oh-my-zsh/custom}/themes/powerlevel10k # buildkit|buildkit.dockerfile.v0',
      'RUN /bin/sh -c git clone https://github.com/zsh-users/zsh-autosuggestions ${ZSH_CUSTOM:-~/.oh-my-zsh/custom}/plugins/zsh-autosuggestions # buildkit|buildkit.dockerfile.v0',
      'RUN /bin/sh -c curl -fsSL https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master/tools/install.sh | sh # buildkit|buildkit.dockerfile.v0',
      'ENV HOSTNAME=netshoot|buildkit.dockerfile.v0',
      'WORKDIR /root|buildkit.dockerfile.v0',
      'USER root|buildkit.dockerfile.v0',
      'COPY /tmp/fortio /usr/local/bin/fortio # buildkit|buildkit.dockerfile.v0',
      'COPY /tmp/grpcurl /usr/local/bin/grpcurl # buildkit|buildkit.dockerfile.v0',
      'COPY /tmp/termshark /usr/local/bin/termshark # buildkit|buildkit.dockerfile.v0',
      'COPY /tmp/calicoctl /usr/local/bin/calicoctl # buildkit|buildkit.dockerfile.v0',
      'COPY /tmp/ctop /usr/local/bin/ctop # buildkit|buildkit.dockerfile.v0',
      expect.stringMatching(
        /^RUN \/bin\/sh -c set -ex {5}&& echo "http:\/\/dl-cdn\.alpinelinux\.org\/alpine\/edge\/main" >> \/etc\/apk\/repositories {5}&& /,
      ),
      'CMD ["/bin/sh"]|buildkit.dockerfile.v0',
    ]);
    // `file\` has no space before its backslash: BuildKit's parser joins the next line as it is.
    expect(rows[16]).toContain('&& apk add --no-cache     apache2-utils     bash     bind-tools ');
    expect(rows[16]).toContain('     ethtool     file    fping     iftop ');
    expect(rows[16]).toMatch(/ {5}swaks {5}perl-crypt-ssleay {5}perl-net-ssleay # buildkit\|buildkit\.dockerfile\.v0$/);
    expect(rows.slice(18)).toEqual([
      'ADD alpine-minirootfs-3.22.0-x86_64.tar.gz / # buildkit|buildkit.dockerfile.v0',
      '',
    ]);
  });

  it('shows the COPY layers at their files’ sizes and WORKDIR’s empty layer', () => {
    const rows = hostAfter('docker pull -q nicolaka/netshoot')
      .run('docker history nicolaka/netshoot')
      .stdout.split('\n')
      .map((row) => row.replace(/ {3}\d+ \w+ ago +/, ' | '));
    expect(rows[1]).toBe(
      '7f08c4aff13f | CMD ["zsh"]                                     0B        buildkit.dockerfile.v0',
    );
    expect(rows.slice(4, 6)).toEqual([
      '<missing>    | COPY motd motd # buildkit                       592B      buildkit.dockerfile.v0',
      '<missing>    | COPY zshrc .zshrc # buildkit                    4.63kB    buildkit.dockerfile.v0',
    ]);
    expect(rows[10]).toBe(
      '<missing>    | WORKDIR /root                                   0B        buildkit.dockerfile.v0',
    );
  });
});

// curl/curl-container 96c8e58 create_base_image.sh and create_appliance_image.sh: working containers
// committed with `buildah commit --squash`, never `config --created-by` nor `--history-comment`, on
// alpine (no SHELL); containers/buildah 5b1b18e (and v1.33.0) image.go: squashing clears the history,
// and the one entry's created_by falls back to `/bin/sh`, its comment empty.
describe("docker history of curlimages/curl's squashed layer", () => {
  it('shows one row, /bin/sh with no comment, named by the image', () => {
    const host = hostAfter('docker pull -q curlimages/curl');
    expect(
      host.run('docker history --no-trunc --format "{{.ID}}|{{.CreatedBy}}|{{.Comment}}" curlimages/curl').stdout,
    ).toBe('sha256:4b1c6a0d3e8f2a7c9b5d1e3f6a8c0b2d4e6f8a1c3e5b7d9f0a2c4e6b8d0f2a4c|/bin/sh|\n');
    expect(host.run('docker image history -q curlimages/curl').stdout).toBe('4b1c6a0d3e8f\n');
  });
});

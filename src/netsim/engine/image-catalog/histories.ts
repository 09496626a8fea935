import type { ImageHistoryEntry } from '../images';

/**
 * The config history of the catalog's images whose history is known, by their
 * index digest, oldest first: what `docker history` lists (image-history.ts). Out
 * of the catalog itself so that these long lines come with `docker history`'s
 * own module, not with every terminal. Sources: docker-library/repo-info's
 * remote/latest.md at the commit each image's entry in official.ts names (the
 * amd64 Dockerfile lines, to the second), written as each builder records them.
 */
export const IMAGE_HISTORIES: Readonly<Record<string, readonly ImageHistoryEntry[]>> = {
  // alpine
  // repo-info's Dockerfile lines, as BuildKit recorded them (`# buildkit`), with the
  // comment BuildKit's Dockerfile frontend gives every step.
  'sha256:5b02b42e375f7426f8d65c3af331ca05d9878f9989230354504e0b9dfd431f60': [
    {
      created: '2026-09-17T20:37:20Z',
      createdBy: 'ADD alpine-minirootfs-3.24.2-x86_64.tar.gz / # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-09-17T20:37:20Z',
      createdBy: 'CMD ["/bin/sh"]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
  ],
  // busybox
  // repo-info's one line, which it writes `RUN BusyBox ...`: docker-library/busybox's builder records
  // the build's description alone, with no comment (as `docker history busybox` shows it).
  'sha256:dc2d74b28e4cf8984fa52af1f39bc7c3d9c73760b41a74d629f5d11b1ab28616': [
    {
      created: '2026-05-13T02:21:49Z',
      createdBy: 'BusyBox 1.38.0 (glibc), Debian 13',
      comment: '',
      emptyLayer: false,
    },
  ],
  // debian
  // repo-info's one line (`RUN # debian.sh ...`): debuerreotype records the command as a comment,
  // and names itself in the entry's comment. ~: its version, 0.17, is the one trixie images of 2026 carry.
  'sha256:34cd9e9fd437c0a095ec39cb2e73422c9f30821b0d0848ed74fd0d43bae4d958': [
    {
      created: '2026-08-03T00:00:00Z',
      createdBy: "# debian.sh --arch 'amd64' out/ 'trixie' '@1785715200'",
      comment: 'debuerreotype 0.17',
      emptyLayer: false,
    },
  ],
  // nginx
  // repo-info's amd64 Dockerfile lines, to the second, as the builders record them: debuerreotype's
  // base step with its comment, BuildKit's `RUN /bin/sh -c ... # buildkit` (repo-info drops the
  // shell), and the other instructions as they are. The COPY layers hold one file each, of the size
  // nginx/docker-nginx 0d7f438 mainline/debian has (a real `docker history nginx` shows them so:
  // 4.62kB, 3.02kB, 389B, 2.12kB, 1.62kB); ~: the base's and the RUN's share of the rest.
  'sha256:5a88c9c45479443d7be2eadc894b4ed0a9801bae03d97a5760ae13b5c2005942': [
    {
      created: '2026-07-13T00:00:00Z',
      createdBy: "# debian.sh --arch 'amd64' out/ 'trixie' '@1783900800'",
      comment: 'debuerreotype 0.17',
      emptyLayer: false,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'ENV NGINX_VERSION=1.31.3',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'ENV NJS_VERSION=1.0.0',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'ENV NJS_RELEASE=1~trixie',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'ENV ACME_VERSION=0.4.1',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'ENV PKG_RELEASE=1~trixie',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'ENV DYNPKG_RELEASE=1~trixie',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy:
        'RUN /bin/sh -c set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     &&     NGINX_GPGKEYS="573BFD6B3D8FBC641079A6ABABF5BD827BD9BF62 8540A6F18833A80E9C1653A42FD21310B49F6B46 9E9BE90EACBCDE69FE9B204CBCDCD8A38D88A2B3";     NGINX_GPGKEY_PATH=/etc/apt/keyrings/nginx-archive-keyring.gpg;     export GNUPGHOME="$(mktemp -d)";     found=\'\';     for NGINX_GPGKEY in $NGINX_GPGKEYS; do     for server in         hkp://keyserver.ubuntu.com:80         pgp.mit.edu     ; do         echo "Fetching GPG key $NGINX_GPGKEY from $server";         gpg1 --batch --keyserver "$server" --keyserver-options timeout=10 --recv-keys "$NGINX_GPGKEY" && found=yes && break;     done;     test -z "$found" && echo >&2 "error: failed to fetch GPG key $NGINX_GPGKEY" && exit 1;     done;     gpg1 --batch --export $NGINX_GPGKEYS > "$NGINX_GPGKEY_PATH" ;     rm -rf "$GNUPGHOME";     apt-get remove --purge --auto-remove -y gnupg1 && rm -rf /var/lib/apt/lists/*     && dpkgArch="$(dpkg --print-architecture)"     && nginxPackages="         nginx=${NGINX_VERSION}-${PKG_RELEASE}         nginx-module-xslt=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-geoip=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-image-filter=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-njs=${NGINX_VERSION}+${NJS_VERSION}-${NJS_RELEASE}         nginx-module-acme=${NGINX_VERSION}+${ACME_VERSION}-${PKG_RELEASE}     "     && case "$dpkgArch" in         amd64|arm64)             echo "deb [signed-by=$NGINX_GPGKEY_PATH] https://nginx.org/packages/mainline/debian/ trixie nginx" >> /etc/apt/sources.list.d/nginx.list             && apt-get update             ;;         *)             tempDir="$(mktemp -d)"             && chmod 777 "$tempDir"                         && savedAptMark="$(apt-mark showmanual)"                         && apt-get update             && apt-get install --no-install-recommends --no-install-suggests -y                 cargo                 curl                 devscripts                 equivs                 git                 libxml2-utils                 lsb-release                 xsltproc             && (                 cd "$tempDir"                 && export CARGO_HOME="$tempDir/.cargo"                 && REVISION="${NGINX_VERSION}-${PKG_RELEASE}"                 && REVISION=${REVISION%~*}                 && curl -f -L -O https://github.com/nginx/pkg-oss/archive/${REVISION}.tar.gz                 && PKGOSSCHECKSUM="524b75cc72657ce77d90cd25c305aba0a19a7f8a3e5dec8e1cc585cd7985663a444c7873e9040b4576285b49ac117c1ea4bb4077dc592eca52316935e1f75adf *${REVISION}.tar.gz"                 && if [ "$(openssl sha512 -r ${REVISION}.tar.gz)" = "$PKGOSSCHECKSUM" ]; then                     echo "pkg-oss tarball checksum verification succeeded!";                 else                     echo "pkg-oss tarball checksum verification failed!";                     exit 1;                 fi                 && tar xzvf ${REVISION}.tar.gz                 && cd pkg-oss-${REVISION}                 && cd debian                 && for target in base module-geoip module-image-filter module-njs module-xslt module-acme; do                     make rules-$target;                     mk-build-deps --install --tool="apt-get -o Debug::pkgProblemResolver=yes --no-install-recommends --yes"                         debuild-$target/nginx-$NGINX_VERSION/debian/control;                 done                 && make base module-geoip module-image-filter module-njs module-xslt module-acme             )                         && apt-mark showmanual | xargs apt-mark auto > /dev/null             && { [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; }                         && ls -lAFh "$tempDir"             && ( cd "$tempDir" && dpkg-scanpackages . > Packages )             && grep \'^Package: \' "$tempDir/Packages"             && echo "deb [ trusted=yes ] file://$tempDir ./" > /etc/apt/sources.list.d/temp.list             && apt-get -o Acquire::GzipIndexes=false update             ;;     esac         && apt-get install --no-install-recommends --no-install-suggests -y                         $nginxPackages                         gettext-base                         curl     && apt-get remove --purge --auto-remove -y && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list         && if [ -n "$tempDir" ]; then         apt-get purge -y --auto-remove         && rm -rf "$tempDir" /etc/apt/sources.list.d/temp.list;     fi     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'COPY docker-entrypoint.sh / # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 1620,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 2125,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'COPY 15-local-resolvers.envsh /docker-entrypoint.d # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 389,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'COPY 20-envsubst-on-templates.sh /docker-entrypoint.d # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 3018,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'COPY 30-tune-worker-processes.sh /docker-entrypoint.d # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 4619,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'ENTRYPOINT ["/docker-entrypoint.sh"]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'EXPOSE map[80/tcp:{}]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'STOPSIGNAL SIGQUIT',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'CMD ["nginx" "-g" "daemon off;"]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
  ],
  // httpd
  // repo-info's amd64 Dockerfile lines, as for nginx; WORKDIR made a layer, the empty tar 4f4fb700ef54
  // (nothing unpacked); ~: the other layers' share of the unpacked size.
  'sha256:454942557d44332cd7e4ae415e7ec9b4dbbf01b4a042491f423fcaf10a32ce9f': [
    {
      created: '2026-09-18T00:00:00Z',
      createdBy: "# debian.sh --arch 'amd64' out/ 'trixie' '@1789689600'",
      comment: 'debuerreotype 0.17',
      emptyLayer: false,
    },
    {
      created: '2026-09-19T00:18:47Z',
      createdBy: 'ENV HTTPD_PREFIX=/usr/local/apache2',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-09-19T00:18:47Z',
      createdBy: 'ENV PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-09-19T00:18:47Z',
      createdBy: 'RUN /bin/sh -c mkdir -p "$HTTPD_PREFIX" \t&& chown www-data:www-data "$HTTPD_PREFIX" # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-09-19T00:18:47Z',
      createdBy: 'WORKDIR /usr/local/apache2',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 0,
    },
    {
      created: '2026-09-19T00:18:52Z',
      createdBy:
        'RUN /bin/sh -c set -eux; \tapt-get install --update -y --no-install-recommends \t\tca-certificates \t\tlibaprutil1-ldap \t\tlibldap-common \t; \tapt-get dist-clean # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-09-19T00:18:52Z',
      createdBy: 'ENV HTTPD_VERSION=2.4.68',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-09-19T00:18:52Z',
      createdBy: 'ENV HTTPD_SHA256=68c74d4df38c26bed4dfbdb8f3baf1eb532f3872357becc1bba5d136f6b63c06',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-09-19T00:18:52Z',
      createdBy: 'ENV HTTPD_PATCHES=',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-09-19T00:20:50Z',
      createdBy:
        'RUN /bin/sh -c set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get install --update -y --no-install-recommends \t\tbzip2 \t\tdpkg-dev \t\tgcc \t\tgnupg \t\tlibapr1-dev \t\tlibaprutil1-dev \t\tlibbrotli-dev \t\tlibcurl4-openssl-dev \t\tlibjansson-dev \t\tliblua5.2-dev \t\tlibnghttp2-dev \t\tlibpcre2-dev \t\tlibssl-dev \t\tlibxml2-dev \t\tmake \t\tpatch \t\twget \t\tzlib1g-dev \t; \t\tddist() { \t\tlocal f="$1"; shift; \t\tlocal distFile="$1"; shift; \t\tlocal success=; \t\tlocal distUrl=; \t\tfor distUrl in \t\t\thttps://dlcdn.apache.org/ \t\t\thttps://archive.apache.org/dist/ \t\t; do \t\t\tif wget -O "$f" "$distUrl$distFile" && [ -s "$f" ]; then \t\t\t\tsuccess=1; \t\t\t\tbreak; \t\t\tfi; \t\tdone; \t\t[ -n "$success" ]; \t}; \t\tddist \'httpd.tar.bz2\' "httpd/httpd-$HTTPD_VERSION.tar.bz2"; \techo "$HTTPD_SHA256 *httpd.tar.bz2" | sha256sum -c -; \t\tddist \'httpd.tar.bz2.asc\' "httpd/httpd-$HTTPD_VERSION.tar.bz2.asc"; \texport GNUPGHOME="$(mktemp -d)"; \tfor key in \t\tDE29FB3971E71543FD2DC049508EAEC5302DA568 \t\t13155B0E9E634F42BF6C163FDDBA64BA2C312D2F \t\t8B39757B1D8A994DF2433ED58B3A601F08C975E5 \t\t31EE1A81B8D066548156D37B7D6DBFD1F08E012A \t\tA10208FEC3152DD7C0C9B59B361522D782AB7BD1 \t\t3DE024AFDA7A4B15CB6C14410F81AA8AB0D5F771 \t\tEB138C6AF0FC691001B16D93344A844D751D7F27 \t\tCBA5A7C21EC143314C41393E5B968010E04F9A89 \t\t3C016F2B764621BB549C66B516A96495E2226795 \t\t937FB3994A242BA9BF49E93021454AF0CC8B0F7E \t\tEAD1359A4C0F2D37472AAF28F55DF0293A4E7AC9 \t\t4C1EADADB4EF5007579C919C6635B6C0DE885DD3 \t\t01E475360FCCF1D0F24B9D145D414AE1E005C9CB \t\t92CCEF0AA7DD46AC3A0F498BCA6939748103A37E \t\tD395C7573A68B9796D38C258153FA0CD75A67692 \t\tFA39B617B61493FD283503E7EED1EA392261D073 \t\t984FB3350C1D5C7A3282255BB31B213D208F5064 \t\tFE7A49DAA875E890B4167F76CCB2EB46E76CF6D0 \t\t39F6691A0ECF0C50E8BB849CF78875F642721F00 \t\t29A2BA848177B73878277FA475CAA2A3F39B3750 \t\t120A8667241AEDD4A78B46104C042818311A3DE5 \t\t453510BDA6C5855624E009236D0BC73A40581837 \t\t0DE5C55C6BF3B2352DABB89E13249B4FEC88A0BF \t\t7CDBED100806552182F98844E8E7E00B4DAA1988 \t\tA8BA9617EF3BCCAC3B29B869EDB105896F9522D8 \t\t3E6AC004854F3A7F03566B592FF06894E55B0D0E \t\t5B5181C2C0AB13E59DA3F7A3EC582EB639FF092C \t\tA93D62ECC3C8EA12DB220EC934EA76E6791485A8 \t\t65B2D44FE74BD5E3DE3AC3F082781DE46D5954FA \t\t8935926745E1CE7E3ED748F6EC99EE267EB5F61A \t\tE3480043595621FE56105F112AB12A7ADC55C003 \t\t93525CFCF6FDFFB3FD9700DD5A4B10AE43B56A27 \t\tC55AB7B9139EB2263CD1AABC19B033D1760C227B \t\t26F51EF9A82F4ACB43F1903ED377C9E7D1944C66 \t; do \t\tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key"; \tdone; \tgpg --batch --verify httpd.tar.bz2.asc httpd.tar.bz2; \tgpgconf --kill all; \trm -rf "$GNUPGHOME" httpd.tar.bz2.asc; \t\tmkdir -p src; \ttar -xf httpd.tar.bz2 -C src --strip-components=1; \trm httpd.tar.bz2; \tcd src; \t\tpatches() { \t\twhile [ "$#" -gt 0 ]; do \t\t\tlocal patchFile="$1"; shift; \t\t\tlocal patchSha256="$1"; shift; \t\t\tddist "$patchFile" "httpd/patches/apply_to_$HTTPD_VERSION/$patchFile"; \t\t\techo "$patchSha256 *$patchFile" | sha256sum -c -; \t\t\tpatch -p0 < "$patchFile"; \t\t\trm -f "$patchFile"; \t\tdone; \t}; \tpatches $HTTPD_PATCHES; \t\tgnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"; \tCFLAGS="$(dpkg-buildflags --get CFLAGS)"; \tCPPFLAGS="$(dpkg-buildflags --get CPPFLAGS)"; \tLDFLAGS="$(dpkg-buildflags --get LDFLAGS)"; \t./configure \t\t--build="$gnuArch" \t\t--prefix="$HTTPD_PREFIX" \t\t--enable-mods-shared=reallyall \t\t--enable-mpms-shared=all \t\t--enable-pie \t\tCFLAGS="-pipe $CFLAGS" \t\tCPPFLAGS="$CPPFLAGS" \t\tLDFLAGS="-Wl,--as-needed $LDFLAGS" \t; \tmake -j "$(nproc)"; \tmake install; \t\tcd ..; \trm -r src man manual; \t\tsed -ri \t\t-e \'s!^(\\s*CustomLog)\\s+\\S+!\\1 /proc/self/fd/1!g\' \t\t-e \'s!^(\\s*ErrorLog)\\s+\\S+!\\1 /proc/self/fd/2!g\' \t\t-e \'s!^(\\s*TransferLog)\\s+\\S+!\\1 /proc/self/fd/1!g\' \t\t-e \'s!^(\\s*User)\\s+daemon\\s*$!\\1 www-data!g\' \t\t-e \'s!^(\\s*Group)\\s+daemon\\s*$!\\1 www-data!g\' \t\t"$HTTPD_PREFIX/conf/httpd.conf" \t\t"$HTTPD_PREFIX/conf/extra/httpd-ssl.conf" \t; \tgrep -E \'^\\s*User www-data$\' "$HTTPD_PREFIX/conf/httpd.conf"; \tgrep -E \'^\\s*Group www-data$\' "$HTTPD_PREFIX/conf/httpd.conf"; \t\tapt-mark auto \'.*\' > /dev/null; \t[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; \tfind /usr/local -type f -executable -exec ldd \'{}\' \';\' \t\t| awk \'/=>/ { so = $(NF-1); if (index(so, "/usr/local/") == 1) { next }; gsub("^/(usr/)?", "", so); printf "*%s\\n", so }\' \t\t| sort -u \t\t| xargs -r dpkg-query --search \t\t| cut -d: -f1 \t\t| sort -u \t\t| xargs -r apt-mark manual \t; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \tapt-get dist-clean; \t\thttpd -v # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-09-19T00:20:50Z',
      createdBy: 'STOPSIGNAL SIGWINCH',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-09-19T00:20:50Z',
      createdBy: 'COPY httpd-foreground /usr/local/bin/ # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-09-19T00:20:50Z',
      createdBy: 'EXPOSE map[80/tcp:{}]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-09-19T00:20:50Z',
      createdBy: 'CMD ["httpd-foreground"]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
  ],
  // ubuntu
  // repo-info 01470af repos/ubuntu/remote/latest.md: rockcraft builds it with umoci, which records each
  // command it is given as created_by (repo-info prefixes RUN) with no comment: two `raw add-layer`
  // layers (the root file system, then rockcraft's control data), the `config` steps empty. The
  // description label runs over several lines, as rockcraft.yaml's block text does. ~: the layers'
  // unpacked sizes (shares of the image's).
  'sha256:678c6550cc43645e08669028bc177f50be4e7c5b8cca677067b1914d4afc7a03': [
    {
      created: '2026-07-24T12:48:27Z',
      createdBy:
        'umoci raw add-layer --image /home/buildd/rockcraft-ubuntu-cb40fbba9124333e0158d7876ea798fa/images/ubuntu:rockcraft-base /home/buildd/rockcraft-ubuntu-cb40fbba9124333e0158d7876ea798fa/images/.temp_layer.9094.tar --tag 26.04',
      comment: '',
      emptyLayer: false,
    },
    {
      created: '2026-07-24T12:48:28Z',
      createdBy:
        'umoci config --image /home/buildd/rockcraft-ubuntu-cb40fbba9124333e0158d7876ea798fa/images/ubuntu:26.04 --clear=config.entrypoint --clear=config.cmd',
      comment: '',
      emptyLayer: true,
    },
    {
      created: '2026-07-24T12:48:28Z',
      createdBy:
        'umoci config --image /home/buildd/rockcraft-ubuntu-cb40fbba9124333e0158d7876ea798fa/images/ubuntu:26.04 --clear=config.cmd --config.cmd /bin/bash',
      comment: '',
      emptyLayer: true,
    },
    {
      created: '2026-07-24T12:48:28Z',
      createdBy:
        'umoci config --image /home/buildd/rockcraft-ubuntu-cb40fbba9124333e0158d7876ea798fa/images/ubuntu:26.04 --config.env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      comment: '',
      emptyLayer: true,
    },
    {
      created: '2026-07-24T12:48:28Z',
      createdBy:
        "umoci config --image /home/buildd/rockcraft-ubuntu-cb40fbba9124333e0158d7876ea798fa/images/ubuntu:26.04 --clear=config.labels --config.label org.opencontainers.image.version=26.04 --config.label org.opencontainers.image.title=ubuntu --config.label org.opencontainers.image.created=2026-07-24T12:48:28.650696+00:00 --config.label org.opencontainers.image.description=The Ubuntu container image maintained by Canonical\n\nUbuntu is a Debian-based Linux operating system that runs from the desktop to the cloud, to all your internet connected things.\nIt is the world's most popular operating system across public clouds and OpenStack clouds.\nIt is the number one platform for containers; from Docker to Kubernetes to LXD, Ubuntu can run your containers at scale.\nFast, secure and simple, Ubuntu powers millions of PCs worldwide.\n",
      comment: '',
      emptyLayer: true,
    },
    {
      created: '2026-07-24T12:48:28Z',
      createdBy:
        "umoci config --image /home/buildd/rockcraft-ubuntu-cb40fbba9124333e0158d7876ea798fa/images/ubuntu:26.04 --clear=manifest.annotations --manifest.annotation org.opencontainers.image.version=26.04 --manifest.annotation org.opencontainers.image.title=ubuntu --manifest.annotation org.opencontainers.image.created=2026-07-24T12:48:28.650696+00:00 --manifest.annotation org.opencontainers.image.description=The Ubuntu container image maintained by Canonical\n\nUbuntu is a Debian-based Linux operating system that runs from the desktop to the cloud, to all your internet connected things.\nIt is the world's most popular operating system across public clouds and OpenStack clouds.\nIt is the number one platform for containers; from Docker to Kubernetes to LXD, Ubuntu can run your containers at scale.\nFast, secure and simple, Ubuntu powers millions of PCs worldwide.\n",
      comment: '',
      emptyLayer: true,
    },
    {
      created: '2026-07-24T12:48:28Z',
      createdBy:
        'umoci raw add-layer --image /home/buildd/rockcraft-ubuntu-cb40fbba9124333e0158d7876ea798fa/images/ubuntu:26.04 /home/buildd/rockcraft-ubuntu-cb40fbba9124333e0158d7876ea798fa/images/.temp_layer.control_data.9094.tar',
      comment: '',
      emptyLayer: false,
    },
  ],
  // mariadb
  // repo-info 026819e repos/mariadb/remote/latest.md: ubuntu:noble's five steps from the classic builder
  // (`/bin/sh -c #(nop)  CMD ...`, ADD with one space and its trailing one, no comment), then BuildKit's,
  // whose RUN with build args in scope records them as `RUN |N K=V... /bin/sh -c ...` (dockerfile2llb
  // runCommandString; repo-info prints them as `# ARGS:`). ~: the COPY layers at the sizes
  // healthcheck.sh and docker-entrypoint.sh have in MariaDB/mariadb-docker 1b6429b 12.3/ (May 2026);
  // the other layers' share of the unpacked size.
  'sha256:c237fd50cc48d6f2b87c4ca66d52f3b5eef7271b3bea7aee586c0be19d5b460d': [
    {
      created: '2026-08-17T13:09:48Z',
      createdBy: '/bin/sh -c #(nop)  ARG RELEASE',
      comment: '',
      emptyLayer: true,
    },
    {
      created: '2026-08-17T13:09:48Z',
      createdBy: '/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH',
      comment: '',
      emptyLayer: true,
    },
    {
      created: '2026-08-17T13:09:48Z',
      createdBy: '/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=24.04',
      comment: '',
      emptyLayer: true,
    },
    {
      created: '2026-08-17T13:09:50Z',
      createdBy: '/bin/sh -c #(nop) ADD file:cb9335ce6f27399c2b17787739d6675502767c53e0335ded2a5f0d003d996650 in / ',
      comment: '',
      emptyLayer: false,
    },
    {
      created: '2026-08-17T13:09:51Z',
      createdBy: '/bin/sh -c #(nop)  CMD ["/bin/bash"]',
      comment: '',
      emptyLayer: true,
    },
    {
      created: '2026-08-18T19:23:55Z',
      createdBy:
        'RUN /bin/sh -c groupadd -r mysql && useradd -r -g mysql mysql --home-dir /var/lib/mysql && userdel --remove ubuntu # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-08-18T19:24:07Z',
      createdBy: 'ENV GOSU_VERSION=1.19',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-08-18T19:24:07Z',
      createdBy: 'ARG GPG_KEYS=177F4010FE56CA3336300305F1656F24C74CD1D8',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-08-18T19:24:07Z',
      createdBy:
        'RUN |1 GPG_KEYS=177F4010FE56CA3336300305F1656F24C74CD1D8 /bin/sh -c set -eux; \tapt-get update; \tDEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \t\tca-certificates \t\tgpg \t\tgpgv \t\tlibjemalloc2 \t\tlibtcmalloc-minimal4t64 \t\tpwgen \t\ttzdata \t\txz-utils \t\tzstd ; \tsavedAptMark="$(apt-mark showmanual)"; \tapt-get install -y --no-install-recommends \t\tdirmngr \t\tgpg-agent \t\twget; \trm -rf /var/lib/apt/lists/*; \tdpkgArch="$(dpkg --print-architecture | awk -F- \'{ print $NF }\')"; \twget -q -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch"; \twget -q -O /usr/local/bin/gosu.asc "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch.asc"; \tGNUPGHOME="$(mktemp -d)"; \texport GNUPGHOME; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tfor key in $GPG_KEYS; do \t\tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key"; \tdone; \tgpg --batch --export "$GPG_KEYS" > /etc/apt/trusted.gpg.d/mariadb.gpg; \tif command -v gpgconf >/dev/null; then \t\tgpgconf --kill all; \tfi; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tgpgconf --kill all; \trm -rf "$GNUPGHOME" /usr/local/bin/gosu.asc; \tapt-mark auto \'.*\' > /dev/null; \t[ -z "$savedAptMark" ] ||\tapt-mark manual $savedAptMark >/dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-08-18T19:24:07Z',
      createdBy:
        'RUN |1 GPG_KEYS=177F4010FE56CA3336300305F1656F24C74CD1D8 /bin/sh -c mkdir /docker-entrypoint-initdb.d # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-08-18T19:24:07Z',
      createdBy: 'ENV LANG=C.UTF-8',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-08-18T19:24:07Z',
      createdBy:
        'LABEL org.opencontainers.image.authors=MariaDB Community org.opencontainers.image.title=MariaDB Database org.opencontainers.image.description=MariaDB Database for relational SQL org.opencontainers.image.documentation=https://hub.docker.com/_/mariadb/ org.opencontainers.image.base.name=docker.io/library/ubuntu:noble org.opencontainers.image.licenses=GPL-2.0 org.opencontainers.image.source=https://github.com/MariaDB/mariadb-docker org.opencontainers.image.vendor=MariaDB Community org.opencontainers.image.version=12.3.2 org.opencontainers.image.url=https://github.com/MariaDB/mariadb-docker',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-08-18T19:24:07Z',
      createdBy: 'ARG MARIADB_VERSION=1:12.3.2+maria~ubu2404',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-08-18T19:24:07Z',
      createdBy: 'ENV MARIADB_VERSION=1:12.3.2+maria~ubu2404',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-08-18T19:24:07Z',
      createdBy: 'ARG REPOSITORY=http://archive.mariadb.org/mariadb-12.3.2/repo/ubuntu/ noble main main/debug',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-08-18T19:24:07Z',
      createdBy:
        "RUN |3 GPG_KEYS=177F4010FE56CA3336300305F1656F24C74CD1D8 MARIADB_VERSION=1:12.3.2+maria~ubu2404 REPOSITORY=http://archive.mariadb.org/mariadb-12.3.2/repo/ubuntu/ noble main main/debug /bin/sh -c set -e;\techo \"deb ${REPOSITORY}\" > /etc/apt/sources.list.d/mariadb.list; \t{ \t\techo 'Package: *'; \t\techo 'Pin: release o=MariaDB'; \t\techo 'Pin-Priority: 999'; \t} > /etc/apt/preferences.d/mariadb # buildkit",
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-08-18T19:24:20Z',
      createdBy:
        "RUN |3 GPG_KEYS=177F4010FE56CA3336300305F1656F24C74CD1D8 MARIADB_VERSION=1:12.3.2+maria~ubu2404 REPOSITORY=http://archive.mariadb.org/mariadb-12.3.2/repo/ubuntu/ noble main main/debug /bin/sh -c set -ex; \t{ \t\techo \"mariadb-server\" mysql-server/root_password password 'unused'; \t\techo \"mariadb-server\" mysql-server/root_password_again password 'unused'; \t} | debconf-set-selections; \tapt-get update; \tmkdir -p /var/lib/mysql/mysql ; touch /var/lib/mysql/mysql/user.frm ; \tapt-get install -y --no-install-recommends mariadb-server-galera=\"$MARIADB_VERSION\" mariadb-backup socat \t; \trm -rf /var/lib/apt/lists/*; \trm -rf /var/lib/mysql; \tmkdir -p /var/lib/mysql /run/mysqld; \tchown -R mysql:mysql /var/lib/mysql /run/mysqld; \tchmod 1777 /run/mysqld; \tfind /etc/mysql/ -name '*.cnf' -print0 \t\t| xargs -0 grep -lZE '^(bind-address|log|user\\s)' \t\t| xargs -rt -0 sed -Ei 's/^(bind-address|log|user\\s)/#&/'; \tprintf \"[mariadb]\\nhost-cache-size=0\\nskip-name-resolve\\n\" > /etc/mysql/mariadb.conf.d/05-skipcache.cnf; \tif [ -L /etc/mysql/my.cnf ]; then \t\tsed -i -e '/includedir/ {N;s/\\(.*\\)\\n\\(.*\\)/\\n\\2\\n\\1/}' /etc/mysql/mariadb.cnf; \tfi # buildkit",
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-08-18T19:24:20Z',
      createdBy: 'VOLUME [/var/lib/mysql]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-08-18T19:24:20Z',
      createdBy: 'COPY healthcheck.sh /usr/local/bin/healthcheck.sh # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 10345,
    },
    {
      created: '2026-08-18T19:24:20Z',
      createdBy: 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 26880,
    },
    {
      created: '2026-08-18T19:24:20Z',
      createdBy: 'ENTRYPOINT ["docker-entrypoint.sh"]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-08-18T19:24:20Z',
      createdBy: 'EXPOSE map[3306/tcp:{}]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-08-18T19:24:20Z',
      createdBy: 'CMD ["mariadbd"]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
  ],
  // wordpress
  // repo-info 04be851 repos/wordpress/remote/latest.md: php:8.3-apache on trixie, then wordpress's steps;
  // the RUN lines are those of docker-library/php 445bf41 8.3/trixie/apache/Dockerfile and
  // docker-library/wordpress bf223d1 latest/php8.3/apache/Dockerfile, joined as BuildKit joins lines.
  // COPY layers at their files' sizes there (docker-php-ext-* docker-php-entrypoint: the four files),
  // WORKDIR the empty tar 4f4fb700ef54. ~: the other layers' share of the unpacked size.
  'sha256:5a93c470ae8220fddf71f6ebe3bc94e615ddc2ae4d9810f795b830fb11c41a17': [
    {
      created: '2026-08-24T00:00:00Z',
      createdBy: "# debian.sh --arch 'amd64' out/ 'trixie' '@1787529600'",
      comment: 'debuerreotype 0.17',
      emptyLayer: false,
    },
    {
      created: '2026-08-25T00:36:23Z',
      createdBy:
        "RUN /bin/sh -c set -eux; \t{ \t\techo 'Package: php*'; \t\techo 'Pin: release *'; \t\techo 'Pin-Priority: -1'; \t} > /etc/apt/preferences.d/no-debian-php # buildkit",
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-08-25T00:36:38Z',
      createdBy:
        'ENV PHPIZE_DEPS=autoconf \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\tlibc-dev \t\tmake \t\tpkg-config \t\tre2c',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-08-25T00:36:38Z',
      createdBy:
        'RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\t$PHPIZE_DEPS \t\tca-certificates \t\tcurl \t\txz-utils \t; \tapt-get dist-clean # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-08-25T00:36:38Z',
      createdBy: 'ENV PHP_INI_DIR=/usr/local/etc/php',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-08-25T00:36:38Z',
      createdBy:
        'RUN /bin/sh -c set -eux; \tmkdir -p "$PHP_INI_DIR/conf.d"; \t[ ! -d /var/www/html ]; \tmkdir -p /var/www/html; \tchown www-data:www-data /var/www/html; \tchmod 1777 /var/www/html # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-08-25T00:36:38Z',
      createdBy: 'ENV APACHE_CONFDIR=/etc/apache2',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-08-25T00:36:38Z',
      createdBy: 'ENV APACHE_ENVVARS=/etc/apache2/envvars',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-08-25T00:36:44Z',
      createdBy:
        'RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends apache2; \tapt-get dist-clean; \t\tsed -ri \'s/^export ([^=]+)=(.*)$/: ${\\1:=\\2}\\nexport \\1/\' "$APACHE_ENVVARS"; \t\t. "$APACHE_ENVVARS"; \tfor dir in \t\t"$APACHE_LOCK_DIR" \t\t"$APACHE_RUN_DIR" \t\t"$APACHE_LOG_DIR" \t\t"$APACHE_RUN_DIR/socks" \t; do \t\trm -rvf "$dir"; \t\tmkdir -p "$dir"; \t\tchown "$APACHE_RUN_USER:$APACHE_RUN_GROUP" "$dir"; \t\tchmod 1777 "$dir"; \tdone; \t\trm -rvf /var/www/html/*; \t\tln -sfT /dev/stderr "$APACHE_LOG_DIR/error.log"; \tln -sfT /dev/stdout "$APACHE_LOG_DIR/access.log"; \tln -sfT /dev/stdout "$APACHE_LOG_DIR/other_vhosts_access.log"; \tchown -R --no-dereference "$APACHE_RUN_USER:$APACHE_RUN_GROUP" "$APACHE_LOG_DIR" # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-08-25T00:36:44Z',
      createdBy: 'RUN /bin/sh -c a2dismod mpm_event && a2enmod mpm_prefork # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-08-25T00:36:44Z',
      createdBy:
        "RUN /bin/sh -c { \t\techo '<FilesMatch \\.php$>'; \t\techo '\\tSetHandler application/x-httpd-php'; \t\techo '</FilesMatch>'; \t\techo; \t\techo 'DirectoryIndex disabled'; \t\techo 'DirectoryIndex index.php index.html'; \t\techo; \t\techo '<Directory /var/www/>'; \t\techo '\\tOptions -Indexes'; \t\techo '\\tAllowOverride All'; \t\techo '</Directory>'; \t} | tee \"$APACHE_CONFDIR/conf-available/docker-php.conf\" \t&& a2enconf docker-php # buildkit",
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-08-25T00:36:44Z',
      createdBy: 'ENV PHP_CFLAGS=-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-08-25T00:36:44Z',
      createdBy: 'ENV PHP_CPPFLAGS=-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-08-25T00:36:44Z',
      createdBy: 'ENV PHP_LDFLAGS=-Wl,-O1 -pie',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-08-25T00:36:44Z',
      createdBy:
        'ENV GPG_KEYS=1198C0117593497A5EC5C199286AF1F9897469DC C28D937575603EB4ABB725861C0779DC5C0A9DE4 AFD8691FDAEDF03BDF6E460563F15A9B715376CA',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-08-25T00:36:44Z',
      createdBy: 'ENV PHP_VERSION=8.3.33',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-08-25T00:36:44Z',
      createdBy:
        'ENV PHP_URL=https://www.php.net/distributions/php-8.3.33.tar.xz PHP_ASC_URL=https://www.php.net/distributions/php-8.3.33.tar.xz.asc',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-08-25T00:36:44Z',
      createdBy: 'ENV PHP_SHA256=e293ed620cec74651bb4a071317892a478aa6840fab22db45c72d77cd42f9676',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-08-25T00:36:52Z',
      createdBy:
        'RUN /bin/sh -c set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends gnupg; \tapt-get dist-clean; \t\tmkdir -p /usr/src; \tcd /usr/src; \t\tcurl -fsSL -o php.tar.xz "$PHP_URL"; \t\tif [ -n "$PHP_SHA256" ]; then \t\techo "$PHP_SHA256 *php.tar.xz" | sha256sum -c -; \tfi; \t\tcurl -fsSL -o php.tar.xz.asc "$PHP_ASC_URL"; \texport GNUPGHOME="$(mktemp -d)"; \tfor key in $GPG_KEYS; do \t\tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key"; \tdone; \tgpg --batch --verify php.tar.xz.asc php.tar.xz; \tgpgconf --kill all; \trm -rf "$GNUPGHOME"; \t\tapt-mark auto \'.*\' > /dev/null; \tapt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-08-25T00:36:52Z',
      createdBy: 'COPY docker-php-source /usr/local/bin/ # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 587,
    },
    {
      created: '2026-08-25T00:39:17Z',
      createdBy:
        'RUN /bin/sh -c set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tapache2-dev \t\tlibargon2-dev \t\tlibcurl4-openssl-dev \t\tlibonig-dev \t\tlibreadline-dev \t\tlibsodium-dev \t\tlibsqlite3-dev \t\tlibssl-dev \t\tlibxml2-dev \t\tzlib1g-dev \t; \t\texport \t\tCFLAGS="$PHP_CFLAGS" \t\tCPPFLAGS="$PHP_CPPFLAGS" \t\tLDFLAGS="$PHP_LDFLAGS" \t\tPHP_BUILD_PROVIDER=\'https://github.com/docker-library/php\' \t\tPHP_UNAME=\'Linux - Docker\' \t; \tdocker-php-source extract; \tcd /usr/src/php; \tgnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"; \tdebMultiarch="$(dpkg-architecture --query DEB_BUILD_MULTIARCH)"; \tif [ ! -d /usr/include/curl ]; then \t\tln -sT "/usr/include/$debMultiarch/curl" /usr/local/include/curl; \tfi; \ttest "$PHP_INI_DIR" != "${PHP_INI_DIR%/php}"; \t./configure \t\t--build="$gnuArch" \t\t--sysconfdir="${PHP_INI_DIR%/php}" \t\t--with-config-file-path="$PHP_INI_DIR" \t\t--with-config-file-scan-dir="$PHP_INI_DIR/conf.d" \t\t\t\t--enable-option-checking=fatal \t\t\t\t--with-mhash \t\t\t\t--with-pic \t\t\t\t--enable-mbstring \t\t--enable-mysqlnd \t\t--with-password-argon2 \t\t--with-sodium=shared \t\t--with-pdo-sqlite=/usr \t\t--with-sqlite3=/usr \t\t\t\t--with-curl \t\t--with-iconv \t\t--with-openssl \t\t--with-readline \t\t--with-zlib \t\t\t\t--disable-phpdbg \t\t\t\t--with-pear \t\t\t\t--with-libdir="lib/$debMultiarch" \t\t\t\t--disable-cgi \t\t\t\t--with-apxs2 \t; \tmake -j "$(nproc)"; \tfind -type f -name \'*.a\' -delete; \tmake install; \tfind \t\t/usr/local \t\t-type f \t\t-perm \'/0111\' \t\t-exec sh -euxc \' \t\t\tstrip --strip-all "$@" || : \t\t\' -- \'{}\' + \t; \tmake clean; \t\tcp -v php.ini-* "$PHP_INI_DIR/"; \t\tcd /; \tdocker-php-source delete; \t\tapt-mark auto \'.*\' > /dev/null; \t[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; \tfind /usr/local -type f -executable -exec ldd \'{}\' \';\' \t\t| awk \'/=>/ { so = $(NF-1); if (index(so, "/usr/local/") == 1) { next }; gsub("^/(usr/)?", "", so); printf "*%s\\n", so }\' \t\t| sort -u \t\t| xargs -rt dpkg-query --search \t\t| awk \'sub(":$", "", $1) { print $1 }\' \t\t| sort -u \t\t| xargs -r apt-mark manual \t; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \tapt-get dist-clean; \t\tpecl update-channels; \trm -rf /tmp/pear ~/.pearrc; \t\tphp --version # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-08-25T00:39:18Z',
      createdBy: 'COPY docker-php-ext-* docker-php-entrypoint /usr/local/bin/ # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 7220,
    },
    {
      created: '2026-08-25T00:39:18Z',
      createdBy: 'RUN /bin/sh -c docker-php-ext-enable opcache # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-08-25T00:39:18Z',
      createdBy: 'RUN /bin/sh -c docker-php-ext-enable sodium # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-08-25T00:39:18Z',
      createdBy: 'ENTRYPOINT ["docker-php-entrypoint"]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-08-25T00:39:18Z',
      createdBy: 'STOPSIGNAL SIGWINCH',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-08-25T00:39:18Z',
      createdBy: 'COPY apache2-foreground /usr/local/bin/ # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 1346,
    },
    {
      created: '2026-08-25T00:39:18Z',
      createdBy: 'WORKDIR /var/www/html',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 0,
    },
    {
      created: '2026-08-25T00:39:18Z',
      createdBy: 'EXPOSE map[80/tcp:{}]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-08-25T00:39:18Z',
      createdBy: 'CMD ["apache2-foreground"]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-08-25T01:36:14Z',
      createdBy:
        'RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tghostscript \t\tlibheif-plugin-aomenc \t\tlibheif-plugin-x265 \t; \trm -rf /var/lib/apt/lists/* # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-08-25T01:37:31Z',
      createdBy:
        'RUN /bin/sh -c set -ex; \t\tsavedAptMark="$(apt-mark showmanual)"; \t\tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibavif-dev \t\tlibfreetype6-dev \t\tlibicu-dev \t\tlibjpeg-dev \t\tlibmagickwand-dev \t\tlibpng-dev \t\tlibwebp-dev \t\tlibzip-dev \t; \t\tdocker-php-ext-configure gd \t\t--with-avif \t\t--with-freetype \t\t--with-jpeg \t\t--with-webp \t; \tdocker-php-ext-install -j "$(nproc)" \t\tbcmath \t\texif \t\tgd \t\tintl \t\tmysqli \t\tzip \t; \tpecl install imagick-3.8.1; \tdocker-php-ext-enable imagick; \trm -r /tmp/pear; \t\tout="$(php -r \'exit(0);\')"; \t[ -z "$out" ]; \terr="$(php -r \'exit(0);\' 3>&1 1>&2 2>&3)"; \t[ -z "$err" ]; \t\textDir="$(php -r \'echo ini_get("extension_dir");\')"; \t[ -d "$extDir" ]; \tapt-mark auto \'.*\' > /dev/null; \tapt-mark manual $savedAptMark; \tldd "$extDir"/*.so \t\t| awk \'/=>/ { so = $(NF-1); if (index(so, "/usr/local/") == 1) { next }; gsub("^/(usr/)?", "", so); printf "*%s\\n", so }\' \t\t| sort -u \t\t| xargs -r dpkg-query --search \t\t| cut -d: -f1 \t\t| sort -u \t\t| xargs -rt apt-mark manual; \t\tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \trm -rf /var/lib/apt/lists/*; \t\t! { ldd "$extDir"/*.so | grep \'not found\'; }; \terr="$(php --version 3>&1 1>&2 2>&3)"; \t[ -z "$err" ] # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-08-25T01:37:31Z',
      createdBy:
        "RUN /bin/sh -c set -eux; \t{ \t\techo 'opcache.memory_consumption=128'; \t\techo 'opcache.interned_strings_buffer=8'; \t\techo 'opcache.max_accelerated_files=4000'; \t\techo 'opcache.revalidate_freq=2'; \t} > \"$PHP_INI_DIR/conf.d/opcache-recommended.ini\" # buildkit",
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-08-25T01:37:32Z',
      createdBy:
        "RUN /bin/sh -c set -eux; \t{ \t\techo 'error_reporting = E_ERROR | E_WARNING | E_PARSE | E_CORE_ERROR | E_CORE_WARNING | E_COMPILE_ERROR | E_COMPILE_WARNING | E_RECOVERABLE_ERROR'; \t\techo 'display_errors = Off'; \t\techo 'display_startup_errors = Off'; \t\techo 'log_errors = On'; \t\techo 'error_log = /dev/stderr'; \t\techo 'log_errors_max_len = 1024'; \t\techo 'ignore_repeated_errors = On'; \t\techo 'ignore_repeated_source = Off'; \t\techo 'html_errors = Off'; \t} > \"$PHP_INI_DIR/conf.d/error-logging.ini\" # buildkit",
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-08-25T01:37:32Z',
      createdBy:
        "RUN /bin/sh -c set -eux; \ta2enmod rewrite expires; \t\ta2enmod remoteip; \t{ \t\techo 'RemoteIPHeader X-Forwarded-For'; \t\techo 'RemoteIPInternalProxy 10.0.0.0/8'; \t\techo 'RemoteIPInternalProxy 172.16.0.0/12'; \t\techo 'RemoteIPInternalProxy 192.168.0.0/16'; \t\techo 'RemoteIPInternalProxy 169.254.0.0/16'; \t\techo 'RemoteIPInternalProxy 127.0.0.0/8'; \t} > /etc/apache2/conf-available/remoteip.conf; \ta2enconf remoteip; \tfind /etc/apache2 -type f -name '*.conf' -exec sed -ri 's/([[:space:]]*LogFormat[[:space:]]+\"[^\"]*)%h([^\"]*\")/\\1%a\\2/g' '{}' + # buildkit",
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-08-25T01:37:34Z',
      createdBy:
        "RUN /bin/sh -c set -eux; \tversion='7.1'; \tsha1='e0ca593bc062f7a8c5a956ca44aff7375b0841e0'; \t\tcurl -o wordpress.tar.gz -fL \"https://wordpress.org/wordpress-$version.tar.gz\"; \techo \"$sha1 *wordpress.tar.gz\" | sha1sum -c -; \t\ttar -xzf wordpress.tar.gz -C /usr/src/; \trm wordpress.tar.gz; \t\t[ ! -e /usr/src/wordpress/.htaccess ]; \t{ \t\techo '# BEGIN WordPress'; \t\techo ''; \t\techo 'RewriteEngine On'; \t\techo 'RewriteRule .* - [E=HTTP_AUTHORIZATION:%{HTTP:Authorization}]'; \t\techo 'RewriteBase /'; \t\techo 'RewriteRule ^index\\.php$ - [L]'; \t\techo 'RewriteCond %{REQUEST_FILENAME} !-f'; \t\techo 'RewriteCond %{REQUEST_FILENAME} !-d'; \t\techo 'RewriteRule . /index.php [L]'; \t\techo ''; \t\techo '# END WordPress'; \t} > /usr/src/wordpress/.htaccess; \t\tchown -R www-data:www-data /usr/src/wordpress; \tmkdir wp-content; \tfor dir in /usr/src/wordpress/wp-content/*/ cache; do \t\tdir=\"$(basename \"${dir%/}\")\"; \t\tmkdir \"wp-content/$dir\"; \tdone; \tchown -R www-data:www-data wp-content; \tchmod -R 1777 wp-content # buildkit",
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-08-25T01:37:34Z',
      createdBy: 'VOLUME [/var/www/html]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-08-25T01:37:34Z',
      createdBy: 'COPY --chown=www-data:www-data wp-config-docker.php /usr/src/wordpress/ # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 5818,
    },
    {
      created: '2026-08-25T01:37:34Z',
      createdBy: 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 3459,
    },
    {
      created: '2026-08-25T01:37:34Z',
      createdBy: 'RUN /bin/sh -c ln -svfT docker-entrypoint.sh /usr/local/bin/docker-ensure-installed.sh # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-08-25T01:37:34Z',
      createdBy: 'ENTRYPOINT ["docker-entrypoint.sh"]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-08-25T01:37:34Z',
      createdBy: 'CMD ["apache2-foreground"]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
  ],
  // nginx:alpine
  // repo-info fbaba01 repos/nginx/remote/1.31.3-alpine.md: alpine 3.24.1's two steps, alpine-slim's,
  // then alpine's ENV and RUN (the RUN lines are nginx/docker-nginx's mainline/alpine-slim and
  // mainline/alpine Dockerfiles, joined as BuildKit joins lines). COPY layers at the scripts' sizes,
  // the same files as nginx:latest's. ~: the other layers' share of the unpacked size.
  'sha256:2776cd5b70d8983e27e9f5c90abee3d24c690014ae8ecbb529572d954a459096': [
    {
      created: '2026-06-16T00:01:29Z',
      createdBy: 'ADD alpine-minirootfs-3.24.1-x86_64.tar.gz / # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-06-16T00:01:29Z',
      createdBy: 'CMD ["/bin/sh"]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:31:20Z',
      createdBy: 'LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:31:20Z',
      createdBy: 'ENV NGINX_VERSION=1.31.3',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:31:20Z',
      createdBy: 'ENV PKG_RELEASE=1',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:31:20Z',
      createdBy: 'ENV DYNPKG_RELEASE=1',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:31:20Z',
      createdBy:
        'RUN /bin/sh -c set -x     && addgroup -g 101 -S nginx     && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="         nginx=${NGINX_VERSION}-r${PKG_RELEASE}     "     && apk add --no-cache --virtual .checksum-deps         openssl     && case "$apkArch" in         x86_64|aarch64)             set -x             && KEY_SHA512="e09fa32f0a0eab2b879ccbbc4d0e4fb9751486eedda75e35fac65802cc9faa266425edf83e261137a2f4d16281ce2c1a5f4502930fe75154723da014214f0655"             && wget -O /tmp/nginx_signing.rsa.pub https://nginx.org/keys/nginx_signing.rsa.pub             && if echo "$KEY_SHA512 */tmp/nginx_signing.rsa.pub" | sha512sum -c -; then                 echo "key verification succeeded!";                 mv /tmp/nginx_signing.rsa.pub /etc/apk/keys/;             else                 echo "key verification failed!";                 exit 1;             fi             && DEPS=$(apk query --summarize depends --recursive --no-cache                        --repository "@nginxorg https://nginx.org/packages/mainline/alpine/v$(egrep -o \'^[0-9]+\\.[0-9]+\' /etc/alpine-release)/main"                        ${nginxPackages/=/@nginxorg=})             && apk add --no-cache $DEPS             && apk add --repositories-file /dev/null -X "https://nginx.org/packages/mainline/alpine/v$(egrep -o \'^[0-9]+\\.[0-9]+\' /etc/alpine-release)/main" --no-cache $nginxPackages             ;;         *)             set -x             && tempDir="$(mktemp -d)"             && chown nobody:nobody $tempDir             && apk add --no-cache --virtual .build-deps                 gcc                 libc-dev                 make                 openssl-dev                 pcre2-dev                 zlib-dev                 linux-headers                 bash                 alpine-sdk                 findutils                 curl             && su nobody -s /bin/sh -c "                 export HOME=${tempDir}                 && cd ${tempDir}                 && curl -f -L -O https://github.com/nginx/pkg-oss/archive/${NGINX_VERSION}-${PKG_RELEASE}.tar.gz                 && PKGOSSCHECKSUM=\\"524b75cc72657ce77d90cd25c305aba0a19a7f8a3e5dec8e1cc585cd7985663a444c7873e9040b4576285b49ac117c1ea4bb4077dc592eca52316935e1f75adf *${NGINX_VERSION}-${PKG_RELEASE}.tar.gz\\"                 && if [ \\"\\$(openssl sha512 -r ${NGINX_VERSION}-${PKG_RELEASE}.tar.gz)\\" = \\"\\$PKGOSSCHECKSUM\\" ]; then                     echo \\"pkg-oss tarball checksum verification succeeded!\\";                 else                     echo \\"pkg-oss tarball checksum verification failed!\\";                     exit 1;                 fi                 && tar xzvf ${NGINX_VERSION}-${PKG_RELEASE}.tar.gz                 && cd pkg-oss-${NGINX_VERSION}-${PKG_RELEASE}                 && cd alpine                 && make base                 && apk index --allow-untrusted -o ${tempDir}/packages/alpine/${apkArch}/APKINDEX.tar.gz ${tempDir}/packages/alpine/${apkArch}/*.apk                 && abuild-sign -k ${tempDir}/.abuild/abuild-key.rsa ${tempDir}/packages/alpine/${apkArch}/APKINDEX.tar.gz                 "             && cp ${tempDir}/.abuild/abuild-key.rsa.pub /etc/apk/keys/             && apk del --no-network .build-deps             && DEPS=$(apk query --summarize depends --recursive --no-cache                        --repository "@nginxorg ${tempDir}/packages/alpine/"                        ${nginxPackages/=/@nginxorg=})             && apk add --no-cache $DEPS             && apk add --repositories-file /dev/null -X ${tempDir}/packages/alpine/ --no-cache $nginxPackages             ;;     esac     && apk del --no-network .checksum-deps     && if [ -n "$tempDir" ]; then rm -rf "$tempDir"; fi     && if [ -f "/etc/apk/keys/abuild-key.rsa.pub" ]; then rm -f /etc/apk/keys/abuild-key.rsa.pub; fi     && apk add --no-cache gettext-envsubst     && apk add --no-cache tzdata     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-07-15T23:31:20Z',
      createdBy: 'COPY docker-entrypoint.sh / # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 1620,
    },
    {
      created: '2026-07-15T23:31:20Z',
      createdBy: 'COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 2125,
    },
    {
      created: '2026-07-15T23:31:20Z',
      createdBy: 'COPY 15-local-resolvers.envsh /docker-entrypoint.d # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 389,
    },
    {
      created: '2026-07-15T23:31:20Z',
      createdBy: 'COPY 20-envsubst-on-templates.sh /docker-entrypoint.d # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 3018,
    },
    {
      created: '2026-07-15T23:31:20Z',
      createdBy: 'COPY 30-tune-worker-processes.sh /docker-entrypoint.d # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 4619,
    },
    {
      created: '2026-07-15T23:31:20Z',
      createdBy: 'ENTRYPOINT ["/docker-entrypoint.sh"]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:31:20Z',
      createdBy: 'EXPOSE map[80/tcp:{}]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:31:20Z',
      createdBy: 'STOPSIGNAL SIGQUIT',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:31:20Z',
      createdBy: 'CMD ["nginx" "-g" "daemon off;"]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:57:33Z',
      createdBy: 'ENV NJS_VERSION=1.0.0',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:57:33Z',
      createdBy: 'ENV NJS_RELEASE=1',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:57:33Z',
      createdBy: 'ENV ACME_VERSION=0.4.1',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:57:33Z',
      createdBy:
        'RUN /bin/sh -c set -x     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="         nginx=${NGINX_VERSION}-r${PKG_RELEASE}         nginx-module-xslt=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-geoip=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-image-filter=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-njs=${NGINX_VERSION}.${NJS_VERSION}-r${NJS_RELEASE}         nginx-module-acme=${NGINX_VERSION}.${ACME_VERSION}-r${PKG_RELEASE}     "     && apk add --no-cache --virtual .checksum-deps         openssl     && case "$apkArch" in         x86_64|aarch64)             apk add -X "https://nginx.org/packages/mainline/alpine/v$(egrep -o \'^[0-9]+\\.[0-9]+\' /etc/alpine-release)/main" --no-cache $nginxPackages             ;;         *)             set -x             && tempDir="$(mktemp -d)"             && chown nobody:nobody $tempDir             && apk add --no-cache --virtual .build-deps                 gcc                 libc-dev                 make                 openssl-dev                 pcre2-dev                 zlib-dev                 linux-headers                 libxslt-dev                 gd-dev                 geoip-dev                 libedit-dev                 bash                 alpine-sdk                 findutils                 curl                 cargo                 clang-libclang             && su nobody -s /bin/sh -c "                 export HOME=${tempDir}                 && cd ${tempDir}                 && curl -f -L -O https://github.com/nginx/pkg-oss/archive/${NGINX_VERSION}-${PKG_RELEASE}.tar.gz                 && PKGOSSCHECKSUM=\\"524b75cc72657ce77d90cd25c305aba0a19a7f8a3e5dec8e1cc585cd7985663a444c7873e9040b4576285b49ac117c1ea4bb4077dc592eca52316935e1f75adf *${NGINX_VERSION}-${PKG_RELEASE}.tar.gz\\"                 && if [ \\"\\$(openssl sha512 -r ${NGINX_VERSION}-${PKG_RELEASE}.tar.gz)\\" = \\"\\$PKGOSSCHECKSUM\\" ]; then                     echo \\"pkg-oss tarball checksum verification succeeded!\\";                 else                     echo \\"pkg-oss tarball checksum verification failed!\\";                     exit 1;                 fi                 && tar xzvf ${NGINX_VERSION}-${PKG_RELEASE}.tar.gz                 && cd pkg-oss-${NGINX_VERSION}-${PKG_RELEASE}                 && cd alpine                 && export BUILDTARGET=\\"module-geoip module-image-filter module-njs module-xslt module-acme\\"                 && if [ \\"\\$(apk --print-arch)\\" = \\"armhf\\" ]; then BUILDTARGET=\\"\\$( echo \\$BUILDTARGET | sed \'s,module-acme,,\' )\\"; fi                 && make \\$BUILDTARGET                 && apk index --allow-untrusted -o ${tempDir}/packages/alpine/${apkArch}/APKINDEX.tar.gz ${tempDir}/packages/alpine/${apkArch}/*.apk                 && abuild-sign -k ${tempDir}/.abuild/abuild-key.rsa ${tempDir}/packages/alpine/${apkArch}/APKINDEX.tar.gz                 "             && cp ${tempDir}/.abuild/abuild-key.rsa.pub /etc/apk/keys/             && apk del --no-network .build-deps             && if [ "$apkArch" = "armhf" ]; then nginxPackages="$( echo $nginxPackages | sed \'s,nginx-module-acme=.*,,\')"; fi             && apk add -X ${tempDir}/packages/alpine/ --no-cache $nginxPackages             ;;     esac     && apk del --no-network .checksum-deps     && if [ -n "$tempDir" ]; then rm -rf "$tempDir"; fi     && if [ -f "/etc/apk/keys/abuild-key.rsa.pub" ]; then rm -f /etc/apk/keys/abuild-key.rsa.pub; fi     && apk add --no-cache curl ca-certificates # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
  ],
  // traefik/whoami
  // traefik/whoami v1.11.0: goreleaser's `dockers` (use: buildx) build buildx.Dockerfile's last stage,
  // FROM scratch: three COPY layers (BuildKit leaves --from out of the record) and two empty steps.
  // ~: the date, the catalog's placeholder (the tag's commit), and the layers' unpacked sizes.
  'sha256:1699d99cb4b9acc17f74ca670b3d8d0b7ba27c948b3445f0593b58ebece92f04': [
    {
      created: '2025-02-17T14:12:04Z',
      createdBy: 'COPY /usr/share/zoneinfo /usr/share/zoneinfo # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2025-02-17T14:12:04Z',
      createdBy: 'COPY /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2025-02-17T14:12:04Z',
      createdBy: 'COPY whoami / # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2025-02-17T14:12:04Z',
      createdBy: 'ENTRYPOINT ["/whoami"]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2025-02-17T14:12:04Z',
      createdBy: 'EXPOSE map[80/tcp:{}]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
  ],
  // nicolaka/netshoot
  // nicolaka/netshoot f786ed2 (v0.14, the last on alpine:3.22.0, the catalog's release) Dockerfile's last
  // stage, built with docker buildx: alpine 3.22.0's two steps (docker-library/repo-info: ADD ... # buildkit,
  // CMD, 30 May 2025 16:20:41), then each instruction as BuildKit's dockerfile2llb (moby/buildkit 73ed682
  // convert.go) records it: lines joined as its parser joins them, COPY without --from, `ENV k=v` for the
  // legacy `ENV HOSTNAME netshoot`, WORKDIR /root a layer (an existing directory: the empty tar, nothing
  // unpacked), USER, ENV and CMD empty. The COPY zshrc and motd layers at those files' sizes there.
  // ~: the build's date (the catalog's placeholder) and the other layers' unpacked sizes (shares).
  'sha256:7f08c4aff13ff61a35d30e30c5c1ea8396eac6ab4ce19fd02d5a4b3b5d0d09a2': [
    {
      created: '2025-05-30T16:20:41Z',
      createdBy: 'ADD alpine-minirootfs-3.22.0-x86_64.tar.gz / # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2025-05-30T16:20:41Z',
      createdBy: 'CMD ["/bin/sh"]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-06-02T18:11:47Z',
      createdBy:
        'RUN /bin/sh -c set -ex     && echo "http://dl-cdn.alpinelinux.org/alpine/edge/main" >> /etc/apk/repositories     && echo "http://dl-cdn.alpinelinux.org/alpine/edge/testing" >> /etc/apk/repositories     && echo "http://dl-cdn.alpinelinux.org/alpine/edge/community" >> /etc/apk/repositories     && apk update     && apk upgrade     && apk add --no-cache     apache2-utils     bash     bind-tools     bird     bridge-utils     busybox-extras     conntrack-tools     curl     dhcping     drill     ethtool     file    fping     iftop     iperf     iperf3     iproute2     ipset     iptables     iptraf-ng     iputils     ipvsadm     httpie     jq     libc6-compat     liboping     ltrace     mtr     net-snmp-tools     netcat-openbsd     nftables     ngrep     nmap     nmap-nping     nmap-scripts     openssl     py3-pip     py3-setuptools     scapy     socat     speedtest-cli     openssh     oh-my-zsh     strace     tcpdump     tcptraceroute     trippy     tshark     util-linux     vim     git     zsh     websocat     swaks     perl-crypt-ssleay     perl-net-ssleay # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-06-02T18:11:47Z',
      createdBy: 'COPY /tmp/ctop /usr/local/bin/ctop # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-06-02T18:11:47Z',
      createdBy: 'COPY /tmp/calicoctl /usr/local/bin/calicoctl # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-06-02T18:11:47Z',
      createdBy: 'COPY /tmp/termshark /usr/local/bin/termshark # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-06-02T18:11:47Z',
      createdBy: 'COPY /tmp/grpcurl /usr/local/bin/grpcurl # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-06-02T18:11:47Z',
      createdBy: 'COPY /tmp/fortio /usr/local/bin/fortio # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-06-02T18:11:47Z',
      createdBy: 'USER root',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-06-02T18:11:47Z',
      createdBy: 'WORKDIR /root',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 0,
    },
    {
      created: '2026-06-02T18:11:47Z',
      createdBy: 'ENV HOSTNAME=netshoot',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-06-02T18:11:47Z',
      createdBy:
        'RUN /bin/sh -c curl -fsSL https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master/tools/install.sh | sh # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-06-02T18:11:47Z',
      createdBy:
        'RUN /bin/sh -c git clone https://github.com/zsh-users/zsh-autosuggestions ${ZSH_CUSTOM:-~/.oh-my-zsh/custom}/plugins/zsh-autosuggestions # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-06-02T18:11:47Z',
      createdBy:
        'RUN /bin/sh -c git clone --depth=1 https://github.com/romkatv/powerlevel10k.git ${ZSH_CUSTOM:-$HOME/.oh-my-zsh/custom}/themes/powerlevel10k # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-06-02T18:11:47Z',
      createdBy: 'COPY zshrc .zshrc # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 4626,
    },
    {
      created: '2026-06-02T18:11:47Z',
      createdBy: 'COPY motd motd # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 592,
    },
    {
      created: '2026-06-02T18:11:47Z',
      createdBy: 'RUN /bin/sh -c chmod -R g=u /root # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-06-02T18:11:47Z',
      createdBy: 'RUN /bin/sh -c chown root:root /usr/bin/dumpcap # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-06-02T18:11:47Z',
      createdBy: 'CMD ["zsh"]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
  ],
  // curlimages/curl
  // curl/curl-container 96c8e58: create_base_image.sh and create_appliance_image.sh build working
  // containers with `buildah run`/`config`/`copy` (no Containerfile) and each ends `buildah commit
  // --squash`. buildah 5b1b18e image.go (the same in v1.33.0, ubuntu-latest's, which its CI installs): squashing clears the
  // base's history and writes one entry for the one layer, created_by the builder's `config
  // --created-by` (never set here), else its SHELL joined (none), else `/bin/sh`; comment
  // `config --history-comment`'s (none). ~: the date, the catalog's placeholder.
  'sha256:4b1c6a0d3e8f2a7c9b5d1e3f6a8c0b2d4e6f8a1c3e5b7d9f0a2c4e6b8d0f2a4c': [
    {
      created: '2026-07-01T12:52:16Z',
      createdBy: '/bin/sh',
      comment: '',
      emptyLayer: false,
    },
  ],
};
